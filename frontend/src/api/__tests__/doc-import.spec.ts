import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Client from '../client'
import { importNotice, importPlan } from '../doc-import'
import { ApiError } from '../problem'

const messages = vi.hoisted(() => ({ error: vi.fn() }))
vi.mock('element-plus', () => ({ ElMessage: messages }))
const fetchMock = vi.hoisted(() => vi.fn<(request: Request) => Promise<Response>>())
// The app's client, on an absolute base URL (Node's Request takes no relative one) and a fake fetch.
vi.mock('../client', async (original) => {
  const real = await original<typeof Client>()
  const api = real.createApiClient(
    {
      auth: { accessToken: () => 'token-1', renew: async () => null, login: () => undefined },
      acceptLanguage: () => 'zh-CN',
      notify: (message) => messages.error(message),
      fallbackMessage: () => 'failed',
    },
    { baseUrl: 'http://localhost', fetch: (request) => fetchMock(request) },
  )
  return { ...real, api }
})

/** Answers XMLHttpRequest sends (the file path) as told, with one progress event. */
class FakeXhr {
  static sent: FakeXhr[] = []
  static answer: { status: number; body: unknown } = { status: 200, body: {} }
  method = ''
  url = ''
  body: unknown = null
  status = 0
  responseText = ''
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } =
    { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }

  setRequestHeader() {}

  abort() {}

  send(body: unknown) {
    this.body = body
    FakeXhr.sent.push(this)
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 4 })
      this.status = FakeXhr.answer.status
      this.responseText = JSON.stringify(FakeXhr.answer.body)
      this.onload?.()
    }, 0)
  }
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

beforeEach(() => {
  FakeXhr.sent = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  fetchMock.mockReset()
  messages.error.mockClear()
  Client.setAuthHooks({ accessToken: () => 'token-1', renew: async () => null, login: vi.fn() })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('document import API', () => {
  it('sends pasted text as JSON to the notice import', async () => {
    fetchMock.mockResolvedValue(json(200, { text: '原文', fields: [] }))
    const answer = await importNotice({ text: '重庆市妇女联合会\n关于开展活动的通知' })

    expect(answer.text).toBe('原文')
    const request = fetchMock.mock.calls[0]![0]
    expect(request.method).toBe('POST')
    expect(request.url).toBe('http://localhost/api/v1/notices/import')
    expect(request.headers.get('Content-Type')).toContain('application/json')
    expect(await request.json()).toEqual({ text: '重庆市妇女联合会\n关于开展活动的通知' })
  })

  it('uploads a file as multipart field file to the plan import, with its progress', async () => {
    FakeXhr.answer = { status: 200, body: { text: '区妇联2024年工作思路', fields: [] } }
    const onProgress = vi.fn()
    const file = new File(['区妇联2024年工作思路'], '工作思路.txt', { type: 'text/plain' })
    const answer = await importPlan({ file }, { onProgress })

    expect(answer.text).toBe('区妇联2024年工作思路')
    const [xhr] = FakeXhr.sent
    expect(xhr).toMatchObject({ method: 'POST', url: '/api/v1/plans/import' })
    expect((xhr?.body as FormData).get('file')).toBeInstanceOf(File)
    expect(onProgress).toHaveBeenCalledWith(25)
  })

  it('leaves failures to the dialog: no toast, the problem in the error', async () => {
    const problem = {
      type: 'about:blank',
      title: '不支持的类型',
      status: 415,
      code: 'IMPORT_PDF',
      detail: '无法读取 PDF 文件，请另存为 .docx，或复制其中的文字后粘贴导入',
    }
    fetchMock.mockResolvedValue(json(415, problem, 'application/problem+json'))
    const fromText = await importNotice({ text: '%PDF' }).catch((e: unknown) => e)
    expect(fromText).toBeInstanceOf(ApiError)
    expect((fromText as ApiError).problem?.code).toBe('IMPORT_PDF')

    FakeXhr.answer = { status: 413, body: { ...problem, status: 413, code: 'IMPORT_TOO_LARGE' } }
    const fromFile = await importNotice({ file: new File(['x'], '通知.docx') }).catch((e: unknown) => e)
    expect((fromFile as ApiError).status).toBe(413)
    expect(messages.error).not.toHaveBeenCalled()
  })
})
