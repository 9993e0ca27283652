import { api, quiet, unwrap } from './client'
import type { NotificationPage, NotificationView } from './types'

/** The bell (/api/v1/notifications…): the caller's own in-app notifications. */

export async function fetchNotifications(page = 0, size = 10, unreadOnly = false): Promise<NotificationPage> {
  return unwrap(api.GET('/api/v1/notifications', { params: { query: { page, size, unreadOnly } } }))
}

/** Polled every minute: failures stay quiet (the next poll tries again). */
export async function fetchUnreadCount(): Promise<number> {
  return (await unwrap(api.GET('/api/v1/notifications/unread-count', { headers: quiet() }))).unread
}

export async function markNotificationRead(id: string): Promise<NotificationView> {
  return unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }))
}

export async function markAllNotificationsRead(): Promise<number> {
  return (await unwrap(api.POST('/api/v1/notifications/read-all'))).marked
}
