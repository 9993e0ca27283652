import { createRouter, createWebHistory, type Router } from 'vue-router'
import type { Pinia } from 'pinia'
import { useAuthStore } from '@/stores/auth'
import { i18n } from '@/locales'
import { routes } from './routes'

/** Login is required everywhere except the public routes; permissions come from GET /me. */
export function installGuards(router: Router, pinia: Pinia): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    const auth = useAuthStore(pinia)
    try {
      await auth.init()
    } catch {
      return { name: 'unavailable', query: { from: to.fullPath } }
    }
    if (!auth.isAuthenticated) {
      try {
        await auth.login(to.fullPath)
      } catch {
        // the identity provider cannot be reached
        return { name: 'unavailable', query: { from: to.fullPath } }
      }
      return false
    }
    try {
      await auth.loadMe()
    } catch {
      // 401 already led to login; anything else was shown by the API client
      return false
    }
    if (to.meta.permission && !auth.hasPermission(to.meta.permission)) {
      return { name: 'forbidden' }
    }
    return true
  })

  router.afterEach((to) => {
    const app = i18n.global.t('app.title')
    document.title = to.meta.nav ? `${i18n.global.t(`nav.${to.meta.nav}`)} - ${app}` : app
  })
}

export function createAppRouter(pinia: Pinia): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
  })
  installGuards(router, pinia)
  return router
}
