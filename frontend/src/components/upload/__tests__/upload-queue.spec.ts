import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/problem'
import type { StoredFile, UploadSession } from '@/api/types'
import { UploadQueue, isRetryable, isTransient, resumeKey, type UploadTransport } from '../upload-queue'

const CHUNK = 4

function stored(id: string, file: File): StoredFile {
  return {
    id,
    name: file.name,
    contentType: 'video/mp4',
    kind: 'VIDEO',
    size: file.size,
    sha256: 'ab',
    ownerOrgId: '1',
    uploadedAt: '2024-03-01T02:00:00Z',
    hasThumbnail: false,
  }
}

function problem(status: number, code: string): ApiError {
  return new ApiError(status, { type: 'x', title: 't', status, code, detail: code })
}

type Fault = 'none' | 'network' | 'answerLost' | 'refused'

/** A server holding upload sessions, with faults to inject into the next chunks. */
function fakeServer() {
  const sessions = new Map<string, { size: number; offset: number; file: StoredFile | null }>()
  const faults: Fault[] = []
  const offsets: number[] = []
  let ids = 0
  const view = (id: string): UploadSession => {
    const s = sessions.get(id)!
    return {
      id,
      orgId: '1',
      fileName: 'x',
      size: s.size,
      offset: s.offset,
      chunkSize: CHUNK,
      expiresAt: '2024-03-02T02:00:00Z',
      file: s.file ?? undefined,
    }
  }
  const transport = {
    whole: vi.fn(async (_org: string, file: File, onBytes: (l: number, t: number) => void) => {
      onBytes(file.size, file.size)
      return stored('whole', file)
    }),
    start: vi.fn(async (_org: string, file: File) => {
      const id = `u${++ids}`
      sessions.set(id, { size: file.size, offset: 0, file: null })
      return view(id)
    }),
    status: vi.fn(async (id: string) => {
      if (!sessions.has(id)) throw problem(404, 'UPLOAD_NOT_FOUND')
      return view(id)
    }),
    append: vi.fn(
      async (id: string, offset: number, chunk: Blob, onBytes: (l: number, t: number) => void) => {
        const s = sessions.get(id)
        if (!s) throw problem(404, 'UPLOAD_NOT_FOUND')
        if (offset !== s.offset) throw problem(409, 'UPLOAD_OFFSET_MISMATCH')
        const fault = faults.shift()
        if (fault === 'network') {
          onBytes(Math.floor(chunk.size / 2), chunk.size)
          throw new ApiError(0, null)
        }
        if (fault === 'refused') throw problem(415, 'FILE_CONTENT_MISMATCH')
        offsets.push(offset)
        s.offset += chunk.size
        if (s.offset === s.size) s.file = stored('f-' + id, new File([new Uint8Array(s.size)], 'x'))
        onBytes(chunk.size, chunk.size)
        if (fault === 'answerLost') throw new ApiError(0, null)
        return view(id)
      },
    ),
    cancel: vi.fn(async (id: string) => {
      sessions.delete(id)
    }),
  } satisfies UploadTransport
  return { transport, sessions, faults, offsets }
}

function memoryStore() {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  }
}

function video(bytes: number, name = 'v.mp4'): File {
  return new File([new Uint8Array(bytes)], name, { lastModified: 1 })
}

function queueFor(
  server: ReturnType<typeof fakeServer>,
  extra: Partial<ConstructorParameters<typeof UploadQueue>[0]> = {},
) {
  const done: StoredFile[] = []
  const queue = new UploadQueue({
    transport: server.transport,
    resumableAbove: () => 8,
    retryDelay: () => 0,
    describe: (error) => (error instanceof ApiError ? `failed ${error.status}` : 'failed'),
    onDone: (_task, file) => done.push(file),
    ...extra,
  })
  return { queue, done }
}

async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0))
}

describe('upload queue', () => {
  it('sends a small file in one request', async () => {
    const server = fakeServer()
    const { queue, done } = queueFor(server)
    const [task] = queue.add('1', [video(8, 'small.pdf')])
    await settle()

    expect(server.transport.whole).toHaveBeenCalledOnce()
    expect(server.transport.start).not.toHaveBeenCalled()
    expect(task).toMatchObject({ phase: 'done', loaded: 8, resumable: false })
    expect(done.map((f) => f.id)).toEqual(['whole'])
    expect(queue.busy).toBe(false)
  })

  it('sends a large file in chunks at the server offsets and remembers the session until done', async () => {
    const server = fakeServer()
    const store = memoryStore()
    const { queue, done } = queueFor(server, { resumeStore: store })
    const file = video(10)
    const [task] = queue.add('1', [file])
    expect(task?.resumable).toBe(true)
    await settle()

    expect(server.offsets).toEqual([0, 4, 8])
    expect(server.transport.append.mock.calls.map((c) => (c[2] as Blob).size)).toEqual([4, 4, 2])
    expect(task).toMatchObject({ phase: 'done', loaded: 10, uploadId: 'u1' })
    expect(done.map((f) => f.id)).toEqual(['f-u1'])
    expect(store.map.size).toBe(0)
  })

  it('retries a chunk after a broken connection from where the server stands', async () => {
    const server = fakeServer()
    const { queue } = queueFor(server)
    server.faults.push('none', 'network')
    const [task] = queue.add('1', [video(10)])
    await settle()

    expect(task?.phase).toBe('done')
    expect(server.offsets).toEqual([0, 4, 8])
    expect(server.transport.status).toHaveBeenCalledTimes(1)
  })

  it('does not resend a chunk that arrived although its answer was lost', async () => {
    const server = fakeServer()
    const { queue } = queueFor(server)
    server.faults.push('answerLost')
    const [task] = queue.add('1', [video(10)])
    await settle()

    expect(task?.phase).toBe('done')
    // the status said 4: the next chunk starts there, no 409
    expect(server.offsets).toEqual([0, 4, 8])
    expect(server.transport.append).toHaveBeenCalledTimes(3)
  })

  it('fails after repeated failures and resumes from the server offset on retry', async () => {
    const server = fakeServer()
    const { queue } = queueFor(server, { chunkAttempts: 2 })
    server.faults.push('none', 'network', 'network')
    const [task] = queue.add('1', [video(10)])
    await settle()

    expect(task).toMatchObject({ phase: 'failed', retryable: true, loaded: 4, error: 'failed 0' })
    expect(queue.busy).toBe(false)

    queue.retry(task!)
    await settle()
    expect(task?.phase).toBe('done')
    expect(server.transport.start).toHaveBeenCalledOnce()
    expect(server.offsets).toEqual([0, 4, 8])
  })

  it('offers no retry when the server refuses the content, and forgets the session', async () => {
    const server = fakeServer()
    const store = memoryStore()
    const { queue } = queueFor(server, { resumeStore: store })
    server.faults.push('refused')
    const [task] = queue.add('1', [video(10)])
    await settle()

    expect(task).toMatchObject({ phase: 'failed', retryable: false, error: 'failed 415' })
    expect(store.map.size).toBe(0)
    queue.retry(task!)
    await settle()
    expect(server.transport.append).toHaveBeenCalledOnce()
  })

  it('starts over when the session expired meanwhile', async () => {
    const server = fakeServer()
    const { queue } = queueFor(server, { chunkAttempts: 1 })
    server.faults.push('none', 'network')
    const [task] = queue.add('1', [video(10)])
    await settle()
    expect(task?.phase).toBe('failed')

    server.sessions.clear() // expired and cleaned up
    queue.retry(task!)
    await settle()
    expect(task).toMatchObject({ phase: 'done', uploadId: 'u2' })
    expect(server.transport.start).toHaveBeenCalledTimes(2)
  })

  it('resumes the same file picked again after a reload', async () => {
    const server = fakeServer()
    const store = memoryStore()
    const file = video(10)
    const first = queueFor(server, { resumeStore: store, chunkAttempts: 1 })
    server.faults.push('none', 'network')
    first.queue.add('1', [file])
    await settle()
    expect(store.map.get(resumeKey('1', file))).toBe('u1')
    first.queue.dispose() // the page is left

    const second = queueFor(server, { resumeStore: store })
    const [task] = second.queue.add('1', [file])
    await settle()
    expect(task).toMatchObject({ phase: 'done', uploadId: 'u1' })
    expect(server.transport.start).toHaveBeenCalledOnce()
    expect(server.offsets).toEqual([0, 4, 8])
  })

  it('cancels a running upload on the server and forgets it', async () => {
    const server = fakeServer()
    const store = memoryStore()
    let release: () => void = () => undefined
    server.transport.append.mockImplementationOnce(
      (_id: string, _offset: number, _chunk: Blob, _onBytes: unknown, signal?: AbortSignal) =>
        new Promise<UploadSession>((_resolve, reject) => {
          release = () => reject(new DOMException('aborted', 'AbortError'))
          signal?.addEventListener('abort', () => release())
        }),
    )
    const { queue, done } = queueFor(server, { resumeStore: store })
    const [task] = queue.add('1', [video(10)])
    await settle()
    expect(task?.phase).toBe('uploading')

    await queue.cancel(task!)
    await settle()
    expect(queue.tasks).toEqual([])
    expect(server.transport.cancel).toHaveBeenCalledWith('u1')
    expect(server.sessions.size).toBe(0)
    expect(store.map.size).toBe(0)
    expect(done).toEqual([])
  })

  it('uploads two files at a time and reports progress as bytes arrive', async () => {
    const server = fakeServer()
    const pending: Array<() => void> = []
    server.transport.whole.mockImplementation(
      (_org: string, file: File, onBytes: (l: number, t: number) => void) =>
        new Promise<StoredFile>((resolve) => {
          onBytes(3, file.size)
          pending.push(() => resolve(stored(file.name, file)))
        }),
    )
    const { queue, done } = queueFor(server)
    const tasks = queue.add('1', [video(6, 'a.jpg'), video(6, 'b.jpg'), video(6, 'c.jpg')])
    await settle()

    expect(tasks.map((t) => t.phase)).toEqual(['uploading', 'uploading', 'waiting'])
    expect(tasks[0]?.loaded).toBe(3)
    expect(queue.busy).toBe(true)
    pending.shift()!()
    await settle()
    expect(tasks.map((t) => t.phase)).toEqual(['done', 'uploading', 'uploading'])
    pending.splice(0).forEach((resolve) => resolve())
    await settle()
    expect(done.map((f) => f.id)).toEqual(['a.jpg', 'b.jpg', 'c.jpg'])
    expect(queue.busy).toBe(false)
  })

  it('lists a file refused beforehand as failed without sending it', async () => {
    const server = fakeServer()
    const { queue } = queueFor(server)
    const [task] = queue.add('1', [video(6, 'setup.exe')], (f) => (f.name.endsWith('.exe') ? 'type' : null))
    await settle()
    expect(task).toMatchObject({ phase: 'failed', retryable: false, error: 'type' })
    expect(server.transport.whole).not.toHaveBeenCalled()
  })

  it('tells transient failures from final ones', () => {
    expect(isTransient(new ApiError(0, null))).toBe(true)
    expect(isTransient(new ApiError(503, null))).toBe(true)
    expect(isTransient(problem(409, 'UPLOAD_OFFSET_MISMATCH'))).toBe(true)
    expect(isTransient(problem(413, 'UPLOAD_EXCEEDS_SIZE'))).toBe(false)
    expect(isTransient(new Error('x'))).toBe(false)
    expect(isRetryable(problem(415, 'FILE_CONTENT_MISMATCH'))).toBe(false)
    expect(isRetryable(problem(422, 'FILE_IMAGE_UNREADABLE'))).toBe(false)
    expect(isRetryable(problem(403, 'PERMISSION_REQUIRED'))).toBe(false)
    expect(isRetryable(problem(404, 'UPLOAD_NOT_FOUND'))).toBe(true)
    expect(isRetryable(new ApiError(0, null))).toBe(true)
  })
})
