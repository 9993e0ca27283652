import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
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
// The attachment upload asks for the server's limits when it mounts; the defaults do here.
vi.mock('@/api/media', async (original) => ({
  ...(await original<typeof MediaApi>()),
  fetchFileLimits: () => Promise.reject(new Error('offline')),
}))

const Blank = defineComponent({ render: () => h('div', { 'data-testid': 'blank' }) })

function makeRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/notices', name: 'notices', component: Blank },
      { path: '/notices/new', name: 'notice-new', component: NoticeEditor },
      { path: '/notices/:id/edit', name: 'notice-edit', component: NoticeEditor },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
    ],
  })
}

async function open(path: string) {
  const router = makeRouter()
  await router.push(path)
  await router.isReady()
  const pinia = createPinia()
  const auth = useAuthStore(pinia)
  auth.me = me({
    memberships: [
      membership({ id: 'm1', orgId: '1', orgName: '重庆市妇女联合会', orgCode: '500000', role: 'EDITOR' }),
      membership({ id: 'm2', orgId: '9', orgName: '某区妇联', orgCode: '500999', role: 'VIEWER' }),
    ],
    permissions: ['org:read', 'notice:write'],
  })
  const wrapper = mountWithApp(RouterView, { pinia, global: { plugins: [router] } })
  await flushPromises()
  return { wrapper, router }
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

async function settleForm() {
  await flushPromises()
  // Element Plus shows a form item's error after a 100 ms debounce
  await new Promise((resolve) => setTimeout(resolve, 150))
  await flushPromises()
}

function errorOf(testId: string): string | undefined {
  const item = document.querySelector(`[data-testid="${testId}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim()
}

beforeEach(() => {
  vi.clearAllMocks()
  noticeApi.previewRecipients.mockResolvedValue(preview())
  orgApi.fetchOrg.mockResolvedValue({
    org: org({ id: '1', name: '重庆市妇女联合会', level: 'CITY' }),
    etag: '"1"',
  })
})

// The whole editor (Element Plus, tiptap) mounts in jsdom: slower than a single component.
describe('notice editor', { timeout: 20_000 }, () => {
  it('creates the draft for the caller’s org, then saves changes with If-Match', async () => {
    const created = notice({ title: '关于报送三八活动材料的通知', version: 3 })
    noticeApi.createNotice.mockResolvedValue({ notice: created, etag: '"3"' })
    const { router } = await open('/notices/new')
    // the only org where the caller may issue is preselected
    expect(document.querySelector('[data-testid="notice-issuer"]')?.textContent).toContain('重庆市妇女联合会')

    type('notice-title', '关于报送三八活动材料的通知')
    click('notice-save')
    await settleForm()

    expect(noticeApi.createNotice).toHaveBeenCalledTimes(1)
    expect(noticeApi.createNotice.mock.calls[0]?.[0]).toMatchObject({
      issuerOrgId: '1',
      title: '关于报送三八活动材料的通知',
      recipients: { groups: [], orgIds: [], excludedOrgIds: [] },
    })
    expect(router.currentRoute.value.name).toBe('notice-edit')
    expect(router.currentRoute.value.params.id).toBe('42')
    expect(noticeApi.fetchNotice).not.toHaveBeenCalled() // the editor keeps what it has

    noticeApi.updateNotice.mockResolvedValue({ notice: { ...created, version: 4 }, etag: '"4"' })
    type('notice-theme', '巾帼心向党')
    click('notice-save')
    await settleForm()
    expect(noticeApi.updateNotice).toHaveBeenCalledWith(
      '42',
      '"3"',
      expect.objectContaining({ title: '关于报送三八活动材料的通知', theme: '巾帼心向党' }),
    )
    expect(document.querySelector('[data-testid="notice-dirty"]')).toBeNull()
  })

  it('refuses to save without a title', async () => {
    await open('/notices/new')
    click('notice-save')
    await settleForm()
    expect(errorOf('notice-title')).toBe('请输入标题')
    expect(noticeApi.createNotice).not.toHaveBeenCalled()
  })

  it('on 412 says someone else changed it and reloads the latest version on request', async () => {
    noticeApi.fetchNotice.mockResolvedValueOnce({ notice: notice(), etag: '"3"' })
    noticeApi.updateNotice.mockRejectedValue(
      new ApiError(412, { type: 'x', title: '数据已被修改', status: 412, code: 'PRECONDITION_FAILED' }),
    )
    await open('/notices/42/edit')
    type('notice-title', '我的修改')
    click('notice-save')
    await settleForm()

    expect(noticeApi.updateNotice).toHaveBeenCalledWith('42', '"3"', expect.anything())
    expect(document.querySelector('[data-testid="notice-stale"]')?.textContent).toContain(
      '该通知已被他人修改',
    )
    expect(input('notice-title').value).toBe('我的修改') // nothing is thrown away without asking

    noticeApi.fetchNotice.mockResolvedValueOnce({
      notice: notice({ title: '他人改过的标题', version: 5 }),
      etag: '"5"',
    })
    click('notice-reload')
    await settleForm()
    expect(noticeApi.fetchNotice).toHaveBeenLastCalledWith('42')
    expect(input('notice-title').value).toBe('他人改过的标题')
    expect(document.querySelector('[data-testid="notice-stale"]')).toBeNull()

    noticeApi.updateNotice.mockResolvedValue({ notice: notice({ version: 6 }), etag: '"6"' })
    type('notice-title', '再次修改')
    click('notice-save')
    await settleForm()
    expect(noticeApi.updateNotice).toHaveBeenLastCalledWith('42', '"5"', expect.anything())
  })

  it('puts the server’s field errors on their fields and lists the others', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: notice(), etag: '"3"' })
    noticeApi.updateNotice.mockRejectedValue(
      new ApiError(400, {
        type: 'x',
        title: '请求参数有误',
        status: 400,
        detail: '请检查标出的字段',
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'contactPhone', code: 'Pattern', message: '电话号码格式不正确' },
          { field: 'sections[0].heading', code: 'Size', message: '小标题不能超过 200 个字符' },
          { field: 'requirements.items.minPhotos', code: 'Max', message: '照片张数不能超过 100' },
        ],
      }),
    )
    await open('/notices/42/edit')
    type('notice-title', '改一下标题')
    click('notice-save')
    await settleForm()

    expect(errorOf('notice-contactPhone')).toBe('电话号码格式不正确')
    expect(errorOf('notice-section-heading')).toBe('小标题不能超过 200 个字符')
    const problem = document.querySelector('[data-testid="notice-problem"]')?.textContent ?? ''
    expect(problem).toContain('请检查标出的字段')
    expect(problem).toContain('照片张数不能超过 100')
  })

  it('shows a re-issue’s parent and the server’s deadline rule', async () => {
    noticeApi.fetchNotice.mockResolvedValue({
      notice: notice({
        parent: {
          id: '7',
          docNumber: '渝妇发〔2024〕5号',
          title: '关于开展三八系列活动的通知',
          issuerName: '重庆市妇女联合会',
          status: 'PUBLISHED',
        },
      }),
      etag: '"3"',
    })
    noticeApi.updateNotice.mockRejectedValue(
      new ApiError(422, {
        type: 'x',
        title: '不符合规则',
        status: 422,
        code: 'NOTICE_DEADLINE_AFTER_PARENT',
        detail: '转发通知的截止时间不能晚于上级通知给本单位的截止时间（2024-03-08T18:00+08:00）',
      }),
    )
    await open('/notices/42/edit')
    expect(document.querySelector('[data-testid="notice-parent"]')?.textContent).toContain(
      '转发自：重庆市妇女联合会 渝妇发〔2024〕5号 关于开展三八系列活动的通知',
    )
    type('notice-title', '转发：关于开展三八系列活动的通知')
    click('notice-save')
    await settleForm()
    expect(document.querySelector('[data-testid="notice-problem"]')?.textContent).toContain(
      '转发通知的截止时间不能晚于上级通知给本单位的截止时间',
    )
  })

  it('offers only what the server allows', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: notice({ actions: ['UPDATE'] }), etag: '"3"' })
    await open('/notices/42/edit')
    expect(document.querySelector('[data-testid="notice-save"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="notice-delete"]')).toBeNull()
    expect(document.querySelector('[data-testid="notice-publish"]')).toBeNull()
  })

  it('saves unsaved changes before opening the publish dialog', async () => {
    noticeApi.fetchNotice.mockResolvedValue({ notice: notice(), etag: '"3"' })
    noticeApi.updateNotice.mockResolvedValue({ notice: notice({ version: 4 }), etag: '"4"' })
    noticeApi.listIssuerCodes.mockResolvedValue([])
    await open('/notices/42/edit')
    type('notice-title', '改过的标题')
    click('notice-publish')
    await settleForm()
    expect(noticeApi.updateNotice).toHaveBeenCalledWith(
      '42',
      '"3"',
      expect.objectContaining({ title: '改过的标题' }),
    )
    expect(document.querySelector('[data-testid="notice-publish-dialog"]')).not.toBeNull()
    expect(noticeApi.listIssuerCodes).toHaveBeenCalledWith('1')
  })
})
