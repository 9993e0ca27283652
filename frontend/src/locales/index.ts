import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import enUS from './en-US'

export const SUPPORTED_LOCALES = ['zh-CN', 'en-US'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]

const STORAGE_KEY = 'jinguo.locale'

declare module 'vue-i18n' {
  // Typed message keys for t() everywhere.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/** The UI language: the saved choice, else Chinese (the platform's users work in Chinese). */
export function initialLocale(): AppLocale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY)
    if (isAppLocale(saved)) return saved
  } catch {
    // storage unavailable (privacy mode): fall through
  }
  return 'zh-CN'
}

export function createAppI18n(locale: AppLocale = initialLocale()) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, 'en-US': enUS },
    missingWarn: import.meta.env.DEV,
    fallbackWarn: import.meta.env.DEV,
  })
}

export const i18n = createAppI18n()

export function currentLocale(): AppLocale {
  const value = i18n.global.locale.value
  return isAppLocale(value) ? value : 'zh-CN'
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // ignore
  }
}

/** The Accept-Language header the API gets: its problem messages follow it. */
export function acceptLanguage(locale: AppLocale = currentLocale()): string {
  return locale === 'en-US' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9'
}
