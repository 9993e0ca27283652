import { ApiError } from '@/api/problem'
import type { StoredFile, UploadSession } from '@/api/types'

/**
 * The upload state machine, without Vue or HTTP: files wait, upload (whole, or in chunks through a resumable
 * session), and end done or failed; a failed file can be retried, a resumable one from the server's offset.
 *
 *   waiting ──▶ uploading ──▶ done
 *      ▲            │
 *      └── retry ── failed        (cancel from any state removes the file)
 *
 * In chunks, a transient failure (network, 5xx, 409 offset mismatch) is retried automatically after asking the
 * server where it stands; a session id is remembered (localStorage) so the same file picked again after a
 * reload resumes instead of starting over.
 */

export type UploadPhase = 'waiting' | 'uploading' | 'done' | 'failed'

export interface UploadTask {
  readonly key: number
  readonly file: File
  readonly orgId: string
  readonly resumable: boolean
  phase: UploadPhase
  /** Bytes the server has (resumable) or the request has sent (whole). */
  loaded: number
  readonly total: number
  /** The resumable session, once started. */
  uploadId: string | null
  /** For the person: why it failed. */
  error: string | null
  /** Whether trying again can help (not for a refused type, size or image). */
  retryable: boolean
  result: StoredFile | null
}

/** The HTTP calls the queue makes (src/api/media.ts in the app, fakes in tests). */
export interface UploadTransport {
  whole(
    orgId: string,
    file: File,
    onBytes: (loaded: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<StoredFile>
  start(orgId: string, file: File): Promise<UploadSession>
  status(uploadId: string): Promise<UploadSession>
  append(
    uploadId: string,
    offset: number,
    chunk: Blob,
    onBytes: (loaded: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<UploadSession>
  cancel(uploadId: string): Promise<void>
}

export type ResumeStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface QueueOptions {
  transport: UploadTransport
  /** Files above this size are sent in chunks (the server's resumableAbove). */
  resumableAbove: () => number
  /** Files uploading at once. */
  concurrency?: number
  /** Consecutive failed chunks before the file is marked failed (each retry first asks the server). */
  chunkAttempts?: number
  /** Wait before retrying a chunk, by attempt (1, 2, …). */
  retryDelay?: (attempt: number) => number
  /** Where session ids are remembered across reloads; null to not remember. */
  resumeStore?: ResumeStore | null
  /** Makes a task observable (Vue's reactive) before the queue mutates it. */
  track?: (task: UploadTask) => UploadTask
  /** The message to show for a failure. */
  describe: (error: unknown, file: File) => string
  onDone?: (task: UploadTask, file: StoredFile) => void
  /** Any change of the task list (added, removed). */
  onChange?: (tasks: readonly UploadTask[]) => void
}

/** Statuses after which sending the same file again cannot succeed. */
const FINAL_STATUSES = new Set([400, 403, 413, 415, 422])

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** Worth retrying a chunk at once: the connection broke, the server hiccupped, or the offset moved. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  return error.status === 0 || error.status >= 500 || error.status === 409 || error.status === 429
}

/** Worth offering a retry to the person. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true
  if (error.problem?.code === 'UPLOAD_COMPLETE') return true
  return !FINAL_STATUSES.has(error.status)
}

export function resumeKey(orgId: string, file: File): string {
  return `jinguo.upload:${orgId}:${file.name}:${file.size}:${file.lastModified}`
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('Upload aborted', 'AbortError'))
      return
    }
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new DOMException('Upload aborted', 'AbortError'))
    })
  })
}

export class UploadQueue {
  private list: UploadTask[] = []
  private readonly controllers = new Map<number, AbortController>()
  private nextKey = 0
  private readonly options: Required<Omit<QueueOptions, 'onDone' | 'onChange' | 'resumeStore' | 'track'>> &
    QueueOptions

  constructor(options: QueueOptions) {
    this.options = {
      concurrency: 2,
      chunkAttempts: 4,
      retryDelay: (attempt) => Math.min(30_000, 1000 * 2 ** (attempt - 1)),
      ...options,
    }
  }

  get tasks(): readonly UploadTask[] {
    return this.list
  }

  /** Files waiting or uploading. */
  get busy(): boolean {
    return this.list.some((t) => t.phase === 'waiting' || t.phase === 'uploading')
  }

  /** Queues files for {@code orgId}; those refused beforehand (see file-rules) are added as failed. */
  add(
    orgId: string,
    files: readonly File[],
    refused: (file: File) => string | null = () => null,
  ): UploadTask[] {
    const added = files.map((file) => {
      const why = refused(file)
      const task = this.track({
        key: ++this.nextKey,
        file,
        orgId,
        resumable: file.size > this.options.resumableAbove(),
        phase: why ? 'failed' : 'waiting',
        loaded: 0,
        total: file.size,
        uploadId: null,
        error: why,
        retryable: !why,
        result: null,
      })
      this.list = [...this.list, task]
      return task
    })
    this.changed()
    this.pump()
    return added
  }

  retry(task: UploadTask): void {
    if (task.phase !== 'failed' || !task.retryable) return
    task.phase = 'waiting'
    task.error = null
    this.pump()
  }

  /** Stops a file and forgets it; a resumable session is cancelled on the server. */
  async cancel(task: UploadTask): Promise<void> {
    this.controllers.get(task.key)?.abort()
    this.remove(task)
    if (task.uploadId && task.phase !== 'done') {
      this.options.resumeStore?.removeItem(resumeKey(task.orgId, task.file))
      await this.options.transport.cancel(task.uploadId).catch(() => undefined)
    }
  }

  /** Takes a finished (or failed) file off the list. */
  remove(task: UploadTask): void {
    this.list = this.list.filter((t) => t.key !== task.key)
    this.changed()
  }

  /** Leaving the page: stop sending; sessions stay on the server so the same file can resume later. */
  dispose(): void {
    for (const c of this.controllers.values()) c.abort()
    this.controllers.clear()
  }

  private track(task: UploadTask): UploadTask {
    return this.options.track ? this.options.track(task) : task
  }

  private changed(): void {
    this.options.onChange?.(this.list)
  }

  private pump(): void {
    let running = this.list.filter((t) => t.phase === 'uploading').length
    for (const task of this.list) {
      if (running >= this.options.concurrency) return
      if (task.phase !== 'waiting') continue
      running++
      void this.run(task)
    }
  }

  private async run(task: UploadTask): Promise<void> {
    const controller = new AbortController()
    this.controllers.set(task.key, controller)
    task.phase = 'uploading'
    task.error = null
    try {
      const stored = task.resumable
        ? await this.chunked(task, controller.signal)
        : await this.options.transport.whole(
            task.orgId,
            task.file,
            (loaded) => (task.loaded = Math.min(loaded, task.total)),
            controller.signal,
          )
      if (controller.signal.aborted) return
      task.phase = 'done'
      task.loaded = task.total
      task.result = stored
      this.options.onDone?.(task, stored)
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return
      task.phase = 'failed'
      task.error = this.options.describe(error, task.file)
      task.retryable = isRetryable(error)
      if (!task.retryable) this.options.resumeStore?.removeItem(resumeKey(task.orgId, task.file))
    } finally {
      if (this.controllers.get(task.key) === controller) this.controllers.delete(task.key)
      this.pump()
    }
  }

  /** The session to continue: this task's, or one remembered for the same file; null when gone. */
  private async known(task: UploadTask): Promise<UploadSession | null> {
    const store = this.options.resumeStore
    const id = task.uploadId ?? store?.getItem(resumeKey(task.orgId, task.file)) ?? null
    if (!id) return null
    try {
      return await this.options.transport.status(id)
    } catch (error) {
      // Expired, cancelled or someone else's: start over.
      if (error instanceof ApiError && error.status === 404) {
        store?.removeItem(resumeKey(task.orgId, task.file))
        task.uploadId = null
        return null
      }
      throw error
    }
  }

  private async chunked(task: UploadTask, signal: AbortSignal): Promise<StoredFile> {
    const { transport, resumeStore } = this.options
    const key = resumeKey(task.orgId, task.file)
    let session = await this.known(task)
    if (!session) {
      session = await transport.start(task.orgId, task.file)
      resumeStore?.setItem(key, session.id)
    }
    task.uploadId = session.id
    let failures = 0
    while (!session.file) {
      const offset = session.offset
      task.loaded = offset
      const end = Math.min(offset + session.chunkSize, task.total)
      try {
        session = await transport.append(
          session.id,
          offset,
          task.file.slice(offset, end),
          (sent) => (task.loaded = Math.min(offset + sent, task.total)),
          signal,
        )
        failures = 0
      } catch (error) {
        task.loaded = offset // what the server acknowledged, not what was sent
        if (isAbort(error) || !isTransient(error) || ++failures >= this.options.chunkAttempts) throw error
        await sleep(this.options.retryDelay(failures), signal)
        // Where does the server stand? (a chunk may have arrived although its answer did not)
        session = await transport.status(session.id)
      }
    }
    resumeStore?.removeItem(key)
    return session.file
  }
}
