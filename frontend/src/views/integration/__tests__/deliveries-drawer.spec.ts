import { beforeEach, describe, expect, it, vi } from 'vitest'
import DeliveriesDrawer from '../modules/deliveries-drawer.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { attempt, delivery, page, webhook } from './fixtures'

const api = vi.hoisted(() => ({
  listWebhookDeliveries: vi.fn(),
  redeliverWebhook: vi.fn(),
  newIdempotencyKey: vi.fn(() => 'key-9'),
}))
vi.mock('@/api/integration', () => api)

const dead = delivery()
const delivered = delivery({
  id: '880',
  eventId: '104230',
  eventType: 'NOTICE_PUBLISHED',
  status: 'DELIVERED',
  attempts: 1,
  lastStatusCode: 204,
  deliveredAt: '2024-03-10T08:00:00Z',
  log: [attempt({ statusCode: 204, at: '2024-03-10T08:00:00Z', durationMs: 40 })],
})

async function mountDrawer() {
  const wrapper = mountWithApp(DeliveriesDrawer, { props: { modelValue: false, webhook: webhook() } })
  await wrapper.setProps({ modelValue: true })
  await settle()
  return wrapper
}

function q<T extends Element = HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector)
  if (!el) throw new Error(`nothing matches ${selector}`)
  return el
}

function all(selector: string): string[] {
  return Array.from(document.querySelectorAll(selector)).map((e) => e.textContent?.trim() ?? '')
}

/** The body row of a delivery (the expand and fixed columns are cells of the same row). */
function rowOf(eventId: string): HTMLElement {
  const row = Array.from(document.querySelectorAll('[data-testid="integration-deliveries-table"] tr')).find(
    (tr) =>
      tr.textContent?.includes(`#${eventId}`) &&
      tr.querySelector('[data-testid="integration-delivery-status"]'),
  )
  if (!row) throw new Error(`no row ${eventId}`)
  return row as HTMLElement
}

beforeEach(() => {
  vi.clearAllMocks()
  api.listWebhookDeliveries.mockResolvedValue(page([dead, delivered]))
})

describe('deliveries drawer (投递记录)', { timeout: 30_000 }, () => {
  it('lists each event’s delivery with its state, attempts and the receiver’s last answer', async () => {
    await mountDrawer()
    expect(api.listWebhookDeliveries).toHaveBeenCalledWith('5', { status: undefined, page: 0, size: 20 })
    expect(q('[data-testid="integration-deliveries-drawer"]').textContent).toContain(
      '投递记录：https://platform.example.cn/jinguo/events',
    )
    expect(all('[data-testid="integration-delivery-event"]')).toEqual(['活动信息被采用', '通知发布'])
    expect(all('[data-testid="integration-delivery-status"]')).toEqual(['死信', '已送达'])
    expect(all('[data-testid="integration-delivery-attempts"]')).toEqual(['8 次', '1 次'])
    expect(all('[data-testid="integration-delivery-last"]')).toEqual(['500', '204'])
    expect(rowOf('104230').textContent).toContain('送达 2024-03-10 16:00')
  })

  it('filters by state', async () => {
    await mountDrawer()
    q('[data-testid="integration-deliveries-filter-DEAD"] input').click()
    await settle()
    expect(api.listWebhookDeliveries).toHaveBeenLastCalledWith('5', { status: 'DEAD', page: 0, size: 20 })
  })

  it('opens a delivery to its attempts: time, status code or error, duration, by hand', async () => {
    api.listWebhookDeliveries.mockResolvedValue(
      page([
        delivery({ log: [attempt({ manual: true }), attempt({ statusCode: undefined, error: 'timeout' })] }),
      ]),
    )
    await mountDrawer()
    rowOf('104233').querySelector<HTMLElement>('.el-table__expand-icon')?.click()
    await settle()
    const log = q('[data-testid="integration-delivery-log"]')
    expect(log.textContent).toContain('2024-03-10 18:00:00')
    expect(log.textContent).toContain('手动重发')
    expect(log.textContent).toContain('timeout')
    expect(log.textContent).toContain('35 ms')
    expect(all('[data-testid="integration-attempt-status"]')).toEqual(['500'])
  })

  it('redelivers by hand and shows the new result in the row', async () => {
    const after = delivery({
      status: 'DELIVERED',
      attempts: 9,
      lastStatusCode: 200,
      deliveredAt: '2024-03-11T01:00:00Z',
      log: [attempt({ statusCode: 200, manual: true }), ...dead.log],
    })
    api.redeliverWebhook.mockResolvedValue(after)
    const wrapper = await mountDrawer()

    rowOf('104233').querySelector<HTMLElement>('[data-testid="integration-delivery-redeliver"]')?.click()
    await settle()

    expect(api.redeliverWebhook).toHaveBeenCalledWith('5', '881', 'key-9')
    expect(all('[data-testid="integration-delivery-status"]')).toEqual(['已送达', '已送达'])
    expect(all('[data-testid="integration-delivery-attempts"]')).toEqual(['9 次', '1 次'])
    expect(all('[data-testid="integration-delivery-last"]')).toEqual(['200', '204'])
    expect(document.body.textContent).toContain('已重发，对方返回 200')
    expect(wrapper.emitted('redelivered')).toEqual([[after]])
    expect(api.listWebhookDeliveries).toHaveBeenCalledTimes(1)
  })

  it('says when a redelivery did not get through', async () => {
    api.redeliverWebhook.mockResolvedValue(
      delivery({ status: 'DEAD', attempts: 9, lastStatusCode: undefined, lastError: 'connection refused' }),
    )
    await mountDrawer()

    rowOf('104233').querySelector<HTMLElement>('[data-testid="integration-delivery-redeliver"]')?.click()
    await settle()

    expect(document.body.textContent).toContain('重发未成功：connection refused')
    expect(all('[data-testid="integration-delivery-last"]')[0]).toBe('connection refused')
  })
})
