import type { FieldError, Problem } from './types'

/** An API call that failed: the HTTP status and, when the server sent one, its RFC 9457 problem. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null

  constructor(status: number, problem: Problem | null, fallbackMessage?: string) {
    super(problemMessage(problem) ?? fallbackMessage ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  /** Per-field messages keyed by field name (the first message wins), for el-form-item `error`. */
  get fieldErrors(): Record<string, string> {
    return fieldErrors(this.problem)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

interface KnownFieldError {
  field: string
  code: string
  message: string
}

function isFieldError(value: unknown): value is FieldError & { field: string; message: string } {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string'
}

/** Reads a problem document defensively: whatever the server sent, the result is well-typed. */
export function toProblem(body: unknown, status: number): Problem | null {
  if (!isRecord(body)) return null
  const str = (key: string): string | undefined => {
    const v = body[key]
    return typeof v === 'string' ? v : undefined
  }
  if (str('title') === undefined && str('detail') === undefined && str('code') === undefined) return null
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isFieldError).map((e): KnownFieldError => ({
        field: e.field,
        code: typeof e.code === 'string' ? e.code : '',
        message: e.message,
      }))
    : undefined
  return {
    type: str('type') ?? 'about:blank',
    title: str('title') ?? '',
    status: typeof body.status === 'number' ? body.status : status,
    detail: str('detail'),
    instance: str('instance'),
    code: str('code') ?? '',
    errors,
  }
}

/** The text a person should read: the problem's detail, else its title. */
export function problemMessage(problem: Problem | null | undefined): string | undefined {
  if (!problem) return undefined
  const detail = problem.detail?.trim()
  if (detail) return detail
  const title = problem.title?.trim()
  return title || undefined
}

/**
 * Field errors by field name. A server field such as `contactEmail` or `body.contactEmail`
 * maps to `contactEmail` (the last path segment), which is the form's prop name.
 */
export function fieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const result: Record<string, string> = {}
  for (const error of problem?.errors ?? []) {
    if (!error.field || !error.message) continue
    const field = error.field.split('.').pop() ?? error.field
    if (field && !(field in result)) result[field] = error.message
  }
  return result
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
