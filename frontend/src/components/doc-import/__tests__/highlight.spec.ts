import { describe, expect, it } from 'vitest'
import { confidenceLevel, parseFieldName, segments } from '../highlight'

describe('import highlighting', () => {
  it('cuts the text into plain runs and marked runs, in reading order', () => {
    // "关于开展活动的通知" with the title at 2–4 and a date at 6–8
    expect(
      segments(9, [
        { start: 2, end: 4 },
        { start: 6, end: 8 },
      ]),
    ).toEqual([
      { start: 0, end: 2, covers: [], primary: -1 },
      { start: 2, end: 4, covers: [0], primary: 0 },
      { start: 4, end: 6, covers: [], primary: -1 },
      { start: 6, end: 8, covers: [1], primary: 1 },
      { start: 8, end: 9, covers: [], primary: -1 },
    ])
  })

  it('marks nested spans with the most specific field and shared spans with both', () => {
    // an item's title 0–10 holds its target 4–6; periodStart and periodEnd share 12–14
    const runs = segments(14, [
      { start: 0, end: 10 },
      { start: 4, end: 6 },
      { start: 12, end: 14 },
      { start: 12, end: 14 },
    ])
    expect(runs).toEqual([
      { start: 0, end: 4, covers: [0], primary: 0 },
      { start: 4, end: 6, covers: [0, 1], primary: 1 },
      { start: 6, end: 10, covers: [0], primary: 0 },
      { start: 10, end: 12, covers: [], primary: -1 },
      { start: 12, end: 14, covers: [2, 3], primary: 2 },
    ])
  })

  it('clips spans to the text and ignores empty or inverted ones', () => {
    expect(
      segments(5, [
        { start: -3, end: 2 },
        { start: 3, end: 3 },
        { start: 4, end: 1 },
        { start: 4, end: 99 },
      ]),
    ).toEqual([
      { start: 0, end: 2, covers: [0], primary: 0 },
      { start: 2, end: 4, covers: [], primary: -1 },
      { start: 4, end: 5, covers: [3], primary: 3 },
    ])
    expect(segments(0, [])).toEqual([])
  })

  it('reads the API’s field names', () => {
    expect(parseFieldName('title')).toEqual({ base: 'title' })
    expect(parseFieldName('recipients[2]')).toEqual({ base: 'recipients', index: 2 })
    expect(parseFieldName('activities[0].location')).toMatchObject({
      base: 'activities',
      index: 0,
      sub: 'location',
    })
    expect(parseFieldName('activities[1].dates[3]')).toEqual({
      base: 'activities',
      index: 1,
      sub: 'dates',
      subIndex: 3,
    })
    expect(parseFieldName('requirements.photos')).toMatchObject({ base: 'requirements', sub: 'photos' })
    expect(parseFieldName('weird name')).toEqual({ base: 'weird name' })
  })

  it('tags confidence as 高 from 0.85, 中 from 0.7, 低 below', () => {
    expect([0.95, 0.85, 0.8, 0.7, 0.69, 0.5].map(confidenceLevel)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
    ])
  })
})
