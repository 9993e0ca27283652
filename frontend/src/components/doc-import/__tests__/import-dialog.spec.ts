import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ImportDialog from '../import-dialog.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { NOTICE_TEXT, noticeImport } from '@/__tests__/import-fixtures'
import { ApiError } from '@/api/problem'
import type { NoticeInput } from '@/api/types'
import { createAppI18n } from '@/locales'
import { noticeImportKind } from '@/views/notice/import-kind'

const importApi = vi.hoisted(() => ({ importNotice: vi.fn(), importPlan: vi.fn() }))
vi.mock('@/api/doc-import', () => importApi)

const { t } = createAppI18n('zh-CN').global

async function mountDialog() {
  const wrapper = mountWithApp(ImportDialog<NoticeInput>, {
    props: { modelValue: true, kind: noticeImportKind(t), title: '导入公文' },
  })
  await flushPromises() // the dialog renders its content once open
  return wrapper
}

function el<T extends Element = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector)
  if (!found) throw new Error(`no ${selector}`)
  return found
}

function all(selector: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(selector)]
}

function typeInto(selector: string, value: string) {
  const input = el<HTMLInputElement | HTMLTextAreaElement>(selector)
  input.value = value
  input.dispatchEvent(new Event('input'))
}

/** A row of the field list by its API name. */
function row(field: string): HTMLElement {
  return el(`[data-testid="import-field"][data-field="${field}"]`)
}

async function paste(text = NOTICE_TEXT) {
  typeInto('textarea[data-testid="import-text"]', text)
  await flushPromises()
  el('[data-testid="import-run"]').click()
  await settle()
}

function file(name: string, size = 10): File {
  const f = new File(['x'.repeat(size)], name, { type: 'text/plain' })
  return f
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('import dialog', () => {
  it('reads the pasted text and shows each field highlighted in the source beside the list', async () => {
    const answer = noticeImport()
    // no theme in this text
    answer.fields = answer.fields.filter((f) => f.field !== 'theme')
    answer.draft.theme = undefined
    importApi.importNotice.mockResolvedValue(answer)
    await mountDialog()
    expect(el<HTMLButtonElement>('[data-testid="import-run"]').disabled).toBe(true) // nothing pasted yet

    await paste()

    expect(importApi.importNotice).toHaveBeenCalledWith({ text: NOTICE_TEXT }, expect.anything())
    // the source, every field in its colour, named on hover
    const title = all('[data-testid="import-mark"]').find((m) => m.dataset.fields === 'title')
    expect(title?.textContent).toBe('重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知')
    expect(title?.title).toBe('标题')
    expect(title?.className).toContain('doc-import-kind-heading')
    expect(el('[data-testid="import-source"]').textContent).toBe(NOTICE_TEXT) // nothing lost or doubled
    // inside 主送, each phrase is its own mark (the most specific field)
    const named = all('[data-testid="import-mark"]').find((m) => m.textContent === '两江新区妇联')
    expect(named?.dataset.fields).toBe('mainTo recipients[1]')
    expect(named?.title).toBe('主送、主送单位 2')

    // the list: labels, confidence, notes, corrections in inputs
    expect(row('docNumber').textContent).toContain('原文字号')
    expect(row('docNumber').textContent).toContain('渝妇发〔2024〕5号')
    expect(row('docNumber').textContent).toContain('仅作参考：发布时由平台编号')
    expect(row('title').querySelector('[data-testid="import-field-confidence"]')?.textContent?.trim()).toBe(
      '高',
    )
    expect(
      row('recipients[1]').querySelector('[data-testid="import-field-confidence"]')?.textContent?.trim(),
    ).toBe('中')
    expect(
      row('signedOn').querySelector('[data-testid="import-field-confidence"]')?.textContent?.trim(),
    ).toBe('低')
    expect(row('title').querySelector('textarea')?.value).toBe(
      '重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知',
    )
    expect(row('deadline').querySelector('input')?.value).toBe('2024-03-12 18:00')
    expect(row('deadline').textContent).toContain('未写明时间，按北京时间 18:00 计')
    expect(row('requirements.photos').textContent).toContain('至少 1 张')
    // 主送 phrases with what they matched in the caller's tree
    expect(row('recipients[0]').textContent).toContain('一类单位：妇联 · 区县级')
    expect(row('recipients[1]').querySelector('[data-testid="import-field-org"]')?.textContent?.trim()).toBe(
      '两江新区妇女联合会',
    )
    // a correctable field the text did not give can be filled in here, after those found
    expect(all('[data-testid="import-field"]').at(-1)?.dataset.field).toBe('theme')
    expect(row('theme').textContent).toContain('未找到')
    expect(row('theme').querySelector('input')?.value).toBe('')
    expect(
      row('theme').querySelector<HTMLButtonElement>('[data-testid="import-field-locate"]')?.disabled,
    ).toBe(true)
  })

  it('finds a field in the text from the list, and the field of a mark in the list', async () => {
    importApi.importNotice.mockResolvedValue(noticeImport())
    await mountDialog()
    await paste()

    const locate = row('contactPerson').querySelector<HTMLButtonElement>(
      '[data-testid="import-field-locate"]',
    )
    expect(locate?.getAttribute('aria-label')).toBe('在原文中定位：联系人')
    locate?.click()
    await flushPromises()
    expect(all('mark.active').map((m) => m.textContent)).toEqual(['莫海舟'])
    expect(row('contactPerson').classList).toContain('active')

    all('[data-testid="import-mark"]')
      .find((m) => m.dataset.fields === 'contactEmail')
      ?.click()
    await flushPromises()
    expect(row('contactEmail').classList).toContain('active')
    expect(row('contactPerson').classList).not.toContain('active')
  })

  it('shows the warnings on top, with the attachments to upload', async () => {
    importApi.importNotice.mockResolvedValue(
      noticeImport({
        warnings: [
          {
            code: 'IMPORT_NOT_A_NOTICE',
            message: '没有找到标题、发文字号或主送单位，这段文字可能不是通知，请逐项核对',
          },
          { code: 'IMPORT_ATTACHMENTS_TO_UPLOAD', message: '文中列出了 2 个附件，请在发布前上传附件文件' },
        ],
        attachmentTitles: ['活动信息报送表', '优秀案例汇总表'],
      }),
    )
    await mountDialog()
    await paste()

    const warnings = all('[data-testid="import-warning"]')
    expect(warnings.map((w) => w.dataset.code)).toEqual([
      'IMPORT_NOT_A_NOTICE',
      'IMPORT_ATTACHMENTS_TO_UPLOAD',
    ])
    expect(warnings[0]?.textContent).toContain('这段文字可能不是通知')
    expect(warnings[1]?.textContent).toContain('请在发布前上传附件文件')
    expect(all('[data-testid="import-attachment"]').map((a) => a.textContent)).toEqual([
      '活动信息报送表',
      '优秀案例汇总表',
    ])
  })

  it('emits the draft with the corrections made in the list, the rest as read', async () => {
    const answer = noticeImport()
    importApi.importNotice.mockResolvedValue(answer)
    const wrapper = await mountDialog()
    await paste()

    typeInto('[data-field="title"] textarea', '关于开展2024年“三八”国际妇女节纪念活动的通知')
    typeInto('[data-field="contactPerson"] input', '曹倩')
    typeInto('[data-field="contactPhone"] input', '   ')
    typeInto('[data-field="theme"] input', '巾帼心向党')
    await flushPromises()
    expect(
      row('contactPerson').querySelector('[data-testid="import-field-changed"]')?.textContent?.trim(),
    ).toBe('已修改')
    expect(row('contactEmail').querySelector('[data-testid="import-field-changed"]')).toBeNull()

    el('[data-testid="import-apply"]').click()
    await flushPromises()
    const emitted = wrapper.emitted('apply')
    expect(emitted).toHaveLength(1)
    const draft = emitted?.[0]?.[0] as NoticeInput
    expect(draft).toEqual({
      ...answer.draft,
      title: '关于开展2024年“三八”国际妇女节纪念活动的通知',
      theme: '巾帼心向党',
      contactPerson: '曹倩',
      contactPhone: undefined,
    })
    expect(draft.deadline).toBe('2024-03-12T18:00+08:00') // untouched values are sent exactly as read
    expect(answer.draft.title).toBe('重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知') // a copy
  })

  it('shows the server’s message when it cannot read the document, and keeps the text', async () => {
    importApi.importNotice.mockRejectedValue(
      new ApiError(415, {
        type: 'about:blank',
        title: '不支持的类型',
        status: 415,
        detail: '只能导入 .docx 文件或纯文本（UTF-8 或 GB18030 编码）',
        code: 'IMPORT_UNSUPPORTED_TYPE',
      }),
    )
    await mountDialog()
    await paste('%PDF-1.4 …')

    expect(el('[data-testid="import-error"]').textContent).toContain(
      '只能导入 .docx 文件或纯文本（UTF-8 或 GB18030 编码）',
    )
    expect(el<HTMLTextAreaElement>('textarea[data-testid="import-text"]').value).toBe('%PDF-1.4 …')
    expect(document.querySelector('[data-testid="import-source"]')).toBeNull()

    // read again: the message goes
    importApi.importNotice.mockResolvedValue(noticeImport())
    await paste()
    expect(document.querySelector('[data-testid="import-error"]')).toBeNull()
    expect(document.querySelector('[data-testid="import-source"]')).not.toBeNull()
  })

  it('uploads a dropped file with its progress, and reads it', async () => {
    let progress: ((percent: number) => void) | undefined
    let answer: (value: unknown) => void = () => undefined
    importApi.importNotice.mockImplementation(
      (_source: unknown, options: { onProgress?: (percent: number) => void }) => {
        progress = options.onProgress
        return new Promise((resolve) => (answer = resolve))
      },
    )
    await mountDialog()
    const dropped = file('关于开展三八活动的通知.docx')
    const zone = el('[data-testid="import-drop"]')
    const drop = new Event('drop', { bubbles: true, cancelable: true })
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [dropped] } })
    zone.dispatchEvent(drop)
    await flushPromises()

    expect(importApi.importNotice).toHaveBeenCalledWith({ file: dropped }, expect.anything())
    expect(el('[data-testid="import-upload"]').textContent).toContain('正在上传 关于开展三八活动的通知.docx')
    progress?.(40)
    await flushPromises()
    expect(el('[data-testid="import-upload"] .el-progress').getAttribute('aria-valuenow')).toBe('40')
    progress?.(100)
    await flushPromises()
    expect(el('[data-testid="import-upload"]').textContent).toContain('正在识别…')

    answer(noticeImport())
    await settle()
    expect(document.querySelector('[data-testid="import-upload"]')).toBeNull()
    expect(all('[data-testid="import-mark"]').length).toBeGreaterThan(5)
  })

  it('refuses a file above the limit before sending it, and shows 413 from the server', async () => {
    await mountDialog()
    const big = file('大文件.docx')
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 })
    const input = el<HTMLInputElement>('[data-testid="import-file-input"]')
    Object.defineProperty(input, 'files', { value: [big], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(importApi.importNotice).not.toHaveBeenCalled()
    expect(el('[data-testid="import-error"]').textContent).toContain('文件过大：每次不超过 20 MB')

    importApi.importNotice.mockRejectedValue(
      new ApiError(413, {
        type: 'about:blank',
        title: '请求过大',
        status: 413,
        detail: '文档过大：每次不超过 20 MB，文本不超过 500000 字（解压后远大于文件本身的 .docx 也会被拒绝）',
        code: 'IMPORT_TOO_LARGE',
      }),
    )
    const bomb = file('压缩炸弹.docx')
    Object.defineProperty(input, 'files', { value: [bomb], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    expect(importApi.importNotice).toHaveBeenCalledWith({ file: bomb }, expect.anything())
    expect(el('[data-testid="import-error"]').textContent).toContain(
      '解压后远大于文件本身的 .docx 也会被拒绝',
    )
  })
})
