import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  fetchNotifications,
  fetchUnreadCount,
  markAllNotificationsRead,
  markNotificationRead,
} from '@/api/notification'
import type { NotificationView } from '@/api/types'

/** How many notifications the bell's popover lists. */
export const BELL_PAGE_SIZE = 10

/** The bell: unread count (polled) and the latest notifications (loaded when the popover opens). */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0)
  const items = ref<NotificationView[]>([])
  const loading = ref(false)

  async function refreshCount(): Promise<void> {
    try {
      unread.value = await fetchUnreadCount()
    } catch {
      // quiet: the next poll tries again
    }
  }

  async function loadLatest(): Promise<void> {
    loading.value = true
    try {
      const page = await fetchNotifications(0, BELL_PAGE_SIZE)
      items.value = page.items
      unread.value = page.unread
    } catch {
      // shown by the API client
    } finally {
      loading.value = false
    }
  }

  async function markRead(id: string): Promise<void> {
    const item = items.value.find((n) => n.id === id)
    if (item?.readAt) return
    const updated = await markNotificationRead(id)
    items.value = items.value.map((n) => (n.id === id ? updated : n))
    unread.value = Math.max(0, unread.value - 1)
  }

  async function markAllRead(): Promise<void> {
    await markAllNotificationsRead()
    const now = new Date().toISOString()
    items.value = items.value.map((n) => (n.readAt ? n : { ...n, readAt: now }))
    unread.value = 0
  }

  return { unread, items, loading, refreshCount, loadLatest, markRead, markAllRead }
})
