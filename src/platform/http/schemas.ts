import { Type, type TUnsafe } from 'typebox';
import { ID_PREFIXES, type IdKind } from '../ids/ids.ts';

/**
 * Shared pieces of request/response schemas. One schema per message: routes, CLI and console reuse them,
 * and their TypeScript types are inferred (`Static<typeof X>`).
 */

/** A closed set of strings, emitted as a JSON-Schema `enum` (what OpenAPI tools read best). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string; default?: T[number] } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** Amount in yuan as a decimal string with at most two decimals: `"1234.56"`. */
export const MoneyString = (description = 'Amount in yuan as a decimal string, e.g. "1234.56".') =>
  Type.String({ pattern: '^-?\\d{1,17}(\\.\\d{1,2})?$', description, examples: ['1234.56'] });

/** Amount in integer fen as a string: `"123456"` is ¥1,234.56. */
export const FenString = (description = 'Amount in integer fen, as a string ("123456" is ¥1,234.56).') =>
  Type.String({ pattern: '^-?\\d{1,19}$', description, examples: ['800000'] });

/** A decimal fraction as a string: `"0.1825"` is 18.25%. */
export const RateString = (description = 'A decimal fraction as a string: "0.1825" is 18.25%.') =>
  Type.String({ pattern: '^\\d{1,3}(\\.\\d{1,12})?$', description, examples: ['0.1825'] });

/** A business date `YYYY-MM-DD` (Asia/Shanghai). */
export const DateString = (description = 'A business date, YYYY-MM-DD (Asia/Shanghai).') =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description, examples: ['2026-11-22'] });

/** An instant, RFC 3339. */
export const InstantString = (description = 'An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).') =>
  Type.String({ format: 'date-time', description });

/** An id of one kind: `cus_01J…`. */
export const IdString = (kind: IdKind, description?: string) =>
  Type.String({
    pattern: `^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`,
    description: description ?? `A ${kind} id (${ID_PREFIXES[kind]}_…).`,
  });

/** An RFC 9457 problem document, for documenting error responses. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    code: Type.String(),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String() })),
    ),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details.' },
);
