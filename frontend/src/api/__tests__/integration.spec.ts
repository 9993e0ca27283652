import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IntegrationClient, Webhook } from '../types'
import type * as ClientModule from '../client'

interface Seen {
  method: string
  url: string
  headers: Headers
  body: string
}

const http = vi.hoisted(() => ({ seen: [] as Seen[], responses: [] as Response[] }))

// The module's requests go through a real openapi-fetch client with the app's middleware, to a fake server.
vi.mock('../client', async (importOriginal) => {
  const original = await importOriginal<typeof ClientModule>()
  const api = original.createApiClient(
    {
      auth: { accessToken: () => 'token', renew: async () => null, login: () => undefined },
      acceptLanguage: () => 'zh-CN',
      notify: () => undefined,
      fallbackMessage: () => 'failed',
    },
    {
      baseUrl: 'http://localhost',
      fetch: async (request: Request) => {
        http.seen.push({
          method: request.method,
          url: request.url,
          headers: new Headers(request.headers),
          body: await request.text(),
        })
        const next = http.responses.shift()
        if (!next) throw new Error('no response queued')
        return next
      },
    },
  )
  return { ...original, api }
})

const {
  createWebhook,
  deleteIntegrationClient,
  listIntegrationClients,
  listWebhookDeliveries,
  newIdempotencyKey,
  rotateWebhookSecret,
  updateIntegrationClient,
} = await import('../integration')

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const row = { id: '3', version: 2 } as IntegrationClient
const hook = { id: '5', version: 0 } as Webhook

beforeEach(() => {
  http.seen.length = 0
  http.responses.length = 0
})

describe('integration API module', () => {
  it('lists clients with the search trimmed and the page', async () => {
    http.responses.push(json(200, { items: [], total: 0, page: 1, size: 20 }))
    await listIntegrationClients({ q: ' city ', page: 1 })
    expect(http.seen[0]?.url).toBe('http://localhost/api/v1/integration-clients?q=city&page=1&size=20')
  })

  it('quotes the row’s version in If-Match and leaves a 412 to the caller', async () => {
    http.responses.push(json(200, { id: '3' }))
    await updateIntegrationClient(row, { name: 'n', orgId: '1', scopes: ['FEED_READ'], enabled: false })
    expect(http.seen[0]?.method).toBe('PUT')
    expect(http.seen[0]?.headers.get('If-Match')).toBe('"2"')
    expect(http.seen[0]?.headers.has('X-Jinguo-Quiet')).toBe(false)

    http.responses.push(json(412, { title: '数据已被修改', status: 412, code: 'PRECONDITION_FAILED' }))
    await expect(deleteIntegrationClient(row)).rejects.toMatchObject({ status: 412 })
    expect(http.seen[1]?.method).toBe('DELETE')
    expect(http.seen[1]?.headers.get('If-Match')).toBe('"2"')
  })

  it('sends an Idempotency-Key with the POSTs that return a secret', async () => {
    http.responses.push(json(201, { webhook: hook, secret: 's' }))
    await createWebhook({ url: 'https://x.cn/in', types: ['RECEIPT_SIGNED'], orgId: '1' }, 'key-1')
    expect(http.seen[0]?.headers.get('Idempotency-Key')).toBe('key-1')
    expect(JSON.parse(http.seen[0]?.body ?? '')).toEqual({
      url: 'https://x.cn/in',
      types: ['RECEIPT_SIGNED'],
      orgId: '1',
    })

    http.responses.push(json(200, { webhook: hook, secret: 's2' }))
    await rotateWebhookSecret(hook, 'key-2')
    expect(http.seen[1]?.url).toBe('http://localhost/api/v1/webhooks/5/secret')
    expect(http.seen[1]?.headers.get('If-Match')).toBe('"0"')
    expect(http.seen[1]?.headers.get('Idempotency-Key')).toBe('key-2')
  })

  it('filters deliveries by state', async () => {
    http.responses.push(json(200, { items: [], total: 0, page: 0, size: 20 }))
    await listWebhookDeliveries('5', { status: 'DEAD' })
    expect(http.seen[0]?.url).toBe('http://localhost/api/v1/webhooks/5/deliveries?status=DEAD&page=0&size=20')
  })

  it('makes a fresh UUID for each action', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })

  it('makes one without crypto.randomUUID too (a page served over plain http)', () => {
    const real = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(a: T) => real.getRandomValues(a) })
    try {
      expect(newIdempotencyKey()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
