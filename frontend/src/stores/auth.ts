import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { User, UserManager } from 'oidc-client-ts'
import { setAuthHooks } from '@/api/client'
import { fetchClientConfig, fetchMe } from '@/api/me'
import type { ClientConfig, Me, MembershipView, Permission } from '@/api/types'
import { createUserManager, isLoginState, safeReturnPath } from '@/auth/oidc'

const CURRENT_ORG_KEY = 'jinguo.currentOrg'

function readCurrentOrg(): string | null {
  try {
    return window.localStorage.getItem(CURRENT_ORG_KEY)
  } catch {
    return null
  }
}

/**
 * The login session (OIDC user, via oidc-client-ts) and who the caller is to the platform (GET /me:
 * memberships and permissions). Also feeds the API client its token and its 401 handling.
 */
export const useAuthStore = defineStore('auth', () => {
  const config = ref<ClientConfig | null>(null)
  const user = shallowRef<User | null>(null)
  const me = ref<Me | null>(null)
  const currentOrgId = ref<string | null>(readCurrentOrg())

  let manager: UserManager | null = null
  let initializing: Promise<UserManager> | null = null
  let renewing: Promise<string | null> | null = null

  const isAuthenticated = computed(() => user.value !== null && !user.value.expired)
  const accessToken = computed(() => (isAuthenticated.value ? (user.value?.access_token ?? null) : null))
  const permissions = computed(() => new Set(me.value?.permissions ?? []))
  const memberships = computed<MembershipView[]>(() => me.value?.memberships ?? [])
  const displayName = computed(
    () =>
      me.value?.displayName ||
      user.value?.profile.name ||
      user.value?.profile.preferred_username ||
      me.value?.username ||
      '',
  )
  /** The org the user works as: the chosen membership, else the first one. */
  const currentMembership = computed<MembershipView | null>(() => {
    const list = memberships.value
    return list.find((m) => m.orgId === currentOrgId.value) ?? list[0] ?? null
  })

  function hasPermission(permission: Permission): boolean {
    return permissions.value.has(permission)
  }

  function setCurrentOrg(orgId: string): void {
    currentOrgId.value = orgId
    try {
      window.localStorage.setItem(CURRENT_ORG_KEY, orgId)
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }

  /** Loads GET /config and sets up the OIDC user manager (once). */
  function init(): Promise<UserManager> {
    if (manager) return Promise.resolve(manager)
    initializing ??= (async () => {
      try {
        config.value = await fetchClientConfig()
        const created = createUserManager(config.value)
        created.events.addUserLoaded((loaded) => {
          user.value = loaded
        })
        created.events.addUserUnloaded(() => {
          user.value = null
        })
        created.events.addUserSignedOut(() => {
          user.value = null
          me.value = null
        })
        user.value = await created.getUser()
        manager = created
        setAuthHooks({
          accessToken: () => accessToken.value,
          renew,
          login: () => login(currentPath()),
        })
        return created
      } finally {
        initializing = null
      }
    })()
    return initializing
  }

  function currentPath(): string {
    return window.location.pathname + window.location.search + window.location.hash
  }

  async function login(returnTo: string = '/'): Promise<void> {
    const mgr = await init()
    await mgr.signinRedirect({ state: { returnTo: safeReturnPath(returnTo) } })
  }

  /** Finishes the code flow on /auth/callback; returns where to go next. */
  async function completeLogin(url: string = window.location.href): Promise<string> {
    const mgr = await init()
    const signedIn = await mgr.signinRedirectCallback(url)
    user.value = signedIn
    me.value = null
    return safeReturnPath(isLoginState(signedIn.state) ? signedIn.state.returnTo : undefined)
  }

  /** Runs inside the hidden iframe of a silent renew (/auth/silent-callback). */
  async function completeSilentRenew(url: string = window.location.href): Promise<void> {
    const mgr = await init()
    await mgr.signinSilentCallback(url)
  }

  /** Finishes the logout round trip on /auth/signout-callback. */
  async function completeLogout(url: string = window.location.href): Promise<void> {
    const mgr = await init()
    await mgr.signoutRedirectCallback(url)
    user.value = null
    me.value = null
  }

  /** A fresh access token without user interaction, or null. Concurrent callers share one attempt. */
  function renew(): Promise<string | null> {
    renewing ??= (async () => {
      try {
        const mgr = await init()
        const renewed = await mgr.signinSilent()
        user.value = renewed
        return renewed?.access_token ?? null
      } catch {
        return null
      } finally {
        renewing = null
      }
    })()
    return renewing
  }

  async function logout(): Promise<void> {
    const mgr = await init()
    const idToken = user.value?.id_token
    me.value = null
    await mgr.removeUser()
    user.value = null
    await mgr.signoutRedirect(idToken ? { id_token_hint: idToken } : undefined)
  }

  async function loadMe(force = false): Promise<Me> {
    if (me.value && !force) return me.value
    me.value = await fetchMe()
    if (currentOrgId.value && !me.value.memberships.some((m) => m.orgId === currentOrgId.value)) {
      currentOrgId.value = null
    }
    return me.value
  }

  return {
    config,
    user,
    me,
    currentOrgId,
    isAuthenticated,
    accessToken,
    permissions,
    memberships,
    displayName,
    currentMembership,
    hasPermission,
    setCurrentOrg,
    init,
    login,
    completeLogin,
    completeSilentRenew,
    completeLogout,
    renew,
    logout,
    loadMe,
  }
})
