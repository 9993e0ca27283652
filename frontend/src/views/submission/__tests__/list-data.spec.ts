import { describe, expect, it } from 'vitest'
import { filtersFromQuery, filtersToApi, filtersToQuery } from '../list-data'

describe('submission list filters', () => {
  it('reads the URL, falling back to defaults for anything unknown', () => {
    expect(filtersFromQuery({})).toEqual({
      tab: 'mine',
      status: '',
      late: '',
      q: '',
      noticeId: '',
      page: 1,
      size: 20,
    })
    expect(
      filtersFromQuery({ tab: 'review', status: 'NOPE', late: 'maybe', q: '解放碑', page: '3', size: '7' }),
    ).toEqual({ tab: 'review', status: '', late: '', q: '解放碑', noticeId: '', page: 3, size: 20 })
    expect(
      filtersFromQuery({ status: 'RETURNED', late: 'onTime', noticeId: '42', size: '50' }),
    ).toMatchObject({
      status: 'RETURNED',
      late: 'onTime',
      noticeId: '42',
      size: 50,
    })
  })

  it('writes only what differs from the defaults, and no status on the review tab', () => {
    const defaults = filtersFromQuery({})
    expect(filtersToQuery(defaults)).toEqual({})
    expect(filtersToQuery({ ...defaults, status: 'DRAFT', q: ' 渝中 ', page: 2 })).toEqual({
      status: 'DRAFT',
      q: '渝中',
      page: '2',
    })
    expect(filtersToQuery({ ...defaults, tab: 'review', status: 'DRAFT', late: 'late' })).toEqual({
      tab: 'review',
      late: 'late',
    })
    // what is written reads back the same
    const some = { ...defaults, tab: 'review' as const, late: 'onTime' as const, noticeId: '42', size: 100 }
    expect(filtersFromQuery(filtersToQuery(some))).toEqual(some)
  })

  it('asks for the current org’s own packages on 本单位报送', () => {
    const f = {
      ...filtersFromQuery({}),
      status: 'RETURNED' as const,
      late: 'late' as const,
      q: ' 解放碑 ',
      page: 2,
    }
    expect(filtersToApi(f, '118')).toEqual({
      orgId: '118',
      branch: false,
      status: 'RETURNED',
      late: true,
      q: '解放碑',
      page: 1,
      size: 20,
    })
    expect(filtersToApi({ ...f, late: 'onTime' }, null)).toEqual({
      status: 'RETURNED',
      late: false,
      q: '解放碑',
      page: 1,
      size: 20,
    })
  })

  it('asks for what awaits the caller’s review on 待审核, whatever status the URL carries', () => {
    const f = { ...filtersFromQuery({ tab: 'review', noticeId: '42' }), status: 'DRAFT' as const }
    expect(filtersToApi(f, '118')).toEqual({ reviewable: true, noticeId: '42', page: 0, size: 20 })
  })
})
