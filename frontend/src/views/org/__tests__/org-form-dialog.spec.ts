import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ElSelect } from 'element-plus'
import OrgFormDialog from '../modules/org-form-dialog.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { org } from '@/__tests__/fixtures'
import { ApiError } from '@/api/problem'

const orgApi = vi.hoisted(() => ({
  createOrg: vi.fn(),
  updateOrg: vi.fn(),
  fetchOrg: vi.fn(),
}))
vi.mock('@/api/org', () => orgApi)

function field(testId: string): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(
    `[data-testid="${testId}"] input, input[data-testid="${testId}"]`,
  )
  if (!el) throw new Error(`no input ${testId}`)
  return el
}

function type(testId: string, value: string) {
  const input = field(testId)
  input.value = value
  input.dispatchEvent(new Event('input'))
}

function errors(): string[] {
  return Array.from(document.querySelectorAll('.el-form-item__error')).map((e) => e.textContent?.trim() ?? '')
}

function errorOf(testId: string): string | undefined {
  const item = document.querySelector(`[data-testid="${testId}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim()
}

async function submit() {
  document.querySelector<HTMLButtonElement>('[data-testid="org-form-submit"]')?.click()
  await settle()
  // Element Plus shows a form item's error after a 100 ms debounce
  await new Promise((resolve) => setTimeout(resolve, 150))
}

const districtFederation = org()
const enterpriseParent = org({ id: '300', type: 'ENTERPRISE', level: undefined, name: '某集团妇委会' })

function mountCreate(parent = districtFederation) {
  return mountWithApp(OrgFormDialog, { props: { modelValue: true, mode: 'create', parent } })
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('org form dialog (create)', () => {
  it('renders the create form under its parent', async () => {
    mountCreate()
    await settle()
    expect(document.querySelector('[data-testid="org-create-dialog"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="org-form-parent"]')?.textContent).toContain(
      '上级组织：渝中区妇女联合会',
    )
    // a federation's child defaults to a federation one level down
    expect(document.querySelector('[data-testid="org-form-type"]')?.textContent).toContain('妇联')
    expect(document.querySelector('[data-testid="org-form-level"]')?.textContent).toContain('乡镇(街道)级')
  })

  it('explains in Chinese what is missing and sends nothing', async () => {
    mountCreate(enterpriseParent)
    await settle()

    await submit()

    expect(errors()).toEqual(expect.arrayContaining(['请输入组织名称', '请输入组织编码', '请选择组织类型']))
    expect(orgApi.createOrg).not.toHaveBeenCalled()
  })

  it('checks the code, phone and email formats and the lengths', async () => {
    mountCreate()
    await settle()
    type('org-form-name', '解放碑街道妇联')
    type('org-form-code', '-bad code')
    type('org-form-contactPhone', 'abc')
    type('org-form-contactEmail', 'not-an-email')
    type('org-form-shortName', '简'.repeat(101))

    await submit()

    expect(errorOf('org-form-code')).toBe('编码只能包含字母、数字、下划线和短横线，且须以字母或数字开头')
    expect(errorOf('org-form-contactPhone')).toBe('请输入有效的电话号码（5–30 位数字，可含 + - ( ) 和空格）')
    expect(errorOf('org-form-contactEmail')).toBe('请输入有效的邮箱地址')
    expect(errorOf('org-form-shortName')).toBe('简称不能超过 100 个字符')
    expect(errorOf('org-form-name')).toBeUndefined()
    expect(orgApi.createOrg).not.toHaveBeenCalled()
  })

  it('requires a level for a federation', async () => {
    const wrapper = mountCreate(enterpriseParent)
    await settle()
    type('org-form-name', '某社区妇联')
    type('org-form-code', '500103012001')
    wrapper.findComponent(ElSelect).vm.$emit('update:modelValue', 'FEDERATION')
    await settle()

    await submit()

    expect(errorOf('org-form-level')).toBe('妇联组织必须选择层级')
    expect(orgApi.createOrg).not.toHaveBeenCalled()
  })

  it('creates the org with a clean body and closes', async () => {
    const created = org({
      id: '901',
      code: '500103012',
      name: '解放碑街道妇联',
      level: 'TOWNSHIP',
      parentId: '118',
    })
    orgApi.createOrg.mockResolvedValue(created)
    const wrapper = mountCreate()
    await settle()
    type('org-form-name', '  解放碑街道妇联 ')
    type('org-form-code', '500103012')
    type('org-form-contactPerson', '张敏')

    await submit()

    expect(orgApi.createOrg).toHaveBeenCalledWith({
      parentId: '118',
      code: '500103012',
      name: '解放碑街道妇联',
      shortName: undefined,
      type: 'FEDERATION',
      level: 'TOWNSHIP',
      sortOrder: undefined,
      contactPerson: '张敏',
      contactPhone: undefined,
      contactEmail: undefined,
      openedOn: undefined,
    })
    expect(wrapper.emitted('saved')).toEqual([[created, undefined]])
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
    expect(document.body.textContent).toContain('已新建组织：解放碑街道妇联')
  })

  it('shows the server’s field errors under their fields and stays open', async () => {
    orgApi.createOrg.mockRejectedValue(
      new ApiError(400, {
        type: 'urn:jinguo:problem:validation-failed',
        title: '请求参数有误',
        status: 400,
        detail: '请检查标出的字段',
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'create.body.code', code: 'Taken', message: '组织编码“500103012”已被使用' }],
      }),
    )
    const wrapper = mountCreate()
    await settle()
    type('org-form-name', '解放碑街道妇联')
    type('org-form-code', '500103012')

    await submit()

    expect(errorOf('org-form-code')).toBe('组织编码“500103012”已被使用')
    expect(wrapper.emitted('saved')).toBeUndefined()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })
})

describe('org form dialog (edit)', () => {
  const current = org({ id: '901', code: '500103012', name: '解放碑街道妇联', level: 'TOWNSHIP', version: 3 })

  function mountEdit() {
    return mountWithApp(OrgFormDialog, {
      props: { modelValue: true, mode: 'edit', org: current, etag: '"3"' },
    })
  }

  it('fills the form and saves with If-Match', async () => {
    const saved = { org: { ...current, name: '解放碑街道妇女联合会', version: 4 }, etag: '"4"' }
    orgApi.updateOrg.mockResolvedValue(saved)
    const wrapper = mountEdit()
    await settle()
    expect(document.querySelector('[data-testid="org-edit-dialog"]')).not.toBeNull()
    expect(field('org-form-name').value).toBe('解放碑街道妇联')
    expect(field('org-form-code').value).toBe('500103012')

    type('org-form-name', '解放碑街道妇女联合会')
    await submit()

    expect(orgApi.updateOrg).toHaveBeenCalledWith(
      '901',
      '"3"',
      expect.objectContaining({
        name: '解放碑街道妇女联合会',
        code: '500103012',
        type: 'FEDERATION',
        level: 'TOWNSHIP',
      }),
    )
    expect(wrapper.emitted('saved')).toEqual([[saved.org, '"4"']])
  })

  it('on 412 tells the user the data changed and loads the latest version', async () => {
    orgApi.updateOrg.mockRejectedValue(
      new ApiError(412, { type: 'x', title: '数据已被修改', status: 412, code: 'PRECONDITION_FAILED' }),
    )
    const latest = { ...current, name: '解放碑街道妇联（新）', contactPerson: '刘丽', version: 5 }
    orgApi.fetchOrg.mockResolvedValue({ org: latest, etag: '"5"' })
    const wrapper = mountEdit()
    await settle()
    type('org-form-name', '我的修改')

    await submit()

    expect(orgApi.fetchOrg).toHaveBeenCalledWith('901')
    expect(document.body.textContent).toContain('该组织已被他人修改，已为您加载最新数据，请核对后重新保存')
    expect(field('org-form-name').value).toBe('解放碑街道妇联（新）')
    expect(field('org-form-contactPerson').value).toBe('刘丽')
    expect(wrapper.emitted('reloaded')).toEqual([[latest, '"5"']])
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()

    // the next save quotes the new version
    orgApi.updateOrg.mockResolvedValue({ org: latest, etag: '"5"' })
    await submit()
    expect(orgApi.updateOrg).toHaveBeenLastCalledWith('901', '"5"', expect.anything())
  })
})
