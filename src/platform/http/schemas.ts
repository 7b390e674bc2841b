import { Type, type TNull, type TSchema, type TUnion, type TUnsafe } from 'typebox';
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

/**
 * What a refused pattern means, in words: the shared string formats register their rule and message here,
 * so a bad value is answered `{field: 'amount', rule: 'money', message: 'must be an amount in yuan …'}`
 * rather than with the regular expression it failed.
 */
const PATTERN_RULES = new Map<string, { readonly rule: string; readonly message: string }>();

function described(pattern: string, rule: string, message: string): string {
  PATTERN_RULES.set(pattern, { rule, message });
  return pattern;
}

/** The rule and message registered for a pattern, if it is one of the shared formats. */
export function patternRule(
  pattern: string,
): { readonly rule: string; readonly message: string } | undefined {
  return PATTERN_RULES.get(pattern);
}

const MONEY_PATTERN = described(
  '^-?\\d{1,17}(\\.\\d{1,2})?$',
  'money',
  'must be an amount in yuan as a string, with at most two decimals, e.g. "1234.56"',
);
const FEN_PATTERN = described(
  '^-?\\d{1,19}$',
  'fen',
  'must be a whole number of fen as a string, e.g. "800000"',
);
const RATE_PATTERN = described(
  '^\\d{1,3}(\\.\\d{1,12})?$',
  'rate',
  'must be a decimal fraction as a string, with at most 12 decimals, e.g. "0.1825"',
);
const DATE_PATTERN = described('^\\d{4}-\\d{2}-\\d{2}$', 'date', 'must be a date, YYYY-MM-DD');

/** Amount in yuan as a decimal string with at most two decimals: `"1234.56"`. */
export const MoneyString = (description = 'Amount in yuan as a decimal string, e.g. "1234.56".') =>
  Type.String({ pattern: MONEY_PATTERN, description, examples: ['1234.56'] });

/** Amount in integer fen as a string: `"123456"` is ¥1,234.56. */
export const FenString = (description = 'Amount in integer fen, as a string ("123456" is ¥1,234.56).') =>
  Type.String({ pattern: FEN_PATTERN, description, examples: ['800000'] });

/** A decimal fraction as a string: `"0.1825"` is 18.25%. */
export const RateString = (description = 'A decimal fraction as a string: "0.1825" is 18.25%.') =>
  Type.String({ pattern: RATE_PATTERN, description, examples: ['0.1825'] });

/** A business date `YYYY-MM-DD` (Asia/Shanghai). */
export const DateString = (description = 'A business date, YYYY-MM-DD (Asia/Shanghai).') =>
  Type.String({ pattern: DATE_PATTERN, description, examples: ['2026-11-22'] });

/** An instant, RFC 3339. */
export const InstantString = (description = 'An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).') =>
  Type.String({ format: 'date-time', description });

/** An id of one kind: `cus_01J…`. */
export const IdString = (kind: IdKind, description?: string) =>
  Type.String({
    pattern: described(
      `^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`,
      'id',
      `must be a ${kind} id: "${ID_PREFIXES[kind]}_" and 26 characters`,
    ),
    description: description ?? `A ${kind} id (${ID_PREFIXES[kind]}_…).`,
  });

/** A value or `null` (`anyOf [schema, null]`). */
export const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> =>
  Type.Union([schema, Type.Null()]);

/**
 * An object documented only in words: any properties. Use it only where the content really is free-form
 * (a policy graph, an audit entry's details); a field clients read deserves its own schema.
 */
export const AnyObject = (description: string) =>
  Type.Object({}, { additionalProperties: true, description });

/** A text staff and customers read, in both languages (`{zh, en}`). One schema for every such field. */
export const Text = Type.Object({ zh: Type.String(), en: Type.String() }, { additionalProperties: false });

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

/** The problem documents of the given statuses, for a route's `response`: `...problems(404, 422)`. */
export function problems<const S extends readonly number[]>(
  ...statuses: S
): { readonly [K in S[number]]: typeof ProblemSchema } {
  return Object.fromEntries(statuses.map((status) => [status, ProblemSchema])) as {
    readonly [K in S[number]]: typeof ProblemSchema;
  };
}

/**
 * A path parameter by name, for routes whose params schema is built at run time (a route factory shared by
 * products: `loanId` or `lineId`): the schema has validated it, so it is a string.
 */
export function pathParam(params: unknown, name: string): string {
  const value = (params as Readonly<Record<string, unknown>>)[name];
  if (typeof value !== 'string')
    throw new Error(`path parameter ${name} is missing (the route's schema names it)`);
  return value;
}
