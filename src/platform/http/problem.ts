import { patternRule } from './schemas.ts';
import { AppError, httpStatusOf, type ErrorCode, type FieldIssue } from '../errors/app-error.ts';

/** An RFC 9457 problem document, as every error response of the API. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: ErrorCode;
  readonly requestId?: string;
  readonly errors?: readonly FieldIssue[];
  readonly [extension: string]: unknown;
}

const TITLES: Readonly<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'Malformed request',
  VALIDATION_FAILED: 'Invalid input',
  UNAUTHENTICATED: 'Authentication required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  GONE: 'Gone for good',
  CONFLICT: 'Conflict',
  IDEMPOTENCY_MISMATCH: 'Idempotency key reused with a different request',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  URI_TOO_LONG: 'Request path too long',
  RATE_LIMITED: 'Too many requests',
  UNPROCESSABLE: 'Request cannot be carried out',
  MIGRATION_CHECKSUM_MISMATCH: 'Database schema mismatch',
  MIGRATION_FAILED: 'Database migration failed',
  UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal error',
};

export function problemType(code: ErrorCode): string {
  return `https://credence.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`;
}

export function problemOf(error: AppError, instance?: string, requestId?: string): Problem {
  const status = httpStatusOf(error.code);
  const internal = status >= 500 && error.code !== 'UNAVAILABLE';
  return {
    type: problemType(error.code),
    title: TITLES[error.code],
    status,
    // Internal faults leak nothing: the detail is generic and the request id ties it to the logs.
    detail: internal ? 'An internal error occurred; quote the request id when reporting it.' : error.message,
    ...(instance ? { instance } : {}),
    code: error.code,
    ...(requestId ? { requestId } : {}),
    ...(error.issues.length > 0 ? { errors: error.issues } : {}),
    ...(internal ? {} : error.details),
  };
}

interface AjvIssue {
  readonly instancePath?: string;
  readonly keyword?: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

/** Turns ajv's findings into field issues: `{field: 'amount', rule: 'type', message: 'must be string'}`. */
export function issuesFromAjv(validation: readonly AjvIssue[], context: string | undefined): FieldIssue[] {
  return validation.map((issue) => {
    const base = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const params = issue.params ?? {};
    let field = base;
    let rule = issue.keyword ?? 'invalid';
    let message = issue.message ?? 'is invalid';
    if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      field = base ? `${base}.${params.additionalProperty}` : params.additionalProperty;
      rule = 'unknown-field';
      message = 'is not a known field';
    } else if (issue.keyword === 'pattern' && typeof params.pattern === 'string') {
      const known = patternRule(params.pattern);
      if (known) ({ rule, message } = known);
    } else if (issue.keyword === 'required' && typeof params.missingProperty === 'string') {
      field = base ? `${base}.${params.missingProperty}` : params.missingProperty;
      rule = 'required';
      message = 'is required';
    }
    const where = context && context !== 'body' ? `${context}.` : '';
    return { field: `${where}${field}` || context || 'body', rule, message };
  });
}

/** The code for a status a framework or plugin error carries (unlisted 4xx read as a malformed request). */
const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/**
 * An error from fastify or one of its plugins, by the HTTP status it carries: a client error stays a client
 * error (problem+json with its status, logged as a refusal), anything else is an internal fault.
 */
export function appErrorOfStatus(statusCode: number | undefined, error: Error): AppError {
  if (statusCode === undefined || statusCode < 400 || statusCode >= 600 || statusCode === 500)
    return new AppError('INTERNAL', 'unexpected error', { cause: error });
  const code = CODE_OF_STATUS[statusCode] ?? (statusCode < 500 ? 'BAD_REQUEST' : 'INTERNAL');
  const message =
    code === 'BAD_REQUEST'
      ? `malformed request: ${error.message}`
      : code === 'PAYLOAD_TOO_LARGE'
        ? 'the request body is too large'
        : code === 'FORBIDDEN'
          ? 'this path may not be read'
          : error.message;
  return new AppError(code, message, code === 'INTERNAL' ? { cause: error } : {});
}
