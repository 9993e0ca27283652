import { beforeEach, describe, expect, it, vi } from 'vitest'
import OrgImportDialog from '../modules/org-import-dialog.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import type { ImportJob } from '@/api/types'
import { ApiError } from '@/api/problem'

const orgApi = vi.hoisted(() => ({
  startImport: vi.fn(),
  fetchImportJob: vi.fn(),
  downloadImportTemplate: vi.fn(),
  downloadImportReport: vi.fn(),
}))
vi.mock('@/api/org', () => orgApi)

function job(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'job-1',
    fileName: 'orgs.xlsx',
    status: 'PENDING',
    totalRows: 0,
    processed: 0,
    created: 0,
    errors: [],
    createdAt: '2026-03-08T09:00:00+08:00',
    ...overrides,
  }
}

async function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>(
    '[data-testid="org-import-upload"] input[type="file"]',
  )
  if (!input) throw new Error('no file input')
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

async function until(check: () => void) {
  await vi.waitFor(check, { timeout: 2000, interval: 10 })
}

const text = (testId: string) =>
  document.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? ''

beforeEach(() => {
  vi.clearAllMocks()
})

describe('org import dialog', () => {
  it('downloads the templates through the API client', async () => {
    mountWithApp(OrgImportDialog, { props: { modelValue: true } })
    await settle()

    document.querySelector<HTMLButtonElement>('[data-testid="org-import-template-xlsx"]')?.click()
    document.querySelector<HTMLButtonElement>('[data-testid="org-import-template-csv"]')?.click()
    await settle()

    expect(orgApi.downloadImportTemplate.mock.calls).toEqual([['xlsx'], ['csv']])
  })

  it('refuses a file that is neither .xlsx nor .csv', async () => {
    mountWithApp(OrgImportDialog, { props: { modelValue: true } })
    await settle()

    await choose(new File(['x'], 'orgs.pdf', { type: 'application/pdf' }))

    expect(orgApi.startImport).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('只支持 .xlsx 或 .csv 文件')
  })

  it('uploads, polls the job and lists the errors of a failed import', async () => {
    orgApi.startImport.mockResolvedValue(job())
    orgApi.fetchImportJob
      .mockResolvedValueOnce(job({ status: 'RUNNING', totalRows: 4, processed: 2 }))
      .mockResolvedValueOnce(
        job({
          status: 'FAILED',
          totalRows: 4,
          processed: 4,
          errors: [
            { row: 3, column: '上级编码', value: '999', message: '上级组织不存在' },
            { row: 4, column: '类型', value: '妇女之家', message: '类型无效' },
          ],
        }),
      )
    const wrapper = mountWithApp(OrgImportDialog, { props: { modelValue: true, pollMs: 5 } })
    await settle()
    const file = new File(['编码,名称'], 'orgs.csv', { type: 'text/csv' })

    await choose(file)

    expect(orgApi.startImport).toHaveBeenCalledTimes(1)
    expect(orgApi.startImport.mock.calls[0]?.[0]).toBe(file)
    await until(() => expect(text('org-import-status')).toBe('导入失败'))
    expect(orgApi.fetchImportJob).toHaveBeenCalledWith('job-1')
    expect(text('org-import-progress-text')).toBe('已处理 4 / 4 行')
    expect(text('org-import-failed')).toContain('导入失败：共 2 处错误')
    const headers = Array.from(document.querySelectorAll('[data-testid="org-import-errors"] th')).map((th) =>
      th.textContent?.trim(),
    )
    expect(headers).toEqual(['行号', '列', '值', '错误'])
    const rows = Array.from(document.querySelectorAll('[data-testid="org-import-errors"] tbody tr')).map(
      (tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    )
    expect(rows).toEqual([
      ['3', '上级编码', '999', '上级组织不存在'],
      ['4', '类型', '妇女之家', '类型无效'],
    ])
    expect(wrapper.emitted('imported')).toBeUndefined()

    document.querySelector<HTMLButtonElement>('[data-testid="org-import-report"]')?.click()
    await settle()
    expect(orgApi.downloadImportReport).toHaveBeenCalledWith('job-1')

    // polling stopped at the final state
    const polls = orgApi.fetchImportJob.mock.calls.length
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(orgApi.fetchImportJob.mock.calls.length).toBe(polls)
  })

  it('reports a successful import and tells the page to refresh', async () => {
    orgApi.startImport.mockResolvedValue(job({ status: 'RUNNING', totalRows: 120, processed: 10 }))
    orgApi.fetchImportJob.mockResolvedValue(
      job({ status: 'SUCCEEDED', totalRows: 120, processed: 120, created: 120 }),
    )
    const wrapper = mountWithApp(OrgImportDialog, { props: { modelValue: true, pollMs: 5 } })
    await settle()

    await choose(new File(['x'], 'orgs.xlsx'))

    await until(() => expect(wrapper.emitted('imported')).toHaveLength(1))
    expect(text('org-import-status')).toBe('导入成功')
    expect(text('org-import-succeeded')).toBe('导入完成，共新建 120 个组织')
    expect(document.querySelector('[data-testid="org-import-errors"]')).toBeNull()
  })

  it('stops polling when the job is gone (4xx) instead of asking forever', async () => {
    orgApi.startImport.mockResolvedValue(job({ status: 'RUNNING', totalRows: 10 }))
    orgApi.fetchImportJob.mockRejectedValue(new ApiError(404, null))
    mountWithApp(OrgImportDialog, { props: { modelValue: true, pollMs: 5 } })
    await settle()

    await choose(new File(['x'], 'orgs.xlsx'))

    await until(() => expect(orgApi.fetchImportJob).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(orgApi.fetchImportJob).toHaveBeenCalledTimes(1)
  })

  it('retries through network trouble, then gives up with a message', async () => {
    orgApi.startImport.mockResolvedValue(job({ status: 'RUNNING', totalRows: 10 }))
    orgApi.fetchImportJob.mockRejectedValue(new TypeError('Failed to fetch'))
    mountWithApp(OrgImportDialog, { props: { modelValue: true, pollMs: 1 } })
    await settle()

    await choose(new File(['x'], 'orgs.xlsx'))

    await until(() => expect(orgApi.fetchImportJob).toHaveBeenCalledTimes(30))
    await until(() => expect(document.body.textContent).toContain('暂时无法获取导入进度'))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(orgApi.fetchImportJob).toHaveBeenCalledTimes(30)
  })
})
