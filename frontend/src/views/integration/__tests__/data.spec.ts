import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/locales'
import {
  CLIENT_ID_PATTERN,
  HTTPS_URL,
  clientFormRules,
  clientToggle,
  formatInstant,
  statusTag,
  toClientCreate,
  toWebhookCreate,
  webhookToggle,
} from '../data'
import { client, webhook } from './fixtures'

describe('integration data', () => {
  it('colours an HTTP status by its class', () => {
    expect([200, 204, 301, 400, 404, 429, 500, 503].map(statusTag)).toEqual([
      'success',
      'success',
      'info',
      'warning',
      'warning',
      'warning',
      'danger',
      'danger',
    ])
    expect(statusTag(undefined)).toBe('danger')
  })

  it('accepts the clientIds Keycloak and the API accept', () => {
    for (const id of ['city-platform', 'yubei.portal_2', 'A1']) expect(CLIENT_ID_PATTERN.test(id)).toBe(true)
    for (const id of ['city platform', '市平台', 'a/b', '']) expect(CLIENT_ID_PATTERN.test(id)).toBe(false)
  })

  it('checks the clientId only when registering', () => {
    const { t } = createAppI18n('zh-CN').global
    expect(clientFormRules(t, true).clientId?.length).toBeGreaterThan(0)
    expect(clientFormRules(t, false).clientId).toEqual([])
  })

  it('asks for https', () => {
    expect(HTTPS_URL.test('https://platform.example.cn/in')).toBe(true)
    expect(HTTPS_URL.test('http://platform.example.cn/in')).toBe(false)
    expect(HTTPS_URL.test('https://')).toBe(false)
  })

  it('trims what is sent and leaves out an empty description', () => {
    expect(
      toClientCreate({
        clientId: ' a.b ',
        name: ' 名 ',
        description: '  ',
        orgId: '1',
        scopes: ['FEED_READ'],
      }),
    ).toEqual({ clientId: 'a.b', name: '名', description: undefined, orgId: '1', scopes: ['FEED_READ'] })
    expect(toWebhookCreate({ url: ' https://x.cn/in ', types: ['RECEIPT_SIGNED'], orgId: '118' })).toEqual({
      url: 'https://x.cn/in',
      types: ['RECEIPT_SIGNED'],
      orgId: '118',
    })
  })

  it('switches a client or webhook on or off and keeps the rest as listed', () => {
    expect(clientToggle(client({ description: undefined }))).toEqual({
      name: '市综合信息平台',
      description: undefined,
      orgId: '1',
      scopes: ['SUBMISSIONS_READ', 'FEED_READ'],
      enabled: false,
    })
    expect(webhookToggle(webhook({ enabled: false }))).toEqual({
      url: 'https://platform.example.cn/jinguo/events',
      types: ['ACTIVITY_ACCEPTED'],
      enabled: true,
    })
  })

  it('shows instants to the second in Beijing time', () => {
    expect(formatInstant('2024-03-10T10:00:05Z')).toBe('2024-03-10 18:00:05')
    expect(formatInstant(undefined)).toBe('')
  })
})
