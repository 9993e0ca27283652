import type { Crumb, Me, MembershipView, OrgCounts, OrgView, Permission, Role } from '@/api/types'

export function org(overrides: Partial<OrgView> = {}): OrgView {
  return {
    id: '118',
    code: '500103',
    name: '渝中区妇女联合会',
    shortName: '渝中区妇联',
    type: 'FEDERATION',
    level: 'DISTRICT',
    parentId: '1',
    depth: 1,
    sortOrder: 10,
    contactPerson: '李红',
    contactPhone: '023-63800000',
    contactEmail: 'yuzhong@cqwomen.example.cn',
    openedOn: '1950-03-08',
    active: true,
    childCount: 11,
    actions: ['UPDATE', 'CREATE_CHILD', 'REORDER_CHILDREN', 'MOVE', 'CLOSE'],
    version: 3,
    ...overrides,
  }
}

export const crumbs: Crumb[] = [{ id: '1', name: '重庆市妇女联合会', shortName: '市妇联' }]

export const counts: OrgCounts = {
  descendants: 63,
  active: 62,
  closed: 1,
  byType: { FEDERATION: 50, DEPARTMENT: 12 },
  byLevel: { TOWNSHIP: 11, VILLAGE: 39 },
}

export function me(overrides: Partial<Me> = {}): Me {
  return {
    username: 'yuzhong.admin',
    displayName: '王芳',
    email: 'wangfang@example.cn',
    platformAdmin: false,
    memberships: [
      membership({
        id: 'm1',
        orgId: '118',
        orgName: '渝中区妇女联合会',
        orgCode: '500103',
        role: 'ORG_ADMIN',
      }),
    ],
    permissions: ['org:read', 'org:write', 'org:import', 'account:read', 'account:write', 'audit:read'],
    ...overrides,
  }
}

/** What each role allows (as the backend's Role enum says), for memberships in test data. */
const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  ORG_ADMIN: [
    'org:read',
    'org:write',
    'org:import',
    'account:read',
    'account:write',
    'audit:read',
    'notice:write',
    'receipt:sign',
    'plan:write',
    'report:write',
    'report:review',
    'tracking:manage',
  ],
  EDITOR: [
    'org:read',
    'account:read',
    'notice:write',
    'receipt:sign',
    'plan:write',
    'report:write',
    'tracking:manage',
  ],
  REVIEWER: ['org:read', 'account:read', 'receipt:sign', 'report:review', 'tracking:manage'],
  VIEWER: ['org:read'],
}

export function membership(m: Omit<MembershipView, 'permissions'>): MembershipView {
  return { ...m, permissions: ROLE_PERMISSIONS[m.role] }
}
