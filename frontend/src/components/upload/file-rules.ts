import type { AcceptedFileType, FileKind, FileLimits } from '@/api/types'

/**
 * What the browser can check before sending a file, from the server's limits (GET /files/limits). Only hints:
 * the server sniffs every file again.
 */

/** Used until the server's limits arrive (or when they cannot be read): the server's defaults. */
export const DEFAULT_LIMITS: FileLimits = {
  maxSize: 20 * 1024 * 1024,
  maxVideoSize: 2 * 1024 * 1024 * 1024,
  chunkSize: 8 * 1024 * 1024,
  resumableAbove: 8 * 1024 * 1024,
  maxImagePixels: 50_000_000,
  thumbnailSize: 320,
  previewSize: 1600,
  types: [],
}

export type Refusal =
  { reason: 'type'; extension: string } | { reason: 'size'; limit: number } | { reason: 'empty' }

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** The accepted types of the given kinds (all kinds when none are given). */
export function acceptedTypes(limits: FileLimits, kinds?: readonly FileKind[]): AcceptedFileType[] {
  return limits.types.filter((t) => !kinds?.length || kinds.includes(t.kind))
}

/** The kind a file will have, by its name; null when the server does not take its extension. */
export function kindOf(name: string, limits: FileLimits): FileKind | null {
  const ext = extensionOf(name)
  return limits.types.find((t) => t.extension === ext)?.kind ?? null
}

/** The largest file of this kind: videos may be larger (sent in chunks). */
export function sizeLimit(kind: FileKind | null, limits: FileLimits): number {
  return kind === 'VIDEO' ? Math.max(limits.maxVideoSize, limits.maxSize) : limits.maxSize
}

/** Why a file cannot be sent, or null. Without known types (limits not loaded) only sizes are checked. */
export function refusal(file: File, limits: FileLimits, kinds?: readonly FileKind[]): Refusal | null {
  if (file.size === 0) return { reason: 'empty' }
  const known = limits.types.length > 0
  const kind = kindOf(file.name, limits)
  if (known && (kind === null || (kinds?.length && !kinds.includes(kind)))) {
    return { reason: 'type', extension: extensionOf(file.name) }
  }
  // Unknown types: assume the largest limit its name could have, the server decides.
  const limit = known ? sizeLimit(kind, limits) : Math.max(limits.maxSize, limits.maxVideoSize)
  if (file.size > limit) return { reason: 'size', limit }
  return null
}

/** The <input accept> value: extensions of the accepted types (all files when unknown). */
export function acceptAttribute(limits: FileLimits, kinds?: readonly FileKind[]): string {
  return acceptedTypes(limits, kinds)
    .map((t) => `.${t.extension}`)
    .join(',')
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${+(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}
