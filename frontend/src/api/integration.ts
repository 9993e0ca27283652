import { api, quiet, unwrap } from './client'
import { ApiError, toProblem } from './problem'
import type {
  IntegrationCallPage,
  IntegrationClient,
  IntegrationClientCreate,
  IntegrationClientPage,
  IntegrationClientUpdate,
  Webhook,
  WebhookCreate,
  WebhookCreated,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookPage,
  WebhookUpdate,
} from './types'

/**
 * The integration API for platform administrators: machine clients (/api/v1/integration-clients) and
 * webhooks (/api/v1/webhooks). Failures throw ApiError; the client has already shown them unless quiet.
 */

/** The If-Match of a listed row: the server's ETag is its version. */
function ifMatch(row: { version: number }): string {
  return `"${row.version}"`
}

/** A key per user action, so a retried POST that creates a secret returns the same one instead of a second. */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts; an intranet deployment may be served over plain http.
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID()
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// ---- integration clients ----------------------------------------------------------------------

export interface ClientQuery {
  q?: string
  page?: number
  size?: number
}

export async function listIntegrationClients({
  q,
  page = 0,
  size = 20,
}: ClientQuery = {}): Promise<IntegrationClientPage> {
  return unwrap(
    api.GET('/api/v1/integration-clients', { params: { query: { q: q?.trim() || undefined, page, size } } }),
  )
}

/** Field errors (400), a clientId already registered (409) and a closed org (422) are left to the dialog. */
export async function createIntegrationClient(body: IntegrationClientCreate): Promise<IntegrationClient> {
  return unwrap(api.POST('/api/v1/integration-clients', { body, headers: quiet(400, 409, 422) }))
}

/** Re-reads one client (after a 412). */
export async function fetchIntegrationClient(id: string): Promise<IntegrationClient> {
  return unwrap(api.GET('/api/v1/integration-clients/{id}', { params: { path: { id } } }))
}

/** PUT with the row's version as If-Match: 412 (changed meanwhile), 400 and 422 are left to the caller. */
export async function updateIntegrationClient(
  client: IntegrationClient,
  body: IntegrationClientUpdate,
): Promise<IntegrationClient> {
  return unwrap(
    api.PUT('/api/v1/integration-clients/{id}', {
      params: { path: { id: client.id }, header: { 'If-Match': ifMatch(client) } },
      body,
      headers: quiet(400, 412, 422),
    }),
  )
}

/** 412 is left to the caller. */
export async function deleteIntegrationClient(client: IntegrationClient): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/integration-clients/{id}', {
    params: { path: { id: client.id }, header: { 'If-Match': ifMatch(client) } },
    headers: quiet(412),
  })
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response.status))
}

export async function listIntegrationCalls(id: string, page = 0, size = 20): Promise<IntegrationCallPage> {
  return unwrap(
    api.GET('/api/v1/integration-clients/{id}/calls', { params: { path: { id }, query: { page, size } } }),
  )
}

// ---- webhooks -----------------------------------------------------------------------------------

/** Every subscription (a platform admin sees all of them, the clients' own included). */
export async function listWebhooks(): Promise<WebhookPage> {
  return unwrap(api.GET('/api/v1/webhooks'))
}

/** Re-reads one subscription (after a 412). */
export async function fetchWebhook(id: string): Promise<Webhook> {
  return unwrap(api.GET('/api/v1/webhooks/{id}', { params: { path: { id } } }))
}

/** Field errors (400) and a refused URL or org (422) are left to the dialog. The secret comes this once. */
export async function createWebhook(body: WebhookCreate, idempotencyKey?: string): Promise<WebhookCreated> {
  return unwrap(
    api.POST('/api/v1/webhooks', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      body,
      headers: quiet(400, 422),
    }),
  )
}

/** PUT with the row's version as If-Match: 412, 400 and 422 (URL refused) are left to the caller. */
export async function updateWebhook(webhook: Webhook, body: WebhookUpdate): Promise<Webhook> {
  return unwrap(
    api.PUT('/api/v1/webhooks/{id}', {
      params: { path: { id: webhook.id }, header: { 'If-Match': ifMatch(webhook) } },
      body,
      headers: quiet(400, 412, 422),
    }),
  )
}

/** 412 is left to the caller. */
export async function deleteWebhook(webhook: Webhook): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/webhooks/{id}', {
    params: { path: { id: webhook.id }, header: { 'If-Match': ifMatch(webhook) } },
    headers: quiet(412),
  })
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response.status))
}

/** A new signing secret (the old one stops working at once); 412 is left to the caller. */
export async function rotateWebhookSecret(
  webhook: Webhook,
  idempotencyKey?: string,
): Promise<WebhookCreated> {
  return unwrap(
    api.POST('/api/v1/webhooks/{id}/secret', {
      params: {
        path: { id: webhook.id },
        header: { 'If-Match': ifMatch(webhook), 'Idempotency-Key': idempotencyKey },
      },
      headers: quiet(412),
    }),
  )
}

export interface DeliveryQuery {
  status?: WebhookDeliveryStatus
  page?: number
  size?: number
}

export async function listWebhookDeliveries(
  id: string,
  { status, page = 0, size = 20 }: DeliveryQuery = {},
): Promise<WebhookDeliveryPage> {
  return unwrap(
    api.GET('/api/v1/webhooks/{id}/deliveries', {
      params: { path: { id }, query: { status, page, size } },
    }),
  )
}

/** Sends one event again now (dead letters too) and answers with the delivery after that attempt. */
export async function redeliverWebhook(
  id: string,
  deliveryId: string,
  idempotencyKey?: string,
): Promise<WebhookDelivery> {
  return unwrap(
    api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
      params: { path: { id, deliveryId }, header: { 'Idempotency-Key': idempotencyKey } },
    }),
  )
}
