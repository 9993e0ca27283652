/**
 * Pure helpers of the import dialog: field names, confidence levels and the highlighting of the source
 * text, where spans may nest or overlap (a plan item's title holds its target; periodStart and periodEnd
 * share one span).
 */

export interface Span {
  start: number
  end: number
}

/** A run of the text covered by the same spans (indexes into the spans given), in reading order. */
export interface Segment {
  start: number
  end: number
  covers: number[]
  /** The most specific span covering it (the shortest; the first of equals), or -1 for plain text. */
  primary: number
}

/** Cuts the text into runs at every span's start and end; spans out of range are clipped, empty ones ignored. */
export function segments(length: number, spans: readonly Span[]): Segment[] {
  const valid = spans
    .map((s, index) => ({ index, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start)
  const cuts = new Set<number>([0, length])
  for (const s of valid) {
    cuts.add(s.start)
    cuts.add(s.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const covering = valid.filter((s) => s.start <= start && s.end >= end)
    const covers = covering.map((s) => s.index)
    const last = out[out.length - 1]
    if (last && sameMembers(last.covers, covers)) {
      last.end = end
      continue
    }
    let primary = -1
    let shortest = Infinity
    for (const s of covering) {
      if (s.end - s.start < shortest) {
        shortest = s.end - s.start
        primary = s.index
      }
    }
    out.push({ start, end, covers, primary })
  }
  return out
}

function sameMembers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** A field name of the API split up: "activities[0].dates[1]" → activities, 0, dates, 1. */
export interface FieldName {
  base: string
  index?: number
  sub?: string
  subIndex?: number
}

const NAME = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+)(?:\[(\d+)\])?)?$/

export function parseFieldName(name: string): FieldName {
  const m = NAME.exec(name)
  if (!m) return { base: name }
  return {
    base: m[1]!,
    index: m[2] === undefined ? undefined : Number(m[2]),
    sub: m[3],
    subIndex: m[4] === undefined ? undefined : Number(m[4]),
  }
}

export type ConfidenceLevel = 'high' | 'medium' | 'low'

/** 高 from 0.85 (read from its usual place), 中 from 0.7, 低 below (guessed, e.g. a derived title). */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.85) return 'high'
  if (confidence >= 0.7) return 'medium'
  return 'low'
}
