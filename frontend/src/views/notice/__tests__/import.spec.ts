import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import { ElMessageBox } from 'element-plus'
import NoticeEditor from '../editor.vue'
import {
  emptyForm,
  formFromInput,
  formFromNotice,
  importedForm,
  snapshot,
  toInput,
  type AttachmentModel,
} from '../data'
import { describeNoticeField, noticeImportKind } from '../import-kind'
import { mountWithApp } from '@/__tests__/mount'
import { me, membership, org } from '@/__tests__/fixtures'
import { NOTICE_TEXT, noticeImport } from '@/__tests__/import-fixtures'
import { createAppI18n } from '@/locales'
import type * as MediaApi from '@/api/media'
import { useAuthStore } from '@/stores/auth'
import { notice, preview } from './fixtures'

const noticeApi = vi.hoisted(() => ({
  createNotice: vi.fn(),
  updateNotice: vi.fn(),
  fetchNotice: vi.fn(),
  deleteNotice: vi.fn(),
  previewRecipients: vi.fn(),
  listIssuerCodes: vi.fn(),
  publishNotice: vi.fn(),
}))
vi.mock('@/api/notice', () => noticeApi)
const orgApi = vi.hoisted(() => ({
  MAX_PAGE_SIZE: 200,
  fetchOrg: vi.fn(),
  fetchOrgsByIds: vi.fn().mockResolvedValue([]),
  fetchChildren: vi.fn(),
  searchOrgs: vi.fn(),
}))
vi.mock('@/api/org', () => orgApi)
vi.mock('@/api/media', async (original) => ({
  ...(await original<typeof MediaApi>()),
  fetchFileLimits: () => Promise.reject(new Error('offline')),
}))
const importApi = vi.hoisted(() => ({ importNotice: vi.fn(), importPlan: vi.fn() }))
vi.mock('@/api/doc-import', () => importApi)

const { t } = createAppI18n('zh-CN').global

const attachment: AttachmentModel = {
  fileId: 'f1',
  title: '活动报名表',
  name: '活动报名表.xlsx',
  size: 10,
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

describe('an imported draft as the notice form', () => {
  it('maps every field the import fills, and sends it back as read', () => {
    const draft = noticeImport().draft
    const form = formFromInput(draft)
    expect(form).toMatchObject({
      issuerOrgId: '1',
      title: '重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知',
      theme: '跟党走奋进新征程 巾帼建功新时代',
      mainTo: '各区县（自治县）妇联，两江新区妇联，各市级机关妇委会（妇工委、系统妇联）',
      signedOn: '2024-02-20',
      contactPerson: '莫海舟',
      contactPhone: '67125371',
      contactEmail: 'cqflxcb@163.com',
      receivingDepartment: '市妇联宣传部',
      receivingOrgId: '27',
      deadline: '2024-03-12 18:00:00', // Shanghai wall clock, as the picker shows it
      planRequired: false,
      planDeadline: '',
      items: { summary: true, minPhotos: 1, video: true, article: false, newMediaLink: false },
      overrides: [],
      attachments: [],
    })
    expect(form.sections.map((s) => s.heading)).toEqual([
      '',
      '一、强化政治引领，筑牢思想根基',
      '二、工作要求',
    ])

    const body = toInput(form)
    expect(body).toMatchObject({
      ...draft,
      deadline: '2024-03-12T18:00:00+08:00',
      cc: undefined,
      requirements: { items: draft.requirements?.items, byOrgType: {} },
    })
    expect(body.sections).toEqual(draft.sections)
  })

  it('shares its mapping with a saved notice: both give the same form', () => {
    const saved = notice({ receivingOrgId: '27', signedOn: '2024-02-26', contactPerson: '曹倩' })
    const fromInput = formFromInput({ ...toInput(formFromNotice(saved)), attachments: undefined })
    expect(snapshot(fromInput)).toBe(snapshot(formFromNotice(saved)))
    expect(fromInput.receivingOrgId).toBe('27') // kept by a save, no longer dropped
  })

  it('starts a draft with no sections with one empty section, as a new form does', () => {
    const form = formFromInput({ title: '关于报送材料的通知' })
    expect(form.sections).toHaveLength(1)
    expect(form.issuerOrgId).toBe('')
    expect(snapshot(form)).toBe(snapshot({ ...emptyForm(''), title: '关于报送材料的通知' }))
  })

  it('keeps the chosen issuer when the text names none, with the files attached and the reminders', () => {
    const current = emptyForm('9')
    current.title = '旧标题'
    current.attachments = [attachment]
    current.reminders.daysBefore = [5]
    const draft = { ...noticeImport().draft, issuerOrgId: undefined, receivingOrgId: undefined }

    const form = importedForm(current, draft, { issuerFixed: false, issuerIds: ['1', '9'] })
    expect(form.issuerOrgId).toBe('9')
    expect(form.title).toBe(draft.title)
    expect(form.attachments).toEqual([attachment])
    expect(form.attachments[0]).not.toBe(attachment) // a copy
    expect(form.reminders.daysBefore).toEqual([5])
  })

  it('takes the issuer the text names when the user may issue there, with its department', () => {
    const draft = noticeImport().draft
    const form = importedForm(emptyForm('9'), draft, { issuerFixed: false, issuerIds: ['1', '9'] })
    expect(form.issuerOrgId).toBe('1')
    expect(form.receivingOrgId).toBe('27')
  })

  it('keeps a saved draft’s issuer and drops a department matched for another', () => {
    const draft = noticeImport().draft
    const fixed = importedForm(emptyForm('9'), draft, { issuerFixed: true, issuerIds: ['1', '9'] })
    expect(fixed.issuerOrgId).toBe('9')
    expect(fixed.receivingOrgId).toBe('')

    const elsewhere = importedForm(emptyForm('9'), draft, { issuerFixed: false, issuerIds: ['9'] })
    expect(elsewhere.issuerOrgId).toBe('9')
    expect(elsewhere.receivingOrgId).toBe('')

    const same = importedForm(emptyForm('1'), draft, { issuerFixed: true, issuerIds: ['1'] })
    expect(same.receivingOrgId).toBe('27')
  })
})

describe('the notice’s import fields', () => {
  const describeField = (name: string, value = 'x') =>
    describeNoticeField(t, { field: name, value, confidence: 0.9, start: 0, end: 1 })

  it('names each field as the editor does, with its colour', () => {
    expect(describeField('title')).toEqual({ label: '标题', kind: 'heading', value: 'x' })
    expect(describeField('issuer')).toMatchObject({ label: '发文机关', kind: 'org' })
    expect(describeField('recipients[0]')).toMatchObject({ label: '主送单位 1', kind: 'recipient' })
    expect(describeField('sections[2]')).toMatchObject({ label: '第 3 节标题', kind: 'structure' })
    expect(describeField('activities[1].title')).toMatchObject({ label: '活动 2', kind: 'activity' })
    expect(describeField('activities[1].location').label).toBe('活动 2 地点')
    expect(describeField('activities[0].dates[1]').label).toBe('活动 1 日期')
    expect(describeField('channels[0]')).toMatchObject({ label: '报送方式', kind: 'reporting' })
    expect(describeField('contactPhone')).toMatchObject({ label: '联系电话', kind: 'contact' })
    expect(describeField('signedOn')).toMatchObject({ label: '成文日期', kind: 'date' })
    expect(describeField('attachments[1]')).toMatchObject({ label: '附件 2', kind: 'attachment' })
    expect(describeField('somethingNew')).toEqual({ label: 'somethingNew', kind: 'other', value: 'x' })
  })

  it('writes values in words: times in Shanghai, yes or no, the photos asked for', () => {
    expect(describeField('deadline', '2024-03-12T18:00+08:00').value).toBe('2024-03-12 18:00')
    expect(describeField('planDeadline', '2024-03-05T10:00Z').value).toBe('2024-03-05 18:00')
    expect(describeField('planRequired', 'true').value).toBe('是')
    expect(describeField('requirements.photos', '3')).toMatchObject({ label: '照片', value: '至少 3 张' })
    expect(describeField('requirements.video', 'true')).toMatchObject({ label: '视频', value: '要求报送' })
  })

  it('corrects the deadline in Shanghai wall clock and sends it with +08:00', () => {
    const deadline = noticeImportKind(t).correctable.find((c) => c.key === 'deadline')
    expect(deadline?.read?.('2024-03-12T10:00:00Z')).toBe('2024-03-12 18:00:00')
    expect(deadline?.read?.(undefined)).toBe('')
    expect(deadline?.write?.('2024-03-15 17:30:00')).toBe('2024-03-15T17:30:00+08:00')
    expect(deadline?.write?.('')).toBeUndefined()
  })
})

// ---- in the editor -------------------------------------------------------------------------------

const Blank = defineComponent({ render: () => h('div') })

async function openEditor(path = '/notices/new') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/notices', name: 'notices', component: Blank },
      { path: '/notices/new', name: 'notice-new', component: NoticeEditor },
      { path: '/notices/:id/edit', name: 'notice-edit', component: NoticeEditor },
      { path: '/notices/:id/amend', name: 'notice-amend', component: NoticeEditor },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
    ],
  })
  await router.push(path)
  await router.isReady()
  const pinia = createPinia()
  useAuthStore(pinia).me = me({
    memberships: [
      membership({ id: 'm1', orgId: '1', orgName: '重庆市妇女联合会', orgCode: '500000', role: 'EDITOR' }),
      membership({ id: 'm3', orgId: '118', orgName: '渝中区妇女联合会', orgCode: '500103', role: 'EDITOR' }),
    ],
    permissions: ['org:read', 'notice:write'],
  })
  mountWithApp(RouterView, { pinia, global: { plugins: [router] } })
  await flushPromises()
}

function input(testId: string): HTMLInputElement | HTMLTextAreaElement {
  const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `textarea[data-testid="${testId}"], input[data-testid="${testId}"], [data-testid="${testId}"] input`,
  )
  if (!el) throw new Error(`no input ${testId}`)
  return el
}

function type(testId: string, value: string) {
  const el = input(testId)
  el.value = value
  el.dispatchEvent(new Event('input'))
}

function click(testId: string) {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
  if (!el) throw new Error(`no ${testId}`)
  el.click()
}

async function importText() {
  click('notice-import')
  await flushPromises()
  type('import-text', NOTICE_TEXT)
  await flushPromises()
  click('import-run')
  await flushPromises()
  click('import-apply')
  await flushPromises()
}

beforeEach(() => {
  vi.clearAllMocks()
  noticeApi.previewRecipients.mockResolvedValue(preview())
  orgApi.fetchOrg.mockResolvedValue({ org: org({ id: '1', name: '重庆市妇女联合会' }), etag: '"1"' })
  vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
})

describe('导入公文 in the notice editor', { timeout: 20_000 }, () => {
  it('fills a new notice from the text; saving is the editor’s ordinary save', async () => {
    const answer = noticeImport()
    answer.draft.issuerOrgId = undefined // the text's issuer is not one of the caller's
    answer.draft.receivingOrgId = undefined
    importApi.importNotice.mockResolvedValue(answer)
    await openEditor('/notices/new?issuerOrgId=118') // the user writes for 渝中区妇联
    expect(document.querySelector('[data-testid="notice-issuer"]')?.textContent).toContain('渝中区妇女联合会')

    await importText()

    expect(ElMessageBox.confirm).not.toHaveBeenCalled() // an untouched new form is replaced without asking
    expect(input('notice-title').value).toBe(answer.draft.title)
    expect(input('notice-mainTo').value).toBe(answer.draft.mainTo)
    expect(input('notice-contactPerson').value).toBe('莫海舟')
    expect(document.querySelector('[data-testid="notice-issuer"]')?.textContent).toContain('渝中区妇女联合会')
    expect(document.querySelectorAll('[data-testid="notice-section"]')).toHaveLength(3)
    expect(document.querySelector('[data-testid="notice-dirty"]')).not.toBeNull()
    expect(noticeApi.createNotice).not.toHaveBeenCalled() // nothing is saved by the import

    noticeApi.createNotice.mockResolvedValue({ notice: notice({ title: answer.draft.title }), etag: '"1"' })
    click('notice-save')
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 150))
    await flushPromises()
    expect(noticeApi.createNotice).toHaveBeenCalledWith(
      expect.objectContaining({
        issuerOrgId: '118',
        title: answer.draft.title,
        mainTo: answer.draft.mainTo,
        deadline: '2024-03-12T18:00:00+08:00',
        recipients: answer.draft.recipients,
      }),
    )
  })

  it('asks before replacing unsaved content, and keeps it when the user says no', async () => {
    importApi.importNotice.mockResolvedValue(noticeImport())
    await openEditor()
    type('notice-title', '我正在写的通知')
    await flushPromises()
    vi.mocked(ElMessageBox.confirm).mockRejectedValueOnce('cancel')

    await importText()
    expect(ElMessageBox.confirm).toHaveBeenCalledTimes(1)
    expect(input('notice-title').value).toBe('我正在写的通知')
    // the dialog stays open with what was read
    expect(document.querySelector('[data-testid="import-source"]')).not.toBeNull()

    click('import-apply')
    await flushPromises()
    expect(ElMessageBox.confirm).toHaveBeenCalledTimes(2)
    expect(input('notice-title').value).toBe(noticeImport().draft.title)
  })

  it('offers the import for an editable draft but not when amending a published notice', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: notice(), etag: '"3"' })
    await openEditor('/notices/42/edit')
    expect(document.querySelector('[data-testid="notice-import"]')).not.toBeNull()

    document.body.innerHTML = ''
    noticeApi.fetchNotice.mockResolvedValue({
      notice: notice({ status: 'PUBLISHED', actions: ['AMEND', 'WITHDRAW'] }),
      etag: '"4"',
    })
    await openEditor('/notices/42/amend')
    expect(document.querySelector('[data-testid="notice-amend-submit"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="notice-import"]')).toBeNull()
  })
})
