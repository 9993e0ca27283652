import { api, quiet, unwrap } from './client'
import { fileNameFrom, saveBlob } from './download'
import { ApiError, toProblem } from './problem'
import type {
  MissingOrgPage,
  NoticePage,
  ReminderRequest,
  ReminderResult,
  ReminderView,
  TrackingBranches,
  TrackingFilter,
  TrackingReceipt,
  TrackingReceiptPage,
  TrackingSummary,
} from './types'

/**
 * The tracking API (/api/v1/notices/{id}/tracking…, …/receipts/{receiptId}/…, …/reminders).
 * Failures throw ApiError; the client has already shown them unless quiet.
 */

/** The notices the caller's subtree issued (the page's notice picker); drafts have no tracking. */
export async function listIssuedNotices(q?: string): Promise<NoticePage> {
  return unwrap(
    api.GET('/api/v1/notices', {
      params: { query: { issued: true, q: q?.trim() || undefined, size: 50 } },
    }),
  )
}

/** 404 (not visible) and 409 (a draft) are shown by the page itself. */
export async function fetchTracking(noticeId: string, orgId?: string): Promise<TrackingSummary> {
  return unwrap(
    api.GET('/api/v1/notices/{id}/tracking', {
      params: { path: { id: noticeId }, query: { orgId } },
      headers: quiet(404, 409),
    }),
  )
}

export async function fetchBranches(noticeId: string, parentOrgId?: string): Promise<TrackingBranches> {
  return unwrap(
    api.GET('/api/v1/notices/{id}/tracking/branches', {
      params: { path: { id: noticeId }, query: { parentOrgId } },
    }),
  )
}

export interface TrackingQuery {
  status?: TrackingFilter
  orgId?: string
  q?: string
  page?: number
  size?: number
}

export async function fetchTrackingReceipts(
  noticeId: string,
  { status, orgId, q, page = 0, size = 20 }: TrackingQuery,
): Promise<TrackingReceiptPage> {
  return unwrap(
    api.GET('/api/v1/notices/{id}/tracking/receipts', {
      params: {
        path: { id: noticeId },
        query: { status, orgId, q: q?.trim() || undefined, page, size },
      },
    }),
  )
}

export async function fetchMissing(
  noticeId: string,
  { orgId, q, page = 0, size = 20 }: Omit<TrackingQuery, 'status'>,
): Promise<MissingOrgPage> {
  return unwrap(
    api.GET('/api/v1/notices/{id}/tracking/missing', {
      params: { path: { id: noticeId }, query: { orgId, q: q?.trim() || undefined, page, size } },
    }),
  )
}

function etag(version: number): string {
  return `"${version}"`
}

/** 400 (field errors) and 422 (deadline rules) are left to the dialog. */
export async function extendReceipt(
  noticeId: string,
  receipt: TrackingReceipt,
  deadline: string,
  reason: string,
): Promise<TrackingReceipt> {
  return unwrap(
    api.POST('/api/v1/notices/{id}/receipts/{receiptId}/extension', {
      params: {
        path: { id: noticeId, receiptId: receipt.receiptId },
        header: { 'If-Match': etag(receipt.version) },
      },
      body: { deadline, reason },
      headers: quiet(400, 422),
    }),
  )
}

export async function revokeExtension(noticeId: string, receipt: TrackingReceipt): Promise<TrackingReceipt> {
  return unwrap(
    api.DELETE('/api/v1/notices/{id}/receipts/{receiptId}/extension', {
      params: {
        path: { id: noticeId, receiptId: receipt.receiptId },
        header: { 'If-Match': etag(receipt.version) },
      },
    }),
  )
}

/** 400 is left to the dialog. */
export async function exemptReceipt(
  noticeId: string,
  receipt: TrackingReceipt,
  reason: string,
): Promise<TrackingReceipt> {
  return unwrap(
    api.POST('/api/v1/notices/{id}/receipts/{receiptId}/exemption', {
      params: {
        path: { id: noticeId, receiptId: receipt.receiptId },
        header: { 'If-Match': etag(receipt.version) },
      },
      body: { reason },
      headers: quiet(400),
    }),
  )
}

export async function revokeExemption(noticeId: string, receipt: TrackingReceipt): Promise<TrackingReceipt> {
  return unwrap(
    api.DELETE('/api/v1/notices/{id}/receipts/{receiptId}/exemption', {
      params: {
        path: { id: noticeId, receiptId: receipt.receiptId },
        header: { 'If-Match': etag(receipt.version) },
      },
    }),
  )
}

export async function remindOrgs(noticeId: string, body: ReminderRequest): Promise<ReminderResult> {
  return unwrap(api.POST('/api/v1/notices/{id}/reminders', { params: { path: { id: noticeId } }, body }))
}

export async function fetchReminders(noticeId: string, receiptId: string): Promise<ReminderView[]> {
  return unwrap(
    api.GET('/api/v1/notices/{id}/receipts/{receiptId}/reminders', {
      params: { path: { id: noticeId, receiptId } },
    }),
  )
}

async function save(
  call: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const { data, error, response } = await call
  if (!data || !response.ok) throw new ApiError(response.status, toProblem(error, response.status))
  saveBlob(data, fileNameFrom(response.headers.get('Content-Disposition'), fallbackName))
}

/** The tracking table (with the list's filters) as .xlsx. */
export async function exportTrackingReceipts(
  noticeId: string,
  { status, orgId, q }: TrackingQuery,
): Promise<void> {
  await save(
    api.GET('/api/v1/notices/{id}/tracking/receipts/export', {
      params: { path: { id: noticeId }, query: { status, orgId, q: q?.trim() || undefined } },
      parseAs: 'blob',
    }),
    'tracking.xlsx',
  )
}

export async function exportMissing(noticeId: string, { orgId, q }: TrackingQuery): Promise<void> {
  await save(
    api.GET('/api/v1/notices/{id}/tracking/missing/export', {
      params: { path: { id: noticeId }, query: { orgId, q: q?.trim() || undefined } },
      parseAs: 'blob',
    }),
    'missing.xlsx',
  )
}
