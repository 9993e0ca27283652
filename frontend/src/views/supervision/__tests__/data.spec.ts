import { describe, expect, it } from 'vitest'
import {
  branchBadge,
  branchNodes,
  chartHeight,
  completionChartOption,
  completionSeries,
  extensionTooEarly,
  percent,
  rowActions,
  skippedByReason,
  summaryCards,
  tableFilters,
} from '../data'
import { toOffsetTime } from '@/views/notice/data'
import { branch, counts, receipt } from './fixtures'

describe('summary cards', () => {
  it('lists the counts in reading order, each with the filter that shows those orgs', () => {
    const cards = summaryCards(counts(), false)
    expect(cards.map((c) => c.key)).toEqual([
      'expected',
      'read',
      'signed',
      'submitted',
      'onTime',
      'late',
      'missing',
      'overdue',
      'accepted',
      'featured',
    ])
    const submitted = cards.find((c) => c.key === 'submitted')
    expect(submitted).toEqual({ key: 'submitted', value: 30, of: 37, tone: 'success', filter: 'SUBMITTED' })
    // on time and late are shares of what was submitted; overdue of the expected
    expect(cards.find((c) => c.key === 'late')?.of).toBe(30)
    expect(cards.find((c) => c.key === 'overdue')).toMatchObject({
      of: 37,
      filter: 'OVERDUE',
      tone: 'danger',
    })
    expect(cards.find((c) => c.key === 'expected')?.filter).toBeUndefined()
  })

  it('shows plans only when the notice requires them', () => {
    expect(summaryCards(counts(), true).map((c) => c.key)).toContain('plansFiled')
    expect(summaryCards(counts(), true).find((c) => c.key === 'plansFiled')?.filter).toBe('PLAN_MISSING')
  })

  it('rounds percentages to one place and never divides by zero', () => {
    expect(percent(30, 37)).toBe(81.1)
    expect(percent(1, 3)).toBe(33.3)
    expect(percent(5, 0)).toBe(0)
  })
})

describe('branch tree', () => {
  it('opens a branch with recipients below on the same notice, one level down', () => {
    const [node] = branchNodes('42', [branch({ hasChildren: true, recipient: false, receiptId: undefined })])
    expect(node).toMatchObject({
      key: '42:118',
      leaf: false,
      next: { noticeId: '42', parentOrgId: '118' },
      throughReissue: false,
      noticeId: '42',
    })
  })

  it('drills down through the re-issue of a branch that passed the notice on', () => {
    const [node] = branchNodes('42', [branch({ forwardedNoticeId: '77' })])
    expect(node).toMatchObject({ leaf: false, next: { noticeId: '77' }, throughReissue: true })
    // its children are the re-issue's branches, keyed apart from the same orgs under another notice
    const [child] = branchNodes('77', [branch({ orgId: '201', name: '解放碑街道妇女联合会' })])
    expect(child?.key).toBe('77:201')
    expect(child?.noticeId).toBe('77')
  })

  it('keeps the parent’s own receipt as a leaf and a recipient without anything below as a leaf', () => {
    const nodes = branchNodes('42', [
      branch({ self: true, orgId: '1', hasChildren: false, forwardedNoticeId: '77' }),
      branch({ orgId: '119' }),
    ])
    expect(nodes.map((n) => [n.key, n.leaf, n.self])).toEqual([
      ['42:1:self', true, true],
      ['42:119', true, false],
    ])
  })

  it('badges a node with submitted of expected', () => {
    expect(branchBadge(counts({ submitted: 3, expected: 10 }))).toBe('3/10')
  })
})

describe('completion chart', () => {
  const nodes = branchNodes('42', [
    branch({ name: 'A', counts: counts({ onTime: 5, late: 1, missing: 4, overdue: 3 }) }),
    branch({ orgId: '119', name: 'B', counts: counts({ onTime: 0, late: 0, missing: 2, overdue: 0 }) }),
  ])

  it('splits each branch into on time, late, not yet due and overdue', () => {
    expect(completionSeries(nodes)).toEqual({
      names: ['A', 'B'],
      onTime: [5, 0],
      late: [1, 0],
      pending: [1, 2],
      overdue: [3, 0],
    })
  })

  it('stacks the four series with the given labels', () => {
    const option = completionChartOption(nodes, {
      onTime: '按时',
      late: '逾期报送',
      pending: '未到期',
      overdue: '逾期未报',
    })
    expect(option.series.map((s) => [s.name, s.stack])).toEqual([
      ['按时', 'total'],
      ['逾期报送', 'total'],
      ['未到期', 'total'],
      ['逾期未报', 'total'],
    ])
    expect(option.yAxis.data).toEqual(['A', 'B'])
    expect(chartHeight(2)).toBe(160)
    expect(chartHeight(20)).toBe(608)
  })
})

describe('receipts table', () => {
  it('offers the plan filter only when plans are required', () => {
    expect(tableFilters(false)).not.toContain('PLAN_MISSING')
    expect(tableFilters(true)).toContain('PLAN_MISSING')
    expect(tableFilters(true)[0]).toBe('MISSING')
  })

  it('offers the decisions the server allows', () => {
    expect(rowActions(receipt(), true, true)).toEqual(['extend', 'exempt'])
    expect(rowActions(receipt({ extensionReason: '顺延' }), true, true)).toEqual([
      'extend',
      'revokeExtension',
      'exempt',
    ])
    // submitted: no exemption; exempt: only its revocation
    expect(rowActions(receipt({ submittedAt: '2024-03-09T02:00:00Z' }), true, true)).toEqual(['extend'])
    expect(rowActions(receipt({ exemptReason: '撤并', progress: 'EXEMPT' }), true, true)).toEqual([
      'revokeExemption',
    ])
    // nothing without the right, or once the notice is closed
    expect(rowActions(receipt(), false, true)).toEqual([])
    expect(rowActions(receipt(), true, false)).toEqual([])
  })

  it('refuses an extension that is not after the notice’s deadline', () => {
    const deadline = '2024-03-10T18:00:00+08:00'
    expect(extensionTooEarly('2024-03-10 18:00:00', deadline, toOffsetTime)).toBe(true)
    expect(extensionTooEarly('2024-03-09 09:00:00', deadline, toOffsetTime)).toBe(true)
    expect(extensionTooEarly('2024-03-12 18:00:00', deadline, toOffsetTime)).toBe(false)
    expect(extensionTooEarly('', deadline, toOffsetTime)).toBe(false)
  })
})

describe('reminders', () => {
  it('counts the skipped orgs by reason, most frequent first', () => {
    const skipped = (reason: 'EXEMPT' | 'SUBMITTED' | 'ALREADY_TODAY', id: string) => ({
      receiptId: id,
      orgId: id,
      orgName: id,
      reason,
    })
    expect(
      skippedByReason({
        kind: 'SUBMIT',
        sent: [],
        skipped: [
          skipped('SUBMITTED', '1'),
          skipped('ALREADY_TODAY', '2'),
          skipped('SUBMITTED', '3'),
          skipped('EXEMPT', '4'),
        ],
        notifications: 0,
      }),
    ).toEqual([
      { reason: 'SUBMITTED', count: 2 },
      { reason: 'ALREADY_TODAY', count: 1 },
      { reason: 'EXEMPT', count: 1 },
    ])
  })
})
