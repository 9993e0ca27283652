import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import StatsPage from '../index.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { me } from '@/__tests__/fixtures'
import { useAuthStore } from '@/stores/auth'
import { activity, statsView } from './fixtures'

const api = vi.hoisted(() => ({
  fetchStats: vi.fn(),
  fetchActivities: vi.fn(),
  exportActivities: vi.fn(),
  downloadFeaturedPack: vi.fn(),
  fetchDashboard: vi.fn(),
}))
vi.mock('@/api/stats', () => api)
vi.mock('@/api/org', () => ({
  searchOrgs: vi.fn().mockResolvedValue({ items: [], total: 0, page: 0, size: 20 }),
}))
vi.mock('@/api/notice', () => ({
  listNotices: vi.fn().mockResolvedValue({ items: [], total: 0, page: 0, size: 20 }),
}))
// ECharts draws on a canvas jsdom does not have: the chart is a stub that shows the option it got.
vi.mock('@/components/charts/echarts', () => ({
  VChart: defineComponent({
    props: { option: { type: Object, required: true } },
    setup: (props) => () => h('div', { class: 'chart-stub', 'data-option': JSON.stringify(props.option) }),
  }),
}))

const Blank = { render: () => h('div') }

async function mountStats(path = '/stats') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().me = me()
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/stats', name: 'stats', component: StatsPage },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
    ],
  })
  await router.push(path)
  const wrapper = mountWithApp({ render: () => h(RouterView) }, { pinia, global: { plugins: [router] } })
  await settle()
  return { wrapper, router }
}

beforeEach(() => {
  vi.clearAllMocks()
  api.fetchStats.mockResolvedValue(statsView())
  api.fetchActivities.mockResolvedValue({
    items: [activity(), activity({ id: '908', title: '江北亲子阅读', featured: true, status: 'ACCEPTED' })],
    total: 45,
    page: 0,
    size: 20,
  })
  api.exportActivities.mockResolvedValue(undefined)
  api.downloadFeaturedPack.mockResolvedValue(undefined)
})

// A whole page with Element Plus's date picker and selects: slow to mount on a busy machine.
describe('statistics page', { timeout: 20_000 }, () => {
  it('loads the figures and the first page for the caller’s top org', async () => {
    const { wrapper } = await mountStats()
    expect(api.fetchStats).toHaveBeenCalledWith({})
    expect(api.fetchActivities).toHaveBeenCalledWith({ page: 0, size: 20 })
    expect(wrapper.get('[data-testid="stats-kpi-activities"]').text()).toContain('6')
    expect(wrapper.get('[data-testid="stats-kpi-participants"]').text()).toContain('262')
    expect(wrapper.get('[data-testid="stats-scope"]').text()).toContain('重庆市妇女联合会')
    // The city's groups are its districts; the chart got the API's numbers.
    const district = wrapper.get('[data-testid="stats-chart-district"]')
    expect(district.text()).toContain('按区县')
    expect(district.get('.chart-stub').attributes('data-option')).toContain('"data":[4,1]')
    expect(wrapper.findAll('[data-testid="stats-activity-title"]').map((n) => n.text())).toEqual([
      '社区宣讲',
      '江北亲子阅读',
    ])
    expect(wrapper.get('[data-testid="stats-activity-reporter"]').text()).toBe('渝中区妇女联合会')
    expect(wrapper.get('[data-testid="stats-activity-notice"]').attributes('href')).toBe('/notices/42')
    expect(wrapper.find('[data-testid="stats-pager"]').exists()).toBe(true)
    // No notice chosen: the featured pack waits for one.
    expect(wrapper.get('[data-testid="stats-featured-pack"]').attributes('disabled')).toBeDefined()
  })

  it('reads its filters from the URL and counts below the city by subordinate org', async () => {
    api.fetchStats.mockResolvedValue(
      statsView({ org: { id: '118', name: '渝中区妇女联合会', type: 'FEDERATION', depth: 1 } }),
    )
    const { wrapper } = await mountStats(
      '/stats?orgId=118&from=2026-01-01&to=2026-03-31&status=ACCEPTED&page=2',
    )
    expect(api.fetchStats).toHaveBeenCalledWith({
      orgId: '118',
      from: '2026-01-01',
      to: '2026-03-31',
      status: 'ACCEPTED',
    })
    expect(api.fetchActivities).toHaveBeenCalledWith({
      orgId: '118',
      from: '2026-01-01',
      to: '2026-03-31',
      status: 'ACCEPTED',
      page: 1,
      size: 20,
    })
    expect(wrapper.get('[data-testid="stats-chart-district"]').text()).toContain('按下级单位')
  })

  it('a reversed date range in the URL is said, not sent', async () => {
    const { wrapper } = await mountStats('/stats?from=2026-05-01&to=2026-04-01')
    expect(wrapper.find('[data-testid="stats-range-invalid"]').exists()).toBe(true)
    expect(api.fetchStats).not.toHaveBeenCalled()
    expect(api.fetchActivities).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="stats-export"]').attributes('disabled')).toBeDefined()
  })

  it('searches, filters featured and exports what the list shows', async () => {
    const { wrapper, router } = await mountStats('/stats?noticeId=42&page=3')
    await wrapper.get('input[data-testid="stats-search"]').setValue('宣讲')
    await wrapper.get('[data-testid="stats-search-button"]').trigger('click')
    await settle()
    expect(api.fetchActivities).toHaveBeenLastCalledWith({ noticeId: '42', q: '宣讲', page: 0, size: 20 })
    expect(router.currentRoute.value.query).toEqual({ noticeId: '42', q: '宣讲' })
    await wrapper.get('[data-testid="stats-featured"] input[value="true"]').setValue(true)
    await settle()
    expect(api.fetchActivities).toHaveBeenLastCalledWith({
      noticeId: '42',
      q: '宣讲',
      featured: true,
      page: 0,
      size: 20,
    })
    // The figures do not depend on the list's own filters.
    expect(api.fetchStats).toHaveBeenCalledTimes(1)
    await wrapper.get('[data-testid="stats-export"]').trigger('click')
    await settle()
    expect(api.exportActivities).toHaveBeenCalledWith({ noticeId: '42', q: '宣讲', featured: true })
    await wrapper.get('[data-testid="stats-featured-pack"]').trigger('click')
    await settle()
    expect(api.downloadFeaturedPack).toHaveBeenCalledWith('42')
  })

  it('changing a filter reloads both and goes back to the first page', async () => {
    const { wrapper, router } = await mountStats('/stats?page=2&status=ACCEPTED')
    expect(api.fetchActivities).toHaveBeenLastCalledWith({ status: 'ACCEPTED', page: 1, size: 20 })
    await wrapper.get('[data-testid="stats-accepted-only"] input').setValue(false)
    await settle()
    expect(api.fetchStats).toHaveBeenLastCalledWith({})
    expect(api.fetchActivities).toHaveBeenLastCalledWith({ page: 0, size: 20 })
    // Once, not twice: going back to page 1 and the filter change are one reload.
    expect(api.fetchActivities).toHaveBeenCalledTimes(2)
    expect(router.currentRoute.value.query).toEqual({})
  })

  it('reset clears the filters, the search and the URL', async () => {
    const { wrapper, router } = await mountStats('/stats?orgId=118&noticeId=42&q=x&featured=true')
    await wrapper.get('[data-testid="stats-reset"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.query).toEqual({})
    expect(api.fetchStats).toHaveBeenLastCalledWith({})
    expect(api.fetchActivities).toHaveBeenLastCalledWith({ page: 0, size: 20 })
    expect((wrapper.get('input[data-testid="stats-search"]').element as HTMLInputElement).value).toBe('')
  })
})
