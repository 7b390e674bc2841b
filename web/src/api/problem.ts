/**
 * An error the page can show in plain words: the server's RFC 9457 problem (its `detail`, and the field
 * issues), or a connection that failed before an answer came back.
 */
export interface FieldIssue {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly code: string | undefined,
    readonly issues: readonly FieldIssue[] = [],
    /** True when no answer arrived (offline, connection dropped): the request may or may not have run. */
    readonly network = false,
    /** The refusal in both languages, when the server sends one (e.g. a card check that failed). */
    readonly text?: { readonly 'zh-CN': string; readonly en: string },
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

export function problemFrom(status: number, body: unknown): ApiProblem {
  const doc = (body ?? {}) as {
    detail?: unknown;
    title?: unknown;
    code?: unknown;
    errors?: unknown;
    text?: unknown;
  };
  const detail =
    typeof doc.detail === 'string'
      ? doc.detail
      : typeof doc.title === 'string'
        ? doc.title
        : `HTTP ${status}`;
  const issues = Array.isArray(doc.errors) ? (doc.errors as FieldIssue[]) : [];
  const text = doc.text as { 'zh-CN'?: unknown; en?: unknown } | undefined;
  const bilingual =
    text && typeof text['zh-CN'] === 'string' && typeof text.en === 'string'
      ? { 'zh-CN': text['zh-CN'], en: text.en }
      : undefined;
  return new ApiProblem(
    status,
    detail,
    typeof doc.code === 'string' ? doc.code : undefined,
    issues,
    false,
    bilingual,
  );
}

export function networkProblem(error: unknown): ApiProblem {
  return new ApiProblem(0, error instanceof Error ? error.message : String(error), undefined, [], true);
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of an answer of either client (the customer app's, the console's), or an `ApiProblem` thrown with
 * the server's detail. A request that got no answer throws a network problem, so a page can say "the
 * connection was lost" rather than go blank.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw networkProblem(error);
  }
  if (!result.response.ok) throw problemFrom(result.response.status, result.error);
  return result.data as T;
}
