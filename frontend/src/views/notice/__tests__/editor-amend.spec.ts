import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import NoticeEditor from '../editor.vue'
import { mountWithApp } from '@/__tests__/mount'
import { me, membership, org } from '@/__tests__/fixtures'
import { ApiError } from '@/api/problem'
import { useAuthStore } from '@/stores/auth'
import { notice, preview } from './fixtures'
import type * as MediaApi from '@/api/media'

const noticeApi = vi.hoisted(() => ({
  createNotice: vi.fn(),
  updateNotice: vi.fn(),
  amendNotice: vi.fn(),
  fetchNotice: vi.fn(),
  deleteNotice: vi.fn(),
  previewRecipients: vi.fn(),
  listIssuerCodes: vi.fn(),
  publishNotice: vi.fn(),
  downloadNoticeFile: vi.fn(),
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
// The attachment upload asks for the server's limits when it mounts; the defaults do here.
vi.mock('@/api/media', async (original) => ({
  ...(await original<typeof MediaApi>()),
  fetchFileLimits: () => Promise.reject(new Error('offline')),
}))

const Blank = defineComponent({ render: () => h('div', { 'data-testid': 'blank' }) })
let mounted: VueWrapper | null = null

function published(overrides: Parameters<typeof notice>[0] = {}) {
  return notice({
    status: 'PUBLISHED',
    docNumber: '渝妇发〔2024〕5号',
    recipientCount: 38,
    actions: ['AMEND', 'WITHDRAW', 'CLOSE'],
    ...overrides,
  })
}

async function open(path: string): Promise<Router> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/notices', name: 'notices', component: Blank },
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
    ],
    permissions: ['org:read', 'notice:write'],
  })
  mounted = mountWithApp(RouterView, { pinia, global: { plugins: [router] } })
  await flushPromises()
  return router
}

function el<T extends Element = HTMLElement>(testId: string): T | null {
  return document.querySelector<T>(`[data-testid="${testId}"]`)
}

function type(testId: string, value: string) {
  const target = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `textarea[data-testid="${testId}"], input[data-testid="${testId}"], [data-testid="${testId}"] input`,
  )
  if (!target) throw new Error(`no input ${testId}`)
  target.value = value
  target.dispatchEvent(new Event('input'))
}

function click(testId: string) {
  const target = el(testId)
  if (!target) throw new Error(`no ${testId}`)
  target.click()
}

async function settleForm() {
  await flushPromises()
  // Element Plus shows a form item's error after a 100 ms debounce
  await new Promise((resolve) => setTimeout(resolve, 150))
  await flushPromises()
}

beforeEach(() => {
  vi.clearAllMocks()
  noticeApi.previewRecipients.mockResolvedValue(preview())
  orgApi.fetchOrg.mockResolvedValue({
    org: org({ id: '1', name: '重庆市妇女联合会', level: 'CITY' }),
    etag: '"1"',
  })
})

afterEach(() => {
  mounted?.unmount()
  mounted = null
  document.body.innerHTML = ''
})

describe('notice editor, amend mode', { timeout: 20_000 }, () => {
  it('freezes the recipients and offers only 提交修订', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: published(), etag: '"7"' })
    await open('/notices/42/amend')
    expect(el('page-notice-editor')?.textContent).toContain('修订通知')
    expect(el('notice-recipients-frozen')?.textContent).toContain('收文单位在发布时已确定')
    expect(el('notice-recipients-frozen')?.textContent).toContain('38 个')
    expect(el('notice-amend-submit')?.textContent).toContain('提交修订')
    expect(el('notice-save')).toBeNull()
    expect(el('notice-publish')).toBeNull()
    expect(el('notice-delete')).toBeNull()
    expect(noticeApi.previewRecipients).not.toHaveBeenCalled() // no picker
  })

  it('says so when the server does not allow AMEND', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: published({ actions: ['CLOSE'] }), etag: '"7"' })
    await open('/notices/42/amend')
    expect(el('notice-amend-submit')).toBeNull()
    expect(el('notice-not-editable')?.textContent).toContain('该通知当前不能修订')
  })

  it('requires a reason, then sends {reason, content} with If-Match and the recipients left out', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: published(), etag: '"7"' })
    noticeApi.amendNotice.mockResolvedValue({
      notice: published({ title: '关于延后报送时间的通知', revision: 1, version: 8 }),
      etag: '"8"',
    })
    const router = await open('/notices/42/amend')
    type('notice-title', '关于延后报送时间的通知')
    click('notice-amend-submit')
    await settleForm()
    expect(el('notice-amend-dialog')).not.toBeNull()

    // the reason is required
    type('notice-amend-reason', '   ')
    click('notice-amend-confirm')
    await settleForm()
    expect(el('notice-amend-dialog')?.textContent).toContain('请输入修订说明')
    expect(noticeApi.amendNotice).not.toHaveBeenCalled()

    type('notice-amend-reason', ' 报送截止时间延后至3月15日 ')
    click('notice-amend-confirm')
    await settleForm()
    expect(noticeApi.amendNotice).toHaveBeenCalledTimes(1)
    const [id, etag, body] = noticeApi.amendNotice.mock.calls[0] ?? []
    expect(id).toBe('42')
    expect(etag).toBe('"7"')
    expect(body.reason).toBe('报送截止时间延后至3月15日')
    expect(body.content).toMatchObject({ issuerOrgId: '1', title: '关于延后报送时间的通知' })
    expect(body.content).not.toHaveProperty('recipients')
    expect(noticeApi.updateNotice).not.toHaveBeenCalled()

    expect(router.currentRoute.value.name).toBe('notice-detail')
    expect(router.currentRoute.value.params.id).toBe('42')
    expect(document.body.textContent).toContain('已提交修订')
  })

  it('shows a 422 from the server above the form and stays', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: published(), etag: '"7"' })
    noticeApi.amendNotice.mockRejectedValue(
      new ApiError(422, {
        type: 'x',
        title: '不符合规则',
        status: 422,
        code: 'NOTICE_RECIPIENTS_FROZEN',
        detail: '已发布通知的收文单位不能修改',
      }),
    )
    const router = await open('/notices/42/amend')
    type('notice-title', '改过的标题')
    click('notice-amend-submit')
    await settleForm()
    type('notice-amend-reason', '修正标题')
    click('notice-amend-confirm')
    await settleForm()
    expect(noticeApi.amendNotice).toHaveBeenCalledTimes(1)
    expect(el('notice-problem')?.textContent).toContain('已发布通知的收文单位不能修改')
    expect(router.currentRoute.value.name).toBe('notice-amend')
  })

  it('on 412 says someone else changed it', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: published(), etag: '"7"' })
    noticeApi.amendNotice.mockRejectedValue(
      new ApiError(412, { type: 'x', title: '数据已被修改', status: 412, code: 'PRECONDITION_FAILED' }),
    )
    await open('/notices/42/amend')
    click('notice-amend-submit')
    await settleForm()
    type('notice-amend-reason', '修正')
    click('notice-amend-confirm')
    await settleForm()
    expect(el('notice-stale')?.textContent).toContain('该通知已被他人修改')
  })
})
