import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import PlanList from '../index.vue'
import { mountWithApp } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import type { Role } from '@/api/types'
import { useAuthStore } from '@/stores/auth'
import { summary } from './fixtures'

const planApi = vi.hoisted(() => ({ listPlans: vi.fn() }))
vi.mock('@/api/plan', () => planApi)

const Blank = defineComponent({ render: () => h('div') })

async function open(path = '/plans', role: Role = 'EDITOR') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/plans', name: 'plans', component: PlanList },
      { path: '/plans/new', name: 'plan-new', component: Blank },
      { path: '/plans/:id', name: 'plan-detail', component: Blank },
    ],
  })
  await router.push(path)
  await router.isReady()
  const pinia = createPinia()
  useAuthStore(pinia).me = me({
    memberships: [
      membership({ id: 'm1', orgId: '118', orgName: '渝中区妇女联合会', orgCode: '500103', role }),
    ],
  })
  const wrapper = mountWithApp(RouterView, { pinia, global: { plugins: [router] } })
  await settle()
  return { wrapper, router }
}

async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 50))
  await flushPromises()
}

beforeEach(() => {
  vi.clearAllMocks()
  planApi.listPlans.mockResolvedValue({ items: [summary()], total: 1, page: 0, size: 20 })
})

describe('plan list', { timeout: 30_000 }, () => {
  it('lists the current org’s plans with their status and items, and opens one', async () => {
    const { router } = await open()
    expect(planApi.listPlans).toHaveBeenCalledWith(
      expect.objectContaining({ orgId: '118', page: 0, size: 20 }),
    )
    expect(planApi.listPlans.mock.calls[0]?.[0].filedTo).toBeUndefined()
    expect(document.querySelector('[data-testid="plan-row-title"]')?.textContent).toBe('区妇联2024年工作思路')
    expect(document.querySelector('[data-testid="plan-row-status"]')?.textContent?.trim()).toBe('已确认备案')
    expect(document.body.textContent).toContain('23 项')
    expect(document.body.textContent).toContain('2 项有目标')

    document.querySelector<HTMLElement>('.plan-row td')?.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('plan-detail')
    expect(router.currentRoute.value.params.id).toBe('7')
  })

  it('shows what was filed with the user’s orgs on 待我审核, filtered by status and words', async () => {
    await open('/plans?tab=review&status=FILED&q=驿站')
    expect(planApi.listPlans).toHaveBeenLastCalledWith(
      expect.objectContaining({ filedTo: true, status: 'FILED', q: '驿站', orgId: undefined }),
    )
    expect(document.body.textContent).toContain('渝中区妇女联合会') // the org column of the review tab
  })

  it('offers a new plan only where the user writes plans', async () => {
    await open('/plans', 'EDITOR')
    expect(document.querySelector('[data-testid="plan-create"]')).not.toBeNull()
    document.body.innerHTML = ''
    await open('/plans', 'REVIEWER')
    expect(document.querySelector('[data-testid="plan-create"]')).toBeNull()
  })
})
