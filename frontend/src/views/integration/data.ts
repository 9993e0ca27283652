import type { FormItemRule } from 'element-plus'
import type { ComposerTranslation } from 'vue-i18n'
import type {
  ClientScope,
  FeedType,
  IntegrationClient,
  IntegrationClientCreate,
  IntegrationClientUpdate,
  Webhook,
  WebhookCreate,
  WebhookDeliveryStatus,
  WebhookUpdate,
} from '@/api/types'
import { BUSINESS_ZONE } from '@/components/notice/format'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'
type Translate = ComposerTranslation

/** The API's limits (IntegrationClientCreate, WebhookCreate), mirrored so the form says so before sending. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9._-]+$/
export const MAX_CLIENT_ID = 100
export const MAX_NAME = 100
export const MAX_DESCRIPTION = 500
export const MAX_URL = 2000
/** The server refuses anything but https (and internal addresses, which only it can tell). */
export const HTTPS_URL = /^https:\/\/\S+$/i

/** An HTTP status coloured by its class: 2xx fine, 3xx odd, 4xx the caller's fault, 5xx the server's. */
export function statusTag(status: number | null | undefined): TagType {
  if (status === null || status === undefined) return 'danger'
  if (status >= 200 && status < 300) return 'success'
  if (status >= 300 && status < 400) return 'info'
  if (status >= 400 && status < 500) return 'warning'
  return 'danger'
}

export const DELIVERY_TAG: Record<WebhookDeliveryStatus, TagType> = {
  PENDING: 'info',
  RETRYING: 'warning',
  DELIVERED: 'success',
  DEAD: 'danger',
}

/** "2024-03-10 18:00:05" in Beijing time (calls and attempts come seconds apart), '' without a value. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return ''
  const time = Date.parse(value)
  if (Number.isNaN(time)) return value
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: BUSINESS_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(time))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`
}

// ---- integration client form ----

export interface ClientForm {
  clientId: string
  name: string
  description: string
  orgId: string
  scopes: ClientScope[]
}

export function emptyClientForm(): ClientForm {
  return { clientId: '', name: '', description: '', orgId: '', scopes: [] }
}

export function clientFormFrom(client: IntegrationClient): ClientForm {
  return {
    clientId: client.clientId,
    name: client.name,
    description: client.description ?? '',
    orgId: client.orgId,
    scopes: [...client.scopes],
  }
}

export function toClientCreate(form: ClientForm): IntegrationClientCreate {
  return {
    clientId: form.clientId.trim(),
    name: form.name.trim(),
    description: form.description.trim() || undefined,
    orgId: form.orgId,
    scopes: [...form.scopes],
  }
}

export function toClientUpdate(form: ClientForm, enabled: boolean): IntegrationClientUpdate {
  return {
    name: form.name.trim(),
    description: form.description.trim() || undefined,
    orgId: form.orgId,
    scopes: [...form.scopes],
    enabled,
  }
}

/** The PUT that only switches a client on or off (the rest as listed). */
export function clientToggle(client: IntegrationClient): IntegrationClientUpdate {
  return toClientUpdate(clientFormFrom(client), !client.enabled)
}

export function clientFormRules(t: Translate, creating: boolean): Record<string, FormItemRule[]> {
  return {
    clientId: creating
      ? [
          { required: true, whitespace: true, message: t('integration.client.form.clientIdRequired') },
          {
            // checked as sent: surrounding spaces (a paste from Keycloak) are trimmed, inner ones are not allowed
            validator: (_rule, value: unknown, callback) => {
              const id = typeof value === 'string' ? value.trim() : ''
              if (id && !CLIENT_ID_PATTERN.test(id))
                callback(new Error(t('integration.client.form.clientIdPattern')))
              else callback()
            },
          },
          { max: MAX_CLIENT_ID, message: t('integration.client.form.clientIdTooLong') },
        ]
      : [],
    name: [
      { required: true, whitespace: true, message: t('integration.client.form.nameRequired') },
      { max: MAX_NAME, message: t('integration.client.form.nameTooLong') },
    ],
    description: [{ max: MAX_DESCRIPTION, message: t('integration.client.form.descriptionTooLong') }],
    orgId: [{ required: true, message: t('integration.client.form.orgRequired') }],
    scopes: [{ type: 'array', required: true, min: 1, message: t('integration.client.form.scopesRequired') }],
  }
}

// ---- webhook form ----

export interface WebhookForm {
  url: string
  types: FeedType[]
  orgId: string
}

export function emptyWebhookForm(): WebhookForm {
  return { url: '', types: [], orgId: '' }
}

export function webhookFormFrom(webhook: Webhook): WebhookForm {
  return { url: webhook.url, types: [...webhook.types], orgId: webhook.orgId }
}

export function toWebhookCreate(form: WebhookForm): WebhookCreate {
  return { url: form.url.trim(), types: [...form.types], orgId: form.orgId }
}

export function toWebhookUpdate(form: WebhookForm, enabled: boolean): WebhookUpdate {
  return { url: form.url.trim(), types: [...form.types], enabled }
}

export function webhookToggle(webhook: Webhook): WebhookUpdate {
  return toWebhookUpdate(webhookFormFrom(webhook), !webhook.enabled)
}

export function webhookFormRules(t: Translate, creating: boolean): Record<string, FormItemRule[]> {
  return {
    url: [
      { required: true, whitespace: true, message: t('integration.webhook.form.urlRequired') },
      {
        validator: (_rule, value: unknown, callback) => {
          if (typeof value === 'string' && value.trim() && !HTTPS_URL.test(value.trim()))
            callback(new Error(t('integration.webhook.form.urlHttps')))
          else callback()
        },
      },
      { max: MAX_URL, message: t('integration.webhook.form.urlTooLong') },
    ],
    types: [{ type: 'array', required: true, min: 1, message: t('integration.webhook.form.typesRequired') }],
    orgId: creating ? [{ required: true, message: t('integration.webhook.form.orgRequired') }] : [],
  }
}
