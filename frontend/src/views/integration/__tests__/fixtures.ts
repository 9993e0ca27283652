import type {
  IntegrationCall,
  IntegrationClient,
  Webhook,
  WebhookAttempt,
  WebhookDelivery,
} from '@/api/types'

export function client(overrides: Partial<IntegrationClient> = {}): IntegrationClient {
  return {
    id: '3',
    clientId: 'city-platform',
    name: '市综合信息平台',
    description: '接收采用的活动信息',
    orgId: '1',
    orgName: '重庆市妇女联合会',
    scopes: ['SUBMISSIONS_READ', 'FEED_READ'],
    enabled: true,
    createdBy: 'platform_admin',
    createdAt: '2024-03-01T02:00:00Z',
    updatedAt: '2024-03-01T02:00:00Z',
    lastCallAt: '2024-03-10T10:00:00Z',
    version: 2,
    ...overrides,
  }
}

export function call(overrides: Partial<IntegrationCall> = {}): IntegrationCall {
  return {
    at: '2024-03-10T10:00:05Z',
    method: 'GET',
    path: '/api/v1/feed?after=104200',
    status: 200,
    durationMs: 18,
    ...overrides,
  }
}

export function webhook(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: '5',
    url: 'https://platform.example.cn/jinguo/events',
    types: ['ACTIVITY_ACCEPTED'],
    orgId: '1',
    orgName: '重庆市妇女联合会',
    ownerClientId: 'city-platform',
    enabled: true,
    pending: 2,
    dead: 1,
    lastDeliveredAt: '2024-03-10T09:00:00Z',
    createdBy: 'city-platform',
    createdAt: '2024-03-01T02:00:00Z',
    updatedAt: '2024-03-01T02:00:00Z',
    version: 0,
    ...overrides,
  }
}

export function attempt(overrides: Partial<WebhookAttempt> = {}): WebhookAttempt {
  return { at: '2024-03-10T10:00:00Z', statusCode: 500, durationMs: 35, manual: false, ...overrides }
}

export function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: '881',
    eventId: '104233',
    eventType: 'ACTIVITY_ACCEPTED',
    status: 'DEAD',
    attempts: 8,
    lastStatusCode: 500,
    lastError: undefined,
    log: [attempt(), attempt({ at: '2024-03-10T09:00:00Z', statusCode: undefined, error: 'timeout' })],
    ...overrides,
  }
}

export function page<T>(items: T[], total = items.length, size = 20) {
  return { items, total, page: 0, size }
}
