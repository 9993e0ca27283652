import { describe, expect, it } from 'vitest'
import zhCN from '../zh-CN'
import enUS from '../en-US'
import { acceptLanguage, createAppI18n } from '..'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('locales', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(keys(enUS).sort()).toEqual(keys(zhCN).sort())
    for (const key of keys(enUS)) {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], enUS)
      expect(typeof value === 'string' && value.length > 0, key).toBe(true)
    }
  })

  it('names the org types, levels and roles as the federation does', () => {
    const { t } = createAppI18n('zh-CN').global
    expect(t('app.title')).toBe('巾帼 · 妇联工作平台')
    expect(
      ['FEDERATION', 'WORK_COMMITTEE', 'ENTERPRISE', 'DEPARTMENT', 'SOCIAL'].map((k) => t(`org.type.${k}`)),
    ).toEqual(['妇联', '机关/系统妇委会·妇工委', '企事业单位妇女组织', '内设部室', '女性社会组织'])
    expect(['CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE'].map((k) => t(`org.level.${k}`))).toEqual([
      '市级',
      '区县级',
      '乡镇(街道)级',
      '村(社区)级',
    ])
    expect(['ORG_ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'].map((k) => t(`role.${k}`))).toEqual([
      '管理员',
      '编辑',
      '审核',
      '查看',
    ])
  })

  it('every message compiles and interpolates (no stray { } @ | in the text)', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const { t } = createAppI18n(locale).global
      for (const key of keys(zhCN)) {
        const text = t(key, { name: 'N', field: 'F', max: 1, total: 2, loaded: 1, size: 3, percent: 4 })
        expect(text, `${locale} ${key}`).not.toBe(key)
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/)
      }
    }
  })

  it('asks the API for messages in the UI language', () => {
    expect(acceptLanguage('zh-CN')).toMatch(/^zh-CN/)
    expect(acceptLanguage('en-US')).toMatch(/^en-US/)
  })
})
