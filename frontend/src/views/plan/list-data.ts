import { PLAN_STATUSES, type PlanStatus } from '@/api/types'
import type { PlanQuery } from '@/api/plan'

/** The plan list: two tabs (the current org's plans, plans filed with the caller's orgs) and the filters in the URL. */

export const PLAN_TABS = ['mine', 'review'] as const
export type PlanTab = (typeof PLAN_TABS)[number]

export interface PlanListFilters {
  tab: PlanTab
  status: PlanStatus | ''
  q: string
  page: number
  size: number
}

export const PAGE_SIZES = [20, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 20

type QueryValue = string | null | (string | null)[] | undefined

function first(value: QueryValue): string {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}

function isStatus(value: string): value is PlanStatus {
  return (PLAN_STATUSES as readonly string[]).includes(value)
}

function isTab(value: string): value is PlanTab {
  return (PLAN_TABS as readonly string[]).includes(value)
}

export function filtersFromQuery(query: Record<string, QueryValue>): PlanListFilters {
  const tab = first(query.tab)
  const status = first(query.status)
  const page = Number.parseInt(first(query.page), 10)
  const size = Number.parseInt(first(query.size), 10)
  return {
    tab: isTab(tab) ? tab : 'mine',
    status: isStatus(status) ? status : '',
    q: first(query.q),
    page: Number.isFinite(page) && page > 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  }
}

/** The URL query: only what differs from the defaults. */
export function filtersToQuery(filters: PlanListFilters): Record<string, string> {
  const query: Record<string, string> = {}
  if (filters.tab !== 'mine') query.tab = filters.tab
  if (filters.status) query.status = filters.status
  if (filters.q.trim()) query.q = filters.q.trim()
  if (filters.page > 1) query.page = String(filters.page)
  if (filters.size !== DEFAULT_PAGE_SIZE) query.size = String(filters.size)
  return query
}

/**
 * GET /plans parameters (0-based pages). 本单位方案: the plans of the org the user works as; 待我审核: the plans filed
 * with any of the user's orgs.
 */
export function filtersToApi(filters: PlanListFilters, currentOrgId: string | undefined): PlanQuery {
  return {
    orgId: filters.tab === 'mine' ? currentOrgId : undefined,
    filedTo: filters.tab === 'review' ? true : undefined,
    status: filters.status || undefined,
    q: filters.q.trim() || undefined,
    page: filters.page - 1,
    size: filters.size,
  }
}
