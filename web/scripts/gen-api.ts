import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateApiSchema, SCHEMA_FILE } from './api-schema.ts';

// `npm run gen:api`: rewrites web/src/api/schema.d.ts from the server's current route schemas.
const contents = await generateApiSchema();
writeFileSync(SCHEMA_FILE, contents);
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)} (${contents.length} characters)`);
