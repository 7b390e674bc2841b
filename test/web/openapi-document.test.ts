import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { openPglite } from '../../src/platform/database/pglite.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import type { App } from '../../src/services.ts';
import { testConfig } from '../support/app.ts';
import { openObjects, type OpenApiDocument } from '../support/openapi.ts';

/**
 * The OpenAPI document as a contract: the renovation of issue 18 moved every route's schemas into `*.dto.ts`
 * files and typed the decision's reasons, recourse and evidence. These checks hold it there without a
 * snapshot: every operation and status the document had before the move is still there, and no schema of a
 * reason, a recourse plan or evidence is a free-form object.
 */

/** Every `METHOD path` and its statuses, as the document listed them before the move (demo mode on). */
const BEFORE = JSON.parse(
  readFileSync(new URL('./openapi-operations-before-issue-18.json', import.meta.url), 'utf8'),
) as Record<string, number[]>;

/** The properties whose schemas clients read most: a decision's why, what to do, and on what facts. */
const TYPED_PROPERTIES = ['reasons', 'recourse', 'overridden', 'evidence', 'override'];

let app: App;
let doc: OpenApiDocument;
beforeAll(async () => {
  app = await createApp({
    config: testConfig({ logLevel: 'error' }),
    db: await openPglite(),
    logger: createMemoryLogger('error').logger,
    demo: true,
  });
  await app.http.ready();
  doc = app.http.swagger() as unknown as OpenApiDocument;
});
afterAll(async () => {
  await app.stop();
});

/**
 * Every response schema in the document under a property of one of the names, with where it is (request
 * bodies are not walked: a reviewer's reasons name their parameters per code, checked by the use case).
 */
function propertiesNamed(names: readonly string[]): Array<{ at: string; schema: unknown }> {
  const found: Array<{ at: string; schema: unknown }> = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${at}/${i}`));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'requestBody') continue;
      if (key === 'properties' && typeof value === 'object' && value !== null)
        for (const [name, schema] of Object.entries(value))
          if (names.includes(name)) found.push({ at: `${at}/properties/${name}`, schema });
      walk(value, `${at}/${key}`);
    }
  };
  walk(doc.paths, '');
  return found;
}

describe('the OpenAPI document', () => {
  it('still has every operation and status it had before the schemas moved', () => {
    const now = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(methods))
        for (const status of Object.keys(operation.responses ?? {}))
          now.add(`${method.toUpperCase()} ${path} ${status}`);
    const missing = Object.entries(BEFORE).flatMap(([operation, statuses]) =>
      statuses.map((status) => `${operation} ${status}`).filter((entry) => !now.has(entry)),
    );
    expect(Object.keys(BEFORE).length).toBe(152);
    expect(missing).toEqual([]);
  });

  it('types reasons, recourse and evidence: no free-form object under them anywhere', () => {
    const found = propertiesNamed(TYPED_PROPERTIES);
    // The decision (POST and GET, the referral case, the appeal case file) and the customer's views have them.
    expect(found.length).toBeGreaterThan(10);
    const open = found.flatMap(({ at, schema }) => openObjects(schema, at));
    expect(open).toEqual([]);
  });

  it('types the evidence files of appeals: the upload answers are declared field by field', () => {
    const evidenceRoutes = Object.entries(doc.paths).filter(([path]) => path.endsWith('/evidence'));
    expect(evidenceRoutes.map(([path]) => path).sort()).toEqual([
      '/v1/appeals/evidence',
      '/v1/me/appeals/evidence',
    ]);
    for (const [path, methods] of evidenceRoutes)
      for (const [method, operation] of Object.entries(methods))
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (Number(status) >= 400) continue;
          const schema = response.content?.['application/json']?.schema;
          expect(schema, `${method} ${path} ${status}`).toBeDefined();
          expect(openObjects(schema), `${method} ${path} ${status}`).toEqual([]);
        }
  });
});
