import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { User } from 'oidc-client-ts'
import { defineComponent, h } from 'vue'
import { installGuards } from '..'
import { useAuthStore } from '@/stores/auth'
import { me } from '@/__tests__/fixtures'

const Blank = defineComponent({ render: () => h('div') })

let pinia: Pinia
let router: Router

function signedIn(): User {
  return { access_token: 't', expired: false, profile: {} } as unknown as User
}

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Blank },
      { path: '/orgs', component: Blank, meta: { permission: 'org:read' } },
      { path: '/audit', component: Blank, meta: { permission: 'audit:read' } },
      { path: '/forbidden', name: 'forbidden', component: Blank },
      { path: '/unavailable', name: 'unavailable', component: Blank, meta: { public: true } },
      { path: '/auth/callback', component: Blank, meta: { public: true } },
    ],
  })
  installGuards(router, pinia)
})

describe('router guards', () => {
  it('sends a signed-out user to login, remembering the page', async () => {
    const auth = useAuthStore()
    vi.spyOn(auth, 'init').mockResolvedValue({} as never)
    const login = vi.spyOn(auth, 'login').mockResolvedValue()

    await router.push('/orgs?q=%E8%A7%A3')

    expect(login).toHaveBeenCalledWith('/orgs?q=%E8%A7%A3')
    expect(router.currentRoute.value.path).not.toBe('/orgs')
  })

  it('lets the OIDC callback through without a session', async () => {
    const auth = useAuthStore()
    const init = vi.spyOn(auth, 'init')

    await router.push('/auth/callback?code=x')

    expect(router.currentRoute.value.path).toBe('/auth/callback')
    expect(init).not.toHaveBeenCalled()
  })

  it('loads /me and enforces route permissions', async () => {
    const auth = useAuthStore()
    vi.spyOn(auth, 'init').mockResolvedValue({} as never)
    auth.user = signedIn()
    const loadMe = vi.spyOn(auth, 'loadMe').mockImplementation(async () => {
      auth.me = me({ permissions: ['org:read'] })
      return auth.me
    })

    await router.push('/orgs')
    expect(loadMe).toHaveBeenCalled()
    expect(router.currentRoute.value.path).toBe('/orgs')

    await router.push('/audit')
    expect(router.currentRoute.value.path).toBe('/forbidden')
  })

  it('shows the unavailable page when the login configuration cannot be loaded', async () => {
    const auth = useAuthStore()
    vi.spyOn(auth, 'init').mockRejectedValue(new Error('502'))

    await router.push('/orgs')

    expect(router.currentRoute.value.path).toBe('/unavailable')
    expect(router.currentRoute.value.query.from).toBe('/orgs')
  })
})
