import { currentAuthHooks, reportFailure } from './client'
import { ApiError, toProblem } from './problem'
import { acceptLanguage, i18n } from '@/locales'

export interface UploadOptions {
  /** Multipart part name. */
  field?: string
  onProgress?: (percent: number) => void
  signal?: AbortSignal
}

interface XhrResult {
  status: number
  body: unknown
}

function send(url: string, file: File, token: string | null, options: UploadOptions): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('Accept-Language', acceptLanguage())
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && options.onProgress) {
        options.onProgress(Math.round((event.loaded / event.total) * 100))
      }
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      resolve({ status: xhr.status, body })
    }
    xhr.onerror = () => reject(new ApiError(0, null, i18n.global.t('errors.network')))
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'))
    options.signal?.addEventListener('abort', () => xhr.abort())
    const form = new FormData()
    form.append(options.field ?? 'file', file, file.name)
    xhr.send(form)
  })
}

/**
 * POSTs a file as multipart/form-data with upload progress (fetch cannot report it), with the same
 * session rules as the API client: bearer token, Accept-Language, one silent renew on 401, problem
 * messages shown to the user. Resolves with the JSON body of a 2xx answer.
 */
export async function uploadFile(url: string, file: File, options: UploadOptions = {}): Promise<unknown> {
  const auth = currentAuthHooks()
  let result: XhrResult
  try {
    result = await send(url, file, await auth.accessToken(), options)
    if (result.status === 401) {
      const token = await auth.renew().catch(() => null)
      if (token) result = await send(url, file, token, options)
      if (result.status === 401) {
        await auth.login()
        throw new ApiError(401, toProblem(result.body, 401))
      }
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) reportFailure(0, null)
    throw error
  }
  if (result.status < 200 || result.status >= 300) {
    const problem = toProblem(result.body, result.status)
    reportFailure(result.status, problem)
    throw new ApiError(result.status, problem)
  }
  return result.body
}
