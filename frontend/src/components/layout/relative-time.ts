const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/**
 * "5分钟前", "3 hours ago"… in the UI language; null for less than a minute (the caller says "just now").
 */
export function relativeTime(iso: string, locale: string, now: number = Date.now()): string | null {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return null
  const seconds = Math.round((time - now) / 1000)
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit)
  }
  return null
}
