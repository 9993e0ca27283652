import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import SubmissionList from '../index.vue'
import { mountWithApp } from '@/__tests__/mount'
import { me } from '@/__tests__/fixtures'
import { useAuthStore } from '@/stores/auth'
import { summaryRow } from './fixtures'

const api = vi.hoisted(() => ({ listSubmissions: vi.fn() }))
vi.mock('@/api/submission', () => api)

const Blank = defineComponent({ render: () => h('div') })

async function openList(path = '/submissions') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/submissions', name: 'submissions', component: SubmissionList },
      { path: '/submissions/:id', name: 'submission-detail', component: Blank },
    ],
  })
  await router.push(path)
  await router.isReady()
  const pinia = createPinia()
  useAuthStore(pinia).me = me()
  const wrapper = mountWithApp(RouterView, { pinia, global: { plugins: [router] } })
  await flushPromises()
  return { wrapper, router }
}

beforeEach(() => {
  vi.clearAllMocks()
  api.listSubmissions.mockResolvedValue({ items: [summaryRow()], total: 1, page: 0, size: 20 })
})

describe('submission list', { timeout: 20_000 }, () => {
  it('lists the current org’s packages with notice, status, counts and the late tag', async () => {
    const { wrapper } = await openList()
    expect(api.listSubmissions).toHaveBeenCalledWith({ orgId: '118', branch: false, page: 0, size: 20 })
    const row = wrapper.get('.submission-row')
    expect(row.text()).toContain('渝妇发〔2024〕5号')
    expect(row.text()).toContain('渝中区妇女联合会')
    expect(row.get('[data-testid="submission-row-status"]').text()).toBe('待审核')
    expect(row.get('[data-testid="submission-row-late"]').text()).toBe('逾期')
    expect(row.text()).toContain('150')
  })

  it('待审核 asks for sent packages, keeping the tab in the URL', async () => {
    const { wrapper, router } = await openList()
    await wrapper.get('[data-testid="submission-tab-review"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ tab: 'review' })
    expect(api.listSubmissions).toHaveBeenLastCalledWith({ reviewable: true, page: 0, size: 20 })
    expect(wrapper.find('[data-testid="submission-status-filter"]').exists()).toBe(false)
  })

  it('searches and filters from the URL, and opens a package from its row', async () => {
    const { wrapper, router } = await openList('/submissions?late=late&status=SUBMITTED&q=解放碑&noticeId=42')
    expect(api.listSubmissions).toHaveBeenCalledWith({
      orgId: '118',
      branch: false,
      status: 'SUBMITTED',
      late: true,
      q: '解放碑',
      noticeId: '42',
      page: 0,
      size: 20,
    })
    expect(wrapper.find('[data-testid="submission-notice-filter"]').exists()).toBe(true)
    await wrapper.get('.submission-row').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/submissions/31')
  })
})
