import type {
  ReminderResult,
  ReminderSkipReason,
  TrackingBranch,
  TrackingCounts,
  TrackingFilter,
  TrackingProgress,
  TrackingReceipt,
} from '@/api/types'

/** The 督办 page's logic, free of components so it is unit-tested: cards, tree nodes, chart, row actions. */

export type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export type CardKey =
  | 'expected'
  | 'read'
  | 'signed'
  | 'plansFiled'
  | 'submitted'
  | 'onTime'
  | 'late'
  | 'missing'
  | 'overdue'
  | 'accepted'
  | 'featured'

export interface SummaryCard {
  key: CardKey
  value: number
  /** The base a percentage is shown against. */
  of?: number
  tone: Tone
  /** The receipts filter a click on the card applies. */
  filter?: TrackingFilter
}

/** One decimal place; 0 when there is nothing to count against. */
export function percent(value: number, of: number): number {
  return of <= 0 ? 0 : Math.round((value / of) * 1000) / 10
}

/** The summary cards in reading order; the plan card only when the notice requires plans. */
export function summaryCards(c: TrackingCounts, planRequired: boolean): SummaryCard[] {
  const cards: SummaryCard[] = [
    { key: 'expected', value: c.expected, tone: 'primary' },
    { key: 'read', value: c.read, of: c.recipients, tone: 'info', filter: 'UNREAD' },
    { key: 'signed', value: c.signed, of: c.recipients, tone: 'info', filter: 'UNSIGNED' },
  ]
  if (planRequired)
    cards.push({
      key: 'plansFiled',
      value: c.plansFiled,
      of: c.expected,
      tone: 'info',
      filter: 'PLAN_MISSING',
    })
  cards.push(
    { key: 'submitted', value: c.submitted, of: c.expected, tone: 'success', filter: 'SUBMITTED' },
    { key: 'onTime', value: c.onTime, of: c.submitted, tone: 'success', filter: 'ON_TIME' },
    { key: 'late', value: c.late, of: c.submitted, tone: 'warning', filter: 'LATE' },
    { key: 'missing', value: c.missing, of: c.expected, tone: 'warning', filter: 'MISSING' },
    { key: 'overdue', value: c.overdue, of: c.expected, tone: 'danger', filter: 'OVERDUE' },
    { key: 'accepted', value: c.accepted, of: c.expected, tone: 'success', filter: 'ACCEPTED' },
    { key: 'featured', value: c.featured, tone: 'primary' },
  )
  return cards
}

// ---- the branch tree ----------------------------------------------------------------------------

/** Where the children of a tree node come from: a notice's branches below an org (default: its root). */
export interface BranchSource {
  noticeId: string
  parentOrgId?: string
}

export interface BranchNode {
  /** Unique in the tree: the same org can appear for a notice and for its re-issue. */
  key: string
  orgId: string
  name: string
  /** The notice whose receipts the counts are of. */
  noticeId: string
  counts: TrackingCounts
  /** The parent org's own receipt, listed with its branches. */
  self: boolean
  leaf: boolean
  /** Children: the same notice one level down, or the org's re-issue. */
  next?: BranchSource
  /** The children are the recipients of the org's re-issue. */
  throughReissue: boolean
  receiptId?: string
}

/**
 * Tree nodes for one level of branches. A branch with recipients below it opens on the same notice; one
 * that re-issued the notice (and has nothing more below on this one) opens on its re-issue, so the tree
 * goes city → district → (the district's re-issue) → township → village.
 */
export function branchNodes(noticeId: string, branches: TrackingBranch[]): BranchNode[] {
  return branches.map((b) => {
    const next: BranchSource | undefined = b.self
      ? undefined
      : b.hasChildren
        ? { noticeId, parentOrgId: b.orgId }
        : b.forwardedNoticeId
          ? { noticeId: b.forwardedNoticeId }
          : undefined
    return {
      key: `${noticeId}:${b.orgId}${b.self ? ':self' : ''}`,
      orgId: b.orgId,
      name: b.name,
      noticeId,
      counts: b.counts,
      self: b.self,
      leaf: next === undefined,
      next,
      throughReissue: !b.self && !b.hasChildren && !!b.forwardedNoticeId,
      receiptId: b.receiptId,
    }
  })
}

/** The badge of a node: submitted of expected. */
export function branchBadge(counts: TrackingCounts): string {
  return `${counts.submitted}/${counts.expected}`
}

// ---- the chart ----------------------------------------------------------------------------------

export interface ChartLabels {
  onTime: string
  late: string
  pending: string
  overdue: string
}

/** Series of a stacked bar per branch: on time, late, not yet due, overdue (they add up to expected). */
export function completionSeries(nodes: BranchNode[]) {
  return {
    names: nodes.map((n) => n.name),
    onTime: nodes.map((n) => n.counts.onTime),
    late: nodes.map((n) => n.counts.late),
    pending: nodes.map((n) => n.counts.missing - n.counts.overdue),
    overdue: nodes.map((n) => n.counts.overdue),
  }
}

/** An ECharts option for the branches of one level (horizontal stacked bars, longest list scrolls). */
export function completionChartOption(nodes: BranchNode[], labels: ChartLabels) {
  const s = completionSeries(nodes)
  const bar = (name: string, data: number[], color: string) => ({
    name,
    type: 'bar' as const,
    stack: 'total',
    data,
    itemStyle: { color },
    emphasis: { focus: 'series' as const },
  })
  return {
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: { type: 'category' as const, data: s.names, inverse: true },
    series: [
      bar(labels.onTime, s.onTime, '#67c23a'),
      bar(labels.late, s.late, '#e6a23c'),
      bar(labels.pending, s.pending, '#909399'),
      bar(labels.overdue, s.overdue, '#f56c6c'),
    ],
  }
}

/** Pixel height for a bar chart of n rows. */
export function chartHeight(rows: number): number {
  return Math.max(160, 48 + rows * 28)
}

// ---- the receipts table -------------------------------------------------------------------------

export const PROGRESS_TAG: Record<TrackingProgress, Tone> = {
  EXEMPT: 'info',
  ACCEPTED: 'success',
  RETURNED: 'danger',
  SUBMITTED: 'primary',
  OVERDUE: 'danger',
  PENDING: 'warning',
}

/** The filters offered above the table, in order (the plan ones only when plans are required). */
export function tableFilters(planRequired: boolean): TrackingFilter[] {
  const all: TrackingFilter[] = [
    'MISSING',
    'OVERDUE',
    'UNSIGNED',
    'PLAN_MISSING',
    'SUBMITTED',
    'LATE',
    'ACCEPTED',
    'RETURNED',
    'EXEMPT',
    'EXTENDED',
  ]
  return planRequired ? all : all.filter((f) => f !== 'PLAN_MISSING')
}

export type RowAction = 'extend' | 'revokeExtension' | 'exempt' | 'revokeExemption'

/** What the issuing side may do with a row, by the rules the server checks. */
export function rowActions(row: TrackingReceipt, canManage: boolean, open: boolean): RowAction[] {
  if (!canManage || !open) return []
  const exempt = !!row.exemptReason
  const actions: RowAction[] = []
  if (!exempt) actions.push('extend')
  if (row.extensionReason) actions.push('revokeExtension')
  if (!exempt && !row.submittedAt) actions.push('exempt')
  if (exempt) actions.push('revokeExemption')
  return actions
}

/** A proposed extension must be after the notice's deadline (the server checks it again). */
export function extensionTooEarly(
  wallTime: string,
  noticeDeadline: string | undefined,
  toIso: (wall: string) => string,
): boolean {
  if (!wallTime || !noticeDeadline) return false
  return Date.parse(toIso(wallTime)) <= Date.parse(noticeDeadline)
}

// ---- reminders ----------------------------------------------------------------------------------

export interface SkipCount {
  reason: ReminderSkipReason
  count: number
}

/** The skipped orgs of a 催报 counted by reason, most frequent first. */
export function skippedByReason(result: ReminderResult): SkipCount[] {
  const counts = new Map<ReminderSkipReason, number>()
  for (const s of result.skipped) if (s.reason) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1)
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
}

/** Who a 催报 goes to: chosen receipts, or every missing org (of a branch). */
export type RemindTargets =
  { kind: 'selected'; receiptIds: string[] } | { kind: 'allMissing'; orgId?: string; branchName?: string }
