import type { FieldIssue } from '../errors/app-error.ts';

/** The rule a text with U+0000 breaks: PostgreSQL cannot store it in `text`, so it is refused at the edge. */
export const NUL_RULE = 'no-nul';
export const NUL_MESSAGE = 'must not contain NUL (U+0000) characters';

const MAX_DEPTH = 64;

function join(path: string, key: string): string {
  // A key that itself carries a NUL is named with the escape, so the problem document stays printable.
  const printable = key.replaceAll('\u0000', '\\u0000');
  return path ? `${path}.${printable}` : printable;
}

/**
 * Every string (and object key) in `value` that contains U+0000, as field issues named the way the request
 * has them: body fields bare (`description`, `items.0.name`), the rest with their part in front
 * (`query.model`, `params.id`) — the same naming as the schema errors. Buffers (uploaded files) are data,
 * not text, and are not looked into. Headers need no check: Node's HTTP parser refuses a NUL in a header.
 */
export function nulIssues(value: unknown, context: 'body' | 'query' | 'params'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const root = context === 'body' ? '' : context;
  const visit = (node: unknown, path: string, depth: number): void => {
    if (typeof node === 'string') {
      if (node.includes('\u0000'))
        issues.push({ field: path || context, rule: NUL_RULE, message: NUL_MESSAGE });
      return;
    }
    if (node === null || typeof node !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(node)) return;
    if (ArrayBuffer.isView(node)) return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, join(path, String(index)), depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      const field = join(path, key);
      if (key.includes('\u0000')) issues.push({ field, rule: NUL_RULE, message: NUL_MESSAGE });
      visit(item, field, depth + 1);
    }
  };
  visit(value, root, 0);
  return issues;
}
