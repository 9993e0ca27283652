import { afterEach } from 'vitest'

// jsdom lacks a few browser APIs Element Plus touches.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub

afterEach(() => {
  document.body.innerHTML = ''
  window.localStorage.clear()
  window.sessionStorage.clear()
})
