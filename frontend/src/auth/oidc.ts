import { UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts'
import type { ClientConfig } from '@/api/types'

/** Routes of the OIDC round trips (registered as redirect URIs of the SPA's Keycloak client). */
export const CALLBACK_PATH = '/auth/callback'
export const SILENT_CALLBACK_PATH = '/auth/silent-callback'
export const SIGNOUT_CALLBACK_PATH = '/auth/signout-callback'

export const OIDC_SCOPE = 'openid profile email'

/**
 * Authorization Code + PKCE (oidc-client-ts always uses PKCE for response_type=code), tokens kept in
 * sessionStorage (gone when the tab closes), renewed silently before they expire.
 */
export function oidcSettings(
  config: ClientConfig,
  origin: string = window.location.origin,
): UserManagerSettings {
  return {
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: origin + CALLBACK_PATH,
    silent_redirect_uri: origin + SILENT_CALLBACK_PATH,
    post_logout_redirect_uri: origin + SIGNOUT_CALLBACK_PATH,
    response_type: 'code',
    scope: OIDC_SCOPE,
    automaticSilentRenew: true,
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  }
}

export function createUserManager(config: ClientConfig): UserManager {
  return new UserManager(oidcSettings(config))
}

/** State carried through the login redirect. */
export interface LoginState {
  returnTo: string
}

export function isLoginState(value: unknown): value is LoginState {
  return (
    typeof value === 'object' &&
    value !== null &&
    'returnTo' in value &&
    typeof (value as { returnTo: unknown }).returnTo === 'string'
  )
}

/** Only same-app paths are followed after login (no open redirect through the state). */
export function safeReturnPath(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/auth/')) return '/'
  return path
}
