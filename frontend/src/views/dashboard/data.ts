import type { RouteLocationRaw } from 'vue-router'
import type { Dashboard, DashboardIssuedNotice, DashboardItem, DashboardReviewItem } from '@/api/types'

/** The four to-do cards of the dashboard, in the order they are shown. */
export const CARD_KINDS = ['toSign', 'toFile', 'toSubmit', 'toReview'] as const
export type CardKind = (typeof CARD_KINDS)[number]

/** One line of a card: what to open, and when it is due (or since when it waits). */
export interface CardLine {
  key: string
  docNumber?: string
  title: string
  /** Issuer for things to do, the sending org for things to review. */
  org: string
  /** A deadline, or the time a review started waiting. */
  time?: string
  overdue: boolean
  /** SUBMISSION or PLAN on the review card. */
  reviewKind?: DashboardReviewItem['kind']
  to: RouteLocationRaw
}

export interface Card {
  kind: CardKind
  count: number
  overdue: number
  /** Review card: packages and plans waiting. */
  split?: { submissions: number; plans: number }
  lines: CardLine[]
  /** Where the whole list is. */
  more: RouteLocationRaw
}

/**
 * Where each item opens: the receipt (signing, and starting a package from it), the plan or its editor, the package.
 */
function todoLink(kind: Exclude<CardKind, 'toReview'>, item: DashboardItem, orgId: string): RouteLocationRaw {
  switch (kind) {
    case 'toSign':
      return { name: 'inbox-receipt', params: { receiptId: item.receiptId } }
    case 'toFile':
      return item.planId
        ? { name: 'plan-detail', params: { id: item.planId } }
        : { name: 'plan-new', query: { noticeId: item.noticeId, orgId } }
    case 'toSubmit':
      return item.submissionId
        ? { name: 'submission-detail', params: { id: item.submissionId } }
        : { name: 'inbox-receipt', params: { receiptId: item.receiptId } }
  }
}

function reviewLink(item: DashboardReviewItem): RouteLocationRaw {
  return item.kind === 'PLAN'
    ? { name: 'plan-detail', params: { id: item.id } }
    : { name: 'submission-detail', params: { id: item.id } }
}

/** The lists behind each card; the review card's two halves have their own. */
const MORE: Record<CardKind, RouteLocationRaw> = {
  toSign: { name: 'inbox', query: { filter: 'UNSIGNED' } },
  toFile: { name: 'plans' },
  toSubmit: { name: 'submissions' },
  toReview: { name: 'submissions', query: { tab: 'review' } },
}

export const REVIEW_LISTS: Record<DashboardReviewItem['kind'], RouteLocationRaw> = {
  SUBMISSION: { name: 'submissions', query: { tab: 'review' } },
  PLAN: { name: 'plans', query: { tab: 'review' } },
}

export function cards(d: Dashboard): Card[] {
  const todo = (kind: Exclude<CardKind, 'toReview'>): Card => ({
    kind,
    count: d[kind].count,
    overdue: d[kind].overdue,
    lines: d[kind].items.map((item) => ({
      key: item.receiptId,
      docNumber: item.docNumber,
      title: item.title,
      org: item.issuerName,
      time: item.deadline,
      overdue: item.overdue,
      to: todoLink(kind, item, d.org.id),
    })),
    more: MORE[kind],
  })
  return [
    todo('toSign'),
    todo('toFile'),
    todo('toSubmit'),
    {
      kind: 'toReview',
      count: d.toReview.submissions + d.toReview.plans,
      overdue: 0,
      split: { submissions: d.toReview.submissions, plans: d.toReview.plans },
      lines: d.toReview.items.map((item) => ({
        key: `${item.kind}-${item.id}`,
        docNumber: item.docNumber,
        title: item.title,
        org: item.orgName,
        time: item.since,
        overdue: false,
        reviewKind: item.kind,
        to: reviewLink(item),
      })),
      more: MORE.toReview,
    },
  ]
}

/** A completion ring: submitted of expected, coloured by how it stands against the deadline. */
export interface Ring {
  percent: number
  status: '' | 'success' | 'warning' | 'exception'
}

export function ring(n: DashboardIssuedNotice): Ring {
  const percent = n.expected > 0 ? Math.min(100, Math.round((n.submitted / n.expected) * 100)) : 0
  if (n.expected > 0 && n.submitted >= n.expected) return { percent: 100, status: 'success' }
  if (n.overdue) return { percent, status: 'exception' }
  return { percent, status: percent >= 50 ? '' : 'warning' }
}
