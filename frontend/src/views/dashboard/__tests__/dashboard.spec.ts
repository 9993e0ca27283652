import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import DashboardPage from '../index.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import { useAuthStore } from '@/stores/auth'
import { dashboard } from '@/views/stats/__tests__/fixtures'
import { moduleRoutes } from '@/router/routes'

const api = vi.hoisted(() => ({
  fetchDashboard: vi.fn(),
  fetchStats: vi.fn(),
  fetchActivities: vi.fn(),
  exportActivities: vi.fn(),
  downloadFeaturedPack: vi.fn(),
}))
vi.mock('@/api/stats', () => api)

const Blank = defineComponent({ render: () => h('div') })

async function mountDashboard() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore()
  auth.me = me({
    memberships: [
      membership({
        id: 'm1',
        orgId: '118',
        orgName: '渝中区妇女联合会',
        orgCode: '500103',
        role: 'ORG_ADMIN',
      }),
      membership({
        id: 'm2',
        orgId: '911',
        orgName: '解放碑街道妇女联合会',
        orgCode: '500103001',
        role: 'EDITOR',
      }),
    ],
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      // Every module route (the shortcuts and the cards link to them), the dashboard itself for real.
      ...moduleRoutes.map((r) =>
        r.name === 'dashboard'
          ? { path: '/dashboard', name: 'dashboard', component: DashboardPage }
          : { path: `/${r.path}`, name: r.name, component: Blank },
      ),
      { path: '/inbox/:receiptId', name: 'inbox-receipt', component: Blank },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
      { path: '/plans/new', name: 'plan-new', component: Blank },
      { path: '/plans/:id', name: 'plan-detail', component: Blank },
      { path: '/submissions/:id', name: 'submission-detail', component: Blank },
    ],
  })
  await router.push('/dashboard')
  const wrapper = mountWithApp({ render: () => h(RouterView) }, { pinia, global: { plugins: [router] } })
  await settle()
  return { wrapper, auth }
}

beforeEach(() => {
  vi.clearAllMocks()
  api.fetchDashboard.mockResolvedValue(dashboard())
})

describe('dashboard', { timeout: 20_000 }, () => {
  it('shows what the current org must do, each line linking to where it is done', async () => {
    const { wrapper } = await mountDashboard()
    expect(api.fetchDashboard).toHaveBeenCalledWith('118')
    const sign = wrapper.get('[data-testid="dashboard-toSign"]')
    expect(sign.text()).toContain('待签收')
    expect(sign.get('[data-testid="dashboard-count"]').text()).toBe('3')
    expect(sign.get('[data-testid="dashboard-overdue"]').text()).toBe('逾期 1')
    const line = sign.get('[data-testid="dashboard-line"]')
    expect(line.attributes('href')).toBe('/inbox/501')
    expect(line.text()).toContain('渝妇发〔2026〕5号 关于开展三八节活动的通知')
    expect(line.text()).toContain('截止 2026-03-01 18:00')
    expect(line.text()).toContain('已逾期')
    expect(sign.get('[data-testid="dashboard-toSign-more"]').attributes('href')).toBe(
      '/inbox?filter=UNSIGNED',
    )

    expect(
      wrapper
        .findAll('[data-testid="dashboard-toFile"] [data-testid="dashboard-line"]')
        .map((l) => l.attributes('href')),
    ).toEqual(['/plans/new?noticeId=43&orgId=118', '/plans/13'])
    const submit = wrapper.get('[data-testid="dashboard-toSubmit"]')
    expect(submit.findAll('[data-testid="dashboard-line"]').map((l) => l.attributes('href'))).toEqual([
      '/submissions/77',
      '/inbox/504',
    ])
    expect(submit.findAll('[data-testid="dashboard-line-time"]').map((l) => l.text())).toEqual([
      '无截止时间',
      '截止 2026-05-01 18:00',
    ])

    const review = wrapper.get('[data-testid="dashboard-toReview"]')
    expect(review.get('[data-testid="dashboard-count"]').text()).toBe('5')
    expect(review.get('[data-testid="dashboard-review-submissions"]').text()).toBe('报送 4')
    expect(review.get('[data-testid="dashboard-review-submissions"]').attributes('href')).toBe(
      '/submissions?tab=review',
    )
    expect(review.get('[data-testid="dashboard-review-plans"]').text()).toBe('方案 1')
    expect(review.get('[data-testid="dashboard-review-plans"]').attributes('href')).toBe('/plans?tab=review')
    expect(review.get('[data-testid="dashboard-toReview-more"]').attributes('href')).toBe(
      '/submissions?tab=review',
    )
    expect(review.findAll('[data-testid="dashboard-line"]').map((l) => l.attributes('href'))).toEqual([
      '/plans/12',
      '/submissions/88',
    ])
    expect(review.text()).toContain('解放碑街道家庭教育宣传周活动方案')
    expect(review.text()).toContain('2026-02-20 09:30 提交')
  })

  it('rings the completion of the notices the org issued, linking to each notice', async () => {
    const { wrapper } = await mountDashboard()
    const issued = wrapper.get('[data-testid="dashboard-issued"]')
    expect(issued.text()).toContain('进行中 2 份')
    const notices = issued.findAll('[data-testid="dashboard-issued-notice"]')
    expect(notices.map((n) => n.attributes('href'))).toEqual(['/notices/46', '/notices/47'])
    expect(notices[0]!.get('[data-testid="dashboard-ring-figures"]').text()).toBe('已报 4/10 · 已采用 2')
    expect(notices[0]!.get('[data-testid="dashboard-ring-percent"]').text()).toBe('40%')
    expect(notices[0]!.get('.el-progress').classes()).toContain('is-exception')
    expect(notices[1]!.get('.el-progress').classes()).toContain('is-success')
    expect(notices[1]!.get('[data-testid="dashboard-ring-percent"]').text()).toBe('100%')
  })

  it('reloads for the org the user switches to, and says when nothing is to do', async () => {
    const { wrapper, auth } = await mountDashboard()
    api.fetchDashboard.mockResolvedValue(
      dashboard({
        org: { id: '911', name: '解放碑街道妇女联合会', type: 'FEDERATION', depth: 2 },
        toSign: { count: 0, overdue: 0, items: [] },
        issued: { total: 0, items: [] },
      }),
    )
    auth.setCurrentOrg('911')
    await settle()
    expect(api.fetchDashboard).toHaveBeenLastCalledWith('911')
    expect(wrapper.get('[data-testid="dashboard-org"]').text()).toBe('解放碑街道妇女联合会')
    const sign = wrapper.get('[data-testid="dashboard-toSign"]')
    expect(sign.get('[data-testid="dashboard-count"]').text()).toBe('0')
    expect(sign.text()).toContain('暂无待办')
    expect(sign.find('[data-testid="dashboard-overdue"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="dashboard-issued"]').text()).toContain('暂无进行中的通知')
  })

  it('says when the dashboard could not be loaded', async () => {
    api.fetchDashboard.mockRejectedValue(new Error('503'))
    const { wrapper } = await mountDashboard()
    expect(wrapper.find('[data-testid="dashboard-failed"]').exists()).toBe(true)
    api.fetchDashboard.mockResolvedValue(dashboard())
    await wrapper.get('[data-testid="dashboard-refresh"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="dashboard-failed"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="dashboard-toSign"] [data-testid="dashboard-count"]').text()).toBe('3')
  })
})
