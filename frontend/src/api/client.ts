import { ElMessage } from 'element-plus'
import createClient, { type Client, type Middleware } from 'openapi-fetch'
import { acceptLanguage, i18n } from '@/locales'
import type { paths } from './schema'
import { ApiError, problemMessage, toProblem } from './problem'
import type { Problem } from './types'

/**
 * The one HTTP client of the SPA. Every request to /api/v1 goes through it, so the bearer token,
 * Accept-Language, the 401 → silent renew → login dance and the problem+json messages live here only.
 */

/** What the client needs from the login session (supplied by the auth store once OIDC is set up). */
export interface AuthHooks {
  /** The current access token, or null when signed out. */
  accessToken(): string | null | Promise<string | null>
  /** Try to get a fresh token without user interaction; null when that is not possible. */
  renew(): Promise<string | null>
  /** Send the user to the login page (the request that failed is abandoned). */
  login(): void | Promise<void>
}

export interface ClientHooks {
  auth: AuthHooks
  /** Value of the Accept-Language header (problem messages follow it). */
  acceptLanguage(): string
  /** Show an error to the user (ElMessage in the app). */
  notify(message: string): void
  /** Text for a failure without a readable problem document. */
  fallbackMessage(status: number | 'network'): string
}

/**
 * Header a caller sets to handle some failures itself instead of getting a toast:
 * `quiet(412)`, `quiet(409, 422)`, or `quiet()` for all. The client strips it before sending.
 */
export const QUIET_HEADER = 'X-Jinguo-Quiet'

export function quiet(...statuses: number[]): Record<string, string> {
  return { [QUIET_HEADER]: statuses.length ? statuses.join(',') : '*' }
}

function parseQuiet(value: string | null): (status: number) => boolean {
  if (value === null) return () => false
  if (value.trim() === '*') return () => true
  const statuses = new Set(
    value
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n)),
  )
  return (status) => statuses.has(status)
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('Content-Type') ?? ''
  if (!type.includes('json')) return null
  try {
    return toProblem(await response.clone().json(), response.status)
  } catch {
    return null
  }
}

interface Pending {
  /** An untouched copy, so a request can be sent again after a token renewal. */
  copy: Request
  isQuiet: (status: number) => boolean
}

/** Middleware: token, language, 401 handling and error messages. Exported for tests. */
export function createSessionMiddleware(hooks: ClientHooks): Middleware {
  const pending = new Map<string, Pending>()

  async function authorize(request: Request): Promise<void> {
    const token = await hooks.auth.accessToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    else request.headers.delete('Authorization')
  }

  async function report(response: Response, isQuiet: (status: number) => boolean): Promise<void> {
    if (response.ok || isQuiet(response.status)) return
    const problem = await readProblem(response)
    hooks.notify(problemMessage(problem) ?? hooks.fallbackMessage(response.status))
  }

  return {
    async onRequest({ request, id }) {
      const isQuiet = parseQuiet(request.headers.get(QUIET_HEADER))
      request.headers.delete(QUIET_HEADER)
      request.headers.set('Accept-Language', hooks.acceptLanguage())
      await authorize(request)
      pending.set(id, { copy: request.clone(), isQuiet })
      return request
    },

    async onResponse({ response, id, options }) {
      const entry = pending.get(id)
      pending.delete(id)
      const isQuiet = entry?.isQuiet ?? (() => false)
      if (response.status !== 401 || !entry) {
        await report(response, isQuiet)
        return response
      }
      // 401: the token expired or was revoked. Renew silently once and repeat the request
      // (the repeat goes straight to fetch, so it cannot loop).
      const token = await hooks.auth.renew().catch(() => null)
      if (token) {
        const retry = entry.copy.clone()
        retry.headers.set('Authorization', `Bearer ${token}`)
        const second = await options.fetch(retry)
        if (second.status !== 401) {
          await report(second, isQuiet)
          return second
        }
      }
      await hooks.auth.login()
      return response
    },

    onError({ error, id }) {
      pending.delete(id)
      if (error instanceof DOMException && error.name === 'AbortError') return error
      hooks.notify(hooks.fallbackMessage('network'))
      return error instanceof Error ? error : new Error(String(error))
    },
  }
}

export type ApiClient = Client<paths>

export interface ApiClientOptions {
  /** '' in the app: the paths already start with /api/v1 and the SPA is served from the same origin. */
  baseUrl?: string
  fetch?: (input: Request) => Promise<Response>
}

export function createApiClient(hooks: ClientHooks, options: ApiClientOptions = {}): ApiClient {
  const fetchImpl = options.fetch
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    // Resolved at call time so tests (and polyfills) can replace globalThis.fetch.
    fetch: fetchImpl ?? ((input) => globalThis.fetch(input)),
  })
  client.use(createSessionMiddleware(hooks))
  return client
}

/** openapi-fetch result → data, or an ApiError carrying the problem (already shown unless quiet). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call
  if (response.ok && error === undefined) return data as T
  throw new ApiError(response.status, toProblem(error, response.status))
}

// ---- the application's instance -------------------------------------------------------------

let authHooks: AuthHooks = {
  accessToken: () => null,
  renew: () => Promise.resolve(null),
  login: () => undefined,
}

/** Called by the auth store once the OIDC session exists. */
export function setAuthHooks(hooks: AuthHooks): void {
  authHooks = hooks
}

export const api: ApiClient = createApiClient({
  auth: {
    accessToken: () => authHooks.accessToken(),
    renew: () => authHooks.renew(),
    login: () => authHooks.login(),
  },
  acceptLanguage: () => acceptLanguage(),
  notify: (message) => {
    ElMessage.error({ message, grouping: true, showClose: true })
  },
  fallbackMessage: (status) =>
    status === 'network'
      ? i18n.global.t('errors.network')
      : i18n.global.t('errors.requestFailed', { status }),
})

/** Shows a failed non-openapi-fetch response the way the client does. */
export function reportFailure(status: number, problem: Problem | null): void {
  ElMessage.error({
    message: problemMessage(problem) ?? i18n.global.t('errors.requestFailed', { status }),
    grouping: true,
    showClose: true,
  })
}

/** The session hooks, for the few requests made outside openapi-fetch (uploads with progress). */
export function currentAuthHooks(): AuthHooks {
  return authHooks
}
