import { api, quiet, unwrap } from './client'
import { ApiError, toProblem } from './problem'
import type { FileLimits, StoredFile, UploadSession } from './types'
import { sendWithProgress } from './upload'

/**
 * Files and uploads (/api/v1/files, /api/v1/uploads). Upload failures are quiet: the upload component shows
 * them next to the file, with a retry.
 */

/** The chunk's media type (as in tus). */
export const OFFSET_OCTET_STREAM = 'application/offset+octet-stream'

let limits: Promise<FileLimits> | null = null

/** What the server accepts (types, sizes, chunk size); asked once per page load. */
export function fetchFileLimits(): Promise<FileLimits> {
  limits ??= unwrap(api.GET('/api/v1/files/limits', { headers: quiet() })).catch((error: unknown) => {
    limits = null
    throw error
  })
  return limits
}

/** For tests: forget the cached limits. */
export function resetFileLimits(): void {
  limits = null
}

/** POST /files: the whole file in one multipart request. */
export async function uploadWhole(
  orgId: string,
  file: File,
  onBytes: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<StoredFile> {
  const url = `/api/v1/files?orgId=${encodeURIComponent(orgId)}`
  return (await sendWithProgress(
    'POST',
    url,
    () => {
      const form = new FormData()
      form.append('file', file, file.name)
      return form
    },
    { onBytes, signal, quiet: true },
  )) as StoredFile
}

/** POST /uploads: declares a resumable upload. */
export async function startUpload(orgId: string, file: File): Promise<UploadSession> {
  return unwrap(
    api.POST('/api/v1/uploads', {
      body: { orgId, fileName: file.name, size: file.size, contentType: file.type || undefined },
      headers: quiet(),
    }),
  )
}

/** GET /uploads/{id}: where to resume from (and the file once complete). */
export async function getUpload(id: string): Promise<UploadSession> {
  const { data, error, response } = await api.GET('/api/v1/uploads/{id}', {
    params: { path: { id } },
    headers: quiet(),
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return data
}

/** PATCH /uploads/{id}: one chunk at {@code offset}, with progress of its bytes. */
export async function appendChunk(
  id: string,
  offset: number,
  chunk: Blob,
  onBytes: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<UploadSession> {
  return (await sendWithProgress('PATCH', `/api/v1/uploads/${encodeURIComponent(id)}`, () => chunk, {
    headers: { 'Content-Type': OFFSET_OCTET_STREAM, 'Upload-Offset': String(offset) },
    onBytes,
    signal,
    quiet: true,
  })) as UploadSession
}

/** DELETE /uploads/{id}: drops what was received. */
export async function cancelUpload(id: string): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/uploads/{id}', {
    params: { path: { id } },
    headers: quiet(),
  })
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response.status))
}

export type ImageVariant = 'thumbnail' | 'preview'

/**
 * An image's thumbnail (320 px) or display size (1600 px) as a Blob: the API needs the bearer token, so an
 * <img src> cannot load it directly; make an object URL of it (and revoke it).
 */
export async function fetchImage(fileId: string, variant: ImageVariant): Promise<Blob> {
  const options = { params: { path: { id: fileId } }, parseAs: 'blob' as const, headers: quiet() }
  const { data, error, response } =
    variant === 'thumbnail'
      ? await api.GET('/api/v1/files/{id}/thumbnail', options)
      : await api.GET('/api/v1/files/{id}/preview', options)
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return data
}
