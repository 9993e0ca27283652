import { api, quiet, unwrap } from './client'
import { ApiError, toProblem } from './problem'
import type {
  IncludablePage,
  PlanItemRef,
  ReviewRequest,
  SubmissionInput,
  SubmissionPage,
  SubmissionRevision,
  SubmissionStatus,
  SubmissionSummary,
  SubmissionView,
} from './types'

/**
 * Packages (报送, /api/v1/submissions…): the org's side (open, edit, submit) and the issuer's (review,
 * feature). Failures throw ApiError; the client has already shown them unless quiet.
 */

export interface SubmissionQuery {
  noticeId?: string
  orgId?: string
  /** false: `orgId` itself, not its branch. */
  branch?: boolean
  /** Only packages awaiting the caller's review (as issuer or receiving department). */
  reviewable?: boolean
  status?: SubmissionStatus
  late?: boolean
  featured?: boolean
  q?: string
  page?: number
  size?: number
}

export async function listSubmissions(query: SubmissionQuery = {}): Promise<SubmissionPage> {
  return unwrap(api.GET('/api/v1/submissions', { params: { query } }))
}

/** The package of one org for one notice, or null. */
export async function findSubmission(noticeId: string, orgId: string): Promise<SubmissionSummary | null> {
  const page = await unwrap(
    api.GET('/api/v1/submissions', {
      params: { query: { noticeId, orgId, branch: false, size: 1 } },
      headers: quiet(),
    }),
  )
  return page.items.find((s) => s.orgId === orgId) ?? null
}

/** A package with the ETag to quote in If-Match. */
export interface VersionedSubmission {
  submission: SubmissionView
  etag: string
}

function versioned(response: Response, data: SubmissionView): VersionedSubmission {
  return { submission: data, etag: response.headers.get('ETag') ?? `"${data.version}"` }
}

type Result = { data?: SubmissionView; error?: unknown; response: Response }

async function versionedOrThrow(call: Promise<Result>): Promise<VersionedSubmission> {
  const { data, error, response } = await call
  if (!response.ok || !data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/** 404 (missing or outside the caller's scope) is left to the page, which says so in place. */
export async function fetchSubmission(id: string): Promise<VersionedSubmission> {
  return versionedOrThrow(
    api.GET('/api/v1/submissions/{id}', { params: { path: { id } }, headers: quiet(404) }),
  )
}

/** Opens the draft package of a receipt. 409 (SUBMISSION_EXISTS: one per receipt) is left to the caller. */
export async function createSubmission(receiptId: string): Promise<VersionedSubmission> {
  return versionedOrThrow(api.POST('/api/v1/submissions', { body: { receiptId }, headers: quiet(409) }))
}

/** PUT with If-Match (replaces the summary and entries); 400, 409, 412 and 422 are left to the editor. */
export async function updateSubmission(
  id: string,
  etag: string,
  body: SubmissionInput,
): Promise<VersionedSubmission> {
  return versionedOrThrow(
    api.PUT('/api/v1/submissions/{id}', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body,
      headers: quiet(400, 409, 412, 422),
    }),
  )
}

/** Deletes a draft never submitted; 409 and 412 are left to the editor. */
export async function deleteSubmission(id: string, etag: string): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/submissions/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    headers: quiet(409, 412),
  })
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response.status))
}

/** Sends the package; 422 (SUBMISSION_INCOMPLETE, errors[] naming what is missing), 409 and 412 to the editor. */
export async function submitSubmission(id: string, etag: string): Promise<VersionedSubmission> {
  return versionedOrThrow(
    api.POST('/api/v1/submissions/{id}/submit', {
      params: { path: { id }, header: { 'If-Match': etag } },
      headers: quiet(409, 412, 422),
    }),
  )
}

/** Accepts or returns the package; 400, 409, 412 and 422 are shown by the review controls. */
export async function reviewSubmission(
  id: string,
  etag: string,
  body: ReviewRequest,
): Promise<VersionedSubmission> {
  return versionedOrThrow(
    api.POST('/api/v1/submissions/{id}/review', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body,
      headers: quiet(400, 409, 412, 422),
    }),
  )
}

/** 精选 on (PUT) or off (DELETE); both are idempotent. */
export async function setEntryFeatured(
  id: string,
  entryId: string,
  featured: boolean,
): Promise<VersionedSubmission> {
  const params = { path: { id, entryId } }
  return versionedOrThrow(
    featured
      ? api.PUT('/api/v1/submissions/{id}/entries/{entryId}/featured', { params })
      : api.DELETE('/api/v1/submissions/{id}/entries/{entryId}/featured', { params }),
  )
}

/** Every submission as sent, late or not, with its review; newest first. */
export async function fetchSubmissionRevisions(id: string): Promise<SubmissionRevision[]> {
  return unwrap(api.GET('/api/v1/submissions/{id}/revisions', { params: { path: { id } } }))
}

/** Subordinates' accepted entries the package may include (汇总上报). */
export async function fetchIncludable(id: string, page = 0, size = 50): Promise<IncludablePage> {
  return unwrap(
    api.GET('/api/v1/submissions/{id}/includable', {
      params: { path: { id }, query: { page, size } },
    }),
  )
}

/**
 * The planned activities the package's entries may realise (the notice's plan first, then the org's own); for
 * readers on the issuer's side, those its entries name. One list, not paged.
 */
export async function fetchPlanItems(id: string): Promise<PlanItemRef[]> {
  return unwrap(api.GET('/api/v1/submissions/{id}/plan-items', { params: { path: { id } } }))
}
