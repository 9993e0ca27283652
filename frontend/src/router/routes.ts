import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import {
  Bell,
  Box,
  Calendar,
  Connection,
  DataAnalysis,
  Document,
  House,
  OfficeBuilding,
  Upload,
  User,
  UserFilled,
  View,
} from '@element-plus/icons-vue'
import type { Permission } from '@/api/types'
import type { MessageSchema } from '@/locales/zh-CN'

export type NavKey = keyof MessageSchema['nav']

declare module 'vue-router' {
  interface RouteMeta {
    /** Menu and page title: a key of `nav` in the locale files. */
    nav?: NavKey
    icon?: Component
    /** Shown in the menu and reachable only with this permission from GET /me. */
    permission?: Permission
    /** A module still being built: the page is a "建设中" empty state. */
    underConstruction?: boolean
    /** Reachable without login (OIDC callbacks, signed-out and error pages). */
    public?: boolean
  }
}

const Placeholder = () => import('@/views/placeholder/index.vue')

/** The modules in menu order. */
export const moduleRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/views/dashboard/index.vue'),
    meta: { nav: 'dashboard', icon: House },
  },
  {
    path: 'notices',
    name: 'notices',
    component: () => import('@/views/notice/index.vue'),
    meta: { nav: 'notices', icon: Document },
  },
  {
    path: 'inbox',
    name: 'inbox',
    component: () => import('@/views/inbox/index.vue'),
    meta: { nav: 'inbox', icon: Box },
  },
  {
    path: 'plans',
    name: 'plans',
    component: () => import('@/views/plan/index.vue'),
    meta: { nav: 'plans', icon: Calendar },
  },
  {
    path: 'submissions',
    name: 'submissions',
    component: () => import('@/views/submission/index.vue'),
    meta: { nav: 'submissions', icon: Upload },
  },
  {
    path: 'supervision',
    name: 'supervision',
    component: () => import('@/views/supervision/index.vue'),
    meta: { nav: 'supervision', icon: Bell },
  },
  {
    path: 'stats',
    name: 'stats',
    component: () => import('@/views/stats/index.vue'),
    meta: { nav: 'stats', icon: DataAnalysis },
  },
  {
    path: 'orgs',
    name: 'orgs',
    component: () => import('@/views/org/index.vue'),
    meta: { nav: 'orgs', icon: OfficeBuilding, permission: 'org:read' },
  },
  {
    path: 'accounts',
    name: 'accounts',
    component: Placeholder,
    meta: { nav: 'accounts', icon: UserFilled, permission: 'account:read', underConstruction: true },
  },
  {
    path: 'audit',
    name: 'audit',
    component: Placeholder,
    meta: { nav: 'audit', icon: View, permission: 'audit:read', underConstruction: true },
  },
  {
    // Machine clients and webhooks: platform administrators only (the API answers others 403).
    path: 'integration',
    name: 'integration',
    component: () => import('@/views/integration/index.vue'),
    meta: { nav: 'integration', icon: Connection, permission: 'platform:admin' },
  },
  {
    path: 'me',
    name: 'me',
    component: () => import('@/views/me/index.vue'),
    meta: { nav: 'me', icon: User },
  },
]

const NoticeEditor = () => import('@/views/notice/editor.vue')
const PlanEditor = () => import('@/views/plan/editor.vue')

/** Pages inside the layout that are not menu entries (the menu highlights their module by `nav`). */
export const pageRoutes: RouteRecordRaw[] = [
  {
    path: 'notices/new',
    name: 'notice-new',
    component: NoticeEditor,
    meta: { nav: 'notices', permission: 'notice:write' },
  },
  {
    path: 'notices/:id/edit',
    name: 'notice-edit',
    component: NoticeEditor,
    meta: { nav: 'notices', permission: 'notice:write' },
  },
  {
    path: 'notices/:id/amend',
    name: 'notice-amend',
    component: NoticeEditor,
    meta: { nav: 'notices', permission: 'notice:write' },
  },
  {
    path: 'notices/:id',
    name: 'notice-detail',
    component: () => import('@/views/notice-detail/index.vue'),
    meta: { nav: 'notices' },
  },
  {
    path: 'plans/new',
    name: 'plan-new',
    component: PlanEditor,
    meta: { nav: 'plans', permission: 'plan:write' },
  },
  {
    path: 'plans/:id/edit',
    name: 'plan-edit',
    component: PlanEditor,
    meta: { nav: 'plans', permission: 'plan:write' },
  },
  {
    path: 'plans/:id',
    name: 'plan-detail',
    component: () => import('@/views/plan/detail.vue'),
    meta: { nav: 'plans' },
  },
  {
    path: 'submissions/:id',
    name: 'submission-detail',
    component: () => import('@/views/submission/detail.vue'),
    meta: { nav: 'submissions' },
  },
  {
    path: 'inbox/:receiptId',
    name: 'inbox-receipt',
    component: () => import('@/views/inbox/receipt.vue'),
    meta: { nav: 'inbox' },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: () => import('@/components/layout/app-layout.vue'),
    redirect: { name: 'dashboard' },
    children: [
      ...moduleRoutes,
      ...pageRoutes,
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/views/error/forbidden.vue'),
      },
    ],
  },
  {
    // Outside the layout (only the document, for printing) but behind the login like the rest.
    path: '/print/notices/:id',
    name: 'notice-print',
    component: () => import('@/views/notice-print/index.vue'),
    meta: { nav: 'notices' },
  },
  {
    path: '/auth/callback',
    name: 'auth-callback',
    component: () => import('@/views/auth/callback.vue'),
    meta: { public: true },
  },
  {
    path: '/auth/silent-callback',
    name: 'auth-silent-callback',
    component: () => import('@/views/auth/silent-callback.vue'),
    meta: { public: true },
  },
  {
    path: '/auth/signout-callback',
    name: 'auth-signout-callback',
    component: () => import('@/views/auth/signout-callback.vue'),
    meta: { public: true },
  },
  {
    path: '/signed-out',
    name: 'signed-out',
    component: () => import('@/views/auth/signed-out.vue'),
    meta: { public: true },
  },
  {
    path: '/unavailable',
    name: 'unavailable',
    component: () => import('@/views/error/unavailable.vue'),
    meta: { public: true },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/not-found.vue'),
    meta: { public: true },
  },
]
