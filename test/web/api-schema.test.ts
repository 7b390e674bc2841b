import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiSchema, SCHEMA_FILE } from '../../web/scripts/api-schema.ts';

describe('the web client types (web/src/api/schema.d.ts)', () => {
  it('are what `npm run gen:api` makes from the current route schemas', async () => {
    // Given the committed file and the schema the app describes now
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const current = await generateApiSchema();
    // Then they are the same: a route changed without `npm run gen:api` fails here
    expect(
      committed === current,
      'web/src/api/schema.d.ts is stale: run `npm run gen:api` and commit it',
    ).toBe(true);
  });
});
