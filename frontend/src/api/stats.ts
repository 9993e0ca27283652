import { api, unwrap } from './client'
import { fileNameFrom, saveBlob } from './download'
import { ApiError, toProblem } from './problem'
import type { Dashboard, StatsActivityPage, StatsStatus, StatsView } from './types'

/** Statistics (/api/v1/stats…), the featured pack and the dashboard. Failures throw ApiError (already shown). */

/** The filters every statistics request takes, as the API names them (empty ones left out). */
export interface StatsParams {
  orgId?: string
  from?: string
  to?: string
  noticeId?: string
  status?: StatsStatus
}

/** The activity list's extra filters and its page (0-based). */
export interface ActivityParams extends StatsParams {
  q?: string
  featured?: boolean
  page?: number
  size?: number
}

export async function fetchStats(params: StatsParams): Promise<StatsView> {
  return unwrap(api.GET('/api/v1/stats', { params: { query: params } }))
}

export async function fetchActivities(params: ActivityParams): Promise<StatsActivityPage> {
  return unwrap(api.GET('/api/v1/stats/activities', { params: { query: params } }))
}

/** Downloads the activity list as .xlsx (every row of the filters, no paging). */
export async function exportActivities(params: Omit<ActivityParams, 'page' | 'size'>): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/stats/activities/export', {
    params: { query: params },
    parseAs: 'blob',
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  saveBlob(data, fileNameFrom(response.headers.get('Content-Disposition'), 'activities.xlsx'))
}

/** Downloads the featured pack (.zip) of a notice; only its issuing side may (403 otherwise). */
export async function downloadFeaturedPack(noticeId: string): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/notices/{id}/featured-pack', {
    params: { path: { id: noticeId } },
    parseAs: 'blob',
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  saveBlob(data, fileNameFrom(response.headers.get('Content-Disposition'), 'featured.zip'))
}

/** 工作台 of an org (default: the caller's first membership). */
export async function fetchDashboard(orgId?: string): Promise<Dashboard> {
  return unwrap(api.GET('/api/v1/dashboard', { params: { query: { orgId } } }))
}
