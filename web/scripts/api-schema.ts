import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { createApp } from '../../src/app.ts';
import { testPiiConfig } from '../../src/platform/config/config.ts';
import { openPglite } from '../../src/platform/database/pglite.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';

/** Where the committed client types live (web/src/api/schema.d.ts). */
export const SCHEMA_FILE = new URL('../src/api/schema.d.ts', import.meta.url);

const HEADER = `/**
 * Generated from the server's /openapi.json by \`npm run gen:api\` (web/scripts/gen-api.ts). Do not edit:
 * change the route schemas and regenerate; test/web/api-schema.test.ts fails when this file is stale.
 */

`;

/**
 * The typed API of the web package: starts the app in this process on an in-memory PGlite (no network, no
 * data directory, nothing listens), reads its OpenAPI document and turns it into TypeScript types with
 * openapi-typescript.
 */
export async function generateApiSchema(): Promise<string> {
  const db = await openPglite();
  const app = await createApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: '/nonexistent-credence-gen-api',
      databaseUrl: undefined,
      logLevel: 'error',
      bodyLimit: 1_048_576,
      pii: testPiiConfig(),
    },
    db,
    logger: createMemoryLogger('error').logger,
    // The demo sign-in routes are part of the API the web app knows (they answer 404 outside demo mode).
    demo: true,
  });
  try {
    await app.http.ready();
    const document = app.http.swagger() as unknown as Parameters<typeof openapiTS>[0];
    const ast = await openapiTS(document as never, { alphabetize: true });
    // Formatted as the repository's prettier would (so `prettier --write web` leaves it as generated).
    const options = (await resolveConfig(SCHEMA_FILE)) ?? {};
    return format(HEADER + astToString(ast), { ...options, parser: 'typescript' });
  } finally {
    await app.stop();
  }
}
