import { randomFillSync } from 'node:crypto';
import { Type } from 'typebox';
import { generateApiKeySecret, ROLES, type ApiKeyRecord, type Principal } from '../platform/auth/api-keys.ts';
import { actorOfPrincipal, recordApiKeyChange, SYSTEM_ACTOR } from '../platform/audit/audit-log.ts';
import { IdString, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { Services } from '../services.ts';

const ApiKeyDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: StringEnum(ROLES),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart.' }),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

function toDto(record: ApiKeyRecord) {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    prefix: record.prefix,
    createdAt: record.createdAt.toISOString(),
    revokedAt: record.revokedAt?.toISOString() ?? null,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
  };
}

const actorOf = (principal: Principal | undefined) =>
  principal ? actorOfPrincipal(principal) : SYSTEM_ACTOR;

/** Key management (admin only). */
export function registerPlatformRoutes(
  http: HttpServer,
  services: Pick<Services, 'apiKeys' | 'audit'>,
): void {
  http.get(
    '/v1/keys',
    {
      config: { roles: [] },
      schema: {
        tags: ['platform'],
        summary: 'List API keys (never the secrets).',
        response: { 200: Type.Object({ keys: Type.Array(ApiKeyDto) }) },
      },
    },
    async () => ({ keys: (await services.apiKeys.list()).map(toDto) }),
  );

  http.post(
    '/v1/keys',
    {
      config: { roles: [] },
      schema: {
        tags: ['platform'],
        summary: 'Create an API key; the secret is shown once, in this response.',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            role: StringEnum(ROLES),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ key: ApiKeyDto, secret: Type.String() }) },
      },
    },
    async (request, reply) => {
      const secret = generateApiKeySecret(request.body.role, (n) => randomFillSync(new Uint8Array(n)));
      const key = await services.apiKeys.create({ name: request.body.name, role: request.body.role, secret });
      await recordApiKeyChange(services.audit, actorOf(request.principal), 'api-key.create', key);
      return reply.status(201).send({ key: toDto(key), secret });
    },
  );

  http.delete(
    '/v1/keys/:id',
    {
      config: { roles: [] },
      schema: {
        tags: ['platform'],
        summary: 'Revoke an API key.',
        params: Type.Object({ id: IdString('apiKey') }),
        response: { 200: Type.Object({ key: ApiKeyDto }) },
      },
    },
    async (request) => {
      const key = await services.apiKeys.revoke(request.params.id);
      await recordApiKeyChange(services.audit, actorOf(request.principal), 'api-key.revoke', key);
      return { key: toDto(key) };
    },
  );
}
