import { api, quiet, unwrap } from './client'
import { fileNameFrom, saveBlob } from './download'
import { ApiError, toProblem } from './problem'
import type { NoticeRevision, NoticeView } from './types'

/**
 * Reading a notice and the issuer's after-publish actions (/api/v1/notices/{id}…). Drafting and
 * publishing live in notice.ts. Failures throw ApiError; the client has shown them unless quiet.
 */

/** A notice with the ETag to quote in If-Match. */
export interface VersionedNotice {
  notice: NoticeView
  etag: string
}

function versioned(response: Response, notice: NoticeView): VersionedNotice {
  return { notice, etag: response.headers.get('ETag') ?? `"${notice.version}"` }
}

/** 404 (missing or outside the caller's scope) is left to the page, which says so in place. */
export async function fetchNotice(id: string): Promise<VersionedNotice> {
  const { data, error, response } = await api.GET('/api/v1/notices/{id}', {
    params: { path: { id } },
    headers: quiet(404),
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/** 400 (reason missing) and 412 (changed meanwhile) are left to the dialog. */
export async function withdrawNotice(id: string, etag: string, reason: string): Promise<VersionedNotice> {
  const { data, error, response } = await api.POST('/api/v1/notices/{id}/withdraw', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: { reason },
    headers: quiet(400, 412),
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

export async function closeNotice(id: string, etag: string): Promise<VersionedNotice> {
  const { data, error, response } = await api.POST('/api/v1/notices/{id}/close', {
    params: { path: { id }, header: { 'If-Match': etag } },
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/** Earlier versions, newest first. */
export async function fetchRevisions(id: string): Promise<NoticeRevision[]> {
  return unwrap(api.GET('/api/v1/notices/{id}/revisions', { params: { path: { id } } }))
}

/** Downloads an attachment (GET /api/v1/files/{id}, always served as an attachment). */
export async function downloadAttachment(fileId: string, fallbackName: string): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/files/{id}', {
    params: { path: { id: fileId } },
    parseAs: 'blob',
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  saveBlob(data, fileNameFrom(response.headers.get('Content-Disposition'), fallbackName))
}
