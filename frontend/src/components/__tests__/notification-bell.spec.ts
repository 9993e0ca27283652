import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import NotificationBell from '../layout/notification-bell.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { notification } from '@/__tests__/receive-fixtures'
import type { NotificationView } from '@/api/types'

const api = vi.hoisted(() => ({
  fetchUnreadCount: vi.fn(),
  fetchNotifications: vi.fn(),
  markNotificationRead: vi.fn(),
  markAllNotificationsRead: vi.fn(),
}))
vi.mock('@/api/notification', () => api)

const Blank = defineComponent({ render: () => h('div') })

function makeRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'dashboard', component: Blank },
      { path: '/inbox/:receiptId', name: 'inbox-receipt', component: Blank },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
      { path: '/plans/:id', name: 'plan-detail', component: Blank },
    ],
  })
}

async function mountBell() {
  const router = makeRouter()
  await router.push('/')
  const wrapper = mountWithApp(
    { render: () => h('div', [h(NotificationBell), h(RouterView)]) },
    { global: { plugins: [router] } },
  )
  await settle()
  return { wrapper, router }
}

function items(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="notification-item"]')]
}

async function openPopover(wrapper: Awaited<ReturnType<typeof mountBell>>['wrapper']) {
  await wrapper.get('[data-testid="notification-bell"]').trigger('click')
  await settle()
}

const latest: NotificationView[] = [
  notification(),
  notification({
    id: 'n2',
    kind: 'NOTICE_WITHDRAWN',
    receiptId: undefined,
    noticeId: '77',
    title: '通知已撤回',
    createdAt: new Date(Date.now() - 3 * 3600 * 1000).toISOString(),
    readAt: new Date().toISOString(),
  }),
]

beforeEach(() => {
  vi.clearAllMocks()
  api.fetchUnreadCount.mockResolvedValue(3)
  api.fetchNotifications.mockResolvedValue({ items: latest, total: 2, unread: 1, page: 0, size: 10 })
  api.markNotificationRead.mockImplementation((id: string) =>
    Promise.resolve({ ...latest.find((n) => n.id === id), readAt: new Date().toISOString() }),
  )
  api.markAllNotificationsRead.mockResolvedValue(1)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('notification bell', () => {
  it('shows the unread count, and nothing when all are read', async () => {
    const { wrapper } = await mountBell()
    expect(wrapper.get('[data-testid="notification-count"] sup').text()).toBe('3')

    api.fetchUnreadCount.mockResolvedValue(0)
    const read = await mountBell()
    expect(read.wrapper.find('[data-testid="notification-count"] sup').exists()).toBe(false)
  })

  it('polls the count every minute while the page is visible, and on route changes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { router } = await mountBell()
    expect(api.fetchUnreadCount).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(api.fetchUnreadCount).toHaveBeenCalledTimes(2)

    await router.push('/notices/5')
    await flushPromises()
    expect(api.fetchUnreadCount).toHaveBeenCalledTimes(3)

    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(api.fetchUnreadCount).toHaveBeenCalledTimes(3)
    hidden.mockRestore()
  })

  it('lists the latest with relative Chinese times and unread dots', async () => {
    const { wrapper } = await mountBell()
    await openPopover(wrapper)
    expect(api.fetchNotifications).toHaveBeenCalledWith(0, 10)
    const rows = items()
    expect(rows.map((r) => r.querySelector('.bell-title')?.textContent)).toEqual([
      '新通知：渝妇发〔2024〕5号',
      '通知已撤回',
    ])
    expect(rows[0]?.querySelector('[data-testid="notification-time"]')?.textContent).toBe('5分钟前')
    expect(rows[1]?.querySelector('[data-testid="notification-time"]')?.textContent).toBe('3小时前')
    expect(rows[0]?.querySelector('[data-testid="notification-dot"]')).not.toBeNull()
    expect(rows[1]?.querySelector('[data-testid="notification-dot"]')).toBeNull()
    // the list brings the server's unread total with it
    expect(wrapper.get('[data-testid="notification-count"] sup').text()).toBe('1')
  })

  it('marks a notification read and opens its receipt', async () => {
    const { wrapper, router } = await mountBell()
    await openPopover(wrapper)
    items()[0]?.click()
    await settle()
    expect(api.markNotificationRead).toHaveBeenCalledWith('n1')
    expect(router.currentRoute.value.name).toBe('inbox-receipt')
    expect(router.currentRoute.value.params.receiptId).toBe('900')
  })

  it('opens the notice when there is no receipt, without marking a read one again', async () => {
    const { wrapper, router } = await mountBell()
    await openPopover(wrapper)
    items()[1]?.click()
    await settle()
    expect(api.markNotificationRead).not.toHaveBeenCalled()
    expect(router.currentRoute.value.name).toBe('notice-detail')
    expect(router.currentRoute.value.params.id).toBe('77')
  })

  it('opens the plan a plan notification is about, even with a notice', async () => {
    api.fetchNotifications.mockResolvedValue({
      items: [
        notification({
          id: 'n3',
          kind: 'PLAN_FILED',
          receiptId: undefined,
          noticeId: '42',
          planId: '55',
          title: '活动方案备案：渝中区妇联“三八”活动方案',
        }),
      ],
      total: 1,
      unread: 1,
      page: 0,
      size: 10,
    })
    const { wrapper, router } = await mountBell()
    await openPopover(wrapper)
    expect(items()[0]?.textContent).toContain('方案备案')
    items()[0]?.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('plan-detail')
    expect(router.currentRoute.value.params.id).toBe('55')
  })

  it('marks all read', async () => {
    const { wrapper } = await mountBell()
    await openPopover(wrapper)
    document.querySelector<HTMLElement>('[data-testid="notification-read-all"]')?.click()
    await settle()
    expect(api.markAllNotificationsRead).toHaveBeenCalledTimes(1)
    expect(document.querySelectorAll('[data-testid="notification-dot"]')).toHaveLength(0)
    expect(wrapper.find('[data-testid="notification-count"] sup').exists()).toBe(false)
  })
})
