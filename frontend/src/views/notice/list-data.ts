import { NOTICE_STATUSES, type NoticeStatus } from '@/api/types'

/** The notice list: status tags, progress and the filters kept in the URL. */

export function signedPercent(signed: number, total: number): number {
  return total > 0 ? Math.round((signed / total) * 100) : 0
}

/** The list's filters, kept in the URL so a list can be bookmarked and Back returns to it. */
export interface NoticeListFilters {
  status: NoticeStatus | ''
  q: string
  issuerOrgId: string
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

function isStatus(value: string): value is NoticeStatus {
  return (NOTICE_STATUSES as readonly string[]).includes(value)
}

export function filtersFromQuery(query: Record<string, QueryValue>): NoticeListFilters {
  const status = first(query.status)
  const page = Number.parseInt(first(query.page), 10)
  const size = Number.parseInt(first(query.size), 10)
  return {
    status: isStatus(status) ? status : '',
    q: first(query.q),
    issuerOrgId: first(query.issuerOrgId),
    page: Number.isFinite(page) && page > 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  }
}

/** The URL query: only what differs from the defaults. */
export function filtersToQuery(filters: NoticeListFilters): Record<string, string> {
  const query: Record<string, string> = {}
  if (filters.status) query.status = filters.status
  if (filters.q.trim()) query.q = filters.q.trim()
  if (filters.issuerOrgId) query.issuerOrgId = filters.issuerOrgId
  if (filters.page > 1) query.page = String(filters.page)
  if (filters.size !== DEFAULT_PAGE_SIZE) query.size = String(filters.size)
  return query
}

/** GET /notices parameters (the API's pages are 0-based). */
export function filtersToApi(filters: NoticeListFilters): {
  status?: NoticeStatus
  q?: string
  issuerOrgId?: string
  issued: true
  page: number
  size: number
} {
  // 发文: what the caller's orgs issued, not what they received (that is the inbox).
  return {
    issued: true,
    status: filters.status || undefined,
    q: filters.q.trim() || undefined,
    issuerOrgId: filters.issuerOrgId || undefined,
    page: filters.page - 1,
    size: filters.size,
  }
}
