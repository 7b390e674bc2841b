import { beforeAll, describe, expect, it } from 'vitest';
import { patternRule } from '../../src/platform/http/schemas.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * One unit per field name across the API: a money field named `…Fen` is integer fen (the shared
 * `FenString` format), every other money field is yuan as a decimal string (`MoneyString`). This walks
 * `/openapi.json` — every route, request bodies, query parameters and responses — and checks each field
 * whose name says money against the format its schema declares. `POST /v1/decisions` took
 * `requestedAmount` in yuan and answered it in fen; that is what this catches.
 *
 * No exception is left (2026-12-06): the appeals' granted limit and monitoring's limit totals and means
 * answer yuan under their plain names and fen under `…Fen`, and the loans' and lines' amounts declare
 * `MoneyString`. A money field that cannot declare its format goes in `UNDECLARED_ALLOWED` with the reason;
 * that list is exact — a field fixed must leave it, a new one fails.
 */

/** Field names that carry money (amounts, limits, balances, fees …), not dates, rates, counts or ids. */
const MONEY_NAME =
  /(amount|limit|balance|principal|interest|fee|fees|payment|payments|minimum|income|debt|overdue|outstanding|total|repaid|price|charge|penalty|available|used|owed|paid|refunds?|instalmentPrincipal|notYetBilled|fen|yuan)$/i;
const NOT_MONEY = /(Date|At|Rate|From|Days|Count|Months|Id|Ratio|Code|Status|Cycles|Level|Percent)$/;

interface Field {
  readonly where: string;
  readonly name: string;
  readonly schema: Record<string, unknown>;
}

/** The string branch of a schema (a nullable string is `anyOf: [string, null]`). */
function stringSchema(schema: Record<string, unknown>): Record<string, unknown> | null {
  if (schema.type === 'string') return schema;
  const branches = (schema.anyOf ?? schema.oneOf) as Array<Record<string, unknown>> | undefined;
  return branches?.find((branch) => branch.type === 'string') ?? null;
}

function collect(schema: unknown, where: string, out: Field[]): void {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
  if (properties)
    for (const [name, child] of Object.entries(properties)) {
      out.push({ where: `${where}.${name}`, name, schema: child });
      collect(child, `${where}.${name}`, out);
    }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
    const sub = node[key];
    if (Array.isArray(sub)) sub.forEach((entry) => collect(entry, where, out));
    else if (sub && typeof sub === 'object') collect(sub, `${where}[]`, out);
  }
}

/** Every money field of the document that breaks the rule, as "METHOD /path place.field: why". */
function violations(doc: Record<string, unknown>): Violation[] {
  const fields: Field[] = [];
  const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
  for (const [path, operations] of Object.entries(paths))
    for (const [method, operation] of Object.entries(operations)) {
      const at = `${method.toUpperCase()} ${path}`;
      const body = operation.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined;
      collect(body?.content?.['application/json']?.schema, `${at} body`, fields);
      for (const [status, response] of Object.entries(
        (operation.responses ?? {}) as Record<string, { content?: Record<string, { schema?: unknown }> }>,
      ))
        collect(response.content?.['application/json']?.schema, `${at} ${status}`, fields);
      for (const parameter of (operation.parameters ?? []) as Array<Record<string, unknown>>)
        if (parameter.in === 'query' && parameter.name !== 'limit')
          fields.push({
            where: `${at} ?${String(parameter.name)}`,
            name: String(parameter.name),
            schema: (parameter.schema ?? {}) as Record<string, unknown>,
          });
    }
  const found: Violation[] = [];
  for (const field of fields) {
    if (!MONEY_NAME.test(field.name) || NOT_MONEY.test(field.name)) continue;
    const string = stringSchema(field.schema);
    if (!string) continue; // an object of amounts, a number of days …: its own fields are checked
    const rule = typeof string.pattern === 'string' ? patternRule(string.pattern)?.rule : undefined;
    const description = String(string.description ?? field.schema.description ?? '');
    const wanted = field.name.endsWith('Fen') ? 'fen' : 'money';
    // The unit the schema says, by its format or, without one, by its words ("Integer fen.").
    const said =
      rule ?? (/\bfen\b/i.test(description) ? 'fen' : /\byuan\b/i.test(description) ? 'money' : undefined);
    if (said === undefined) found.push({ line: `${field.where}: no declared format`, kind: 'undeclared' });
    else if (said !== wanted)
      found.push({ line: `${field.where}: ${said}, wants ${wanted}`, kind: 'conflict' });
  }
  return found.sort((x, y) => (x.line < y.line ? -1 : 1));
}

interface Violation {
  readonly line: string;
  /** `conflict`: the name says one unit, the schema another; `undeclared`: no unit said at all. */
  readonly kind: 'conflict' | 'undeclared';
}

let t: TestApp;
let doc: Record<string, unknown>;
beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.http.inject({ method: 'GET', url: '/openapi.json' });
  doc = response.json() as Record<string, unknown>;
});

describe('money units across the API (/openapi.json)', () => {
  it('decisions: yuan under plain names, integer fen under …Fen, each format declared', () => {
    const decisions = violations(doc).filter(
      (v) => / \/v1\/(decisions|customers\/\{id\}\/decisions)[ /]/.test(v.line) && !knownConflict(v.line),
    );
    expect(decisions.filter((v) => !v.line.includes('/appeals '))).toEqual([]);
    const paths = doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const schema = JSON.stringify(paths['/v1/decisions']?.post?.responses['201']);
    for (const name of ['limit', 'requestedAmount', 'limitFen', 'requestedAmountFen'])
      expect(schema).toContain(`"${name}"`);
  });

  it('every route: no money field says a unit its name does not', () => {
    const conflicts = violations(doc)
      .filter((v) => v.kind === 'conflict')
      .map((v) => v.line);
    expect(conflicts.filter((line) => !knownConflict(line))).toEqual([]);
    // Exact: each known field still conflicts somewhere (a field fixed must leave the list).
    expect(
      Object.keys(CONFLICT_KNOWN).filter(
        (field) => !conflicts.some((line) => line.endsWith(`.${field}: fen, wants money`)),
      ),
    ).toEqual([]);
  });

  it('every route: each money field declares its format (MoneyString or FenString), beyond the exact allow-list', () => {
    const undeclared = violations(doc)
      .filter((v) => v.kind === 'undeclared')
      .map((v) => v.line.replace(/: no declared format$/, ''));
    expect(undeclared.filter((path) => !(path in UNDECLARED_ALLOWED))).toEqual([]);
    expect(Object.keys(UNDECLARED_ALLOWED).filter((path) => !undeclared.includes(path))).toEqual([]);
  });

  it('the fields that answered fen under plain names now answer yuan, with the fen twin beside them', () => {
    const paths = doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const granted = JSON.stringify(paths['/v1/appeals/{id}']?.get?.responses['200']);
    expect(granted).toContain('"limitFen"');
    const outcomes = JSON.stringify(paths['/v1/monitoring/outcomes']?.get?.responses['200']);
    for (const name of ['approvedLimitTotalFen', 'averageApprovedLimitFen'])
      expect(outcomes).toContain(`"${name}"`);
  });
});

/**
 * Money fields (as "METHOD /path place.field") that may go without a declared format, each with the reason
 * it cannot declare one. Empty on 2026-12-06: the last 351 (the loans' and lines' amounts, and the /v1/me
 * routes that reuse their DTOs) declare `MoneyString` now.
 */
const UNDECLARED_ALLOWED: Readonly<Record<string, string>> = {};

/**
 * Conflicts found, not yet fixed: fields of the decision record (wherever a decision is answered — decisions,
 * overrides, an appeal's case file) in integer fen under plain names. Until 2026-12-07 the decision's
 * `evidence`, `recourse` and `override` were free-form objects in the document, so this walk could not see into
 * them; issue 18 typed them as they are on the wire, which shows these. Renaming them on the wire (a yuan field
 * with its `…Fen` twin, as the appeals' and monitoring's were) is open work: the web app and the stored
 * decision records read them. Exact: a field fixed must leave the list, a new one fails.
 */
const CONFLICT_KNOWN: Readonly<Record<string, string>> = {
  'evidence.facts.requestedAmount': 'the decision facts keep the amount asked for in fen',
  'recourse.goal.amount': 'a recourse goal of an amount, in fen',
  'recourse.verified.limit': 'the limit the verified recourse would give, in fen',
  'override.limit': 'the limit a reviewer set, in fen',
};

function knownConflict(line: string): boolean {
  return Object.keys(CONFLICT_KNOWN).some((field) => line.endsWith(`.${field}: fen, wants money`));
}
