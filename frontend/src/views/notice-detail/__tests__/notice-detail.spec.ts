import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import NoticeDetail from '../index.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { notice } from '@/__tests__/receive-fixtures'
import { ApiError } from '@/api/problem'
import type { NoticeView } from '@/api/types'

const api = vi.hoisted(() => ({
  fetchNotice: vi.fn(),
  fetchRevisions: vi.fn(),
  withdrawNotice: vi.fn(),
  closeNotice: vi.fn(),
  downloadAttachment: vi.fn(),
}))
vi.mock('@/api/notice-view', () => api)
const planApi = vi.hoisted(() => ({ findIssuerPlan: vi.fn() }))
vi.mock('@/api/plan', () => planApi)

const Blank = defineComponent({ render: () => h('div') })

async function mountDetail(n: NoticeView | Error) {
  if (n instanceof Error) api.fetchNotice.mockRejectedValue(n)
  else api.fetchNotice.mockResolvedValue({ notice: n, etag: `"${n.version}"` })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/notices/:id', name: 'notice-detail', component: NoticeDetail },
      // registered by the editor's branch; stubbed here under the same name
      { path: '/notices/:id/edit', name: 'notice-edit', component: Blank },
      { path: '/notices/:id/amend', name: 'notice-amend', component: Blank },
      { path: '/print/notices/:id', name: 'notice-print', component: Blank },
      { path: '/plans/:id', name: 'plan-detail', component: Blank },
      { path: '/plans/new', name: 'plan-new', component: Blank },
    ],
  })
  await router.push('/notices/42')
  const wrapper = mountWithApp({ render: () => h(RouterView) }, { global: { plugins: [router] } })
  await settle()
  return { wrapper, router }
}

beforeEach(() => {
  vi.clearAllMocks()
  api.fetchRevisions.mockResolvedValue([])
  planApi.findIssuerPlan.mockResolvedValue(null)
})

describe('notice detail', () => {
  it('says a missing or out-of-scope notice is not there', async () => {
    const { wrapper } = await mountDetail(new ApiError(404, null))
    expect(wrapper.get('[data-testid="notice-error"]').text()).toContain('通知不存在或不在您的权限范围内')
    expect(wrapper.find('[data-testid="official-document"]').exists()).toBe(false)
  })

  it('shows the document and the facts beside it, with the actions the server allows', async () => {
    const { wrapper } = await mountDetail(notice())
    expect(api.fetchNotice).toHaveBeenCalledWith('42')
    expect(wrapper.get('[data-testid="doc-number"]').text()).toBe('渝妇发〔2024〕5号')
    expect(wrapper.get('[data-testid="notice-status"]').text()).toBe('已发布')
    expect(wrapper.get('[data-testid="notice-recipient-count"]').text()).toBe('38 个（发布时确定）')
    expect(wrapper.get('[data-testid="notice-required-items"]').text()).toContain('照片（至少 3 张）')
    expect(wrapper.get('[data-testid="notice-withdraw"]').text()).toBe('撤回')
    expect(wrapper.find('[data-testid="notice-close"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="notice-edit"]').exists()).toBe(false)
    expect(api.fetchRevisions).not.toHaveBeenCalled()
  })

  it('opens the editor for a draft', async () => {
    const { wrapper, router } = await mountDetail(
      notice({ status: 'DRAFT', actions: ['UPDATE', 'DELETE', 'PUBLISH'] }),
    )
    await wrapper.get('[data-testid="notice-edit"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.name).toBe('notice-edit')
    expect(router.currentRoute.value.params.id).toBe('42')
  })

  it('offers 修订 only when the server allows AMEND, and opens the editor in amend mode', async () => {
    const first = await mountDetail(notice({ actions: ['WITHDRAW', 'CLOSE'] }))
    expect(first.wrapper.find('[data-testid="notice-amend"]').exists()).toBe(false)
    first.wrapper.unmount()

    const { wrapper, router } = await mountDetail(notice({ actions: ['AMEND', 'WITHDRAW', 'CLOSE'] }))
    expect(wrapper.get('[data-testid="notice-amend"]').text()).toBe('修订')
    await wrapper.get('[data-testid="notice-amend"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.name).toBe('notice-amend')
    expect(router.currentRoute.value.params.id).toBe('42')
  })

  it('links the lineage and lists the revisions', async () => {
    api.fetchRevisions.mockResolvedValue([
      {
        revision: 1,
        content: { title: '旧标题' },
        reason: '截止时间延后',
        amendedBy: 'city.editor',
        amendedAt: '2024-02-28T01:00:00Z',
      },
    ])
    const { wrapper } = await mountDetail(
      notice({
        revision: 1,
        parent: {
          id: '7',
          docNumber: '中妇发〔2024〕1号',
          title: '全国通知',
          issuerName: '全国妇联',
          status: 'PUBLISHED',
        },
        forwards: [
          {
            id: '88',
            docNumber: '渝中妇发〔2024〕2号',
            title: '转发',
            issuerName: '渝中区妇联',
            status: 'DRAFT',
          },
        ],
      }),
    )
    expect(wrapper.get('[data-testid="notice-parent-link"]').attributes('href')).toBe('/notices/7')
    expect(wrapper.get('[data-testid="notice-forward-link"]').attributes('href')).toBe('/notices/88')
    expect(wrapper.get('[data-testid="notice-revision"]').text()).toContain('第 1 版：截止时间延后')
  })

  it('requires a reason to withdraw, then shows the withdrawn notice', async () => {
    const { wrapper } = await mountDetail(notice())
    api.withdrawNotice.mockResolvedValue({
      notice: notice({ status: 'WITHDRAWN', withdrawnReason: '另行通知', actions: [] }),
      etag: '"4"',
    })
    await wrapper.get('[data-testid="notice-withdraw"]').trigger('click')
    await settle()
    document.querySelector<HTMLElement>('[data-testid="withdraw-confirm"]')?.click()
    await settle()
    // Element Plus shows a form item's error after a 100 ms debounce
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(api.withdrawNotice).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('请输入撤回原因')

    const reason = document.querySelector<HTMLTextAreaElement>(
      '[data-testid="withdraw-reason"] textarea, textarea[data-testid="withdraw-reason"]',
    )
    if (!reason) throw new Error('no reason field')
    reason.value = '另行通知'
    reason.dispatchEvent(new Event('input'))
    await settle()
    document.querySelector<HTMLElement>('[data-testid="withdraw-confirm"]')?.click()
    await settle()
    expect(api.withdrawNotice).toHaveBeenCalledWith('42', '"3"', '另行通知')
    expect(wrapper.get('[data-testid="notice-status"]').text()).toBe('已撤回')
    expect(wrapper.get('[data-testid="doc-watermark"]').text()).toBe('已撤回')
  })

  it('opens the print page in a new tab', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const { wrapper } = await mountDetail(notice())
    await wrapper.get('[data-testid="notice-print"]').trigger('click')
    expect(open).toHaveBeenCalledWith('/print/notices/42', '_blank', 'noopener')
  })

  it('links to the plan the issuer published with the notice', async () => {
    planApi.findIssuerPlan.mockResolvedValue('5')
    const { wrapper } = await mountDetail(notice())
    expect(planApi.findIssuerPlan).toHaveBeenCalledWith('42')
    expect(wrapper.get('[data-testid="notice-issuer-plan-link"]').attributes('href')).toBe('/plans/5')
  })

  it('says nothing of plans to a reader when the notice carries none', async () => {
    const { wrapper } = await mountDetail(notice())
    expect(wrapper.find('[data-testid="notice-issuer-plan"]').exists()).toBe(false)
  })
})
