import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import IssuerCodeDialog from '../modules/issuer-code-dialog.vue'
import { mountWithApp } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import { ApiError } from '@/api/problem'
import type { MembershipView } from '@/api/types'
import { useAuthStore } from '@/stores/auth'
import { todayInShanghai } from '@/views/org/data'
import { issuerCode } from './fixtures'

const noticeApi = vi.hoisted(() => ({
  listIssuerCodes: vi.fn(),
  createIssuerCode: vi.fn(),
  updateIssuerCode: vi.fn(),
  issuerCodeEtag: (code: { version: number }) => `"${code.version}"`,
}))
vi.mock('@/api/notice', () => noticeApi)

const year = todayInShanghai().slice(0, 4)

const cityAdmin = membership({
  id: 'm1',
  orgId: '1',
  orgName: '重庆市妇女联合会',
  orgCode: '500000',
  role: 'ORG_ADMIN',
})

async function mountDialog(memberships: MembershipView[] = [cityAdmin]) {
  const pinia = createPinia()
  useAuthStore(pinia).me = me({ memberships })
  const wrapper = mountWithApp(IssuerCodeDialog, { pinia, props: { modelValue: true } })
  await flushPromises()
  return wrapper
}

function el<T extends Element = HTMLElement>(testId: string): T {
  const found = document.querySelector<T>(`[data-testid="${testId}"]`)
  if (!found) throw new Error(`no ${testId}`)
  return found
}

/** Inside the table body (el-table also renders each column's slot once for its hidden header). */
function all(testId: string): HTMLElement[] {
  return [
    ...document.querySelectorAll<HTMLElement>(
      `[data-testid="issuer-codes-table"] .el-table__body [data-testid="${testId}"]`,
    ),
  ]
}

/** el-input puts its attributes (data-testid too) on the <input> itself. */
function type(testId: string, value: string) {
  const input = el<HTMLInputElement>(testId)
  input.value = value
  input.dispatchEvent(new Event('input'))
}

/** Settles, then outlasts el-form-item's 100 ms debounce before it shows an error. */
async function shown() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 150))
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="issuer-codes-table"] .el-table__body tr')]
}

function problem(
  status: number,
  code: string,
  detail: string,
  errors?: { field: string; message: string }[],
) {
  return new ApiError(status, {
    type: 'x',
    title: 't',
    status,
    code,
    detail,
    errors: errors?.map((e) => ({ ...e, code: 'Pattern' })),
  })
}

beforeEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
  noticeApi.listIssuerCodes.mockResolvedValue([
    issuerCode(),
    issuerCode({ id: '4', code: '渝妇函', description: undefined, active: false, version: 2 }),
  ])
})

describe('issuer code dialog', () => {
  it('lists the org’s codes with their status and an example number', async () => {
    await mountDialog()

    expect(noticeApi.listIssuerCodes).toHaveBeenCalledWith('1')
    expect(el('issuer-codes-org-name').textContent).toBe('重庆市妇女联合会')
    expect(document.querySelector('[data-testid="issuer-codes-org"]')).toBeNull()
    const [first, second] = rows()
    expect(first?.textContent).toContain('渝妇发')
    expect(first?.textContent).toContain('市妇联发文')
    expect(first?.textContent).toContain('启用')
    expect(first?.textContent).toContain(`渝妇发〔${year}〕N号`)
    expect(second?.textContent).toContain('渝妇函')
    expect(second?.textContent).toContain('停用')
    expect(all('issuer-codes-toggle').map((b) => b.textContent?.trim())).toEqual(['停用', '启用'])
  })

  it('offers an org selector only over the orgs the caller administers', async () => {
    const district = membership({
      id: 'm2',
      orgId: '118',
      orgName: '渝中区妇女联合会',
      orgCode: '500103',
      role: 'ORG_ADMIN',
    })
    const editor = membership({
      id: 'm3',
      orgId: '7',
      orgName: '宣传部',
      orgCode: '500000-07',
      role: 'EDITOR',
    })
    await mountDialog([cityAdmin, editor, district])

    expect(el('issuer-codes-org')).toBeTruthy()
    expect(noticeApi.listIssuerCodes).toHaveBeenCalledTimes(1)
    expect(noticeApi.listIssuerCodes).toHaveBeenCalledWith('1')
  })

  it('adds a code with POST and shows it in the table', async () => {
    noticeApi.createIssuerCode.mockResolvedValue(
      issuerCode({ id: '5', code: '渝妇办', description: '办公室', version: 0 }),
    )
    await mountDialog()

    type('issuer-codes-add-code', ' 渝妇办 ')
    type('issuer-codes-add-description', '办公室')
    el('issuer-codes-add-submit').click()
    await flushPromises()

    expect(noticeApi.createIssuerCode).toHaveBeenCalledWith({
      orgId: '1',
      code: '渝妇办',
      description: '办公室',
      active: true,
    })
    expect(rows().map((r) => r.textContent)).toEqual([
      expect.stringContaining('渝妇发'),
      expect.stringContaining('渝妇函'),
      expect.stringContaining('渝妇办'),
    ])
    expect(el<HTMLInputElement>('issuer-codes-add-code').value).toBe('')
  })

  it('checks the characters before asking the server', async () => {
    await mountDialog()
    type('issuer-codes-add-code', '渝妇-发')
    el('issuer-codes-add-submit').click()
    await shown()

    expect(noticeApi.createIssuerCode).not.toHaveBeenCalled()
    expect(el('issuer-codes-add-form').textContent).toContain('代字只能包含汉字、字母或数字')
  })

  it('shows a taken code (409) and the server’s field errors under the fields', async () => {
    noticeApi.createIssuerCode.mockRejectedValueOnce(
      problem(409, 'ISSUER_CODE_TAKEN', '机关代字“渝妇发”已被使用'),
    )
    await mountDialog()
    type('issuer-codes-add-code', '渝妇发')
    el('issuer-codes-add-submit').click()
    await shown()

    expect(el('issuer-codes-add-form').querySelector('.el-form-item__error')?.textContent).toContain(
      '机关代字“渝妇发”已被使用',
    )

    noticeApi.createIssuerCode.mockRejectedValueOnce(
      problem(400, 'VALIDATION_FAILED', '请求参数有误', [
        { field: 'create.in.description', message: '长度不能超过100' },
      ]),
    )
    type('issuer-codes-add-code', '渝妇组')
    el('issuer-codes-add-submit').click()
    await shown()

    const errors = [...el('issuer-codes-add-form').querySelectorAll('.el-form-item__error')]
    expect(errors.map((e) => e.textContent?.trim())).toEqual(['长度不能超过100'])
  })

  it('disables a code with PUT and If-Match', async () => {
    noticeApi.updateIssuerCode.mockResolvedValue(issuerCode({ active: false, version: 2 }))
    await mountDialog()

    all('issuer-codes-toggle')[0]?.click()
    await flushPromises()

    expect(noticeApi.updateIssuerCode).toHaveBeenCalledWith('3', '"1"', {
      code: '渝妇发',
      description: '市妇联发文',
      active: false,
    })
    expect(rows()[0]?.textContent).toContain('停用')
    expect(all('issuer-codes-toggle')[0]?.textContent?.trim()).toBe('启用')
  })

  it('edits the description and says why a used code cannot be renamed (422)', async () => {
    noticeApi.updateIssuerCode.mockResolvedValueOnce(
      issuerCode({ description: '市妇联正式发文', version: 2 }),
    )
    await mountDialog()

    all('issuer-codes-edit')[0]?.click()
    await flushPromises()
    type('issuer-codes-edit-description', '市妇联正式发文')
    el('issuer-codes-edit-save').click()
    await flushPromises()

    expect(noticeApi.updateIssuerCode).toHaveBeenLastCalledWith('3', '"1"', {
      code: '渝妇发',
      description: '市妇联正式发文',
      active: true,
    })
    expect(rows()[0]?.textContent).toContain('市妇联正式发文')

    noticeApi.updateIssuerCode.mockRejectedValueOnce(
      problem(422, 'ISSUER_CODE_IN_USE', '机关代字“渝妇发”已用于 5 份通知的文号，只能停用，不能改名'),
    )
    all('issuer-codes-edit')[0]?.click()
    await flushPromises()
    type('issuer-codes-edit-code', '渝妇文')
    el('issuer-codes-edit-save').click()
    await flushPromises()

    expect(noticeApi.updateIssuerCode).toHaveBeenLastCalledWith(
      '3',
      '"2"',
      expect.objectContaining({ code: '渝妇文' }),
    )
    expect(el('issuer-codes-error').textContent).toContain('已用于 5 份通知的文号，只能停用，不能改名')
    // still editing, nothing renamed
    expect(el<HTMLElement>('issuer-codes-edit-code')).toBeTruthy()
  })

  it('shows a rename that collides with another code (409) under the code field', async () => {
    noticeApi.updateIssuerCode.mockRejectedValue(
      problem(409, 'ISSUER_CODE_TAKEN', '机关代字“渝妇函”已被使用'),
    )
    await mountDialog()

    all('issuer-codes-edit')[0]?.click()
    await flushPromises()
    type('issuer-codes-edit-code', '渝妇函')
    el('issuer-codes-edit-save').click()
    await shown()

    expect(rows()[0]?.querySelector('.el-form-item__error')?.textContent).toContain(
      '机关代字“渝妇函”已被使用',
    )
  })
})
