import type { Me, Permission, Role } from '@/api/types'

/**
 * What each role allows in its own org, as the backend's Role enum says. Receipts do not carry
 * `actions` yet (unlike orgs and notices), so the inbox decides from the caller's memberships;
 * the server checks again and answers 403 when it disagrees.
 */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ORG_ADMIN: [
    'org:read',
    'org:write',
    'org:import',
    'account:read',
    'account:write',
    'audit:read',
    'notice:write',
    'receipt:sign',
  ],
  EDITOR: ['org:read', 'account:read', 'notice:write', 'receipt:sign'],
  REVIEWER: ['org:read', 'account:read', 'receipt:sign'],
  VIEWER: ['org:read'],
}

/** Whether the caller holds the permission through a membership of that very org (or is a platform admin). */
export function actsFor(me: Me | null, orgId: string, permission: Permission): boolean {
  if (!me) return false
  if (me.platformAdmin) return true
  return me.memberships.some((m) => m.orgId === orgId && ROLE_PERMISSIONS[m.role].includes(permission))
}
