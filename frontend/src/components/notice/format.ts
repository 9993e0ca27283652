import type { NoticeStatus } from '@/api/types'
/** Business dates are read in Beijing time, whatever the browser's zone. */
export const BUSINESS_ZONE = 'Asia/Shanghai'

const DAY_MS = 24 * 60 * 60 * 1000
/** "Due soon" means within three days, as the inbox summary counts it. */
export const DUE_SOON_MS = 3 * DAY_MS

export interface DateParts {
  y: number
  m: number
  d: number
}

/** Year, month and day of an ISO date (2024-02-26) or instant, in Beijing time; null when unreadable. */
export function dateParts(value: string | null | undefined): DateParts | null {
  if (!value) return null
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (plain) return { y: Number(plain[1]), m: Number(plain[2]), d: Number(plain[3]) }
  const time = Date.parse(value)
  if (Number.isNaN(time)) return null
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: BUSINESS_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(time))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { y: part('year'), m: part('month'), d: part('day') }
}

/** "2024-03-10 18:00" in Beijing time, or '' when there is no value. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const time = Date.parse(value)
  if (Number.isNaN(time)) return value
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: BUSINESS_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(time))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

export type DueState = 'overdue' | 'soon' | null

/** Whether a deadline has passed or falls within three days of now. */
export function dueState(deadline: string | null | undefined, now: number = Date.now()): DueState {
  if (!deadline) return null
  const time = Date.parse(deadline)
  if (Number.isNaN(time)) return null
  if (time <= now) return 'overdue'
  return time - now <= DUE_SOON_MS ? 'soon' : null
}

/** The tag colour of each notice status, the same in every list and panel. */
export const NOTICE_STATUS_TAG: Record<NoticeStatus, 'info' | 'success' | 'danger' | 'warning'> = {
  DRAFT: 'info',
  PUBLISHED: 'success',
  WITHDRAWN: 'danger',
  CLOSED: 'warning',
}
