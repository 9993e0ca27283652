import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { UserManagerSettings } from 'oidc-client-ts'
import { me, membership } from '@/__tests__/fixtures'

// A stand-in for oidc-client-ts's UserManager that records what the store asks of it.
const oidc = vi.hoisted(() => {
  interface FakeUser {
    access_token: string
    id_token?: string
    expired: boolean
    state?: unknown
    profile: { name?: string; preferred_username?: string }
  }
  const state = {
    settings: [] as unknown[],
    storedUser: null as FakeUser | null,
    signinRedirect: vi.fn<(args?: unknown) => Promise<void>>(() => Promise.resolve()),
    signinRedirectCallback: vi.fn<(url?: string) => Promise<FakeUser | null>>(() => Promise.resolve(null)),
    signinSilent: vi.fn(() => Promise.resolve(null as FakeUser | null)),
    signoutRedirect: vi.fn<(args?: unknown) => Promise<void>>(() => Promise.resolve()),
    removeUser: vi.fn(() => Promise.resolve()),
  }
  class UserManager {
    events = {
      addUserLoaded: vi.fn(),
      addUserUnloaded: vi.fn(),
      addUserSignedOut: vi.fn(),
    }
    constructor(settings: unknown) {
      state.settings.push(settings)
    }
    getUser() {
      return Promise.resolve(state.storedUser)
    }
    signinRedirect(args?: unknown) {
      return state.signinRedirect(args)
    }
    signinRedirectCallback(url?: string) {
      return state.signinRedirectCallback(url)
    }
    signinSilent() {
      return state.signinSilent()
    }
    signoutRedirect(args?: unknown) {
      return state.signoutRedirect(args)
    }
    removeUser() {
      return state.removeUser()
    }
  }
  class WebStorageStateStore {
    constructor(readonly options: unknown) {}
  }
  return { state, UserManager, WebStorageStateStore }
})

vi.mock('oidc-client-ts', () => ({
  UserManager: oidc.UserManager,
  WebStorageStateStore: oidc.WebStorageStateStore,
}))

const meApi = vi.hoisted(() => ({
  fetchClientConfig: vi.fn(),
  fetchMe: vi.fn(),
}))
vi.mock('@/api/me', () => meApi)

import { useAuthStore } from '../auth'
import { currentAuthHooks } from '@/api/client'

const config = {
  oidcAuthority: 'http://localhost:8180/realms/jinguo',
  oidcClientId: 'jinguo-web',
  apiAudience: 'jinguo-api',
}

function user(token: string, extra: Partial<{ expired: boolean; state: unknown; id_token: string }> = {}) {
  return {
    access_token: token,
    id_token: extra.id_token ?? 'id-' + token,
    expired: extra.expired ?? false,
    state: extra.state,
    profile: { name: '王芳', preferred_username: 'yuzhong.admin' },
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  oidc.state.settings.length = 0
  oidc.state.storedUser = null
  vi.clearAllMocks()
  meApi.fetchClientConfig.mockResolvedValue(config)
  meApi.fetchMe.mockResolvedValue(me())
})

describe('auth store', () => {
  it('sets up OIDC from GET /config: code flow with PKCE, callback routes, silent renew', async () => {
    const auth = useAuthStore()

    await Promise.all([auth.init(), auth.init()])

    expect(meApi.fetchClientConfig).toHaveBeenCalledTimes(1)
    expect(oidc.state.settings).toHaveLength(1)
    const settings = oidc.state.settings[0] as UserManagerSettings
    expect(settings).toMatchObject({
      authority: config.oidcAuthority,
      client_id: 'jinguo-web',
      redirect_uri: window.location.origin + '/auth/callback',
      silent_redirect_uri: window.location.origin + '/auth/silent-callback',
      post_logout_redirect_uri: window.location.origin + '/auth/signout-callback',
      response_type: 'code',
      scope: 'openid profile email',
      automaticSilentRenew: true,
    })
    expect(auth.config).toEqual(config)
  })

  it('is signed out without a stored user, and signed in with a valid one', async () => {
    const auth = useAuthStore()
    await auth.init()
    expect(auth.isAuthenticated).toBe(false)
    expect(auth.accessToken).toBeNull()

    setActivePinia(createPinia())
    oidc.state.storedUser = user('abc')
    const again = useAuthStore()
    await again.init()
    expect(again.isAuthenticated).toBe(true)
    expect(again.accessToken).toBe('abc')
  })

  it('treats an expired token as signed out', async () => {
    oidc.state.storedUser = user('old', { expired: true })
    const auth = useAuthStore()
    await auth.init()
    expect(auth.isAuthenticated).toBe(false)
    expect(auth.accessToken).toBeNull()
  })

  it('gives the API client the token once initialised', async () => {
    oidc.state.storedUser = user('abc')
    const auth = useAuthStore()
    await auth.init()
    expect(await currentAuthHooks().accessToken()).toBe('abc')
  })

  it('logs in with the page to return to, never an outside address', async () => {
    const auth = useAuthStore()

    await auth.login('/orgs?q=1')
    await auth.login('//evil.example/steal')

    expect(oidc.state.signinRedirect.mock.calls).toEqual([
      [{ state: { returnTo: '/orgs?q=1' } }],
      [{ state: { returnTo: '/' } }],
    ])
  })

  it('finishes the login callback and returns where the user was going', async () => {
    oidc.state.signinRedirectCallback.mockResolvedValue(user('fresh', { state: { returnTo: '/me' } }))
    const auth = useAuthStore()

    const next = await auth.completeLogin('http://localhost/auth/callback?code=x&state=y')

    expect(oidc.state.signinRedirectCallback).toHaveBeenCalledWith(
      'http://localhost/auth/callback?code=x&state=y',
    )
    expect(next).toBe('/me')
    expect(auth.accessToken).toBe('fresh')
  })

  it('shares one silent renew between concurrent callers and yields null when it fails', async () => {
    let release: (u: ReturnType<typeof user>) => void = () => undefined
    oidc.state.signinSilent.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
    const auth = useAuthStore()
    await auth.init()

    const first = auth.renew()
    const second = auth.renew()
    await vi.waitFor(() => expect(oidc.state.signinSilent).toHaveBeenCalledTimes(1))
    release(user('renewed'))

    expect(await first).toBe('renewed')
    expect(await second).toBe('renewed')
    expect(auth.accessToken).toBe('renewed')

    oidc.state.signinSilent.mockRejectedValueOnce(new Error('login_required'))
    expect(await auth.renew()).toBeNull()
  })

  it('loads GET /me: permissions, memberships and the current org', async () => {
    meApi.fetchMe.mockResolvedValue(
      me({
        memberships: [
          membership({
            id: 'm1',
            orgId: '118',
            orgName: '渝中区妇女联合会',
            orgCode: '500103',
            role: 'ORG_ADMIN',
          }),
          membership({
            id: 'm2',
            orgId: '205',
            orgName: '江北区妇女联合会',
            orgCode: '500105',
            role: 'VIEWER',
          }),
        ],
        permissions: ['org:read', 'org:write'],
      }),
    )
    const auth = useAuthStore()

    await auth.loadMe()
    await auth.loadMe()

    expect(meApi.fetchMe).toHaveBeenCalledTimes(1)
    expect(auth.hasPermission('org:write')).toBe(true)
    expect(auth.hasPermission('org:import')).toBe(false)
    expect(auth.hasPermission('audit:read')).toBe(false)
    expect(auth.currentMembership?.orgName).toBe('渝中区妇女联合会')

    auth.setCurrentOrg('205')
    expect(auth.currentMembership?.orgName).toBe('江北区妇女联合会')
    expect(window.localStorage.getItem('jinguo.currentOrg')).toBe('205')
  })

  it('forgets a remembered org the user no longer belongs to', async () => {
    window.localStorage.setItem('jinguo.currentOrg', 'gone')
    const auth = useAuthStore()
    await auth.loadMe()
    expect(auth.currentOrgId).toBeNull()
    expect(auth.currentMembership?.orgId).toBe('118')
  })

  it('logs out at the identity provider with the id token and forgets the caller', async () => {
    oidc.state.storedUser = user('abc', { id_token: 'the-id-token' })
    const auth = useAuthStore()
    await auth.init()
    await auth.loadMe()

    await auth.logout()

    expect(oidc.state.removeUser).toHaveBeenCalled()
    expect(oidc.state.signoutRedirect).toHaveBeenCalledWith({ id_token_hint: 'the-id-token' })
    expect(auth.me).toBeNull()
    expect(auth.isAuthenticated).toBe(false)
  })
})
