import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import AppLayout from '../layout/app-layout.vue'
import { moduleRoutes } from '@/router/routes'
import { useAuthStore } from '@/stores/auth'
import { mountWithApp, settle } from '@/__tests__/mount'
import { me } from '@/__tests__/fixtures'

const inboxApi = vi.hoisted(() => ({
  fetchInboxSummary: vi.fn(),
}))
vi.mock('@/api/inbox', () => inboxApi)
const notificationApi = vi.hoisted(() => ({
  fetchUnreadCount: vi.fn(),
  fetchNotifications: vi.fn(),
  markNotificationRead: vi.fn(),
  markAllNotificationsRead: vi.fn(),
}))
vi.mock('@/api/notification', () => notificationApi)

const Blank = defineComponent({ render: () => h('div') })

async function mountLayout(permissions: string[], memberships = me().memberships) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore()
  auth.me = me({ permissions, memberships })
  const logout = vi.spyOn(auth, 'logout').mockResolvedValue()
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
  return { wrapper, logout }
}

function menu(wrapper: Awaited<ReturnType<typeof mountLayout>>['wrapper']): string[] {
  return wrapper.findAll('li[data-testid^="nav-"]').map((li) => li.text().replace('建设中', '').trim())
}

beforeEach(() => {
  vi.restoreAllMocks()
  inboxApi.fetchInboxSummary.mockResolvedValue({ unread: 0, unsigned: 0, dueSoon: 0, overdue: 0 })
  notificationApi.fetchUnreadCount.mockResolvedValue(0)
})

describe('app layout', () => {
  it('shows the app name, the user and the current org', async () => {
    const { wrapper } = await mountLayout(['org:read'])
    expect(wrapper.get('[data-testid="app-title"]').text()).toBe('巾帼 · 妇联工作平台')
    expect(wrapper.get('[data-testid="user-name"]').text()).toBe('王芳')
    expect(wrapper.get('[data-testid="current-org-name"]').text()).toBe('渝中区妇女联合会')
    expect(wrapper.get('[data-testid="logout-button"]').text()).toBe('退出登录')
  })

  it('lists every module, and 账号/审计 only with their permissions', async () => {
    const admin = await mountLayout(['org:read', 'org:write', 'account:read', 'audit:read'])
    expect(menu(admin.wrapper)).toEqual([
      '工作台',
      '通知发文',
      '收文',
      '活动方案',
      '报送',
      '督办',
      '统计',
      '组织机构',
      '账号',
      '审计',
      '我的',
    ])

    const viewer = await mountLayout(['org:read'])
    expect(menu(viewer.wrapper)).not.toContain('账号')
    expect(menu(viewer.wrapper)).not.toContain('审计')
    expect(menu(viewer.wrapper)).toContain('组织机构')
  })

  it('marks the modules still being built', async () => {
    const { wrapper } = await mountLayout(['org:read', 'account:read'])
    expect(wrapper.get('[data-testid="nav-accounts"]').text()).toContain('建设中')
    expect(wrapper.get('[data-testid="nav-submissions"]').text()).not.toContain('建设中')
    expect(wrapper.get('[data-testid="nav-plans"]').text()).not.toContain('建设中')
    expect(wrapper.get('[data-testid="nav-notices"]').text()).not.toContain('建设中')
    expect(wrapper.get('[data-testid="nav-orgs"]').text()).not.toContain('建设中')
    expect(wrapper.get('[data-testid="nav-me"]').text()).not.toContain('建设中')
  })

  it('shows the current org’s unsigned count on 收文, and none when all are signed', async () => {
    inboxApi.fetchInboxSummary.mockResolvedValue({ unread: 1, unsigned: 4, dueSoon: 1, overdue: 0 })
    const { wrapper } = await mountLayout(['org:read'])
    expect(inboxApi.fetchInboxSummary).toHaveBeenCalledWith('118')
    expect(wrapper.get('[data-testid="nav-inbox-badge"]').text()).toBe('4')

    inboxApi.fetchInboxSummary.mockResolvedValue({ unread: 0, unsigned: 0, dueSoon: 0, overdue: 0 })
    const signed = await mountLayout(['org:read'])
    expect(signed.wrapper.find('[data-testid="nav-inbox-badge"]').exists()).toBe(false)
  })

  it('logs out', async () => {
    const { wrapper, logout } = await mountLayout(['org:read'])
    await wrapper.get('[data-testid="logout-button"]').trigger('click')
    expect(logout).toHaveBeenCalledTimes(1)
  })
})
