import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The backend (Quarkus, :8080) serves /api and /q; in dev Vite proxies them so the SPA stays same-origin.
const backend = process.env.JINGUO_BACKEND_URL ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/q': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) {
            return 'element-plus'
          }
          // Charts load with the pages that draw them, not with every page.
          if (/node_modules\/(echarts|zrender|vue-echarts|vue-demi)\//.test(id)) {
            return 'echarts'
          }
          if (id.includes('node_modules/')) {
            return 'vendor'
          }
          return undefined
        },
      },
    },
    chunkSizeWarningLimit: 1200,
  },
})
