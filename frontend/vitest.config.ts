import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      exclude: [...configDefaults.exclude, 'e2e/**'],
      root: fileURLToPath(new URL('./', import.meta.url)),
      setupFiles: ['./src/__tests__/setup.ts'],
      css: false,
      server: {
        deps: {
          // Let Vite resolve Element Plus's imports as the browser build does (async-validator's ESM
          // entry); Node's own CommonJS interop hands form validation a non-constructor otherwise.
          inline: ['element-plus'],
        },
      },
    },
  }),
)
