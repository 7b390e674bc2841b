import type { FormInstance } from 'antd';
import type { ApiProblem } from '../../api/problem.ts';

/**
 * Puts a server refusal's field issues at the form fields they name: `limit` → the limit input,
 * `reasons[1].params.amount` → reasons / 1 / amount. Answers whether any issue found its field (the rest
 * are shown by the caller in a ProblemAlert).
 */
export function problemToFields(
  form: FormInstance,
  problem: ApiProblem,
  map: (field: string) => (string | number)[] | undefined = (field) => [field],
): boolean {
  const fields = problem.issues
    .map((issue) => ({ name: map(issue.field), errors: [`${issue.message} (${issue.rule})`] }))
    .filter((entry): entry is { name: (string | number)[]; errors: string[] } => entry.name !== undefined);
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0 && fields.length === problem.issues.length;
}

/** `reasons[2].params.amount` → ['reasons', 2, 'amount']; `reasons[0].code` → ['reasons', 0, 'code']. */
export function reasonField(field: string): (string | number)[] | undefined {
  const match = /^reasons\[(\d+)\](?:\.params)?\.(\w+)$/.exec(field);
  if (match) return ['reasons', Number(match[1]), match[2] as string];
  if (field === 'reasons') return undefined;
  return [field];
}
