import { api, quiet, unwrap } from './client'
import { ApiError, toProblem } from './problem'
import type { PlanInput, PlanKind, PlanPage, PlanStatus, PlanView } from './types'

/**
 * The plan API (/api/v1/plans…): activity plans, their filing (备案), review and progress.
 * Failures throw ApiError; the client has already shown them unless quiet.
 */

export interface PlanQuery {
  orgId?: string
  noticeId?: string
  status?: PlanStatus
  kind?: PlanKind
  q?: string
  /** Only plans filed with the caller's own orgs (待我审核). */
  filedTo?: boolean
  page?: number
  size?: number
}

export async function listPlans(query: PlanQuery = {}): Promise<PlanPage> {
  return unwrap(api.GET('/api/v1/plans', { params: { query } }))
}

/** A plan with the ETag to quote in If-Match. */
export interface VersionedPlan {
  plan: PlanView
  etag: string
}

function versioned(response: Response, data: PlanView): VersionedPlan {
  return { plan: data, etag: response.headers.get('ETag') ?? `"${data.version}"` }
}

async function answer(
  call: Promise<{ data?: PlanView; error?: unknown; response: Response }>,
): Promise<VersionedPlan> {
  const { data, error, response } = await call
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/** 404 is shown in place by the pages. */
export async function fetchPlan(id: string): Promise<VersionedPlan> {
  return answer(api.GET('/api/v1/plans/{id}', { params: { path: { id } }, headers: quiet(404) }))
}

/** Field errors (400), an existing plan (409) and rules (422) are left to the editor. */
export async function createPlan(body: PlanInput): Promise<VersionedPlan> {
  return answer(api.POST('/api/v1/plans', { body, headers: quiet(400, 409, 422) }))
}

/** PUT with If-Match: 412 (someone else saved first), 400, 409 and 422 are left to the editor. */
export async function updatePlan(id: string, etag: string, body: PlanInput): Promise<VersionedPlan> {
  return answer(
    api.PUT('/api/v1/plans/{id}', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body,
      headers: quiet(400, 409, 412, 422),
    }),
  )
}

export async function deletePlan(id: string, etag: string): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/plans/{id}', {
    params: { path: { id } },
    headers: { 'If-Match': etag, ...quiet(409, 412) },
  })
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response.status))
}

/** 备案. 409, 412 and 422 (no items, nobody to file with) are left to the caller. */
export async function filePlan(id: string, etag: string): Promise<VersionedPlan> {
  return answer(
    api.POST('/api/v1/plans/{id}/file', {
      params: { path: { id } },
      headers: { 'If-Match': etag, ...quiet(409, 412, 422) },
    }),
  )
}

/** 确认备案. 409 and 412 (the plan changed meanwhile) are left to the caller. */
export async function acknowledgePlan(id: string, etag: string): Promise<VersionedPlan> {
  return answer(
    api.POST('/api/v1/plans/{id}/acknowledge', {
      params: { path: { id } },
      headers: { 'If-Match': etag, ...quiet(409, 412) },
    }),
  )
}

/** 退回 with a reason. 400 (reason), 409 and 412 are left to the dialog. */
export async function returnPlan(id: string, etag: string, reason: string): Promise<VersionedPlan> {
  return answer(
    api.POST('/api/v1/plans/{id}/return', {
      params: { path: { id } },
      body: { reason },
      headers: { 'If-Match': etag, ...quiet(400, 409, 412) },
    }),
  )
}

/** Progress on an item's target (If-Match: the plan's ETag). 400, 409, 412 and 422 are left to the dialog. */
export async function updateProgress(
  id: string,
  itemId: string,
  etag: string,
  value: number,
  note?: string,
): Promise<VersionedPlan> {
  return answer(
    api.PUT('/api/v1/plans/{id}/items/{itemId}/progress', {
      params: { path: { id, itemId }, header: { 'If-Match': etag } },
      body: { value, note },
      headers: quiet(400, 409, 412, 422),
    }),
  )
}

/** The plan a notice carries from its issuer, if any (quiet: the receipt page just shows no link). */
export async function findIssuerPlan(noticeId: string): Promise<string | null> {
  const page = await unwrap(
    api.GET('/api/v1/plans', {
      params: { query: { noticeId, kind: 'ISSUER', size: 1 } },
      headers: quiet(),
    }),
  )
  return page.items[0]?.id ?? null
}
