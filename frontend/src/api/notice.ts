import { api, quiet, unwrap } from './client'
import { ApiError, toProblem } from './problem'
import type {
  IssuerCodeInput,
  IssuerCodeView,
  NoticeAmendment,
  NoticeInput,
  NoticePage,
  NoticeStatus,
  NoticeView,
  RecipientPreview,
  RecipientRule,
} from './types'

/**
 * The notice API for the issuing side (/api/v1/notices…, /issuer-codes); attachments are uploaded with
 * components/upload (api/media.ts).
 * Failures throw ApiError; the client has already shown them unless quiet.
 */

// ---- notices ----------------------------------------------------------------------------------

export interface NoticeQuery {
  status?: NoticeStatus
  q?: string
  issuerOrgId?: string
  page?: number
  size?: number
}

export async function listNotices(query: NoticeQuery = {}): Promise<NoticePage> {
  return unwrap(api.GET('/api/v1/notices', { params: { query } }))
}

/** A notice with the ETag to quote in If-Match. */
export interface VersionedNotice {
  notice: NoticeView
  etag: string
}

function versioned(response: Response, data: NoticeView): VersionedNotice {
  return { notice: data, etag: response.headers.get('ETag') ?? `"${data.version}"` }
}

export async function fetchNotice(id: string): Promise<VersionedNotice> {
  const { data, error, response } = await api.GET('/api/v1/notices/{id}', { params: { path: { id } } })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/** Field errors (400) and rule violations (422) are left to the editor. */
export async function createNotice(body: NoticeInput): Promise<VersionedNotice> {
  const { data, error, response } = await api.POST('/api/v1/notices', { body, headers: quiet(400, 422) })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/** PUT with If-Match: 412 (someone else saved first), 400 and 422 are left to the editor. */
export async function updateNotice(id: string, etag: string, body: NoticeInput): Promise<VersionedNotice> {
  const { data, error, response } = await api.PUT('/api/v1/notices/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body,
    headers: quiet(400, 409, 412, 422),
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

export async function deleteNotice(id: string, etag: string): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/notices/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    headers: quiet(412),
  })
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response.status))
}

/** Publish numbers the notice and freezes its recipients; 409/412/422 are shown in the dialog. */
export async function publishNotice(
  id: string,
  etag: string,
  issuerCodeId: string,
): Promise<VersionedNotice> {
  const { data, error, response } = await api.POST('/api/v1/notices/{id}/publish', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: { issuerCodeId },
    headers: quiet(400, 409, 412, 422),
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/**
 * Amends a published notice (POST …/amend with If-Match): the earlier version is kept and the
 * recipients are told. The recipients stay as published, so the content leaves them out.
 * 400, 409, 412 and 422 (e.g. NOTICE_RECIPIENTS_FROZEN) are left to the editor.
 */
export async function amendNotice(id: string, etag: string, body: NoticeAmendment): Promise<VersionedNotice> {
  const { data, error, response } = await api.POST('/api/v1/notices/{id}/amend', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body,
    headers: quiet(400, 409, 412, 422),
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/** Quiet on 400/422: the picker shows why the rule cannot be resolved next to the preview. */
export async function previewRecipients(
  issuerOrgId: string,
  recipients: RecipientRule,
  signal?: AbortSignal,
): Promise<RecipientPreview> {
  return unwrap(
    api.POST('/api/v1/notices/recipients/preview', {
      body: { issuerOrgId, recipients },
      headers: quiet(400, 422),
      signal,
    }),
  )
}

// ---- issuer codes (机关代字) ---------------------------------------------------------------------

export async function listIssuerCodes(orgId: string): Promise<IssuerCodeView[]> {
  return unwrap(api.GET('/api/v1/issuer-codes', { params: { query: { orgId } } }))
}

/** 400 (field errors) and 409 (code taken) are left to the caller. */
export async function createIssuerCode(body: IssuerCodeInput): Promise<IssuerCodeView> {
  return unwrap(api.POST('/api/v1/issuer-codes', { body, headers: quiet(400, 409) }))
}

/**
 * PUT with If-Match (the code's version). 400, 409 (code taken), 412 (stale) and 422
 * (ISSUER_CODE_IN_USE: a code that numbered notices cannot be renamed) are left to the caller.
 */
export async function updateIssuerCode(
  id: string,
  etag: string,
  body: IssuerCodeInput,
): Promise<IssuerCodeView> {
  return unwrap(
    api.PUT('/api/v1/issuer-codes/{id}', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body,
      headers: quiet(400, 409, 412, 422),
    }),
  )
}

/** The If-Match value for an issuer code read from a list (the list carries no ETags). */
export function issuerCodeEtag(code: { version: number }): string {
  return `"${code.version}"`
}
