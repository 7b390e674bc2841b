import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Reading the app's OpenAPI document in tests: find a route's declared response schema, spot free-form
 * objects in it, and check a real answer against it with every declared object closed — fastify writes
 * answers with JSON.stringify, so a schema neither drops nor checks a field: these helpers do.
 */

export interface ResponseDoc {
  readonly content?: Record<string, { readonly schema?: unknown }>;
}

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { readonly responses?: Record<string, ResponseDoc> }>>;
}

type JsonSchema = { readonly [key: string]: unknown };

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON pointers of object schemas that declare no properties and take any (an `AnyObject`). */
export function openObjects(schema: unknown, at = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => openObjects(item, `${at}/${i}`));
  if (!isSchema(schema)) return [];
  const own =
    schema.type === 'object' &&
    Object.keys(isSchema(schema.properties) ? schema.properties : {}).length === 0 &&
    !isSchema(schema.additionalProperties) &&
    !isSchema(schema.patternProperties)
      ? [at || '/']
      : [];
  return [
    ...own,
    ...Object.entries(schema).flatMap(([key, value]) =>
      key === 'examples' || key === 'enum' ? [] : openObjects(value, `${at}/${key}`),
    ),
  ];
}

/** The schema with every object that lists its properties closed: a field it does not declare is an error. */
export function closed(schema: unknown): object {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isSchema(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node))
      out[key] = key === 'examples' || key === 'enum' ? value : walk(value);
    if (isSchema(node.properties) && node.additionalProperties === undefined)
      out.additionalProperties = false;
    return out;
  };
  return walk(schema) as object;
}

/** The JSON schema a route declares for one status (`/v1/decisions/:id` or `{id}` both work), if any. */
export function responseSchema(doc: OpenApiDocument, method: string, route: string, status: number): unknown {
  const path = route.replace(/:(\w+)/g, '{$1}');
  return doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json']
    ?.schema;
}

/** An Ajv for OpenAPI 3.1 schemas (JSON Schema 2020-12) with the string formats. */
export function openApiAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}
