import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter } from 'vue-router'
import type { User } from 'oidc-client-ts'
import { defineComponent, h } from 'vue'
import AppLayout from '@/components/layout/app-layout.vue'
import { installGuards } from '@/router'
import { moduleRoutes } from '@/router/routes'
import { useAuthStore } from '@/stores/auth'
import type { Permission } from '@/api/types'
import { mountWithApp, settle } from '@/__tests__/mount'
import { me } from '@/__tests__/fixtures'

vi.mock('@/api/inbox', () => ({
  fetchInboxSummary: vi.fn(async () => ({ unread: 0, unsigned: 0, dueSoon: 0, overdue: 0 })),
}))
vi.mock('@/api/notification', () => ({
  fetchUnreadCount: vi.fn(async () => 0),
  fetchNotifications: vi.fn(),
  markNotificationRead: vi.fn(),
  markAllNotificationsRead: vi.fn(),
}))

const Blank = defineComponent({ render: () => h('div') })
const ORG_ADMIN: Permission[] = ['org:read', 'org:write', 'account:read', 'audit:read']

const integration = moduleRoutes.find((r) => r.name === 'integration')

function signIn(permissions: Permission[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore()
  vi.spyOn(auth, 'init').mockResolvedValue({} as never)
  auth.user = { access_token: 't', expired: false, profile: {} } as unknown as User
  vi.spyOn(auth, 'loadMe').mockImplementation(async () => {
    auth.me = me({ permissions, platformAdmin: permissions.includes('platform:admin') })
    return auth.me
  })
  return pinia
}

function guardedRouter(permissions: Permission[]) {
  const pinia = signIn(permissions)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/integration', name: 'integration', component: Blank, meta: integration?.meta },
      { path: '/forbidden', name: 'forbidden', component: Blank },
    ],
  })
  installGuards(router, pinia)
  return router
}

async function menuFor(permissions: Permission[]): Promise<string[]> {
  const pinia = signIn(permissions)
  useAuthStore().me = me({ permissions })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/',
        component: AppLayout,
        children: moduleRoutes.map((r) => ({ path: r.path, name: r.name, meta: r.meta, component: Blank })),
      },
    ],
  })
  await router.push('/dashboard')
  const wrapper = mountWithApp({ render: () => h(RouterView) }, { pinia, global: { plugins: [router] } })
  await settle()
  return wrapper.findAll('li[data-testid^="nav-"]').map((li) => li.text().replace('建设中', '').trim())
}

beforeEach(() => {
  vi.restoreAllMocks()
})

describe('the 集成 route', { timeout: 30_000 }, () => {
  it('is a menu module for platform administrators only', () => {
    expect(integration?.path).toBe('integration')
    expect(integration?.meta?.nav).toBe('integration')
    expect(integration?.meta?.permission).toBe('platform:admin')
  })

  it('sends anyone without platform:admin to the forbidden page', async () => {
    const router = guardedRouter(ORG_ADMIN)
    await router.push('/integration')
    expect(router.currentRoute.value.path).toBe('/forbidden')
  })

  it('lets a platform administrator in', async () => {
    const router = guardedRouter([...ORG_ADMIN, 'platform:admin'])
    await router.push('/integration')
    expect(router.currentRoute.value.path).toBe('/integration')
  })

  it('shows 集成 in the menu only to platform administrators', async () => {
    expect(await menuFor(ORG_ADMIN)).not.toContain('集成')
    const menu = await menuFor([...ORG_ADMIN, 'platform:admin'])
    expect(menu).toContain('集成')
    expect(menu.indexOf('集成')).toBe(menu.indexOf('审计') + 1)
  })
})
