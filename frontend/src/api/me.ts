import { api, unwrap } from './client'
import type { ClientConfig, Me } from './types'

/** GET /config is public: it tells the SPA where to log in. */
export async function fetchClientConfig(): Promise<ClientConfig> {
  return unwrap(api.GET('/api/v1/config'))
}

export async function fetchMe(): Promise<Me> {
  return unwrap(api.GET('/api/v1/me'))
}
