import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import ReceiptSubmission from '../modules/receipt-submission.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { receipt } from '@/__tests__/receive-fixtures'
import { ApiError } from '@/api/problem'
import type { ReceiptView } from '@/api/types'
import { submission, summaryRow } from './fixtures'

const api = vi.hoisted(() => ({ findSubmission: vi.fn(), createSubmission: vi.fn() }))
vi.mock('@/api/submission', () => api)

const Blank = defineComponent({ render: () => h('div') })

async function mountButton(r: ReceiptView) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Blank },
      { path: '/submissions/:id', name: 'submission-detail', component: Blank },
    ],
  })
  await router.push('/')
  const wrapper = mountWithApp(
    { render: () => h('div', [h(ReceiptSubmission, { receipt: r }), h(RouterView)]) },
    { global: { plugins: [router] } },
  )
  await settle()
  return { wrapper, router }
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('report from a receipt', () => {
  it('opens the org’s package, with its status, for whoever may read it', async () => {
    const { wrapper, router } = await mountButton(
      receipt({ submissionId: '31', reportStatus: 'RETURNED', actions: [] }),
    )
    expect(wrapper.get('[data-testid="receipt-submission-open"]').text()).toBe('查看报送')
    expect(wrapper.get('[data-testid="receipt-submission-status"]').text()).toBe('已退回')
    await wrapper.get('[data-testid="receipt-submission-open"]').trigger('click')
    await settle()
    expect(api.createSubmission).not.toHaveBeenCalled()
    expect(router.currentRoute.value.fullPath).toBe('/submissions/31')
  })

  it('starts the draft when the receipt offers REPORT and has none, then opens it', async () => {
    api.createSubmission.mockResolvedValue({ submission: submission({ id: '55' }), etag: '"0"' })
    const { wrapper, router } = await mountButton(receipt({ actions: ['SIGN', 'REPORT'] }))
    expect(wrapper.get('[data-testid="receipt-submission-open"]').text()).toBe('开始报送')
    expect(wrapper.find('[data-testid="receipt-submission-status"]').exists()).toBe(false)
    await wrapper.get('[data-testid="receipt-submission-open"]').trigger('click')
    await settle()
    expect(api.createSubmission).toHaveBeenCalledWith('900')
    expect(router.currentRoute.value.fullPath).toBe('/submissions/55')
  })

  it('on 409 SUBMISSION_EXISTS (opened meanwhile) finds the package and opens it', async () => {
    api.findSubmission.mockResolvedValue(summaryRow({ id: '31' }))
    api.createSubmission.mockRejectedValue(
      new ApiError(409, {
        type: 'about:blank',
        title: '冲突',
        status: 409,
        code: 'SUBMISSION_EXISTS',
        detail: '这份收文已有报送（编号 31），请在原报送中修改',
      }),
    )
    const { wrapper, router } = await mountButton(receipt({ actions: ['REPORT'] }))
    await wrapper.get('[data-testid="receipt-submission-open"]').trigger('click')
    await settle()
    expect(api.findSubmission).toHaveBeenCalledWith('42', '118')
    expect(router.currentRoute.value.fullPath).toBe('/submissions/31')
  })

  it('offers nothing without a package or the REPORT action', async () => {
    const { wrapper } = await mountButton(receipt({ actions: ['SIGN', 'FORWARD'] }))
    expect(wrapper.find('[data-testid="receipt-submission"]').exists()).toBe(false)
  })
})
