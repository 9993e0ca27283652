import { globalIgnores } from 'eslint/config'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import pluginVue from 'eslint-plugin-vue'
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting'

// Chinese (CJK) text belongs in src/locales only; components and modules use i18n keys.
const CJK = '[\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef]'

export default defineConfigWithVueTs(
  {
    name: 'app/files-to-lint',
    files: ['**/*.{js,mjs,ts,mts,vue}'],
  },

  globalIgnores([
    '**/dist/**',
    '**/coverage/**',
    '**/node_modules/**',
    'src/api/schema.d.ts',
    // Playwright's output (traces, the HTML report's viewer)
    'test-results/**',
    'playwright-report/**',
  ]),

  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,

  {
    name: 'app/rules',
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      'vue/component-api-style': ['error', ['script-setup']],
      'vue/no-unused-refs': 'error',
      'vue/no-useless-v-bind': 'error',
    },
  },

  {
    name: 'app/no-chinese-outside-locales',
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/locales/**', 'src/**/__tests__/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=/${CJK}/]`,
          message: 'Put user-facing Chinese text in src/locales/*.ts and use t().',
        },
        {
          selector: `TemplateElement[value.raw=/${CJK}/]`,
          message: 'Put user-facing Chinese text in src/locales/*.ts and use t().',
        },
      ],
      'vue/no-restricted-syntax': [
        'error',
        {
          selector: `VText[value=/${CJK}/]`,
          message: 'Put user-facing Chinese text in src/locales/*.ts and use t() in the template.',
        },
        {
          selector: `VLiteral[value=/${CJK}/]`,
          message: 'Put user-facing Chinese text in src/locales/*.ts and use t() in the template.',
        },
        {
          selector: `Literal[value=/${CJK}/]`,
          message: 'Put user-facing Chinese text in src/locales/*.ts and use t() in the template.',
        },
      ],
    },
  },

  skipFormatting,
)
