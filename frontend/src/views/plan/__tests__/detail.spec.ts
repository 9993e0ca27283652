import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { ElMessageBox } from 'element-plus'
import PlanDetail from '../detail.vue'
import { mountWithApp } from '@/__tests__/mount'
import { ApiError } from '@/api/problem'
import { plan } from './fixtures'

const planApi = vi.hoisted(() => ({
  fetchPlan: vi.fn(),
  filePlan: vi.fn(),
  acknowledgePlan: vi.fn(),
  returnPlan: vi.fn(),
  deletePlan: vi.fn(),
  updateProgress: vi.fn(),
}))
vi.mock('@/api/plan', () => planApi)

const Blank = defineComponent({ render: () => h('div') })

async function open(id = '7') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/plans', name: 'plans', component: Blank },
      { path: '/plans/:id', name: 'plan-detail', component: PlanDetail },
      { path: '/plans/:id/edit', name: 'plan-edit', component: Blank },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
    ],
  })
  await router.push(`/plans/${id}`)
  await router.isReady()
  const wrapper = mountWithApp(RouterView, { global: { plugins: [router] } })
  await settle()
  return { wrapper, router }
}

async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 150))
  await flushPromises()
}

function click(testId: string) {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
  if (!el) throw new Error(`no ${testId}`)
  el.click()
}

function text(testId: string): string {
  return document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? ''
}

function exists(testId: string): boolean {
  return document.querySelector(`[data-testid="${testId}"]`) !== null
}

function conflict(status: 409 | 412): ApiError {
  return new ApiError(status, { type: 'x', title: '冲突', status, detail: '方案不在待确认状态', code: 'X' })
}

beforeEach(() => {
  vi.restoreAllMocks()
  vi.clearAllMocks()
  vi.spyOn(ElMessageBox, 'confirm').mockImplementation(() =>
    Promise.resolve({ value: '', action: 'confirm' } as never),
  )
})

describe('plan detail', { timeout: 30_000 }, () => {
  it('shows the items by section with the progress towards their targets', async () => {
    planApi.fetchPlan.mockResolvedValue({ plan: plan(), etag: '"4"' })
    await open()
    expect(text('plan-title')).toBe('区妇联2024年工作思路')
    expect(text('plan-status')).toContain('已确认备案')
    expect(text('plan-review-org')).toBe('重庆市妇女联合会')
    const sections = [...document.querySelectorAll('[data-testid="plan-item-section"]')].map(
      (e) => e.textContent,
    )
    expect(sections).toEqual([
      '（一）强化引领，唱响“巾帼心向党”主旋律',
      '（五）夯实基础，持续强化自身建设不停步',
    ])
    expect(document.querySelectorAll('[data-testid="plan-item-target"]')).toHaveLength(1)
    expect(text('plan-item-progress').trim()).toBe('44 / 50 家')
    expect(document.body.textContent).toContain('88%')
    // the writers record progress; nobody reviews an acknowledged plan
    expect(exists('plan-progress-301')).toBe(true)
    expect(exists('plan-progress-300')).toBe(false)
    expect(exists('plan-acknowledge')).toBe(false)
    expect(exists('plan-return')).toBe(false)
    expect(exists('plan-edit')).toBe(false)
  })

  it('records progress with the plan’s If-Match', async () => {
    planApi.fetchPlan.mockResolvedValue({ plan: plan(), etag: '"4"' })
    const after = plan({ version: 5 })
    after.items[1]!.progressValue = 46
    planApi.updateProgress.mockResolvedValue({ plan: after, etag: '"5"' })
    await open()
    click('plan-progress-301')
    await settle()
    const value = document.querySelector<HTMLInputElement>('[data-testid="progress-value"] input')!
    expect(value.value).toBe('44.00')
    value.value = '46'
    value.dispatchEvent(new Event('input'))
    value.dispatchEvent(new Event('change'))
    click('progress-confirm')
    await settle()
    expect(planApi.updateProgress).toHaveBeenCalledWith(
      '7',
      '301',
      '"4"',
      46,
      '2024年建成14家，2025年建成18家',
    )
    expect(text('plan-item-progress').trim()).toBe('46 / 50 家')
  })

  it('lets the reviewers return a filed plan with a reason', async () => {
    const filed = plan({ kind: 'ANSWER', status: 'FILED', actions: ['ACKNOWLEDGE', 'RETURN'] })
    planApi.fetchPlan.mockResolvedValue({ plan: filed, etag: '"4"' })
    planApi.returnPlan.mockResolvedValue({
      plan: { ...filed, status: 'RETURNED', returnReason: '请补充活动地点', actions: [], version: 5 },
      etag: '"5"',
    })
    await open()
    expect(text('plan-status')).toContain('待确认')
    click('plan-return')
    await settle()
    const reason = document.querySelector<HTMLTextAreaElement>('textarea[data-testid="plan-return-reason"]')!
    reason.value = '请补充活动地点'
    reason.dispatchEvent(new Event('input'))
    click('plan-return-confirm')
    await settle()
    expect(planApi.returnPlan).toHaveBeenCalledWith('7', '"4"', '请补充活动地点')
    expect(text('plan-status')).toContain('已退回')
    expect(document.body.textContent).toContain('退回原因：请补充活动地点')
    expect(exists('plan-acknowledge')).toBe(false)
  })

  it('acknowledges after confirmation, and shows the plan as it is now when someone was first', async () => {
    const filed = plan({ kind: 'ANSWER', status: 'FILED', actions: ['ACKNOWLEDGE', 'RETURN'] })
    planApi.fetchPlan.mockResolvedValueOnce({ plan: filed, etag: '"4"' })
    planApi.acknowledgePlan.mockRejectedValueOnce(conflict(412))
    planApi.fetchPlan.mockResolvedValueOnce({
      plan: plan({ status: 'ACKNOWLEDGED', actions: [] }),
      etag: '"6"',
    })
    await open()
    click('plan-acknowledge')
    await settle()
    expect(planApi.acknowledgePlan).toHaveBeenCalledWith('7', '"4"')
    expect(planApi.fetchPlan).toHaveBeenCalledTimes(2)
    expect(text('plan-status')).toContain('已确认备案')
    expect(exists('plan-acknowledge')).toBe(false)
  })

  it('files a draft after confirmation; cancelled, nothing happens', async () => {
    const draft = plan({ status: 'DRAFT', actions: ['UPDATE', 'DELETE', 'FILE'], reviewOrgName: undefined })
    planApi.fetchPlan.mockResolvedValue({ plan: draft, etag: '"2"' })
    planApi.filePlan.mockResolvedValue({
      plan: { ...draft, status: 'FILED', actions: ['PROGRESS'] },
      etag: '"3"',
    })
    vi.mocked(ElMessageBox.confirm).mockRejectedValueOnce('cancel')
    await open()
    click('plan-file')
    await settle()
    expect(planApi.filePlan).not.toHaveBeenCalled()
    click('plan-file')
    await settle()
    expect(planApi.filePlan).toHaveBeenCalledWith('7', '"2"')
    expect(text('plan-status')).toContain('待确认')
  })

  it('says so when the plan is outside the user’s scope', async () => {
    planApi.fetchPlan.mockRejectedValue(new ApiError(404, null))
    await open('999')
    expect(text('plan-error')).toContain('活动方案不存在或不在您的权限范围内')
  })
})
