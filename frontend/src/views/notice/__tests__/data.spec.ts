import { describe, expect, it } from 'vitest'
import {
  defaultReminders,
  emptyForm,
  formFromNotice,
  snapshot,
  titleFromFileName,
  toInput,
  toOffsetTime,
  toWallTime,
} from '../data'
import { filtersFromQuery, filtersToApi, filtersToQuery } from '../list-data'
import { notice } from './fixtures'

describe('notice form data', () => {
  it('shows deadlines in Shanghai time whatever offset the server used, and sends them with +08:00', () => {
    expect(toWallTime('2024-03-10T10:00:00Z')).toBe('2024-03-10 18:00:00')
    expect(toWallTime('2024-03-10T18:00:00+08:00')).toBe('2024-03-10 18:00:00')
    expect(toOffsetTime('2024-03-10 18:00:00')).toBe('2024-03-10T18:00:00+08:00')
    expect(toOffsetTime('2024-03-10 18:00')).toBe('2024-03-10T18:00:00+08:00')
  })

  it('round-trips a draft through the form without change', () => {
    const draft = notice({
      planRequired: true,
      planDeadline: '2024-03-01T10:00:00Z',
      requirements: {
        items: { summary: true, minPhotos: 3, video: false, article: true, newMediaLink: false },
        byOrgType: {
          WORK_COMMITTEE: { summary: true, minPhotos: 0, video: false, article: false, newMediaLink: false },
        },
      },
      attachments: [
        {
          fileId: 'f1',
          title: '活动报名表',
          name: '活动报名表.xlsx',
          contentType: 'x',
          size: 10,
          sha256: 'a',
        },
      ],
    })
    const body = toInput(formFromNotice(draft))
    expect(body).toMatchObject({
      issuerOrgId: '1',
      title: draft.title,
      theme: '添彩巾帼 建功新时代',
      sections: [{ heading: '一、活动内容', html: draft.sections[0]?.html }],
      mainTo: '各区县妇联',
      recipients: { groups: [{ type: 'FEDERATION', level: 'DISTRICT' }], orgIds: [], excludedOrgIds: [] },
      deadline: '2024-03-10T18:00:00+08:00',
      planRequired: true,
      planDeadline: '2024-03-01T18:00:00+08:00',
      requirements: {
        items: { summary: true, minPhotos: 3, article: true },
        byOrgType: { WORK_COMMITTEE: { summary: true, minPhotos: 0 } },
      },
      attachments: [{ fileId: 'f1', title: '活动报名表' }],
    })
    expect(body.cc).toBeUndefined()
  })

  it('drops empty sections, blank optional text and a plan deadline that is not required', () => {
    const form = emptyForm('1')
    form.title = '  关于报送材料的通知 '
    form.contactPerson = '   '
    form.planRequired = false
    form.planDeadline = '2024-03-01 18:00:00'
    form.sections[0]!.html = '<p></p>'
    const body = toInput(form)
    expect(body.title).toBe('关于报送材料的通知')
    expect(body.contactPerson).toBeUndefined()
    expect(body.planDeadline).toBeUndefined()
    expect(body.sections).toEqual([])
  })

  it('notices a change for the unsaved-changes guard', () => {
    const form = emptyForm('1')
    const before = snapshot(form)
    form.recipients.groups?.push({ type: 'FEDERATION', level: 'TOWNSHIP' })
    expect(snapshot(form)).not.toBe(before)
  })

  it('edits the reminder policy: the default for new notices, sorted days, escalation switched off as null', () => {
    expect(emptyForm('1').reminders).toEqual(defaultReminders())
    expect(toInput(emptyForm('1')).reminders).toEqual({
      enabled: true,
      daysBefore: [3, 1],
      daysAfter: [1, 3, 7],
      escalateAfterDays: 3,
    })
    const form = formFromNotice(
      notice({
        reminders: { enabled: true, daysBefore: [1, 5], daysAfter: [7, 1], escalateAfterDays: undefined },
      }),
    )
    expect(form.reminders).toMatchObject({ daysBefore: [5, 1], daysAfter: [1, 7], escalate: false })
    form.reminders.daysBefore.push(2, 5)
    form.reminders.escalate = true
    form.reminders.escalateAfterDays = 4
    expect(toInput(form).reminders).toEqual({
      enabled: true,
      daysBefore: [5, 2, 1],
      daysAfter: [1, 7],
      escalateAfterDays: 4,
    })
    form.reminders.escalate = false
    expect(toInput(form).reminders?.escalateAfterDays).toBeUndefined()
  })

  it('takes the file name without extension as the default attachment caption', () => {
    expect(titleFromFileName('2024年活动方案.docx')).toBe('2024年活动方案')
    expect(titleFromFileName('README')).toBe('README')
  })
})

describe('notice list filters', () => {
  it('reads the URL, ignoring what it does not know', () => {
    expect(filtersFromQuery({ status: 'DRAFT', q: '三八', page: '3', size: '50', issuerOrgId: '1' })).toEqual(
      {
        status: 'DRAFT',
        q: '三八',
        issuerOrgId: '1',
        page: 3,
        size: 50,
      },
    )
    expect(filtersFromQuery({ status: 'NOPE', page: '-1', size: '7' })).toEqual({
      status: '',
      q: '',
      issuerOrgId: '',
      page: 1,
      size: 20,
    })
  })

  it('writes only what differs from the defaults, and asks the API for 0-based pages', () => {
    const filters = { status: 'PUBLISHED' as const, q: ' 妇女节 ', issuerOrgId: '', page: 2, size: 20 }
    expect(filtersToQuery(filters)).toEqual({ status: 'PUBLISHED', q: '妇女节', page: '2' })
    expect(filtersToApi(filters)).toEqual({
      issued: true,
      status: 'PUBLISHED',
      q: '妇女节',
      issuerOrgId: undefined,
      page: 1,
      size: 20,
    })
  })
})
