import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import { createAppI18n } from '@/locales'

/** Mounts a component the way main.ts sets up the app (Element Plus, Chinese i18n, Pinia). */
export function mountWithApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { pinia?: Pinia } = {},
) {
  const pinia = options.pinia ?? createPinia()
  setActivePinia(pinia)
  const i18n = createAppI18n('zh-CN')
  return mount(component, {
    attachTo: document.body,
    ...options,
    global: {
      ...options.global,
      plugins: [ElementPlus, i18n, pinia, ...(options.global?.plugins ?? [])],
    },
  })
}

/** Waits for pending promises and Vue updates (several rounds: API stubs, validation, render). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}
