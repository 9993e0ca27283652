import { describe, expect, it } from 'vitest'
import { cards, ring } from '../data'
import { dashboard } from '@/views/stats/__tests__/fixtures'

describe('dashboard cards', () => {
  it('four cards in order, with counts and where the whole list is', () => {
    const list = cards(dashboard())
    expect(list.map((c) => [c.kind, c.count, c.overdue])).toEqual([
      ['toSign', 3, 1],
      ['toFile', 2, 0],
      ['toSubmit', 2, 0],
      ['toReview', 5, 0],
    ])
    expect(list.map((c) => c.more)).toEqual([
      { name: 'inbox', query: { filter: 'UNSIGNED' } },
      { name: 'plans' },
      { name: 'submissions' },
      { name: 'submissions', query: { tab: 'review' } },
    ])
    expect(list[3]?.split).toEqual({ submissions: 4, plans: 1 })
  })

  it('links each item to its receipt, plan or package', () => {
    const [sign, file, submit, review] = cards(dashboard())
    expect(sign?.lines[0]).toMatchObject({
      key: '501',
      docNumber: '渝妇发〔2026〕5号',
      org: '重庆市妇女联合会',
      time: '2026-03-01T18:00:00+08:00',
      overdue: true,
      to: { name: 'inbox-receipt', params: { receiptId: '501' } },
    })
    // No plan yet: write one for the notice as the dashboard's org; a plan started (or returned) opens itself.
    expect(file?.lines.map((l) => l.to)).toEqual([
      { name: 'plan-new', query: { noticeId: '43', orgId: '118' } },
      { name: 'plan-detail', params: { id: '13' } },
    ])
    // An opened (or returned) package opens itself; otherwise the receipt, where a package is started.
    expect(submit?.lines.map((l) => l.to)).toEqual([
      { name: 'submission-detail', params: { id: '77' } },
      { name: 'inbox-receipt', params: { receiptId: '504' } },
    ])
    expect(review?.lines.map((l) => [l.reviewKind, l.title, l.org, l.to])).toEqual([
      [
        'PLAN',
        '解放碑街道家庭教育宣传周活动方案',
        '解放碑街道妇联',
        { name: 'plan-detail', params: { id: '12' } },
      ],
      [
        'SUBMISSION',
        '关于开展家庭教育宣传周的通知',
        '七星岗街道妇联',
        { name: 'submission-detail', params: { id: '88' } },
      ],
    ])
    expect(review?.lines[1]?.time).toBe('2026-02-21T10:00:00+08:00')
  })
})

describe('completion rings', () => {
  const notice = dashboard().issued.items[0]!

  it('submitted of expected (exempt orgs are out of both)', () => {
    expect(ring({ ...notice, overdue: false })).toEqual({ percent: 40, status: 'warning' })
    expect(ring({ ...notice, overdue: false, submitted: 6 })).toEqual({ percent: 60, status: '' })
  })

  it('red when the deadline has passed short of everyone, green when all have reported', () => {
    expect(ring(notice)).toEqual({ percent: 40, status: 'exception' })
    expect(ring({ ...notice, submitted: 10 })).toEqual({ percent: 100, status: 'success' })
  })

  it('nothing expected is nothing done, not a division by zero', () => {
    expect(ring({ ...notice, overdue: false, expected: 0, submitted: 0 })).toEqual({
      percent: 0,
      status: 'warning',
    })
  })
})
