import { api, quiet, unwrap } from './client'
import { fileNameFrom, saveBlob } from './download'
import { ApiError, toProblem } from './problem'
import type {
  Crumb,
  ImportJob,
  OrgClose,
  OrgCounts,
  OrgCreate,
  OrgMove,
  OrgPage,
  OrgUpdate,
  OrgView,
} from './types'
import type { components } from './schema'
import { uploadFile } from './upload'

/** The org API (/api/v1/orgs…). Failures throw ApiError; the client has already shown them unless quiet. */

/** Largest page the API serves. */
export const MAX_PAGE_SIZE = 200

export async function fetchRoots(): Promise<OrgView[]> {
  return unwrap(api.GET('/api/v1/orgs/roots'))
}

export async function fetchChildren(id: string, page = 0, size = MAX_PAGE_SIZE): Promise<OrgPage> {
  return unwrap(api.GET('/api/v1/orgs/{id}/children', { params: { path: { id }, query: { page, size } } }))
}

export interface OrgSearch {
  q: string
  page?: number
  size?: number
  active?: boolean
}

export async function searchOrgs({ q, page = 0, size = 20, active }: OrgSearch): Promise<OrgPage> {
  return unwrap(api.GET('/api/v1/orgs', { params: { query: { q, page, size, active } } }))
}

/** The orgs of these ids that the caller can see (one request for up to MAX_PAGE_SIZE ids). */
export async function fetchOrgsByIds(ids: string[]): Promise<OrgView[]> {
  if (ids.length === 0) return []
  const page = await unwrap(
    api.GET('/api/v1/orgs', { params: { query: { id: ids.slice(0, MAX_PAGE_SIZE), size: MAX_PAGE_SIZE } } }),
  )
  return page.items
}

/** An org with the ETag to quote in If-Match when updating it. */
export interface VersionedOrg {
  org: OrgView
  etag: string
}

function versioned(response: Response, data: components['schemas']['OrgView']): VersionedOrg {
  const org = data
  return { org, etag: response.headers.get('ETag') ?? `"${org.version}"` }
}

export async function fetchOrg(id: string): Promise<VersionedOrg> {
  const { data, error, response } = await api.GET('/api/v1/orgs/{id}', { params: { path: { id } } })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

export async function fetchAncestors(id: string): Promise<Crumb[]> {
  return unwrap(api.GET('/api/v1/orgs/{id}/ancestors', { params: { path: { id } } }))
}

export async function fetchCounts(id: string): Promise<OrgCounts> {
  return unwrap(api.GET('/api/v1/orgs/{id}/counts', { params: { path: { id } } }))
}

/** Field errors (400) are left to the form; everything else is shown as a message. */
export async function createOrg(body: OrgCreate): Promise<OrgView> {
  return unwrap(api.POST('/api/v1/orgs', { body, headers: quiet(400) }))
}

/** PUT with If-Match: a 412 (someone else saved first) and field errors are left to the caller. */
export async function updateOrg(id: string, etag: string, body: OrgUpdate): Promise<VersionedOrg> {
  const { data, error, response } = await api.PUT('/api/v1/orgs/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body,
    headers: quiet(400, 412),
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  return versioned(response, data)
}

/** 409 (cycle) and 422 (rule broken) are shown in the move dialog itself. */
export async function moveOrg(id: string, body: OrgMove): Promise<OrgView> {
  return unwrap(
    api.POST('/api/v1/orgs/{id}/move', { params: { path: { id } }, body, headers: quiet(400, 409, 422) }),
  )
}

export async function closeOrg(id: string, body: OrgClose): Promise<OrgView> {
  return unwrap(
    api.POST('/api/v1/orgs/{id}/close', { params: { path: { id } }, body, headers: quiet(400, 409, 422) }),
  )
}

export async function reopenOrg(id: string): Promise<OrgView> {
  return unwrap(api.POST('/api/v1/orgs/{id}/reopen', { params: { path: { id } } }))
}

// ---- import -----------------------------------------------------------------------------------

export type TemplateFormat = 'xlsx' | 'csv'

export async function downloadImportTemplate(format: TemplateFormat): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/orgs/import/template', {
    params: { query: { format } },
    parseAs: 'blob',
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  saveBlob(data, fileNameFrom(response.headers.get('Content-Disposition'), `org-import-template.${format}`))
}

export async function startImport(
  file: File,
  onProgress?: (percent: number) => void,
  signal?: AbortSignal,
): Promise<ImportJob> {
  return (await uploadFile('/api/v1/orgs/import', file, { field: 'file', onProgress, signal })) as ImportJob
}

export async function fetchImportJob(jobId: string): Promise<ImportJob> {
  return unwrap(api.GET('/api/v1/orgs/import/{jobId}', { params: { path: { jobId } } }))
}

export async function downloadImportReport(jobId: string): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/orgs/import/{jobId}/report', {
    params: { path: { jobId } },
    parseAs: 'blob',
  })
  if (!data) throw new ApiError(response.status, toProblem(error, response.status))
  saveBlob(data, fileNameFrom(response.headers.get('Content-Disposition'), `org-import-${jobId}-errors.csv`))
}
