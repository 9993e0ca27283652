import { describe, expect, it } from 'vitest'
import type { Problem } from '@/api/types'
import {
  canDeleteDraft,
  completenessRows,
  emptyEntry,
  entryFromIncludable,
  entryFromView,
  entryToInput,
  fieldPath,
  formFromSubmission,
  isPlacedField,
  isWebUrl,
  keepKeys,
  mediaErrorsOf,
  missingFromProblem,
  moved,
  planItemGroups,
  planItemOptions,
  requirementOf,
  returnRequest,
  revisionReturns,
  snapshot,
  submissionFieldErrors,
  toInput,
} from '../data'
import { completeness, entry, includable, includedEntry, planItems, revision, submission } from './fixtures'

function problem(errors: { field: string; message: string }[], code = 'VALIDATION_FAILED'): Problem {
  return {
    type: 'about:blank',
    title: '',
    status: 400,
    code,
    errors: errors.map((e) => ({ ...e, code: 'X' })),
  }
}

describe('entry ↔ input', () => {
  it('splits media into files by kind and web addresses, and sends them back in a fixed order', () => {
    const model = entryFromView(
      entry({
        media: [
          { kind: 'LINK', url: 'https://mp.weixin.qq.com/s/abc', title: '报道' },
          {
            kind: 'PHOTO',
            fileId: '57',
            title: '现场',
            fileName: 'a.jpg',
            contentType: 'image/jpeg',
            size: 10,
          },
          { kind: 'ARTICLE', url: 'https://www.cqwomen.org.cn/news/1' },
          { kind: 'VIDEO', fileId: '60', fileName: 'v.mp4', contentType: 'video/mp4', size: 99 },
          {
            kind: 'ARTICLE',
            fileId: '61',
            title: '宣传稿',
            fileName: '稿.pdf',
            contentType: 'application/pdf',
          },
        ],
      }),
    )
    expect(model.files.PHOTO.map((f) => f.fileId)).toEqual(['57'])
    expect(model.files.VIDEO.map((f) => f.fileId)).toEqual(['60'])
    expect(model.files.ARTICLE.map((f) => [f.fileId, f.title, f.size])).toEqual([['61', '宣传稿', null]])
    expect(model.urls.map((u) => [u.kind, u.url])).toEqual([
      ['LINK', 'https://mp.weixin.qq.com/s/abc'],
      ['ARTICLE', 'https://www.cqwomen.org.cn/news/1'],
    ])

    expect(entryToInput(model)).toEqual({
      id: '907',
      title: '“巾帼心向党”主题宣讲进社区',
      heldOn: '2024-03-06',
      heldUntil: '2024-03-08',
      location: '解放碑街道新时代文明实践站',
      participants: 120,
      summary: '邀请巾帼宣讲团成员走进社区。',
      media: [
        { kind: 'PHOTO', fileId: '57', title: '现场' },
        { kind: 'VIDEO', fileId: '60' },
        { kind: 'ARTICLE', fileId: '61', title: '宣传稿' },
        { kind: 'LINK', url: 'https://mp.weixin.qq.com/s/abc', title: '报道' },
        { kind: 'ARTICLE', url: 'https://www.cqwomen.org.cn/news/1' },
      ],
    })
  })

  it('sends a new entry without id, trims text, leaves blanks out and drops empty address rows', () => {
    const model = emptyEntry('渝中区妇女联合会')
    model.title = '  巾帼志愿服务 '
    model.heldOn = '2024-03-08'
    model.location = '   '
    model.planItemId = ' 12 '
    model.urls.push({ key: 'u1', kind: 'LINK', url: ' https://example.cn/a ', title: '' })
    model.urls.push({ key: 'u2', kind: 'ARTICLE', url: '  ', title: '' })
    const input = entryToInput(model)
    expect(input).toEqual({
      title: '巾帼志愿服务',
      heldOn: '2024-03-08',
      planItemId: '12',
      media: [{ kind: 'LINK', url: 'https://example.cn/a' }],
    })
    expect(JSON.parse(JSON.stringify(input))).not.toHaveProperty('id')
  })

  it('references an included entry only: the saved one by id and source, a new one by source', () => {
    const saved = entryFromView(includedEntry())
    saved.title = 'changed here' // ignored: the server keeps the subordinate's content
    expect(entryToInput(saved)).toEqual({ id: '990', sourceEntryId: '880' })

    const chosen = entryFromIncludable(includable())
    expect(chosen.sourceEntryId).toBe('880')
    expect(chosen.id).toBe('')
    expect(chosen.originOrgName).toBe('解放碑街道妇女联合会')
    expect(chosen.reviewStatus).toBeNull()
    expect(entryToInput(chosen)).toEqual({ sourceEntryId: '880' })
  })

  it('maps the whole package, and a blank summary is left out', () => {
    const form = formFromSubmission(submission({ summary: undefined, entries: [entry(), includedEntry()] }))
    expect(form.summary).toBe('')
    const input = toInput(form)
    expect(input.summary).toBeUndefined()
    expect(input.entries?.map((e) => e.id)).toEqual(['907', '990'])
    // unchanged form = unchanged snapshot; any edit shows as a change
    const before = snapshot(form)
    expect(
      snapshot(formFromSubmission(submission({ summary: undefined, entries: [entry(), includedEntry()] }))),
    ).toBe(before)
    form.entries[0]!.files.PHOTO[0]!.title = '新的说明'
    expect(snapshot(form)).not.toBe(before)
  })

  it('keeps the keys of what it showed when refilled after a save', () => {
    const previous = formFromSubmission(submission())
    const next = formFromSubmission(
      submission({
        entries: [
          entry({
            media: [
              { kind: 'PHOTO', fileId: '58' },
              { kind: 'PHOTO', fileId: '99' },
              { kind: 'LINK', url: 'https://mp.weixin.qq.com/s/abc123' },
            ],
          }),
          entry({ id: '908' }),
        ],
      }),
    )
    keepKeys(next, previous)
    const [first, second] = next.entries
    expect(first?.key).toBe(previous.entries[0]?.key)
    expect(first?.files.PHOTO[0]?.key).toBe(previous.entries[0]?.files.PHOTO[1]?.key) // file 58
    expect(first?.files.PHOTO[1]?.key).not.toBe(previous.entries[0]?.files.PHOTO[0]?.key) // 99 is new
    expect(first?.urls[0]?.key).toBe(previous.entries[0]?.urls[0]?.key)
    expect(second?.key).not.toBe(previous.entries[0]?.key)
  })

  it('moves entries within bounds only', () => {
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b'])
  })

  it('accepts http(s) addresses with a host only', () => {
    expect(isWebUrl('https://mp.weixin.qq.com/s/abc')).toBe(true)
    expect(isWebUrl(' http://www.cqwomen.org.cn ')).toBe(true)
    expect(isWebUrl('javascript:alert(1)')).toBe(false)
    expect(isWebUrl('ftp://example.cn/a')).toBe(false)
    expect(isWebUrl('www.example.cn')).toBe(false)
    expect(isWebUrl('https://')).toBe(false)
  })
})

describe('completeness', () => {
  it('lists every item with what is required and present, and marks the server’s missing ones', () => {
    const rows = completenessRows(completeness())
    expect(rows.map((r) => [r.key, r.required, r.present, r.min, r.missing])).toEqual([
      ['entries', true, 1, 1, false],
      ['summary', true, 1, 1, false],
      ['photos', true, 2, 3, true],
      ['video', false, 0, 1, false],
      ['article', false, 0, 1, false],
      ['newMediaLink', false, 1, 1, false],
    ])
  })

  it('adds what a refused submit named, whatever the case the server writes it in', () => {
    const rows = completenessRows(
      completeness({ required: { newMediaLink: true, video: true }, missing: ['NEW_MEDIA_LINK'] }),
      ['video', 'nonsense'],
    )
    expect(rows.filter((r) => r.missing).map((r) => r.key)).toEqual(['video', 'newMediaLink'])
    expect(rows.find((r) => r.key === 'photos')?.required).toBe(false)
  })

  it('reads the missing items of a 422 SUBMISSION_INCOMPLETE in the notice’s order', () => {
    const incomplete = problem(
      [
        { field: 'photos', message: '照片数量不足' },
        { field: 'entries', message: '至少填写一项活动' },
        { field: 'newMediaLink', message: '缺少新媒体链接' },
      ],
      'SUBMISSION_INCOMPLETE',
    )
    expect(missingFromProblem(incomplete)).toEqual(['entries', 'photos', 'newMediaLink'])
    expect(requirementOf('ENTRIES')).toBe('entries')
    expect(requirementOf('title')).toBeNull()
  })
})

describe('server field errors', () => {
  it('turns server paths into form paths and tells which the form shows in place', () => {
    expect(fieldPath('entries[2].media[1].url')).toBe('entries.2.media.1.url')
    const errors = submissionFieldErrors(
      problem([
        { field: 'entries[0].title', message: '不能为空' },
        { field: 'entries[0].title', message: 'second message loses' },
        { field: 'entries[1].media[3].url', message: '网址无效' },
        { field: 'entries', message: '最多 300 项' },
      ]),
    )
    expect(errors).toEqual({
      'entries.0.title': '不能为空',
      'entries.1.media.3.url': '网址无效',
      entries: '最多 300 项',
    })
    expect(isPlacedField('entries.0.title')).toBe(true)
    expect(isPlacedField('entries.1.media.3.url')).toBe(true)
    expect(isPlacedField('summary')).toBe(true)
    expect(isPlacedField('entries')).toBe(false)
    expect(isPlacedField('entries.0.sourceEntryId')).toBe(false)
    expect(mediaErrorsOf(errors, 1)).toEqual(['网址无效'])
    expect(mediaErrorsOf(errors, 0)).toEqual([])
  })
})

describe('review', () => {
  it('returns with the package reason and only the entries that have one, trimmed', () => {
    expect(
      returnRequest(' 请补充志愿服务照片 ', [
        { entryId: '907', reason: '' },
        { entryId: '908', reason: ' 缺少现场照片 ' },
      ]),
    ).toEqual({
      decision: 'RETURN',
      reason: '请补充志愿服务照片',
      entries: [{ entryId: '908', reason: '缺少现场照片' }],
    })
    expect(returnRequest('请补充', [{ entryId: '907', reason: '  ' }])).toEqual({
      decision: 'RETURN',
      reason: '请补充',
    })
  })

  it('names the entries of a revision’s reasons by their titles as sent', () => {
    expect(revisionReturns(revision())).toEqual([
      { title: '“巾帼心向党”主题宣讲进社区', reason: '缺少现场照片' },
    ])
  })

  it('offers deleting when the server does', () => {
    expect(canDeleteDraft(submission({ actions: ['UPDATE', 'SUBMIT', 'DELETE'] }))).toBe(true)
    expect(canDeleteDraft(submission({ actions: [] }))).toBe(false)
    expect(
      canDeleteDraft(submission({ status: 'RETURNED', revision: 1, actions: ['UPDATE', 'SUBMIT'] })),
    ).toBe(false)
    expect(canDeleteDraft(null)).toBe(false)
  })
})

describe('planned activities to pick from', () => {
  it('groups the items by plan, keeping the server’s order of plans and items', () => {
    const groups = planItemGroups(planItems())
    expect(groups.map((g) => [g.planId, g.planTitle, g.planKind])).toEqual([
      ['7', '市妇联“三八”系列活动方案', 'ISSUER'],
      ['12', '渝中区妇联2024年工作计划', 'STANDALONE'],
    ])
    expect(groups[1]?.items.map((i) => i.id)).toEqual(['410', '411'])
    expect(planItemGroups([])).toEqual([])
  })

  it('looks items up by id for the read-only view, and carries the loading state', () => {
    const options = planItemOptions(planItems(), { loading: true })
    expect(options.byId.get('411')?.title).toBe('打造示范型姐妹驿站')
    expect(options.byId.get('999')).toBeUndefined()
    expect(options.loading).toBe(true)
    expect(options.failed).toBe(false)
    expect(planItemOptions([], { failed: true })).toMatchObject({ groups: [], loading: false, failed: true })
  })
})
