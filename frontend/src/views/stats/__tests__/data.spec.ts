import { describe, expect, it } from 'vitest'
import type { OrgType } from '@/api/types'
import {
  MAX_MONTHS,
  districtBarOption,
  emptyFilters,
  fillMonths,
  fromRouteQuery,
  kpis,
  monthLineOption,
  orgTypePieOption,
  rangeInvalid,
  themeBarOption,
  toActivityParams,
  toExportParams,
  toRouteQuery,
  toStatsParams,
  type ChartLabels,
} from '../data'
import { statsView } from './fixtures'

const labels: ChartLabels = {
  activities: '活动场次',
  participants: '参与人次',
  reports: '报送份数',
  noTheme: '未设主题',
  orgType: (type: OrgType) => ({ FEDERATION: '妇联', WORK_COMMITTEE: '妇委会' })[type as string] ?? type,
}

/** The series of an option as plain data (ECharts' option types are unions). */
function series(option: object): { name?: string; type?: string; data?: unknown[]; yAxisIndex?: number }[] {
  return (option as { series: { name?: string; type?: string; data?: unknown[]; yAxisIndex?: number }[] })
    .series
}

function axisData(option: object, axis: 'xAxis' | 'yAxis'): unknown[] {
  return (option as Record<string, { data?: unknown[] }>)[axis]?.data ?? []
}

describe('statistics query building', () => {
  it('sends only what is set, and accepted-only as status', () => {
    expect(toStatsParams(emptyFilters())).toEqual({})
    expect(
      toStatsParams({
        orgId: '118',
        from: '2026-01-01',
        to: '2026-03-31',
        noticeId: '42',
        acceptedOnly: true,
      }),
    ).toEqual({ orgId: '118', from: '2026-01-01', to: '2026-03-31', noticeId: '42', status: 'ACCEPTED' })
  })

  it('never sends a malformed date (the API would answer 400)', () => {
    expect(toStatsParams({ ...emptyFilters(), from: '2026-1-1', to: 'tomorrow' })).toEqual({})
  })

  it('pages from 0, trims the search and reads the featured choice', () => {
    const f = { ...emptyFilters(), orgId: '118' }
    expect(toActivityParams(f, { q: '  宣讲 ', featured: 'true', page: 3 })).toEqual({
      orgId: '118',
      q: '宣讲',
      featured: true,
      page: 2,
      size: 20,
    })
    expect(toActivityParams(f, { q: '', featured: 'false', page: 1 })).toEqual({
      orgId: '118',
      featured: false,
      page: 0,
      size: 20,
    })
    expect(toActivityParams(f, { q: ' ', featured: '', page: 0 }, 50)).toEqual({
      orgId: '118',
      page: 0,
      size: 50,
    })
  })

  it('exports the list’s filters without a page', () => {
    expect(
      toExportParams(
        { ...emptyFilters(), noticeId: '42', acceptedOnly: true },
        { q: '读书', featured: 'true' },
      ),
    ).toEqual({ noticeId: '42', status: 'ACCEPTED', q: '读书', featured: true })
  })

  it('round-trips the page state through the URL and drops what it cannot read', () => {
    const filters = { orgId: '118', from: '2026-01-01', to: '2026-06-30', noticeId: '42', acceptedOnly: true }
    const list = { q: '宣讲', featured: 'false' as const, page: 2 }
    const query = toRouteQuery(filters, list)
    expect(query).toEqual({
      orgId: '118',
      from: '2026-01-01',
      to: '2026-06-30',
      noticeId: '42',
      status: 'ACCEPTED',
      q: '宣讲',
      featured: 'false',
      page: '2',
    })
    expect(fromRouteQuery(query)).toEqual({ filters, list })
    expect(fromRouteQuery({ from: '1月', featured: 'maybe', page: '-4', status: 'SUBMITTED' })).toEqual({
      filters: emptyFilters(),
      list: { q: '', featured: '', page: 1 },
    })
    expect(toRouteQuery(emptyFilters(), { q: '', featured: '', page: 1 })).toEqual({})
  })

  it('knows a reversed date range', () => {
    expect(rangeInvalid({ ...emptyFilters(), from: '2026-05-01', to: '2026-04-30' })).toBe(true)
    expect(rangeInvalid({ ...emptyFilters(), from: '2026-05-01', to: '2026-05-01' })).toBe(false)
    expect(rangeInvalid({ ...emptyFilters(), from: '2026-05-01' })).toBe(false)
  })
})

describe('KPI cards', () => {
  it('lists the five figures in order', () => {
    expect(kpis(statsView().totals)).toEqual([
      { key: 'activities', value: 6 },
      { key: 'participants', value: 262 },
      { key: 'reports', value: 6 },
      { key: 'orgs', value: 5 },
      { key: 'featured', value: 1 },
    ])
  })
})

describe('chart options from the API’s groups', () => {
  it('bars per district: names, activities and participants on their own axes', () => {
    const option = districtBarOption(statsView().byDistrict, labels)
    expect(axisData(option, 'xAxis')).toEqual(['渝中区妇女联合会', '江北区妇女联合会'])
    expect(series(option).map((s) => [s.name, s.type, s.data, s.yAxisIndex])).toEqual([
      ['活动场次', 'bar', [4, 1], undefined],
      ['参与人次', 'bar', [195, 60], 1],
    ])
  })

  it('a pie of activities per org type, named in the UI language', () => {
    const option = orgTypePieOption(statsView().byOrgType, labels)
    expect(series(option)[0]?.data).toEqual([
      { name: '妇联', value: 5 },
      { name: '妇委会', value: 1 },
    ])
  })

  it('a line per month with the empty months as zeros', () => {
    const option = monthLineOption(statsView().byMonth, labels)
    expect(axisData(option, 'xAxis')).toEqual(['2026-03', '2026-04', '2026-05'])
    expect(series(option).map((s) => s.data)).toEqual([
      [2, 0, 1],
      [160, 0, 7],
    ])
  })

  it('the month line spans the chosen dates, across a year end', () => {
    const months = fillMonths(
      [{ key: '2026-01', activities: 1, participants: 5, reports: 1 }],
      '2025-11-15',
      '2026-02-01',
    )
    expect(months.map((m) => [m.key, m.activities])).toEqual([
      ['2025-11', 0],
      ['2025-12', 0],
      ['2026-01', 1],
      ['2026-02', 0],
    ])
  })

  it('a range too long to draw month by month keeps the months with activities only', () => {
    const groups = [{ key: '2026-01', activities: 1, participants: 5, reports: 1 }]
    expect(fillMonths(groups, '2000-01-01', '2026-12-31')).toBe(groups)
    expect(fillMonths(groups, '2026-01-01', '2026-01-31')).toHaveLength(1)
    expect(MAX_MONTHS).toBeGreaterThanOrEqual(36)
    expect(fillMonths([], '', '')).toEqual([])
  })

  it('horizontal bars per theme, the largest on top, a missing theme named', () => {
    const option = themeBarOption(statsView().byTheme, labels)
    expect(axisData(option, 'yAxis')).toEqual(['未设主题', '巾帼心向党'])
    expect(series(option).map((s) => s.data)).toEqual([
      [1, 3],
      [1, 3],
    ])
  })
})
