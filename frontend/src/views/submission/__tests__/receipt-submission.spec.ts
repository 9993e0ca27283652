import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import ReceiptSubmission from '../modules/receipt-submission.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import { receipt } from '@/__tests__/receive-fixtures'
import { ApiError } from '@/api/problem'
import type { ReceiptView, Role } from '@/api/types'
import { useAuthStore } from '@/stores/auth'
import { submission, summaryRow } from './fixtures'

const api = vi.hoisted(() => ({ findSubmission: vi.fn(), createSubmission: vi.fn() }))
vi.mock('@/api/submission', () => api)

const Blank = defineComponent({ render: () => h('div') })

async function mountButton(role: Role = 'EDITOR', r: ReceiptView = receipt()) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().me = me({
    memberships: [
      membership({ id: 'm1', orgId: '118', orgName: '渝中区妇女联合会', orgCode: '500103', role }),
    ],
  })
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
    { pinia, global: { plugins: [router] } },
  )
  await settle()
  return { wrapper, router }
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('report from a receipt', () => {
  it('opens the org’s existing package, with its status', async () => {
    api.findSubmission.mockResolvedValue(summaryRow({ id: '31', status: 'RETURNED', late: false }))
    const { wrapper, router } = await mountButton('VIEWER')
    expect(api.findSubmission).toHaveBeenCalledWith('42', '118')
    expect(wrapper.get('[data-testid="receipt-submission-open"]').text()).toBe('查看报送')
    expect(wrapper.get('[data-testid="receipt-submission-status"]').text()).toBe('已退回')
    await wrapper.get('[data-testid="receipt-submission-open"]').trigger('click')
    await settle()
    expect(api.createSubmission).not.toHaveBeenCalled()
    expect(router.currentRoute.value.fullPath).toBe('/submissions/31')
  })

  it('creates the draft when there is none, then opens it', async () => {
    api.findSubmission.mockResolvedValue(null)
    api.createSubmission.mockResolvedValue({ submission: submission({ id: '55' }), etag: '"0"' })
    const { wrapper, router } = await mountButton('EDITOR')
    expect(wrapper.get('[data-testid="receipt-submission-open"]').text()).toBe('开始报送')
    await wrapper.get('[data-testid="receipt-submission-open"]').trigger('click')
    await settle()
    expect(api.createSubmission).toHaveBeenCalledWith('900')
    expect(router.currentRoute.value.fullPath).toBe('/submissions/55')
  })

  it('on 409 SUBMISSION_EXISTS (opened meanwhile) finds the package and opens it', async () => {
    api.findSubmission.mockResolvedValueOnce(null).mockResolvedValueOnce(summaryRow({ id: '31' }))
    api.createSubmission.mockRejectedValue(
      new ApiError(409, {
        type: 'about:blank',
        title: '冲突',
        status: 409,
        code: 'SUBMISSION_EXISTS',
        detail: '这份收文已有报送（编号 31），请在原报送中修改',
      }),
    )
    const { wrapper, router } = await mountButton('ORG_ADMIN')
    await wrapper.get('[data-testid="receipt-submission-open"]').trigger('click')
    await settle()
    expect(api.findSubmission).toHaveBeenCalledTimes(2)
    expect(router.currentRoute.value.fullPath).toBe('/submissions/31')
  })

  it('offers nothing to a member who may not report, nor on a withdrawn notice', async () => {
    api.findSubmission.mockResolvedValue(null)
    const viewer = await mountButton('REVIEWER')
    expect(viewer.wrapper.find('[data-testid="receipt-submission"]').exists()).toBe(false)
    viewer.wrapper.unmount()

    const withdrawn = receipt()
    withdrawn.notice = { ...withdrawn.notice, status: 'WITHDRAWN' }
    const editor = await mountButton('EDITOR', withdrawn)
    expect(editor.wrapper.find('[data-testid="receipt-submission"]').exists()).toBe(false)
  })
})
