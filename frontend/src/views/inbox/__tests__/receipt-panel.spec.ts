import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h, ref } from 'vue'
import { ElMessageBox } from 'element-plus'
import ReceiptPanel from '../modules/receipt-panel.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import { notice, receipt } from '@/__tests__/receive-fixtures'
import { ApiError } from '@/api/problem'
import type { ReceiptView } from '@/api/types'
import { useAuthStore } from '@/stores/auth'

const api = vi.hoisted(() => ({
  fetchInboxSummary: vi.fn(),
  openReceipt: vi.fn(),
  signReceipt: vi.fn(),
  forwardReceipt: vi.fn(),
}))
vi.mock('@/api/inbox', () => api)

const Blank = defineComponent({ render: () => h('div') })

function conflict(code: string, detail: string): ApiError {
  return new ApiError(409, { type: 'about:blank', title: '冲突', status: 409, detail, code })
}

async function mountPanel(
  initial: ReceiptView = receipt(),
  extra: { planRequired?: boolean; issuerPlanId?: string | null } = {},
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().me = me({
    memberships: [
      membership({ id: 'm1', orgId: '118', orgName: '渝中区妇女联合会', orgCode: '500103', role: 'EDITOR' }),
    ],
  })
  // notice-edit belongs to the editor (another branch); stubbed here under the same name.
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Blank },
      { path: '/notices/:id/edit', name: 'notice-edit', component: Blank },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
      { path: '/plans/new', name: 'plan-new', component: Blank },
      { path: '/plans/:id', name: 'plan-detail', component: Blank },
    ],
  })
  await router.push('/')
  const current = ref(initial)
  const wrapper = mountWithApp(
    {
      render: () =>
        h('div', [
          h(ReceiptPanel, {
            receipt: current.value,
            ...extra,
            onUpdated: (r: ReceiptView) => (current.value = r),
          }),
          h(RouterView),
        ]),
    },
    { pinia, global: { plugins: [router] } },
  )
  await settle()
  return { wrapper, router, current }
}

beforeEach(() => {
  vi.restoreAllMocks()
  vi.clearAllMocks()
  api.fetchInboxSummary.mockResolvedValue({ unread: 0, unsigned: 0, dueSoon: 0, overdue: 0 })
  // resolves like a confirmed box; the panel only awaits it
  vi.spyOn(ElMessageBox, 'confirm').mockImplementation(() =>
    Promise.resolve({ value: '', action: 'confirm' } as never),
  )
})

describe('receipt panel', () => {
  it('signs after confirmation, then shows who signed and when, and refreshes the badge', async () => {
    const signed = receipt({
      signedAt: '2024-02-27T03:00:00Z',
      signedBy: 'yuzhong.editor',
      actions: ['FORWARD'],
    })
    api.signReceipt.mockResolvedValue(signed)
    const { wrapper } = await mountPanel()
    expect(wrapper.get('[data-testid="receipt-signed"]').text()).toBe('未签收')

    await wrapper.get('[data-testid="receipt-sign"]').trigger('click')
    await settle()
    expect(ElMessageBox.confirm).toHaveBeenCalledTimes(1)
    expect(api.signReceipt).toHaveBeenCalledWith('900')
    expect(wrapper.get('[data-testid="receipt-signed"]').text()).toBe(
      '已签收：yuzhong.editor，2024-02-27 11:00',
    )
    expect(wrapper.find('[data-testid="receipt-sign"]').exists()).toBe(false)
    expect(api.fetchInboxSummary).toHaveBeenCalledWith('118')
  })

  it('does not sign when the confirmation is cancelled', async () => {
    vi.mocked(ElMessageBox.confirm).mockRejectedValue('cancel')
    const { wrapper } = await mountPanel()
    await wrapper.get('[data-testid="receipt-sign"]').trigger('click')
    await settle()
    expect(api.signReceipt).not.toHaveBeenCalled()
  })

  it('on 409 says who signed first and shows the receipt as it is now', async () => {
    api.signReceipt.mockRejectedValue(conflict('RECEIPT_ALREADY_SIGNED', '该通知已由 li.hong 签收'))
    api.openReceipt.mockResolvedValue(
      receipt({ signedAt: '2024-02-27T02:50:00Z', signedBy: 'li.hong', actions: ['FORWARD'] }),
    )
    const { wrapper } = await mountPanel()
    await wrapper.get('[data-testid="receipt-sign"]').trigger('click')
    await settle()
    expect(api.openReceipt).toHaveBeenCalledWith('900')
    expect(document.body.textContent).toContain('已由 li.hong 签收')
    expect(wrapper.get('[data-testid="receipt-signed"]').text()).toBe('已签收：li.hong，2024-02-27 10:50')
    expect(wrapper.find('[data-testid="receipt-sign"]').exists()).toBe(false)
  })

  it('forwards: creates the re-issue draft and opens it in the editor', async () => {
    api.forwardReceipt.mockResolvedValue(notice({ id: '77', status: 'DRAFT', parent: undefined }))
    const { wrapper, router } = await mountPanel()
    await wrapper.get('[data-testid="receipt-forward"]').trigger('click')
    await settle()
    expect(api.forwardReceipt).toHaveBeenCalledWith('900')
    expect(router.currentRoute.value.name).toBe('notice-edit')
    expect(router.currentRoute.value.params.id).toBe('77')
  })

  it('links to the existing re-issue instead of forwarding twice', async () => {
    const { wrapper } = await mountPanel(receipt({ forwardedNoticeId: '77', actions: ['SIGN'] }))
    expect(wrapper.find('[data-testid="receipt-forward"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="receipt-forwarded"]').attributes('href')).toBe('/notices/77')
  })

  it("offers what the server's actions allow: nothing to a viewer, only sign to a reviewer", async () => {
    const viewer = await mountPanel(receipt({ actions: [] }))
    expect(viewer.wrapper.find('[data-testid="receipt-sign"]').exists()).toBe(false)
    expect(viewer.wrapper.find('[data-testid="receipt-forward"]').exists()).toBe(false)

    const reviewer = await mountPanel(receipt({ actions: ['SIGN'] }))
    expect(reviewer.wrapper.find('[data-testid="receipt-sign"]').exists()).toBe(true)
    expect(reviewer.wrapper.find('[data-testid="receipt-forward"]').exists()).toBe(false)
  })

  it('offers nothing on a withdrawn notice', async () => {
    const withdrawn = receipt()
    withdrawn.notice.status = 'WITHDRAWN'
    withdrawn.actions = []
    const { wrapper } = await mountPanel(withdrawn)
    expect(wrapper.text()).toContain('该通知已撤回')
    expect(wrapper.find('[data-testid="receipt-sign"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="receipt-forward"]').exists()).toBe(false)
  })

  it('offers 填报活动方案 when the notice asks for a plan, opening the editor for this notice and org', async () => {
    const { wrapper, router } = await mountPanel(receipt({ actions: ['SIGN', 'FILE_PLAN'] }), {
      planRequired: true,
      issuerPlanId: '5',
    })
    expect(wrapper.get('[data-testid="receipt-plan-status"]').text()).toBe('尚未填报')
    expect(wrapper.get('[data-testid="receipt-issuer-plan-link"]').attributes('href')).toBe('/plans/5')
    await wrapper.get('[data-testid="receipt-file-plan"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.name).toBe('plan-new')
    expect(router.currentRoute.value.query).toEqual({ noticeId: '42', orgId: '118' })
  })

  it('links to the org’s plan once there is one, with its filing status', async () => {
    const filed = await mountPanel(receipt({ actions: ['SIGN'], planId: '55', planStatus: 'RETURNED' }), {
      planRequired: true,
    })
    expect(filed.wrapper.find('[data-testid="receipt-file-plan"]').exists()).toBe(false)
    expect(filed.wrapper.get('[data-testid="receipt-plan-link"]').attributes('href')).toBe('/plans/55')
    expect(filed.wrapper.get('[data-testid="receipt-plan-status"]').text()).toBe('已退回')

    const draft = await mountPanel(receipt({ actions: ['SIGN'], planId: '55' }), { planRequired: true })
    expect(draft.wrapper.get('[data-testid="receipt-plan-status"]').text()).toBe('草稿未备案')
  })

  it('says nothing of plans when the notice asks for none', async () => {
    const { wrapper } = await mountPanel()
    expect(wrapper.find('[data-testid="receipt-plan"]').exists()).toBe(false)
  })
})
