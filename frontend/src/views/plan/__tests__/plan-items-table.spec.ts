import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { ElForm } from 'element-plus'
import PlanItemsTable from '../modules/plan-items-table.vue'
import { newItem, type ItemModel } from '../data'
import { mountWithApp, settle } from '@/__tests__/mount'

function row(title: string, fields: Partial<ItemModel> = {}): ItemModel {
  return { ...newItem('二、主要活动'), title, ...fields }
}

async function mountTable(initial: ItemModel[], errors: Record<string, string> = {}, checked = false) {
  const items = ref(initial)
  const wrapper = mountWithApp(
    defineComponent({
      setup: () => () =>
        h(ElForm, null, () =>
          h(PlanItemsTable, {
            modelValue: items.value,
            'onUpdate:modelValue': (v: ItemModel[]) => (items.value = v),
            errors,
            checked,
          }),
        ),
    }),
  )
  await settle()
  return { wrapper, items }
}

function value(testId: string): string {
  const input = document.querySelector<HTMLInputElement>(
    `[data-testid="${testId}"] input, input[data-testid="${testId}"]`,
  )
  if (!input) throw new Error(`no input ${testId}`)
  return input.value
}

function click(testId: string) {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
  if (!el) throw new Error(`no ${testId}`)
  el.click()
}

describe('plan items table', { timeout: 30_000 }, () => {
  it('adds a row under the last row’s section, moves and removes rows', async () => {
    const { items } = await mountTable([row('座谈会'), row('维权周')])
    expect(value('plan-item-title-0')).toBe('座谈会')

    click('plan-item-add')
    await settle()
    expect(items.value).toHaveLength(3)
    expect(items.value[2]!.section).toBe('二、主要活动')

    click('plan-item-down-0')
    await settle()
    expect(items.value.map((i) => i.title)).toEqual(['维权周', '座谈会', ''])
    expect(value('plan-item-title-1')).toBe('座谈会')

    click('plan-item-remove-2')
    await settle()
    expect(items.value.map((i) => i.title)).toEqual(['维权周', '座谈会'])
    expect((document.querySelector('[data-testid="plan-item-up-0"]') as HTMLButtonElement).disabled).toBe(
      true,
    )
  })

  it('edits a row in place', async () => {
    const { items } = await mountTable([row('座谈会')])
    const input = document.querySelector<HTMLInputElement>(
      '[data-testid="plan-item-location-0"] input, input[data-testid="plan-item-location-0"]',
    )!
    input.value = '区妇联会议室'
    input.dispatchEvent(new Event('input'))
    await settle()
    expect(items.value[0]!.location).toBe('区妇联会议室')
  })

  it('shows the server’s error on its row and the client’s checks as the user types', async () => {
    await mountTable(
      [
        row('座谈会'),
        row('维权周', { startsOn: '2024-03-08', endsOn: '2024-03-01', targetUnit: '场' }),
        row(''),
      ],
      { 'rows[0].location': '长度不符合要求（最多 200 个字符）' },
    )
    const text = document.body.textContent ?? ''
    expect(text).toContain('长度不符合要求（最多 200 个字符）')
    expect(text).toContain('结束日期不能早于开始日期')
    expect(text).toContain('填写单位时请填写目标数量')
    // an untouched row says nothing, and "required" waits for a save attempt
    expect(text).not.toContain('请填写名称')
  })

  it('asks for the title once the user tried to save', async () => {
    await mountTable([row('', { location: '解放碑' })], {}, true)
    expect(document.body.textContent).toContain('请填写名称')
  })
})
