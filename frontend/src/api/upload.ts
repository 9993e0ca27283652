import { currentAuthHooks, reportFailure } from './client'
import { ApiError, toProblem } from './problem'
import { acceptLanguage, i18n } from '@/locales'

export interface UploadOptions {
  /** Multipart part name. */
  field?: string
  onProgress?: (percent: number) => void
  signal?: AbortSignal
}

/** A request whose body is sent with XMLHttpRequest, because fetch cannot report upload progress. */
export interface SendOptions {
  headers?: Record<string, string>
  /** Bytes of the body sent so far, and its size. */
  onBytes?: (loaded: number, total: number) => void
  signal?: AbortSignal
  /** Failures the caller shows itself (no toast): true for all, or the statuses (0 = network). */
  quiet?: boolean | number[]
}

interface XhrResult {
  status: number
  body: unknown
}

function send(
  method: string,
  url: string,
  body: XMLHttpRequestBodyInit,
  token: string | null,
  options: SendOptions,
): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('Upload aborted', 'AbortError'))
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('Accept-Language', acceptLanguage())
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onBytes?.(event.loaded, event.total)
    }
    xhr.onload = () => {
      let parsed: unknown = null
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        parsed = null
      }
      resolve({ status: xhr.status, body: parsed })
    }
    xhr.onerror = () => reject(new ApiError(0, null, i18n.global.t('errors.network')))
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'))
    options.signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(body)
  })
}

function isQuiet(options: SendOptions, status: number): boolean {
  return options.quiet === true || (Array.isArray(options.quiet) && options.quiet.includes(status))
}

/**
 * Sends a body with upload progress, with the same session rules as the API client: bearer token,
 * Accept-Language, one silent renew on 401, problem messages shown unless quiet. Resolves with the JSON
 * body of a 2xx answer; rejects with ApiError (status 0 for a network failure) or an AbortError.
 */
export async function sendWithProgress(
  method: string,
  url: string,
  body: () => XMLHttpRequestBodyInit,
  options: SendOptions = {},
): Promise<unknown> {
  const auth = currentAuthHooks()
  let result: XhrResult
  try {
    result = await send(method, url, body(), await auth.accessToken(), options)
    if (result.status === 401) {
      const token = await auth.renew().catch(() => null)
      if (token) result = await send(method, url, body(), token, options)
      if (result.status === 401) {
        await auth.login()
        throw new ApiError(401, toProblem(result.body, 401))
      }
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 0 && !isQuiet(options, 0)) reportFailure(0, null)
    throw error
  }
  if (result.status < 200 || result.status >= 300) {
    const problem = toProblem(result.body, result.status)
    if (!isQuiet(options, result.status)) reportFailure(result.status, problem)
    throw new ApiError(result.status, problem)
  }
  return result.body
}

/** POSTs a file as multipart/form-data with upload progress in percent. */
export async function uploadFile(url: string, file: File, options: UploadOptions = {}): Promise<unknown> {
  return sendWithProgress(
    'POST',
    url,
    () => {
      const form = new FormData()
      form.append(options.field ?? 'file', file, file.name)
      return form
    },
    {
      signal: options.signal,
      onBytes: (loaded, total) => options.onProgress?.(Math.round((loaded / total) * 100)),
    },
  )
}
