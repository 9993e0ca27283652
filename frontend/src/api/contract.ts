import type { components } from './schema'
import type {
  ClientConfig,
  Crumb,
  ImportError,
  ImportJob,
  Me,
  MembershipView,
  OrgCounts,
  OrgPage,
  OrgView,
  Present,
} from './types'

/**
 * Checks, where a response enters the SPA, the fields the API contract guarantees (see types.ts), and
 * narrows the generated types accordingly. A response that breaks the contract is an error, not
 * something for every component to guard against.
 */

type Schemas = components['schemas']

export class ContractError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ContractError'
  }
}

function present<T extends object, K extends keyof T>(
  value: T | null | undefined,
  keys: readonly K[],
  what: string,
): Present<T, K> {
  if (value === null || value === undefined || typeof value !== 'object') {
    throw new ContractError(`${what}: no object in the response`)
  }
  for (const key of keys) {
    if (value[key] === undefined || value[key] === null) {
      throw new ContractError(`${what}: "${String(key)}" missing in the response`)
    }
  }
  return value as Present<T, K>
}

function list<T>(value: T[] | null | undefined, what: string): T[] {
  if (!Array.isArray(value)) throw new ContractError(`${what}: no list in the response`)
  return value
}

export function asClientConfig(value: Schemas['ClientConfig'] | undefined): ClientConfig {
  return present(value, ['oidcAuthority', 'oidcClientId'], 'ClientConfig')
}

export function asMembership(value: Schemas['MembershipView']): MembershipView {
  return present(value, ['id', 'orgId', 'orgName', 'orgCode', 'role'], 'MembershipView')
}

export function asMe(value: Schemas['Me'] | undefined): Me {
  const me = present(value, ['username', 'displayName', 'platformAdmin', 'permissions'], 'Me')
  return { ...me, memberships: list(me.memberships ?? [], 'Me.memberships').map(asMembership) }
}

export function asOrg(value: Schemas['OrgView'] | undefined): OrgView {
  return present(
    value,
    ['id', 'code', 'name', 'type', 'depth', 'sortOrder', 'active', 'childCount', 'version'],
    'OrgView',
  )
}

export function asOrgs(value: Schemas['OrgView'][] | undefined): OrgView[] {
  return list(value, 'OrgView[]').map(asOrg)
}

export function asOrgPage(value: Schemas['OrgPage'] | undefined): OrgPage {
  const page = present(value, ['total', 'page', 'size'], 'OrgPage')
  return { ...page, items: asOrgs(page.items) }
}

export function asCrumbs(value: Schemas['Crumb'][] | undefined): Crumb[] {
  return list(value, 'Crumb[]').map((c) => present(c, ['id', 'name'], 'Crumb'))
}

export function asCounts(value: Schemas['OrgCounts'] | undefined): OrgCounts {
  return present(value, ['descendants', 'active', 'closed', 'byType', 'byLevel'], 'OrgCounts')
}

function asImportError(value: Schemas['ImportError']): ImportError {
  return present(value, ['row', 'message'], 'ImportError')
}

export function asImportJob(value: Schemas['ImportJob'] | undefined | unknown): ImportJob {
  const job = present(
    value as Schemas['ImportJob'] | undefined,
    ['id', 'fileName', 'status', 'totalRows', 'processed', 'created', 'createdAt'],
    'ImportJob',
  )
  return { ...job, errors: list(job.errors ?? [], 'ImportJob.errors').map(asImportError) }
}
