import { SUBMISSION_STATUSES, type SubmissionStatus } from '@/api/types'
import type { SubmissionQuery } from '@/api/submission'

/** The 报送 list: two tabs and the filters, kept in the URL so Back returns to the same list. */

/** 本单位报送 (packages of the caller's org) or 待审核 (packages sent to the caller's org to review). */
export const SUBMISSION_TABS = ['mine', 'review'] as const
export type SubmissionTab = (typeof SUBMISSION_TABS)[number]

export const LATE_FILTERS = ['late', 'onTime'] as const
export type LateFilter = (typeof LATE_FILTERS)[number]

export interface SubmissionListFilters {
  tab: SubmissionTab
  /** Only on 本单位报送: 待审核 is SUBMITTED by definition. */
  status: SubmissionStatus | ''
  late: LateFilter | ''
  q: string
  /** Packages answering one notice (from a link; shown as a removable tag). */
  noticeId: string
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

function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value)
}

export function filtersFromQuery(query: Record<string, QueryValue>): SubmissionListFilters {
  const tab = first(query.tab)
  const status = first(query.status)
  const late = first(query.late)
  const page = Number.parseInt(first(query.page), 10)
  const size = Number.parseInt(first(query.size), 10)
  return {
    tab: oneOf(SUBMISSION_TABS, tab) ? tab : 'mine',
    status: oneOf(SUBMISSION_STATUSES, status) ? status : '',
    late: oneOf(LATE_FILTERS, late) ? late : '',
    q: first(query.q),
    noticeId: first(query.noticeId),
    page: Number.isFinite(page) && page > 1 ? page : 1,
    size: oneOf(PAGE_SIZES.map(String), String(size)) ? size : DEFAULT_PAGE_SIZE,
  }
}

/** The URL query: only what differs from the defaults. */
export function filtersToQuery(filters: SubmissionListFilters): Record<string, string> {
  const query: Record<string, string> = {}
  if (filters.tab !== 'mine') query.tab = filters.tab
  if (filters.status && filters.tab === 'mine') query.status = filters.status
  if (filters.late) query.late = filters.late
  if (filters.q.trim()) query.q = filters.q.trim()
  if (filters.noticeId) query.noticeId = filters.noticeId
  if (filters.page > 1) query.page = String(filters.page)
  if (filters.size !== DEFAULT_PAGE_SIZE) query.size = String(filters.size)
  return query
}

/**
 * GET /submissions parameters (0-based pages). 本单位报送 is the current org's own packages (`orgId`,
 * `branch=false`); 待审核 is what awaits the caller's review (`reviewable`).
 */
export function filtersToApi(filters: SubmissionListFilters, orgId: string | null): SubmissionQuery {
  const review = filters.tab === 'review'
  const query: SubmissionQuery = { page: filters.page - 1, size: filters.size }
  if (review) query.reviewable = true
  else {
    if (orgId) Object.assign(query, { orgId, branch: false })
    if (filters.status) query.status = filters.status
  }
  if (filters.late) query.late = filters.late === 'late'
  const q = filters.q.trim()
  if (q) query.q = q
  if (filters.noticeId) query.noticeId = filters.noticeId
  return query
}
