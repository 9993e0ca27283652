import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import SupervisionPage from '../index.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { ApiError } from '@/api/problem'
import { branch, counts, missing, receipt, summary } from './fixtures'

const api = vi.hoisted(() => ({
  listIssuedNotices: vi.fn(),
  fetchTracking: vi.fn(),
  fetchBranches: vi.fn(),
  fetchTrackingReceipts: vi.fn(),
  fetchMissing: vi.fn(),
  extendReceipt: vi.fn(),
  revokeExtension: vi.fn(),
  exemptReceipt: vi.fn(),
  revokeExemption: vi.fn(),
  remindOrgs: vi.fn(),
  fetchReminders: vi.fn(),
  exportTrackingReceipts: vi.fn(),
  exportMissing: vi.fn(),
}))
vi.mock('@/api/tracking', () => api)
// ECharts draws on a canvas jsdom does not have; the chart's option is tested in data.spec.ts.
vi.mock('@/components/charts/echarts', () => ({ VChart: { render: () => h('div') } }))

const Blank = defineComponent({ render: () => h('div') })

async function mountPage(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/supervision', name: 'supervision', component: SupervisionPage },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
    ],
  })
  await router.push(path)
  const wrapper = mountWithApp({ render: () => h(RouterView) }, { global: { plugins: [router] } })
  await settle(10)
  return { wrapper, router }
}

beforeEach(() => {
  vi.clearAllMocks()
  api.listIssuedNotices.mockResolvedValue({ items: [], total: 0, page: 0, size: 50 })
  api.fetchTracking.mockResolvedValue(summary())
  api.fetchBranches.mockResolvedValue({
    parentOrgId: '1',
    parentName: '重庆市妇女联合会',
    items: [
      branch({ forwardedNoticeId: '77' }),
      branch({
        orgId: '120',
        code: '500105',
        name: '江北区妇女联合会',
        counts: counts({ recipients: 1, expected: 1, submitted: 0, missing: 1, overdue: 1 }),
      }),
    ],
  })
  api.fetchTrackingReceipts.mockResolvedValue({ items: [receipt()], total: 1, page: 0, size: 20 })
  api.fetchMissing.mockResolvedValue({ items: [missing()], total: 1, page: 0, size: 20 })
})

// Mounting the whole page with Element Plus takes seconds on a busy machine.
describe('supervision page', { timeout: 30_000 }, () => {
  it('asks for a notice first', async () => {
    const { wrapper } = await mountPage('/supervision')
    expect(wrapper.find('[data-testid="supervision-empty"]').exists()).toBe(true)
    expect(api.fetchTracking).not.toHaveBeenCalled()
    expect(api.listIssuedNotices).toHaveBeenCalledWith('')
  })

  it('shows the counts, the branches with their badges and the recipients of the notice in the URL', async () => {
    const { wrapper } = await mountPage('/supervision?notice=42')
    expect(api.fetchTracking).toHaveBeenCalledWith('42', undefined)
    expect(wrapper.get('[data-testid="supervision-card-submitted"]').text()).toContain('30')
    expect(wrapper.get('[data-testid="supervision-card-submitted"]').text()).toContain('81.1%')
    expect(wrapper.get('[data-testid="supervision-card-overdue"]').text()).toContain('2')
    expect(wrapper.find('[data-testid="supervision-card-plansFiled"]').exists()).toBe(false)
    expect(api.fetchBranches).toHaveBeenCalledWith('42', undefined)
    const badges = wrapper.findAll('[data-testid="supervision-branch-badge"]').map((b) => b.text())
    expect(badges).toEqual(['1/1', '0/1'])
    expect(wrapper.get('[data-testid="supervision-branch-120"]').text()).toContain('未报 1')
    expect(wrapper.get('[data-testid="supervision-branch-118"]').text()).toContain('转发')
    expect(wrapper.get('[data-testid="supervision-row-org"]').text()).toBe('渝中区妇女联合会')
    expect(wrapper.get('[data-testid="supervision-row-progress"]').text()).toBe('未报送')
  })

  it('filters the table by the card clicked, through the URL', async () => {
    const { wrapper, router } = await mountPage('/supervision?notice=42')
    await wrapper.get('[data-testid="supervision-card-overdue"]').trigger('click')
    await settle(10)
    expect(router.currentRoute.value.query).toMatchObject({ notice: '42', status: 'OVERDUE' })
    expect(api.fetchTrackingReceipts).toHaveBeenLastCalledWith('42', {
      status: 'OVERDUE',
      orgId: undefined,
      q: '',
      page: 0,
      size: 20,
    })
  })

  it('restricts the page to a branch picked in the tree, and opens a re-issue on its own notice', async () => {
    const { wrapper, router } = await mountPage('/supervision?notice=42')
    await wrapper.get('[data-testid="supervision-branch-120"]').trigger('click')
    await settle(10)
    expect(router.currentRoute.value.query).toMatchObject({ notice: '42', org: '120' })
    expect(api.fetchTracking).toHaveBeenLastCalledWith('42', '120')
    expect(wrapper.get('[data-testid="supervision-branch-filter"]').text()).toContain('江北区妇女联合会')
    // a node below the district's re-issue belongs to notice 77
    api.fetchBranches.mockResolvedValueOnce({
      parentOrgId: '118',
      parentName: '渝中区妇女联合会',
      items: [branch({ orgId: '201', name: '解放碑街道妇女联合会' })],
    })
    await wrapper
      .get('[data-testid="supervision-branch-118"]')
      .element.parentElement?.parentElement?.querySelector<HTMLElement>('.el-tree-node__expand-icon')
      ?.click()
    await settle(10)
    expect(api.fetchBranches).toHaveBeenLastCalledWith('77', undefined)
    await wrapper.get('[data-testid="supervision-branch-201"]').trigger('click')
    await settle(10)
    expect(router.currentRoute.value.query).toEqual({ notice: '77', org: '201' })
  })

  it('reminds the orgs selected in the missing list and says who was skipped and why', async () => {
    api.remindOrgs.mockResolvedValue({
      kind: 'SUBMIT',
      sent: [],
      skipped: [{ receiptId: '902', orgId: '119', orgName: '解放碑街道妇女联合会', reason: 'ALREADY_TODAY' }],
      notifications: 0,
    })
    const { wrapper } = await mountPage('/supervision?notice=42&tab=missing')
    expect(wrapper.get('[data-testid="supervision-missing-phone"]').text()).toBe('023-63001234')
    // nothing selected: a warning, no request
    await wrapper.get('[data-testid="supervision-remind"]').trigger('click')
    expect(api.remindOrgs).not.toHaveBeenCalled()
    const checkbox = wrapper.get('[data-testid="supervision-missing-table"] tbody .el-checkbox__original')
    await checkbox.setValue(true)
    await settle()
    await wrapper.get('[data-testid="supervision-remind"]').trigger('click')
    await settle()
    expect(document.querySelector('[data-testid="supervision-remind-who"]')?.textContent).toContain(
      '已选 1 个单位',
    )
    ;(document.querySelector('[data-testid="supervision-remind-send"]') as HTMLElement).click()
    await settle(10)
    expect(api.remindOrgs).toHaveBeenCalledWith('42', {
      kind: 'SUBMIT',
      message: undefined,
      receiptIds: ['902'],
      allMissing: false,
    })
    const result = document.querySelector('[data-testid="supervision-remind-result"]')?.textContent ?? ''
    expect(result).toContain('没有发出提醒')
    expect(result).toContain('今天已提醒 1')
  })

  it('exempts a recipient with a reason and counts again', async () => {
    api.exemptReceipt.mockResolvedValue(receipt({ progress: 'EXEMPT', exemptReason: '已撤并' }))
    const { wrapper } = await mountPage('/supervision?notice=42')
    // the body's button: el-table also renders column templates in a hidden measuring row
    await wrapper.get('tbody [data-testid="supervision-row-exempt"]').trigger('click')
    await settle()
    const field = document.querySelector('[data-testid="supervision-exemption-reason"]')
    const reason = (
      field?.tagName === 'TEXTAREA' ? field : field?.querySelector('textarea')
    ) as HTMLTextAreaElement
    // the reason is required
    ;(document.querySelector('[data-testid="supervision-exemption-confirm"]') as HTMLElement).click()
    await settle()
    // Element Plus shows a form item's error after a 100 ms debounce
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(api.exemptReceipt).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('请输入免报原因')
    reason.value = '已撤并'
    reason.dispatchEvent(new Event('input'))
    await settle()
    ;(document.querySelector('[data-testid="supervision-exemption-confirm"]') as HTMLElement).click()
    await settle(10)
    expect(api.exemptReceipt).toHaveBeenCalledTimes(1)
    const [noticeId, row, reason2] = api.exemptReceipt.mock.calls[0] ?? []
    expect([noticeId, row?.receiptId, row?.version, reason2]).toEqual(['42', '901', 1, '已撤并'])
    expect(api.fetchTracking).toHaveBeenCalledTimes(2)
  })

  it('tells a recipient it sees its branch only, and offers no decisions', async () => {
    api.fetchTracking.mockResolvedValue(summary({ view: 'BRANCH', canManage: false }))
    const { wrapper } = await mountPage('/supervision?notice=42')
    expect(wrapper.text()).toContain('只能看到本单位范围内的完成情况')
    expect(wrapper.find('[data-testid="supervision-remind"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="supervision-row-exempt"]').exists()).toBe(false)
  })

  it('says so when the notice is not there or still a draft', async () => {
    api.fetchTracking.mockRejectedValue(new ApiError(404, null))
    const { wrapper } = await mountPage('/supervision?notice=9')
    expect(wrapper.get('[data-testid="supervision-error"]').text()).toContain('不存在')
    api.fetchTracking.mockRejectedValue(new ApiError(409, null))
    const second = await mountPage('/supervision?notice=10')
    expect(second.wrapper.get('[data-testid="supervision-error"]').text()).toContain('草稿')
  })
})
