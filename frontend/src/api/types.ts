import type { components } from './schema'

/**
 * Short names for the schemas of openapi/openapi.yaml (generated into schema.d.ts).
 *
 * The OpenAPI document lists every response property as optional (SmallRye does not mark Java record
 * components as required), while the API contract (docs/api-contract-foundation.md) guarantees some of
 * them. `Present` states those guarantees; contract.ts checks them when a response arrives, so the rest
 * of the SPA works with exact types. Once the document marks them required, `Present` changes nothing.
 */
type Schemas = components['schemas']

/** T with the keys K guaranteed (neither missing nor null). */
export type Present<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined | null> }

export type OrgType = Schemas['OrgType']
export type FederationLevel = Schemas['FederationLevel']
export type Role = Schemas['Role']

export type ClientConfig = Present<Schemas['ClientConfig'], 'oidcAuthority' | 'oidcClientId'>
export type MembershipView = Present<
  Schemas['MembershipView'],
  'id' | 'orgId' | 'orgName' | 'orgCode' | 'role'
>
export type Me = Omit<
  Present<Schemas['Me'], 'username' | 'displayName' | 'platformAdmin' | 'permissions'>,
  'memberships'
> & { memberships: MembershipView[] }
export type OrgView = Present<
  Schemas['OrgView'],
  'id' | 'code' | 'name' | 'type' | 'depth' | 'sortOrder' | 'active' | 'childCount' | 'version'
>
export type OrgPage = Omit<Present<Schemas['OrgPage'], 'total' | 'page' | 'size'>, 'items'> & {
  items: OrgView[]
}
export type OrgCreate = Schemas['OrgCreate']
export type OrgUpdate = Schemas['OrgUpdate']
export type OrgMove = Schemas['OrgMove']
export type OrgClose = Schemas['OrgClose']
export type OrgCounts = Present<
  Schemas['OrgCounts'],
  'descendants' | 'active' | 'closed' | 'byType' | 'byLevel'
>
export type Crumb = Present<Schemas['Crumb'], 'id' | 'name'>
export type ImportError = Present<Schemas['ImportError'], 'row' | 'message'>
export type ImportJob = Omit<
  Present<
    Schemas['ImportJob'],
    'id' | 'fileName' | 'status' | 'totalRows' | 'processed' | 'created' | 'createdAt'
  >,
  'errors'
> & { errors: ImportError[] }
export type ImportJobStatus = ImportJob['status']
export type Problem = Schemas['Problem']
export type FieldError = Schemas['FieldError']

export const ORG_TYPES = [
  'FEDERATION',
  'WORK_COMMITTEE',
  'ENTERPRISE',
  'DEPARTMENT',
  'SOCIAL',
] as const satisfies readonly OrgType[]

export const FEDERATION_LEVELS = [
  'CITY',
  'DISTRICT',
  'TOWNSHIP',
  'VILLAGE',
] as const satisfies readonly FederationLevel[]

export const ROLES = ['ORG_ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'] as const satisfies readonly Role[]

/** Permission strings of GET /me (the backend's Permission keys). */
export const PERMISSIONS = [
  'org:read',
  'org:write',
  'org:import',
  'account:read',
  'account:write',
  'audit:read',
  'platform:admin',
] as const
export type Permission = (typeof PERMISSIONS)[number]
