import { describe, expect, it } from 'vitest'
import {
  emptyForm,
  formFromPlan,
  formProblems,
  groupBySection,
  itemProblems,
  newItem,
  planFieldErrors,
  progressPercent,
  snapshot,
  toInput,
  writerOrgs,
} from '../data'
import { filtersFromQuery, filtersToApi, filtersToQuery } from '../list-data'
import { membership } from '@/__tests__/fixtures'
import { plan, planItem } from './fixtures'

describe('plan form model', () => {
  it('sends what was filled in: blank rows dropped, empty text left out, a unit only with its target', () => {
    const form = emptyForm('118', '42')
    form.title = '  渝中区妇联“三八”活动方案 '
    form.theme = ' '
    form.periodStart = '2024-03-01'
    const activity = newItem('二、主要活动')
    activity.title = '妇女代表座谈会'
    activity.expectedParticipants = 40
    activity.targetUnit = '场' // no target: the unit is not sent
    const station = newItem()
    station.title = '姐妹驿站'
    station.targetValue = 50
    station.targetUnit = ' 家 '
    form.items = [newItem(), activity, newItem(), station]

    expect(toInput(form)).toEqual({
      orgId: '118',
      noticeId: '42',
      title: '渝中区妇联“三八”活动方案',
      theme: undefined,
      periodStart: '2024-03-01',
      periodEnd: undefined,
      sections: [],
      items: [
        expect.objectContaining({
          id: undefined,
          section: '二、主要活动',
          title: '妇女代表座谈会',
          expectedParticipants: 40,
          targetValue: undefined,
          targetUnit: undefined,
        }),
        expect.objectContaining({ title: '姐妹驿站', targetValue: 50, targetUnit: '家' }),
      ],
    })
  })

  it('reads a plan back into the same body, item ids kept so their progress stays', () => {
    const p = plan()
    const form = formFromPlan(p)
    expect(form.items.map((i) => i.id)).toEqual(['300', '301'])
    const body = toInput(form)
    expect(body.items?.map((i) => [i.id, i.title, i.targetValue])).toEqual([
      ['300', '“三八”国际妇女节110周年纪念活动', undefined],
      ['301', '打造示范型姐妹驿站', 50],
    ])
    expect(snapshot(formFromPlan(p))).toBe(snapshot(form))
    form.items[1]!.targetValue = 60
    expect(snapshot(form)).not.toBe(snapshot(formFromPlan(p)))
  })

  it('checks rows as the server does: dates in order, whole participants, two decimals, unit needs target', () => {
    const item = newItem()
    expect(itemProblems(item)).toEqual({}) // an untouched row is not sent, so not checked
    item.location = '区妇联'
    expect(itemProblems(item)).toEqual({ title: 'required' })
    item.title = '座谈会'
    item.startsOn = '2024-03-08'
    item.endsOn = '2024-03-01'
    item.expectedParticipants = 2.5
    item.targetUnit = '场'
    expect(itemProblems(item)).toEqual({
      endsOn: 'dateOrder',
      expectedParticipants: 'range',
      targetValue: 'unitWithoutTarget',
    })
    item.endsOn = '2024-03-08'
    item.expectedParticipants = 30
    item.targetValue = 1.234
    expect(itemProblems(item)).toEqual({ targetValue: 'decimals' })
    item.targetValue = 12.5
    expect(itemProblems(item)).toEqual({})
  })

  it('names problems by the paths the server uses, counting only the rows sent', () => {
    const form = emptyForm('118')
    form.title = '方案'
    form.periodStart = '2024-12-31'
    form.periodEnd = '2024-01-01'
    const late = newItem()
    late.title = '活动'
    late.startsOn = '2024-05-01'
    late.endsOn = '2024-04-01'
    form.items = [newItem(), late]
    expect(formProblems(form)).toEqual({ periodEnd: 'dateOrder', 'items[0].endsOn': 'dateOrder' })
  })

  it('places server errors on table rows: items[i] counts sent rows, blank rows in between', () => {
    const form = emptyForm('118')
    const a = newItem()
    a.title = '一'
    const b = newItem()
    b.title = '二'
    form.items = [a, newItem(), b]
    const errors = planFieldErrors(
      {
        type: 'about:blank',
        title: '请求有误',
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'title', code: 'NotBlank', message: '不能为空' },
          { field: 'items[1].endsOn', code: 'DateOrder', message: '结束日期不能早于开始日期' },
          { field: 'items[1].endsOn', code: 'X', message: '第二条' },
          { field: 'sections[0].heading', code: 'Size', message: '太长' },
        ],
      },
      form,
    )
    expect(errors).toEqual({
      title: '不能为空',
      'rows[2].endsOn': '结束日期不能早于开始日期',
      'sections[0].heading': '太长',
    })
  })
})

describe('reading a plan', () => {
  it('groups consecutive items by their section heading', () => {
    const items = [
      planItem({ id: '1', section: 'A' }),
      planItem({ id: '2', section: 'A' }),
      planItem({ id: '3', section: undefined }),
      planItem({ id: '4', section: 'B' }),
    ]
    expect(groupBySection(items).map((g) => [g.section, g.items.map((i) => i.id)])).toEqual([
      ['A', ['1', '2']],
      ['', ['3']],
      ['B', ['4']],
    ])
  })

  it('shows progress as a share of the target, capped at 100', () => {
    expect(progressPercent(44, 50)).toBe(88)
    expect(progressPercent(60, 50)).toBe(100)
    expect(progressPercent(undefined, 50)).toBe(0)
    expect(progressPercent(3, 0)).toBe(0)
  })

  it('lets the user write plans in the orgs where it holds plan:write, and keeps the plan’s own', () => {
    const memberships = [
      membership({ id: 'm1', orgId: '118', orgName: '渝中区妇联', orgCode: '500103', role: 'EDITOR' }),
      membership({ id: 'm2', orgId: '9', orgName: '某街道', orgCode: '500103009', role: 'VIEWER' }),
    ]
    expect(writerOrgs(memberships, null)).toEqual([{ id: '118', name: '渝中区妇联' }])
    expect(writerOrgs(memberships, plan({ orgId: '77', orgName: '别的单位' })).map((o) => o.id)).toEqual([
      '118',
      '77',
    ])
  })
})

describe('plan list filters', () => {
  it('round-trips through the URL and defaults what is missing or wrong', () => {
    expect(filtersFromQuery({})).toEqual({ tab: 'mine', status: '', q: '', page: 1, size: 20 })
    const f = filtersFromQuery({ tab: 'review', status: 'FILED', q: '驿站', page: '3', size: '50' })
    expect(f).toEqual({ tab: 'review', status: 'FILED', q: '驿站', page: 3, size: 50 })
    expect(filtersToQuery(f)).toEqual({ tab: 'review', status: 'FILED', q: '驿站', page: '3', size: '50' })
    expect(filtersFromQuery({ tab: 'all', status: 'LOST', page: '-1', size: '7' })).toEqual({
      tab: 'mine',
      status: '',
      q: '',
      page: 1,
      size: 20,
    })
  })

  it('asks for the current org’s plans, or for those filed with the user’s orgs', () => {
    const mine = filtersFromQuery({ q: ' 驿站 ', page: '2' })
    expect(filtersToApi(mine, '118')).toEqual({
      orgId: '118',
      filedTo: undefined,
      status: undefined,
      q: '驿站',
      page: 1,
      size: 20,
    })
    const review = filtersFromQuery({ tab: 'review', status: 'FILED' })
    expect(filtersToApi(review, '118')).toEqual({
      orgId: undefined,
      filedTo: true,
      status: 'FILED',
      q: undefined,
      page: 0,
      size: 20,
    })
  })
})
