import { Type } from 'typebox';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  AnyObject,
  DateString,
  IdString,
  MoneyString,
  ProblemSchema,
  RateString,
  StringEnum,
  Text,
} from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { parseMoney } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import { startOfBusinessDate, addDays, parseLocalDate } from '../platform/time/local-date.ts';
import { APPEAL_CATEGORIES, APPEAL_STATUSES, type AppealStatus } from './appeal.ts';
import type { AppealService } from './appeal-ports.ts';
import { UPHOLD_CODES } from './appeal-texts.ts';
import {
  appealView,
  auditEventView,
  caseFileView,
  customerAppealApiView,
  evidenceView,
  notificationView,
  queueItemView,
} from './appeal-view.ts';
import { acceptEvidenceBodies } from './evidence-body.http.ts';
import { registerUpholdReasonRoutes } from './uphold-reasons.routes.ts';
import { EVIDENCE_MEDIA_TYPES } from './evidence.ts';
import {
  AppealParams,
  CaseFileDto,
  CustomerAppealDto,
  EvidenceFileDto,
  Problems,
  QueueItemDto,
} from './appeals.dto.ts';

function principalOf(request: { principal?: Principal }): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key is required');
  return request.principal;
}

/**
 * Appeals over HTTP. The app files, uploads evidence, reads and withdraws — always for the customer it
 * names, and another customer's decision or appeal is simply not found. Reviewers work the queue; analysts
 * read the history and the figures. Thin: validate, call the use case, shape the answer.
 */
export function registerAppealRoutes(http: HttpServer, services: { readonly appeals: AppealService }): void {
  const { appeals } = services;
  const maxBytes = appeals.settings.maxEvidenceBytes;
  registerUpholdReasonRoutes(http);

  // Evidence is sent as the raw file (Content-Type image/jpeg, image/png or application/pdf), so this route
  // reads any body as bytes, with its own size limit, in a scope of its own.
  void http.register(async (scope) => {
    acceptEvidenceBodies(scope, maxBytes);

    scope.post(
      '/v1/appeals/evidence',
      {
        config: { roles: ['app'] },
        schema: {
          tags: ['appeals'],
          summary: 'Upload an evidence file for a customer (the raw file as the body).',
          description: `Content-Type one of ${EVIDENCE_MEDIA_TYPES.join(', ')}; the content must match it (magic bytes are checked); at most ${maxBytes} bytes. Stored with its SHA-256 in the database; the same file twice gives the same evidence id (200).`,
          querystring: Type.Object({ customerId: IdString('customer') }, { additionalProperties: false }),
          response: {
            201: EvidenceFileDto,
            200: { ...EvidenceFileDto, description: 'The same file was uploaded before.' },
            404: ProblemSchema,
            413: ProblemSchema,
            415: ProblemSchema,
            422: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const content = Buffer.isBuffer(body)
          ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
          : null;
        const result = await appeals.uploadEvidence({
          customerId: (request.query as { customerId: string }).customerId,
          declaredType: request.headers['content-type'],
          // A JSON (or empty) body is not a file; checkEvidence refuses its type.
          content: content ?? new Uint8Array(0),
          by: principalOf(request),
        });
        return reply.status(result.created ? 201 : 200).send(evidenceView(result.evidence));
      },
    );
  });

  http.post(
    '/v1/decisions/:id/appeals',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['appeals'],
        summary: 'Appeal a decision, for the customer named in the body.',
        description:
          'Files the appeal durably, then re-checks it at once: verification re-run, a new decision on current data, model and policy. If that is better for the customer (an approval, or a higher limit / lower price), the appeal is resolved in their favour; otherwise it joins the review queue with an SLA. 404 for an unknown decision or another customer’s (the same answer); 409 for a second open appeal; 422 after the appeal window.',
        params: Type.Object({ id: IdString('decision') }, { additionalProperties: false }),
        body: Type.Object(
          {
            customerId: IdString('customer'),
            category: StringEnum(APPEAL_CATEGORIES),
            statement: Type.String({
              minLength: 1,
              maxLength: 4000,
              description: 'What went wrong, in the customer’s words.',
            }),
            evidence: Type.Optional(
              Type.Array(IdString('evidence'), {
                maxItems: 50,
                description: 'Evidence ids from POST /v1/appeals/evidence.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: CustomerAppealDto, ...Problems },
      },
    },
    async (request, reply) => {
      const appeal = await appeals.file(
        {
          decisionId: request.params.id,
          customerId: request.body.customerId,
          category: request.body.category,
          statement: request.body.statement,
          evidenceIds: request.body.evidence ?? [],
        },
        principalOf(request),
      );
      return reply
        .status(201)
        .send(customerAppealApiView(await appeals.customerView(appeal.id, appeal.customerId)));
    },
  );

  http.get(
    '/v1/appeals/stats',
    {
      config: { roles: ['analyst'] },
      schema: {
        tags: ['appeals'],
        summary:
          'Appeal figures: by status, category and outcome, overturn rate, re-check share, SLA breaches, median time to resolution.',
        querystring: Type.Object(
          {
            from: Type.Optional(DateString('First filing date (inclusive).')),
            to: Type.Optional(DateString('Last filing date (inclusive).')),
          },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject('Counts and rates.'), 422: ProblemSchema },
      },
    },
    async (request) => {
      const from = request.query.from
        ? startOfBusinessDate(parseLocalDate(request.query.from, 'from'))
        : undefined;
      const to = request.query.to
        ? startOfBusinessDate(addDays(parseLocalDate(request.query.to, 'to'), 1))
        : undefined;
      const stats = await appeals.stats({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
      return { ...stats, from: stats.from.toISOString(), to: stats.to.toISOString() };
    },
  );

  http.get(
    '/v1/appeals',
    {
      config: { roles: ['reviewer', 'analyst'] },
      schema: {
        tags: ['appeals'],
        summary: 'The review queue (or any listing), highest priority first.',
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.String({
                pattern: '^[a-z_]+(,[a-z_]+)*$',
                description: 'Comma-separated statuses; default the open ones.',
              }),
            ),
            category: Type.Optional(StringEnum(APPEAL_CATEGORIES)),
            assignee: Type.Optional(
              Type.String({
                pattern: '^key_[0-9A-HJKMNP-TV-Z]{26}$|^me$',
                description: 'A reviewer key id, or "me".',
              }),
            ),
            customerId: Type.Optional(IdString('customer')),
            limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ appeals: Type.Array(QueueItemDto) }),
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const statuses = (request.query.status ?? 'filed,queued,in_review,pending_approval').split(',');
      for (const [index, status] of statuses.entries())
        if (!(APPEAL_STATUSES as readonly string[]).includes(status))
          throw AppError.invalid(
            `status[${index}]`,
            'one-of',
            `status must be one of ${APPEAL_STATUSES.join(', ')}`,
          );
      const principal = principalOf(request);
      const assignee = request.query.assignee === 'me' ? principal.keyId : request.query.assignee;
      const items = await appeals.list({
        statuses: statuses as AppealStatus[],
        ...(request.query.category ? { category: request.query.category } : {}),
        ...(assignee ? { assigneeId: assignee } : {}),
        ...(request.query.customerId ? { customerId: request.query.customerId } : {}),
        ...(request.query.limit ? { limit: Number(request.query.limit) } : {}),
      });
      return { appeals: items.map(queueItemView) };
    },
  );

  http.get(
    '/v1/appeals/:id',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['appeals'],
        summary: 'The appeal as the customer sees it: status and outcome in zh-CN and en.',
        params: AppealParams,
        querystring: Type.Object({ customerId: IdString('customer') }, { additionalProperties: false }),
        response: { 200: CustomerAppealDto, 404: ProblemSchema },
      },
    },
    async (request) =>
      customerAppealApiView(await appeals.customerView(request.params.id, request.query.customerId)),
  );

  http.post(
    '/v1/appeals/:id/withdraw',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['appeals'],
        summary: 'The customer withdraws the appeal (while it is open).',
        params: AppealParams,
        body: Type.Object({ customerId: IdString('customer') }, { additionalProperties: false }),
        response: { 200: CustomerAppealDto, ...Problems },
      },
    },
    async (request) => {
      const appeal = await appeals.withdraw(request.params.id, request.body.customerId, principalOf(request));
      return customerAppealApiView(await appeals.customerView(appeal.id, appeal.customerId));
    },
  );

  http.get(
    '/v1/appeals/:id/case',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['appeals'],
        summary:
          'The case file: the appeal, the original decision with its facts, trace and reasons, the re-check and the diff, the evidence, the customer’s history (PII masked).',
        params: AppealParams,
        response: { 200: CaseFileDto, 404: ProblemSchema },
      },
    },
    async (request) => caseFileView(await appeals.caseFile(request.params.id)),
  );

  http.get(
    '/v1/appeals/:id/evidence/:evidenceId',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['appeals'],
        summary: 'One evidence file of the appeal, as uploaded (with its SHA-256 in ETag).',
        params: Type.Object(
          { id: IdString('appeal'), evidenceId: IdString('evidence') },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { info, content } = await appeals.evidenceContent(request.params.id, request.params.evidenceId);
      return reply
        .header('content-type', info.mediaType)
        .header('etag', `"sha256:${info.sha256}"`)
        .header('content-disposition', `attachment; filename="${info.evidenceId}"`)
        .send(Buffer.from(content));
    },
  );

  const action = (
    path: string,
    summary: string,
    body: Parameters<typeof Type.Object>[0] | null,
    run: (id: string, body: Record<string, unknown>, principal: Principal) => Promise<unknown>,
  ) => {
    http.post(
      path,
      {
        config: { roles: ['reviewer'] },
        schema: {
          tags: ['appeals'],
          summary,
          params: AppealParams,
          ...(body ? { body: Type.Object(body, { additionalProperties: false }) } : {}),
          response: { 200: AnyObject('The appeal after the action.'), ...Problems },
        },
      },
      async (request) => {
        const params = request.params as { id: string };
        const result = await run(
          params.id,
          (request.body ?? {}) as Record<string, unknown>,
          principalOf(request),
        );
        return result;
      },
    );
  };

  action(
    '/v1/appeals/:id/claim',
    'Take the appeal (one reviewer at a time).',
    null,
    async (id, _body, principal) => appealView(await appeals.claim(id, principal)),
  );

  http.post(
    '/v1/appeals/claim-next',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['appeals'],
        summary: 'Take the queued appeal with the highest priority.',
        response: {
          200: Type.Object({ appeal: Type.Union([AnyObject('The appeal claimed.'), Type.Null()]) }),
        },
      },
    },
    async (request) => {
      const appeal = await appeals.claimNext(principalOf(request));
      return { appeal: appeal ? appealView(appeal) : null };
    },
  );

  action(
    '/v1/appeals/:id/assign',
    'Assign the appeal to a reviewer (admins may take it from another reviewer).',
    { reviewerKeyId: Type.String({ pattern: '^key_[0-9A-HJKMNP-TV-Z]{26}$' }) },
    async (id, body, principal) =>
      appealView(await appeals.assign(id, String(body.reviewerKeyId), principal)),
  );

  action(
    '/v1/appeals/:id/release',
    'Give the appeal back to the queue.',
    null,
    async (id, _body, principal) => appealView(await appeals.release(id, principal)),
  );

  action(
    '/v1/appeals/:id/comments',
    'Add a comment to the appeal’s record.',
    { note: Type.String({ minLength: 1, maxLength: 4000 }) },
    async (id, body, principal) => appealView(await appeals.comment(id, String(body.note), principal)),
  );

  action(
    '/v1/appeals/:id/decision',
    'Uphold (with reasons the customer will read) or overturn (a limit and price within your authority; above the threshold a second reviewer must approve).',
    {
      outcome: StringEnum(['uphold', 'overturn'] as const),
      reasons: Type.Optional(
        Type.Array(
          Type.Object(
            {
              code: StringEnum(UPHOLD_CODES),
              params: Type.Optional(Type.Object({}, { additionalProperties: true })),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 4 },
        ),
      ),
      message: Type.Optional(Text),
      limit: Type.Optional(MoneyString('The overriding limit in yuan ("8000.00").')),
      apr: Type.Optional(RateString('The overriding annual rate ("0.146").')),
      note: Type.Optional(Type.String({ maxLength: 4000 })),
    },
    async (id, body, principal) => {
      if (body.outcome === 'uphold') {
        if (!body.reasons)
          throw AppError.invalid('reasons', 'required', 'an uphold needs the reasons the customer will read');
        return appealView(
          await appeals.decide(
            id,
            {
              outcome: 'uphold',
              reasons: body.reasons as { code: string; params?: Record<string, unknown> }[],
              message: (body.message as { zh: string; en: string } | undefined) ?? null,
              note: typeof body.note === 'string' ? body.note : '',
            },
            principal,
          ),
        );
      }
      if (typeof body.limit !== 'string')
        throw AppError.invalid('limit', 'required', 'an overturn needs a limit');
      if (typeof body.apr !== 'string') throw AppError.invalid('apr', 'required', 'an overturn needs a rate');
      return appealView(
        await appeals.decide(
          id,
          {
            outcome: 'overturn',
            terms: { limit: parseMoney(body.limit, 'limit'), apr: parseRate(body.apr, 'apr') },
            note: typeof body.note === 'string' ? body.note : '',
          },
          principal,
        ),
      );
    },
  );

  action(
    '/v1/appeals/:id/approve',
    'Approve another reviewer’s overturn (maker-checker).',
    null,
    async (id, _body, principal) => appealView(await appeals.approve(id, principal)),
  );

  action(
    '/v1/appeals/:id/reject',
    'Send another reviewer’s overturn back to them, saying why.',
    { note: Type.String({ minLength: 1, maxLength: 4000 }) },
    async (id, body, principal) => appealView(await appeals.reject(id, String(body.note), principal)),
  );

  http.get(
    '/v1/appeals/:id/history',
    {
      config: { roles: ['reviewer', 'analyst'] },
      schema: {
        tags: ['appeals'],
        summary:
          'The appeal’s audit trail (append-only): every action with actor, time, status before and after, what changed; and its notifications.',
        params: AppealParams,
        response: {
          200: Type.Object({
            appealId: Type.String(),
            events: Type.Array(AnyObject('An audit event.')),
            notifications: Type.Array(AnyObject('A notification.')),
          }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const [events, notifications] = await Promise.all([
        appeals.history(request.params.id),
        appeals.notifications(request.params.id),
      ]);
      return {
        appealId: request.params.id,
        events: events.map(auditEventView),
        notifications: notifications.map(notificationView),
      };
    },
  );

  http.post(
    '/v1/appeals/recover',
    {
      config: { roles: [] },
      schema: {
        tags: ['appeals'],
        summary:
          'Run the recovery pass now (admin): due re-checks, undelivered notifications, SLA breaches not yet recorded.',
        response: { 200: AnyObject('What the pass did.') },
      },
    },
    async () => appeals.recover(),
  );
}
