import { api, quiet, unwrap } from './client'
import type { InboxFilter, InboxIssuer, InboxSummary, NoticeView, ReceiptPage, ReceiptView } from './types'

/** The inbox (/api/v1/inbox…): receipts of an org the caller belongs to. Failures throw ApiError. */

export interface InboxQuery {
  orgId?: string
  filter?: InboxFilter
  issuerOrgId?: string
  q?: string
  page?: number
  size?: number
}

export async function fetchInbox({
  orgId,
  filter,
  issuerOrgId,
  q,
  page = 0,
  size = 20,
}: InboxQuery): Promise<ReceiptPage> {
  return unwrap(
    api.GET('/api/v1/inbox', {
      params: { query: { orgId, filter, issuerOrgId, q: q?.trim() || undefined, page, size } },
    }),
  )
}

export async function fetchInboxSummary(orgId?: string): Promise<InboxSummary> {
  return unwrap(api.GET('/api/v1/inbox/summary', { params: { query: { orgId } } }))
}

/** The orgs that sent notices to this inbox (the issuer filter's choices); quiet: the filter just stays empty. */
export async function fetchInboxIssuers(orgId: string): Promise<InboxIssuer[]> {
  return unwrap(api.GET('/api/v1/inbox/issuers', { params: { query: { orgId } }, headers: quiet() }))
}

/** Opening records the first read by a member of the receipt's org. 404 is shown in place. */
export async function openReceipt(receiptId: string): Promise<ReceiptView> {
  return unwrap(
    api.GET('/api/v1/inbox/{receiptId}', { params: { path: { receiptId } }, headers: quiet(404) }),
  )
}

/**
 * Signs for the receipt. A 409 (someone signed first, or the notice was withdrawn) is left to the
 * caller. The contract does not describe the 200 body, so the receipt is read again afterwards.
 */
export async function signReceipt(receiptId: string): Promise<ReceiptView> {
  const { error, response } = await api.POST('/api/v1/inbox/{receiptId}/sign', {
    params: { path: { receiptId } },
    headers: quiet(409),
  })
  if (!response.ok || error !== undefined) await unwrap(Promise.resolve({ error, response }))
  return openReceipt(receiptId)
}

/** Starts this org's re-issue (a draft notice). 409 (already forwarded) is left to the caller. */
export async function forwardReceipt(receiptId: string): Promise<NoticeView> {
  return unwrap(
    api.POST('/api/v1/inbox/{receiptId}/forward', { params: { path: { receiptId } }, headers: quiet(409) }),
  )
}
