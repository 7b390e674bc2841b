import { Type } from 'typebox';
import { actorOfPrincipal, type AuditActor } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { CustomerPrincipal } from '../platform/auth/customer-sessions.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { IdString, problems } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { Clock } from '../platform/time/clock.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import type { CopyService } from './copy-service.ts';
import type { CopyFormat } from './download-copy.ts';
import { CopyListSchema, CopySchema, copyView, MyCopyBody, StaffCopyBody } from './export.dto.ts';
import { customerActor } from './privacy-actors.ts';

export interface PrivacyRouteDeps {
  readonly copies: CopyService;
  readonly clock: Clock;
}

const Problems = problems(401, 403, 404, 409, 422);
const CopyParams = Type.Object({ exportId: IdString('dataExport') }, { additionalProperties: false });
const CustomerParams = Type.Object({ customerId: IdString('customer') }, { additionalProperties: false });
const CustomerCopyParams = Type.Object(
  { customerId: IdString('customer'), exportId: IdString('dataExport') },
  { additionalProperties: false },
);

function customerOf(request: { customer?: CustomerPrincipal }): CustomerPrincipal {
  if (!request.customer) throw new AppError('UNAUTHENTICATED', 'sign in: a customer session is required');
  return request.customer;
}

function staffOf(request: { principal?: Principal }): { principal: Principal; actor: AuditActor } {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key is required');
  return { principal: request.principal, actor: actorOfPrincipal(request.principal) };
}

/**
 * The copy of one's data (PIPL Art. 45): the customer's own routes under `/v1/me/data/copies` (identity in
 * clear; the customer from the session) and staff's under `/v1/customers/{id}/data/copies` (reviewer or
 * admin, with a reason; identity masked unless an admin asks for it in clear). A copy is made in the
 * background: the POST answers 202 with its progress; its files are served to the one who asked only.
 */
export function registerPrivacyRoutes(http: HttpServer, deps: PrivacyRouteDeps): void {
  const { copies, clock } = deps;
  const meBase = (id: string) => `/v1/me/data/copies/${id}`;
  const staffBase = (customerId: string, id: string) => `/v1/customers/${customerId}/data/copies/${id}`;

  http.post(
    '/v1/me/data/copies',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Ask for a copy of everything held about me (JSON and a readable summary); made in the background.',
        body: Type.Optional(MyCopyBody),
        response: { 202: CopySchema, ...Problems },
      },
    },
    async (request, reply) => {
      const me = customerOf(request);
      const body = (request.body ?? {}) as { asOf?: string };
      const { job } = await copies.request({
        customerId: me.customerId,
        channel: 'app',
        requestedBy: customerActor(me.customerId),
        identity: 'clear',
        ...(body.asOf ? { asOf: parseLocalDate(body.asOf, 'asOf') } : {}),
      });
      return reply.code(202).send(copyView(job, meBase(job.id), clock.now()));
    },
  );

  http.get(
    '/v1/me/data/copies',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'My copies, newest first, with their progress and expiry.',
        response: { 200: CopyListSchema, ...Problems },
      },
    },
    async (request) => {
      const me = customerOf(request);
      const jobs = await copies.list({ customerId: me.customerId, actor: customerActor(me.customerId) });
      const now = clock.now();
      return { items: jobs.map((job) => copyView(job, meBase(job.id), now)) };
    },
  );

  http.get(
    '/v1/me/data/copies/:exportId',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary: 'One of my copies: its progress (steps done of total), then its files until it expires.',
        params: CopyParams,
        response: { 200: CopySchema, ...Problems },
      },
    },
    async (request) => {
      const me = customerOf(request);
      const job = await copies.get({
        customerId: me.customerId,
        exportId: request.params.exportId,
        actor: customerActor(me.customerId),
      });
      return copyView(job, meBase(job.id), clock.now());
    },
  );

  for (const [suffix, format] of [
    ['document', 'json'],
    ['summary', 'html'],
  ] as const) {
    http.get(
      `/v1/me/data/copies/:exportId/${suffix}`,
      {
        config: { customer: true },
        schema: {
          tags: ['me'],
          summary:
            format === 'json'
              ? 'My copy as one JSON document (schema credence.data-export/v1; SHA-256 in ETag).'
              : 'My copy as a readable page (HTML, zh-CN and en, printable).',
          params: CopyParams,
        },
      },
      async (request, reply) => {
        const me = customerOf(request);
        const file = await copies.download({
          customerId: me.customerId,
          exportId: request.params.exportId,
          actor: customerActor(me.customerId),
          format: format as CopyFormat,
        });
        return send(reply, file, format);
      },
    );
  }

  http.post(
    '/v1/customers/:customerId/data/copies',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['privacy'],
        summary:
          'Ask for a copy of a customer’s data on their behalf (with a reason; identity masked, clear for admins only).',
        params: CustomerParams,
        body: StaffCopyBody,
        response: { 202: CopySchema, ...Problems },
      },
    },
    async (request, reply) => {
      const { principal, actor } = staffOf(request);
      const body = request.body as { reason: string; asOf?: string; identity?: 'masked' | 'clear' };
      const identity = body.identity ?? 'masked';
      if (identity === 'clear' && principal.role !== 'admin')
        throw new AppError('FORBIDDEN', 'only an admin may ask for a copy with the identity in clear', {
          issues: [{ field: 'identity', rule: 'admin-only', message: 'only an admin may ask for "clear"' }],
        });
      const { job } = await copies.request({
        customerId: request.params.customerId,
        channel: 'staff',
        requestedBy: actor,
        reason: body.reason,
        identity,
        ...(body.asOf ? { asOf: parseLocalDate(body.asOf, 'asOf') } : {}),
      });
      return reply.code(202).send(copyView(job, staffBase(job.customerId, job.id), clock.now()));
    },
  );

  http.get(
    '/v1/customers/:customerId/data/copies/:exportId',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['privacy'],
        summary: 'A copy asked for by me on a customer’s behalf: its progress and files.',
        params: CustomerCopyParams,
        response: { 200: CopySchema, ...Problems },
      },
    },
    async (request) => {
      const { actor } = staffOf(request);
      const job = await copies.get({
        customerId: request.params.customerId,
        exportId: request.params.exportId,
        actor,
      });
      return copyView(job, staffBase(job.customerId, job.id), clock.now());
    },
  );

  for (const [suffix, format] of [
    ['document', 'json'],
    ['summary', 'html'],
  ] as const) {
    http.get(
      `/v1/customers/:customerId/data/copies/:exportId/${suffix}`,
      {
        config: { roles: ['reviewer'] },
        schema: {
          tags: ['privacy'],
          summary:
            format === 'json'
              ? 'The copy as one JSON document, for the staff member who asked for it (audited).'
              : 'The copy as a readable page, for the staff member who asked for it (audited).',
          params: CustomerCopyParams,
        },
      },
      async (request, reply) => {
        const { actor } = staffOf(request);
        const file = await copies.download({
          customerId: request.params.customerId,
          exportId: request.params.exportId,
          actor,
          format: format as CopyFormat,
        });
        return send(reply, file, format);
      },
    );
  }
}

function send(
  reply: {
    header(name: string, value: string): unknown;
    send(body: Buffer): unknown;
  },
  file: { body: Uint8Array; filename: string; mediaType: string; sha256: string | null },
  format: 'json' | 'html',
): unknown {
  reply.header('content-type', file.mediaType);
  reply.header(
    'content-disposition',
    `${format === 'json' ? 'attachment' : 'inline'}; filename="${file.filename}"`,
  );
  if (file.sha256) reply.header('etag', `"sha256:${file.sha256}"`);
  return reply.send(Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
}
