import type { LocationQuery } from 'vue-router'
import type { ActivityParams, StatsParams } from '@/api/stats'
import type { OrgType, StatsFigures, StatsGroup } from '@/api/types'
import type { ChartOption } from '@/components/charts/chart-option'

/** The statistics page's filters as the form holds them ('' = not set). */
export interface StatsFilters {
  /** The branch counted; '' = the caller's top org (the API's default). */
  orgId: string
  /** Activity dates, yyyy-MM-dd, inclusive. */
  from: string
  to: string
  noticeId: string
  acceptedOnly: boolean
}

/** The activity table's own filters and its page (1-based, as el-pagination counts). */
export interface ListFilters {
  q: string
  featured: '' | 'true' | 'false'
  page: number
}

export const PAGE_SIZE = 20

export function emptyFilters(): StatsFilters {
  return { orgId: '', from: '', to: '', noticeId: '', acceptedOnly: false }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The API's query: only what is set; dates only when well-formed (the API would answer 400). */
export function toStatsParams(f: StatsFilters): StatsParams {
  const params: StatsParams = {}
  if (f.orgId) params.orgId = f.orgId
  if (DATE.test(f.from)) params.from = f.from
  if (DATE.test(f.to)) params.to = f.to
  if (f.noticeId) params.noticeId = f.noticeId
  if (f.acceptedOnly) params.status = 'ACCEPTED'
  return params
}

export function toActivityParams(f: StatsFilters, list: ListFilters, size = PAGE_SIZE): ActivityParams {
  return { ...toExportParams(f, list), page: Math.max(0, list.page - 1), size }
}

/** The export's query: the list's filters, every row (no page). */
export function toExportParams(f: StatsFilters, list: Pick<ListFilters, 'q' | 'featured'>): ActivityParams {
  const params: ActivityParams = toStatsParams(f)
  const q = list.q.trim()
  if (q) params.q = q
  if (list.featured) params.featured = list.featured === 'true'
  return params
}

function one(query: LocationQuery, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

/** The page's state from the URL, so a shared or reloaded link shows the same figures. */
export function fromRouteQuery(query: LocationQuery): { filters: StatsFilters; list: ListFilters } {
  const featured = one(query, 'featured')
  return {
    filters: {
      orgId: one(query, 'orgId'),
      from: DATE.test(one(query, 'from')) ? one(query, 'from') : '',
      to: DATE.test(one(query, 'to')) ? one(query, 'to') : '',
      noticeId: one(query, 'noticeId'),
      acceptedOnly: one(query, 'status') === 'ACCEPTED',
    },
    list: {
      q: one(query, 'q'),
      featured: featured === 'true' || featured === 'false' ? featured : '',
      page: Math.max(1, Number(one(query, 'page')) || 1),
    },
  }
}

export function toRouteQuery(f: StatsFilters, list: ListFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(toStatsParams(f))) query[key] = String(value)
  if (list.q.trim()) query.q = list.q.trim()
  if (list.featured) query.featured = list.featured
  if (list.page > 1) query.page = String(list.page)
  return query
}

/** A from date after the to date: the form says so instead of asking the API. */
export function rangeInvalid(f: StatsFilters): boolean {
  return DATE.test(f.from) && DATE.test(f.to) && f.from > f.to
}

// ---- KPI cards ----

export const KPI_KEYS = ['activities', 'participants', 'reports', 'orgs', 'featured'] as const
export type KpiKey = (typeof KPI_KEYS)[number]

export function kpis(totals: StatsFigures): { key: KpiKey; value: number }[] {
  return KPI_KEYS.map((key) => ({ key, value: totals[key] }))
}

// ---- charts ----

/** Series names and fallbacks, from the locale files. */
export interface ChartLabels {
  activities: string
  participants: string
  reports: string
  noTheme: string
  orgType: (type: OrgType) => string
}

const next = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** Longest run of months a line is drawn over; past it only the months with activities are shown. */
export const MAX_MONTHS = 60

/**
 * Months without activities as zeros, so the line does not jump over them: from the first month (or the from
 * date's) to the last (or the to date's).
 */
export function fillMonths(groups: StatsGroup[], from = '', to = ''): StatsGroup[] {
  const known = new Map<string, StatsGroup>()
  for (const g of groups) if (g.key) known.set(g.key, g)
  const keys = [...known.keys()].sort()
  const first = DATE.test(from) ? from.slice(0, 7) : keys[0]
  const last = DATE.test(to) ? to.slice(0, 7) : keys.at(-1)
  if (!first || !last || first > last) return groups
  const out: StatsGroup[] = []
  for (let month = first; month <= last; month = next(month)) {
    if (out.length >= MAX_MONTHS) return groups
    out.push(known.get(month) ?? { key: month, activities: 0, participants: 0, reports: 0 })
  }
  return out
}

const AXES = (labels: ChartLabels) => [
  { type: 'value' as const, name: labels.activities, minInterval: 1 },
  { type: 'value' as const, name: labels.participants, minInterval: 1, splitLine: { show: false } },
]

/** Bars per district (or the next level below the chosen org): activities and participants on two axes. */
export function districtBarOption(groups: StatsGroup[], labels: ChartLabels): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.activities, labels.participants] },
    grid: { left: 48, right: 56, bottom: 72, containLabel: false },
    xAxis: {
      type: 'category',
      data: groups.map((g) => g.label ?? g.key ?? ''),
      axisLabel: { interval: 0, rotate: groups.length > 6 ? 40 : 0 },
    },
    yAxis: AXES(labels),
    series: [
      { name: labels.activities, type: 'bar', data: groups.map((g) => g.activities) },
      { name: labels.participants, type: 'bar', yAxisIndex: 1, data: groups.map((g) => g.participants) },
    ],
  }
}

/** A pie of activities per org type. */
export function orgTypePieOption(groups: StatsGroup[], labels: ChartLabels): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        name: labels.activities,
        type: 'pie',
        radius: ['35%', '65%'],
        data: groups.map((g) => ({ name: labels.orgType(g.key as OrgType), value: g.activities })),
      },
    ],
  }
}

/** Activities and participants per month, months without activities drawn as zeros. */
export function monthLineOption(groups: StatsGroup[], labels: ChartLabels, from = '', to = ''): ChartOption {
  const months = fillMonths(groups, from, to)
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.activities, labels.participants] },
    grid: { left: 48, right: 56 },
    xAxis: { type: 'category', boundaryGap: false, data: months.map((g) => g.key ?? '') },
    yAxis: AXES(labels),
    series: [
      { name: labels.activities, type: 'line', smooth: true, data: months.map((g) => g.activities) },
      {
        name: labels.participants,
        type: 'line',
        smooth: true,
        yAxisIndex: 1,
        data: months.map((g) => g.participants),
      },
    ],
  }
}

/** Horizontal bars of activities per theme (themes are long), the most at the top. */
export function themeBarOption(groups: StatsGroup[], labels: ChartLabels): ChartOption {
  // ECharts draws the first category at the bottom: reverse so the largest is on top.
  const rows = [...groups].reverse()
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [labels.activities, labels.reports] },
    grid: { left: 8, right: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((g) => g.key ?? labels.noTheme),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      { name: labels.activities, type: 'bar', data: rows.map((g) => g.activities) },
      { name: labels.reports, type: 'bar', data: rows.map((g) => g.reports) },
    ],
  }
}
