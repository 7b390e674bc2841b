import { Type } from 'typebox';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { DateString, IdString, InstantString, ProblemSchema, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { CHANGE_KINDS, CHANGE_STATUSES, type ChangeActor, type ChangeRequest } from './change-requests.ts';
import type { ChangeService } from './change-service.ts';

/** The requester or approver of a four-eyes change: the caller's key or session id and their name. */
export function changeActorOf(principal: Principal | undefined): ChangeActor {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'sign in or send an API key');
  return { id: principal.keyId, name: principal.name };
}

/** One four-eyes change as the inbox shows it. */
export const ChangeDto = Type.Object(
  {
    changeId: IdString('changeRequest'),
    kind: StringEnum(CHANGE_KINDS),
    summary: Type.String(),
    requestedBy: Type.String({ description: 'The name of the person (key or staff user) who asked.' }),
    requestedAt: InstantString(),
    effectiveFrom: DateString('From this date on, once approved.'),
    status: StringEnum(CHANGE_STATUSES),
    payloadRef: Type.String({
      description:
        'Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting).',
    }),
    simulationId: Type.Union([IdString('policySimulation'), Type.Null()], {
      description: 'A simulation of the candidate policy, attached by the requester.',
    }),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([InstantString(), Type.Null()]),
    note: Type.String(),
    bootstrap: Type.Boolean({
      description:
        'Took effect without a second person: the first policy or settings of a fresh database, or demo seeding.',
    }),
  },
  { additionalProperties: false },
);

function payloadRef(change: ChangeRequest): string {
  switch (change.kind) {
    case 'policy':
      return `/v1/policies/${change.subject}`;
    case 'model':
      return `/v1/models/${encodeURIComponent(change.subject)}`;
    case 'settings':
      return `/v1/approvals/${change.id}`;
  }
}

export function changeDto(change: ChangeRequest) {
  return {
    changeId: change.id,
    kind: change.kind,
    summary: change.summary,
    requestedBy: change.requestedBy.name,
    requestedAt: change.requestedAt.toISOString(),
    effectiveFrom: change.effectiveFrom,
    status: change.status,
    payloadRef: payloadRef(change),
    simulationId: change.simulationId,
    decidedBy: change.decidedBy?.name ?? null,
    decidedAt: change.decidedAt?.toISOString() ?? null,
    note: change.note,
    bootstrap: change.bootstrap,
  };
}

const ROLES = ['analyst'] as const;
const ChangeParams = Type.Object({ changeId: IdString('changeRequest') }, { additionalProperties: false });
const DecisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
const decisionErrors = {
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
};

/**
 * The four-eyes inbox (analysts and admins): every pending policy version, model activation and lending
 * settings change in one list; approve or reject by a person other than the requester.
 */
export function registerApprovalRoutes(
  http: HttpServer,
  services: { readonly changes: ChangeService },
): void {
  const { changes } = services;

  http.get(
    '/v1/approvals',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'Four-eyes changes (policy versions, model activations, lending settings), newest first.',
        querystring: Type.Object(
          {
            status: Type.Optional(StringEnum(CHANGE_STATUSES)),
            kind: Type.Optional(StringEnum(CHANGE_KINDS)),
            // A query string is text and is not coerced: the page size is digits, checked here.
            limit: Type.Optional(
              Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1–500, default 100.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ChangeDto) }) },
      },
    },
    async (request) => ({
      items: (
        await changes.list({
          ...(request.query.status ? { status: request.query.status } : {}),
          ...(request.query.kind ? { kind: request.query.kind } : {}),
          ...(request.query.limit !== undefined ? { limit: pageSize(request.query.limit) } : {}),
        })
      ).map(changeDto),
    }),
  );

  http.get(
    '/v1/approvals/:changeId',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'One four-eyes change, with what it applies.',
        params: ChangeParams,
        response: {
          200: Type.Object({
            change: ChangeDto,
            payload: Type.Object({}, { additionalProperties: true, description: 'What approval applies.' }),
          }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const change = await changes.get(request.params.changeId);
      return { change: changeDto(change), payload: { ...change.payload } };
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    http.post(
      `/v1/approvals/:changeId/${decision}`,
      {
        config: { roles: ROLES },
        schema: {
          tags: ['policy'],
          summary:
            decision === 'approve'
              ? 'Approve a change: it takes effect (a policy from its date, a model at once, a setting from its date).'
              : 'Reject a change: nothing is applied.',
          description:
            'By a person other than the requester (names compared as people: case, width and spacing do not make another person): 403 `maker-checker` otherwise. A decided change is final: 409. 422 when it can no longer apply (its date passed).',
          params: ChangeParams,
          body: Type.Optional(DecisionBody),
          response: { 200: Type.Object({ change: ChangeDto }), ...decisionErrors },
        },
      },
      async (request) => {
        const by = changeActorOf(request.principal);
        const note = request.body?.note;
        const change =
          decision === 'approve'
            ? await changes.approve(request.params.changeId, by, note)
            : await changes.reject(request.params.changeId, by, note);
        return { change: changeDto(change) };
      },
    );
  }
}

function pageSize(text: string): number {
  const size = Number(text);
  if (size > 500) throw AppError.invalid('query.limit', 'maximum', 'limit must be at most 500');
  return size;
}
