import { describe, expect, it, vi } from 'vitest'
import { createApiClient, quiet, unwrap, type ClientHooks } from '../client'
import { ApiError, fieldErrors, problemMessage, toProblem } from '../problem'

interface Seen {
  method: string
  url: string
  headers: Headers
  body: string
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

function setup(responses: Array<Response | Error>, auth: Partial<ClientHooks['auth']> = {}) {
  const seen: Seen[] = []
  const notify = vi.fn<(message: string) => void>()
  const hooks: ClientHooks = {
    auth: {
      accessToken: vi.fn(() => 'token-1'),
      renew: vi.fn(() => Promise.resolve<string | null>(null)),
      login: vi.fn(),
      ...auth,
    },
    acceptLanguage: () => 'zh-CN,zh;q=0.9',
    notify,
    fallbackMessage: (status) => (status === 'network' ? '网络连接失败' : `请求失败（${status}）`),
  }
  const fetchImpl = vi.fn(async (request: Request) => {
    seen.push({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body: await request.text(),
    })
    const next = responses.shift()
    if (!next) throw new Error('no more responses')
    if (next instanceof Error) throw next
    return next
  })
  // Node's Request needs an absolute URL; in the browser baseUrl is '' (same origin).
  const client = createApiClient(hooks, { baseUrl: 'http://localhost', fetch: fetchImpl })
  return { client, seen, notify, hooks, fetchImpl }
}

const orgBody = {
  id: '118',
  code: '500103',
  name: '渝中区妇女联合会',
  type: 'FEDERATION',
  depth: 1,
  sortOrder: 1,
  active: true,
  childCount: 0,
  version: 1,
}

const problem409 = {
  type: 'urn:jinguo:problem:org-code-taken',
  title: '冲突',
  status: 409,
  detail: '组织编码“500103”已被使用',
  code: 'ORG_CODE_TAKEN',
}

describe('API client middleware', () => {
  it('sends the bearer token and Accept-Language on every request', async () => {
    const { client, seen } = setup([json(200, [orgBody])])

    const { data } = await client.GET('/api/v1/orgs/roots')

    expect(data?.[0]?.name).toBe('渝中区妇女联合会')
    expect(seen).toHaveLength(1)
    expect(seen[0]?.url).toMatch(/\/api\/v1\/orgs\/roots$/)
    expect(seen[0]?.headers.get('Authorization')).toBe('Bearer token-1')
    expect(seen[0]?.headers.get('Accept-Language')).toBe('zh-CN,zh;q=0.9')
  })

  it('sends no Authorization header when signed out', async () => {
    const { client, seen } = setup([json(200, { oidcAuthority: 'a', oidcClientId: 'b', apiAudience: 'c' })], {
      accessToken: () => null,
    })

    await client.GET('/api/v1/config')

    expect(seen[0]?.headers.has('Authorization')).toBe(false)
  })

  it('serializes path and query parameters', async () => {
    const { client, seen } = setup([json(200, { items: [], total: 0, page: 1, size: 200 })])

    await client.GET('/api/v1/orgs/{id}/children', {
      params: { path: { id: '118' }, query: { page: 1, size: 200 } },
    })

    const url = new URL(seen[0]?.url ?? '', 'http://localhost')
    expect(url.pathname).toBe('/api/v1/orgs/118/children')
    expect(url.searchParams.get('page')).toBe('1')
    expect(url.searchParams.get('size')).toBe('200')
  })

  it('shows the problem detail of a failed request and returns the problem to the caller', async () => {
    const { client, notify } = setup([json(409, problem409, 'application/problem+json')])

    const { data, error, response } = await client.POST('/api/v1/orgs', {
      body: { parentId: '1', code: '500103', name: '渝中区妇联', type: 'FEDERATION', level: 'DISTRICT' },
    })

    expect(data).toBeUndefined()
    expect(response.status).toBe(409)
    expect(error).toMatchObject({ code: 'ORG_CODE_TAKEN' })
    expect(notify).toHaveBeenCalledTimes(1)
    expect(notify).toHaveBeenCalledWith('组织编码“500103”已被使用')
  })

  it('falls back to the problem title, then to a generic message', async () => {
    const { client, notify } = setup([
      json(403, { title: '没有权限', status: 403, code: 'FORBIDDEN' }, 'application/problem+json'),
      new Response('gateway down', { status: 502, headers: { 'Content-Type': 'text/plain' } }),
    ])

    await client.GET('/api/v1/orgs/roots')
    await client.GET('/api/v1/orgs/roots')

    expect(notify.mock.calls).toEqual([['没有权限'], ['请求失败（502）']])
  })

  it('lets a caller handle chosen statuses itself and never sends the quiet header', async () => {
    const { client, notify, seen } = setup([
      json(412, { title: '数据已变化', status: 412, code: 'STALE' }, 'application/problem+json'),
      json(422, { title: '规则不允许', status: 422, code: 'RULE' }, 'application/problem+json'),
    ])

    const body = { code: '500103', name: '渝中区妇联', type: 'FEDERATION' as const }
    const first = await client.PUT('/api/v1/orgs/{id}', {
      params: { path: { id: '118' }, header: { 'If-Match': '"3"' } },
      body,
      headers: quiet(412),
    })
    // 422 is not in the quiet list: it is shown
    await client.PUT('/api/v1/orgs/{id}', {
      params: { path: { id: '118' }, header: { 'If-Match': '"3"' } },
      body,
      headers: quiet(412),
    })

    expect(first.response.status).toBe(412)
    expect(seen[0]?.headers.get('If-Match')).toBe('"3"')
    expect(seen.every((s) => !s.headers.has('X-Jinguo-Quiet'))).toBe(true)
    expect(notify.mock.calls).toEqual([['规则不允许']])
  })

  it('on 401 renews the token silently and repeats the request with its body', async () => {
    const renew = vi.fn(() => Promise.resolve<string | null>('token-2'))
    const login = vi.fn()
    const { client, seen, notify } = setup(
      [
        json(401, { title: '未登录', status: 401, code: 'UNAUTHORIZED' }, 'application/problem+json'),
        json(200, orgBody),
      ],
      { renew, login },
    )

    const { data } = await client.POST('/api/v1/orgs/{id}/move', {
      params: { path: { id: '118' } },
      body: { newParentId: '205' },
    })

    expect(renew).toHaveBeenCalledTimes(1)
    expect(login).not.toHaveBeenCalled()
    expect(notify).not.toHaveBeenCalled()
    expect(data?.id).toBe('118')
    expect(seen).toHaveLength(2)
    expect(seen[0]?.headers.get('Authorization')).toBe('Bearer token-1')
    expect(seen[1]?.headers.get('Authorization')).toBe('Bearer token-2')
    expect(seen[1]?.method).toBe('POST')
    expect(JSON.parse(seen[1]?.body ?? '{}')).toEqual({ newParentId: '205' })
  })

  it('on 401 sends the user to login when the silent renew fails', async () => {
    const login = vi.fn()
    const { client, seen, notify } = setup(
      [json(401, { title: '未登录', status: 401, code: 'UNAUTHORIZED' })],
      {
        renew: () => Promise.reject(new Error('login_required')),
        login,
      },
    )

    const { response } = await client.GET('/api/v1/me')

    expect(response.status).toBe(401)
    expect(login).toHaveBeenCalledTimes(1)
    expect(seen).toHaveLength(1)
    expect(notify).not.toHaveBeenCalled()
  })

  it('sends the user to login when the renewed token is refused too', async () => {
    const login = vi.fn()
    const { client, seen } = setup([json(401, {}), json(401, {})], {
      renew: () => Promise.resolve('token-2'),
      login,
    })

    await client.GET('/api/v1/me')

    expect(seen).toHaveLength(2)
    expect(login).toHaveBeenCalledTimes(1)
  })

  it('reports a network failure', async () => {
    const { client, notify } = setup([new TypeError('Failed to fetch')])

    await expect(client.GET('/api/v1/orgs/roots')).rejects.toThrow('Failed to fetch')
    expect(notify).toHaveBeenCalledWith('网络连接失败')
  })
})

describe('unwrap and problems', () => {
  it('returns the data of a success', async () => {
    const { client } = setup([json(200, orgBody)])
    const result = await unwrap(client.GET('/api/v1/orgs/{id}', { params: { path: { id: '118' } } }))
    expect(result.code).toBe('500103')
  })

  it('throws an ApiError with per-field errors a form can show', async () => {
    const { client } = setup([
      json(
        400,
        {
          title: '请求参数有误',
          status: 400,
          detail: '请检查标出的字段',
          code: 'VALIDATION_FAILED',
          errors: [
            { field: 'create.body.contactEmail', code: 'Email', message: '邮箱格式不正确' },
            { field: 'name', code: 'NotBlank', message: '不能为空' },
            { field: 'name', code: 'Size', message: '太长' },
          ],
        },
        'application/problem+json',
      ),
    ])

    const failure = await unwrap(
      client.POST('/api/v1/orgs', {
        body: { parentId: '1', code: 'x', name: '', type: 'SOCIAL' },
        headers: quiet(400),
      }),
    ).catch((e: unknown) => e)

    expect(failure).toBeInstanceOf(ApiError)
    const apiError = failure as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.message).toBe('请检查标出的字段')
    expect(apiError.fieldErrors).toEqual({ contactEmail: '邮箱格式不正确', name: '不能为空' })
  })

  it('reads odd problem documents defensively', () => {
    expect(toProblem('oops', 500)).toBeNull()
    expect(toProblem({ unrelated: true }, 500)).toBeNull()
    const p = toProblem(
      { title: '  ', detail: '', code: 'X', errors: [{ field: 1 }, { field: 'a', message: 'm' }] },
      418,
    )
    expect(p?.status).toBe(418)
    expect(p?.errors).toEqual([{ field: 'a', code: '', message: 'm' }])
    expect(problemMessage(p)).toBeUndefined()
    expect(fieldErrors(null)).toEqual({})
  })
})
