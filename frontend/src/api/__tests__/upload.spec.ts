import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setAuthHooks } from '../client'
import { appendChunk, uploadWhole } from '../media'
import { ApiError } from '../problem'

const messages = vi.hoisted(() => ({ error: vi.fn() }))
vi.mock('element-plus', () => ({ ElMessage: messages }))

/** A stand-in for XMLHttpRequest that records what is sent and answers as told. */
class FakeXhr {
  static sent: FakeXhr[] = []
  static answers: Array<{ status: number; body?: unknown } | 'network'> = []
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown = null
  status = 0
  responseText = ''
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } =
    {
      onprogress: null,
    }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }

  abort() {
    this.onabort?.()
  }

  send(body: unknown) {
    this.body = body
    FakeXhr.sent.push(this)
    const answer = FakeXhr.answers.shift() ?? { status: 200, body: {} }
    setTimeout(() => {
      if (answer === 'network') {
        this.onerror?.()
        return
      }
      this.upload.onprogress?.({ lengthComputable: true, loaded: 3, total: 4 })
      this.status = answer.status
      this.responseText = answer.body === undefined ? '' : JSON.stringify(answer.body)
      this.onload?.()
    }, 0)
  }
}

beforeEach(() => {
  FakeXhr.sent = []
  FakeXhr.answers = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  setAuthHooks({ accessToken: () => 'token-1', renew: async () => 'token-2', login: vi.fn() })
  messages.error.mockClear()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('uploads with progress', () => {
  it('sends a chunk with its offset, as offset+octet-stream, and reports its bytes', async () => {
    FakeXhr.answers.push({ status: 200, body: { id: 'u1', offset: 8, size: 10 } })
    const onBytes = vi.fn()
    const chunk = new Blob(['abcd'])
    const session = await appendChunk('u1', 4, chunk, onBytes)

    const [xhr] = FakeXhr.sent
    expect(xhr).toMatchObject({ method: 'PATCH', url: '/api/v1/uploads/u1', body: chunk })
    expect(xhr?.headers).toMatchObject({
      Authorization: 'Bearer token-1',
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Offset': '4',
    })
    expect(onBytes).toHaveBeenCalledWith(3, 4)
    expect(session.offset).toBe(8)
  })

  it('leaves failures to the upload component: no toast, the problem in the error', async () => {
    FakeXhr.answers.push({
      status: 409,
      body: { type: 'x', title: '冲突', status: 409, code: 'UPLOAD_OFFSET_MISMATCH', detail: '请从 8 续传' },
    })
    const error = await appendChunk('u1', 4, new Blob(['abcd']), vi.fn()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).problem?.code).toBe('UPLOAD_OFFSET_MISMATCH')

    FakeXhr.answers.push('network')
    const network = await uploadWhole('7', new File(['x'], 'a.pdf'), vi.fn()).catch((e: unknown) => e)
    expect((network as ApiError).status).toBe(0)
    expect(messages.error).not.toHaveBeenCalled()
  })

  it('renews the token once on 401 and sends the body again', async () => {
    FakeXhr.answers.push({ status: 401 }, { status: 201, body: { id: '17' } })
    const stored = await uploadWhole('7', new File(['x'], '合影.jpg'), vi.fn())
    expect(stored.id).toBe('17')
    expect(FakeXhr.sent.map((x) => x.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
    expect(FakeXhr.sent[0]?.url).toBe('/api/v1/files?orgId=7')
    expect(FakeXhr.sent[1]?.body).toBeInstanceOf(FormData)
  })
})
