import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import PlanEditor from '../editor.vue'
import { mountWithApp } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import { notice } from '@/__tests__/receive-fixtures'
import { ApiError } from '@/api/problem'
import { useAuthStore } from '@/stores/auth'
import { plan } from './fixtures'

const planApi = vi.hoisted(() => ({
  createPlan: vi.fn(),
  updatePlan: vi.fn(),
  fetchPlan: vi.fn(),
  deletePlan: vi.fn(),
  filePlan: vi.fn(),
}))
vi.mock('@/api/plan', () => planApi)
const noticeViewApi = vi.hoisted(() => ({ fetchNotice: vi.fn() }))
vi.mock('@/api/notice-view', () => noticeViewApi)

const Blank = defineComponent({ render: () => h('div', { 'data-testid': 'blank' }) })

function makeRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/plans', name: 'plans', component: Blank },
      { path: '/plans/new', name: 'plan-new', component: PlanEditor },
      { path: '/plans/:id/edit', name: 'plan-edit', component: PlanEditor },
      { path: '/plans/:id', name: 'plan-detail', component: Blank },
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
      membership({ id: 'm1', orgId: '118', orgName: '渝中区妇女联合会', orgCode: '500103', role: 'EDITOR' }),
      membership({ id: 'm2', orgId: '9', orgName: '解放碑街道妇联', orgCode: '500103001', role: 'VIEWER' }),
    ],
    permissions: ['org:read', 'plan:write'],
  })
  const wrapper = mountWithApp(RouterView, { pinia, global: { plugins: [router] } })
  await settleForm()
  return { wrapper, router }
}

function input(testId: string): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(
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

function text(testId: string): string {
  return document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? ''
}

beforeEach(() => {
  vi.clearAllMocks()
  noticeViewApi.fetchNotice.mockResolvedValue({ notice: notice(), etag: '"3"' })
})

// The editor (Element Plus table, date pickers, tiptap) mounts in jsdom: slower than a single component.
describe('plan editor', { timeout: 30_000 }, () => {
  it('writes the org’s plan in answer to a notice from the receipt, then saves changes with If-Match', async () => {
    const created = plan({
      id: '55',
      kind: 'ANSWER',
      status: 'DRAFT',
      title: '渝中区妇联“三八”活动方案',
      notice: {
        id: '42',
        docNumber: '渝妇发〔2024〕5号',
        title: '关于开展活动的通知',
        issuerName: '市妇联',
        status: 'PUBLISHED',
      },
      items: [plan().items[0]!],
      actions: ['UPDATE', 'DELETE', 'FILE'],
      version: 0,
    })
    planApi.createPlan.mockResolvedValue({ plan: created, etag: '"0"' })
    const { router } = await open('/plans/new?noticeId=42&orgId=118')
    expect(noticeViewApi.fetchNotice).toHaveBeenCalledWith('42')
    expect(text('plan-notice-line')).toContain('答复通知：渝妇发〔2024〕5号')
    expect(text('plan-org')).toContain('渝中区妇女联合会')
    // the notice's theme is offered, and is not a change of the user's
    expect(input('plan-theme').value).toBe('添彩巾帼 建功新时代')
    expect(document.querySelector('[data-testid="plan-dirty"]')).toBeNull()

    type('plan-title', '渝中区妇联“三八”活动方案')
    type('plan-item-title-0', '“三八”国际妇女节110周年纪念活动')
    click('plan-save')
    await settleForm()

    expect(planApi.createPlan).toHaveBeenCalledTimes(1)
    expect(planApi.createPlan.mock.calls[0]?.[0]).toMatchObject({
      orgId: '118',
      noticeId: '42',
      title: '渝中区妇联“三八”活动方案',
      theme: '添彩巾帼 建功新时代',
      items: [{ title: '“三八”国际妇女节110周年纪念活动' }],
    })
    expect(router.currentRoute.value.name).toBe('plan-edit')
    expect(router.currentRoute.value.params.id).toBe('55')

    planApi.updatePlan.mockResolvedValue({ plan: { ...created, version: 1 }, etag: '"1"' })
    type('plan-item-location-0', '区妇女儿童活动中心')
    click('plan-save')
    await settleForm()
    // the row took the saved item's id, so it is updated rather than added again
    expect(planApi.updatePlan).toHaveBeenCalledWith(
      '55',
      '"0"',
      expect.objectContaining({
        items: [expect.objectContaining({ id: '300', location: '区妇女儿童活动中心' })],
      }),
    )
  })

  it('checks rows before sending and asks for a title', async () => {
    await open('/plans/new')
    type('plan-item-location-0', '解放碑')
    click('plan-save')
    await settleForm()
    expect(planApi.createPlan).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('请填写名称')
    expect(document.body.textContent).toContain('请填写方案名称')
  })

  it('puts the server’s field errors on their rows and lists the rule it broke', async () => {
    planApi.fetchPlan.mockResolvedValue({
      plan: plan({ status: 'DRAFT', actions: ['UPDATE', 'DELETE', 'FILE'] }),
      etag: '"4"',
    })
    planApi.updatePlan.mockRejectedValue(
      new ApiError(400, {
        type: 'x',
        title: '请求有误',
        status: 400,
        detail: '请检查标出的字段',
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'items[1].targetUnit', code: 'Size', message: '长度不符合要求（最多 20 个字符）' },
          { field: 'items[1].id', code: 'PlanItemUnknown', message: '不是本方案中的活动项（或重复）' },
        ],
      }),
    )
    await open('/plans/7/edit')
    type('plan-title', '改一下')
    click('plan-save')
    await settleForm()
    const row = document.querySelector('[data-testid="plan-item-unit-1"]')?.closest('.el-form-item')
    expect(row?.querySelector('.el-form-item__error')?.textContent).toContain(
      '长度不符合要求（最多 20 个字符）',
    )
    expect(text('plan-problem')).toContain('请检查标出的字段')
  })

  it('on 412 says someone else changed it and reloads the latest version on request', async () => {
    planApi.fetchPlan.mockResolvedValueOnce({
      plan: plan({ status: 'RETURNED', returnReason: '请补充地点', actions: ['UPDATE', 'FILE'] }),
      etag: '"4"',
    })
    planApi.updatePlan.mockRejectedValue(
      new ApiError(412, { type: 'x', title: '数据已被修改', status: 412, code: 'PRECONDITION_FAILED' }),
    )
    await open('/plans/7/edit')
    expect(text('plan-return-reason')).toContain('请补充地点')
    type('plan-title', '我的修改')
    click('plan-save')
    await settleForm()
    expect(planApi.updatePlan).toHaveBeenCalledWith('7', '"4"', expect.anything())
    expect(text('plan-stale')).toContain('方案已被他人修改')
    expect(input('plan-title').value).toBe('我的修改')

    planApi.fetchPlan.mockResolvedValueOnce({
      plan: plan({ title: '他人改过的标题', status: 'RETURNED', actions: ['UPDATE', 'FILE'], version: 5 }),
      etag: '"5"',
    })
    click('plan-reload')
    await settleForm()
    expect(input('plan-title').value).toBe('他人改过的标题')
    expect(document.querySelector('[data-testid="plan-stale"]')).toBeNull()
  })

  it('shows a filed plan read-only', async () => {
    planApi.fetchPlan.mockResolvedValue({
      plan: plan({ status: 'FILED', actions: ['PROGRESS'] }),
      etag: '"4"',
    })
    await open('/plans/7/edit')
    expect(document.querySelector('[data-testid="plan-not-editable"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="plan-save"]')).toBeNull()
    expect(document.querySelector('[data-testid="plan-file"]')).toBeNull()
    expect(input('plan-title').disabled).toBe(true)
  })
})
