import { api, quiet } from './client'
import { ApiError, toProblem } from './problem'
import type { NoticeImport, PlanImport } from './types'
import { sendWithProgress } from './upload'

/**
 * 公文导入 (POST /notices/import, /plans/import): a document read into a draft for an editor. Nothing is
 * saved. Every failure is quiet: the import dialog shows the server's message in place (400 empty, 413 too
 * large, 415 not a .docx or text) and keeps what the user pasted.
 */

/** What is read: text pasted into the page, or a .docx / .txt file (sent as multipart field `file`). */
export type ImportSource = { text: string } | { file: File }

export interface ImportOptions {
  /** Upload progress of a file, 0–100 (text is sent at once). */
  onProgress?: (percent: number) => void
  signal?: AbortSignal
}

type ImportPath = '/api/v1/notices/import' | '/api/v1/plans/import'

async function read(path: ImportPath, source: ImportSource, options: ImportOptions): Promise<unknown> {
  if ('file' in source) {
    const file = source.file
    return sendWithProgress(
      'POST',
      path,
      () => {
        const form = new FormData()
        form.append('file', file, file.name)
        return form
      },
      {
        signal: options.signal,
        quiet: true,
        onBytes: (loaded, total) => options.onProgress?.(total ? Math.round((loaded / total) * 100) : 100),
      },
    )
  }
  const { data, error, response } = await api.POST(path, {
    body: { text: source.text },
    headers: quiet(),
    signal: options.signal,
  })
  if (!response.ok || data === undefined)
    throw new ApiError(response.status, toProblem(error, response.status))
  return data
}

export async function importNotice(source: ImportSource, options: ImportOptions = {}): Promise<NoticeImport> {
  return (await read('/api/v1/notices/import', source, options)) as NoticeImport
}

export async function importPlan(source: ImportSource, options: ImportOptions = {}): Promise<PlanImport> {
  return (await read('/api/v1/plans/import', source, options)) as PlanImport
}
