import { describe, expect, it } from 'vitest'
import type { FileLimits } from '@/api/types'
import { DEFAULT_LIMITS, acceptAttribute, formatBytes, kindOf, refusal } from '../file-rules'

const MB = 1024 * 1024
const limits: FileLimits = {
  ...DEFAULT_LIMITS,
  types: [
    { extension: 'jpg', contentType: 'image/jpeg', kind: 'IMAGE' },
    { extension: 'png', contentType: 'image/png', kind: 'IMAGE' },
    { extension: 'mp4', contentType: 'video/mp4', kind: 'VIDEO' },
    { extension: 'pdf', contentType: 'application/pdf', kind: 'DOCUMENT' },
  ],
}

/** A File that claims a size without holding the bytes. */
function sized(name: string, size: number): File {
  const file = new File(['x'], name)
  Object.defineProperty(file, 'size', { value: size })
  return file
}

describe('file rules', () => {
  it('knows a file by its extension, case-insensitively', () => {
    expect(kindOf('合影.JPG', limits)).toBe('IMAGE')
    expect(kindOf('宣传片.mp4', limits)).toBe('VIDEO')
    expect(kindOf('setup.exe', limits)).toBeNull()
    expect(kindOf('无扩展名', limits)).toBeNull()
  })

  it('refuses types the server or the field does not take, and empty files', () => {
    expect(refusal(sized('setup.exe', 10), limits)).toEqual({ reason: 'type', extension: 'exe' })
    expect(refusal(sized('宣传片.mp4', 10), limits, ['IMAGE'])).toEqual({ reason: 'type', extension: 'mp4' })
    expect(refusal(sized('合影.jpg', 10), limits, ['IMAGE'])).toBeNull()
    expect(refusal(sized('合影.jpg', 0), limits)).toEqual({ reason: 'empty' })
  })

  it('lets videos be larger than other files', () => {
    expect(refusal(sized('合影.jpg', 21 * MB), limits)).toEqual({ reason: 'size', limit: 20 * MB })
    expect(refusal(sized('宣传片.mp4', 700 * MB), limits)).toBeNull()
    expect(refusal(sized('宣传片.mp4', 3 * 1024 * MB), limits)).toEqual({
      reason: 'size',
      limit: 2 * 1024 * MB,
    })
  })

  it('leaves types to the server until it said which it takes', () => {
    expect(refusal(sized('setup.exe', 10), DEFAULT_LIMITS)).toBeNull()
    expect(refusal(sized('huge.bin', 3 * 1024 * MB), DEFAULT_LIMITS)?.reason).toBe('size')
  })

  it('builds the accept attribute', () => {
    expect(acceptAttribute(limits, ['IMAGE'])).toBe('.jpg,.png')
    expect(acceptAttribute(limits)).toBe('.jpg,.png,.mp4,.pdf')
    expect(acceptAttribute(DEFAULT_LIMITS)).toBe('')
  })

  it('writes sizes the way people read them', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(20 * 1024)).toBe('20 KB')
    expect(formatBytes(20 * MB)).toBe('20 MB')
    expect(formatBytes(1.5 * MB)).toBe('1.5 MB')
    expect(formatBytes(2 * 1024 * MB)).toBe('2 GB')
  })
})
