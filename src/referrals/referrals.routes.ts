import { Type } from 'typebox';
import { DecisionDto } from '../decisions/decision.dto.ts';
import { decisionView } from '../decisions/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  FenString,
  IdString,
  InstantString,
  MoneyString,
  Nullable,
  problems,
  ProblemSchema,
  RateString,
  StringEnum,
  Text,
} from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { parseMoney } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import type { Clock } from '../platform/time/clock.ts';
import { REFERRAL_STATUSES, type ReferralStatus } from './referral.ts';
import type { ReferralService } from './referral-ports.ts';
import { DECLINE_CODES } from './referral-texts.ts';
import { caseView, referralCaseView } from './referral-view.ts';

const ActorDto = Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() });
const Problems = problems(400, 403, 404, 409, 422);

const ReferralCaseDto = Type.Object({
  referralId: IdString('referral'),
  decisionId: IdString('decision'),
  customerId: IdString('customer'),
  product: Type.String(),
  reasonCodes: Type.Array(Type.String(), {
    description:
      'Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW).',
  }),
  faultStage: Nullable(Type.String({ description: 'For a referral by fault: the stage that failed.' })),
  status: StringEnum(REFERRAL_STATUSES, {
    description:
      'open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).',
  }),
  version: Type.Integer(),
  claimedBy: Nullable(ActorDto),
  claimedAt: Nullable(InstantString()),
  claimExpiresAt: Nullable(InstantString()),
  proposal: Nullable(
    Type.Object(
      {
        maker: ActorDto,
        limit: MoneyString('The limit proposed, in yuan.'),
        limitFen: FenString('The limit proposed, in integer fen.'),
        apr: RateString('The APR proposed.'),
        note: Type.String(),
        proposedAt: InstantString(),
      },
      { description: 'An approval above the maker’s authority, waiting for a second person.' },
    ),
  ),
  slaDueAt: InstantString('Answer due by then: the SLA in business hours on the business calendar.'),
  slaBreached: Type.Boolean(),
  createdAt: InstantString(),
  decidedAt: Nullable(InstantString()),
  closedBy: Nullable(StringEnum(['review', 'rerun', 'superseded'] as const)),
  outcome: Nullable(StringEnum(['approved', 'declined', 'referred'] as const)),
  resultDecisionId: Nullable(IdString('decision')),
});

const HistoryDto = Type.Object({
  seq: Type.Integer(),
  action: Type.String(),
  actor: ActorDto,
  at: InstantString(),
  statusBefore: Nullable(Type.String()),
  statusAfter: Type.String(),
  details: Type.Object({}, { additionalProperties: true, description: 'What the action changed.' }),
  note: Nullable(Type.String()),
});

const ActionResult = Type.Object({ case: ReferralCaseDto, decision: Nullable(DecisionDto) });

const Params = Type.Object({ id: IdString('referral') }, { additionalProperties: false });

function principalOf(request: { principal?: Principal }): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key or a staff session is required');
  return request.principal;
}

/**
 * The referral queue over HTTP (reviewers; admins too): list, read, claim, release, re-run, decide, and the
 * second person's approve or reject. Thin: validate, call the use case, shape the answer.
 */
export function registerReferralRoutes(
  http: HttpServer,
  services: { readonly referrals: ReferralService },
  clock: Clock,
): void {
  const { referrals } = services;

  http.get(
    '/v1/referrals',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['referrals'],
        summary: 'The referral queue, newest first; `next` pages on (keyset).',
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.String({
                pattern: '^[a-z_]+(,[a-z_]+)*$',
                description: `Comma-separated: ${REFERRAL_STATUSES.join(', ')}; default the open ones.`,
              }),
            ),
            product: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' })),
            claimedBy: Type.Optional(
              Type.String({
                pattern: '^(key_[0-9A-HJKMNP-TV-Z]{26}|staff:[A-Za-z0-9_]{1,64}|me)$',
                description: 'A claimant’s principal id, or "me".',
              }),
            ),
            limit: Type.Optional(
              Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1–500, default 50.' }),
            ),
            before: Type.Optional(
              IdString('referral', 'Cases older than this one (the previous page’s `next`).'),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(ReferralCaseDto), next: Nullable(IdString('referral')) }),
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const statuses = (request.query.status ?? 'open,claimed,pending_approval').split(',');
      for (const [index, status] of statuses.entries())
        if (!(REFERRAL_STATUSES as readonly string[]).includes(status))
          throw AppError.invalid(
            `status[${index}]`,
            'one-of',
            `status must be one of ${REFERRAL_STATUSES.join(', ')}`,
          );
      const limit = request.query.limit ? Number(request.query.limit) : 50;
      const claimedBy =
        request.query.claimedBy === 'me' ? principalOf(request).keyId : request.query.claimedBy;
      const items = await referrals.list({
        statuses: statuses as ReferralStatus[],
        ...(request.query.product ? { productCode: request.query.product } : {}),
        ...(claimedBy ? { claimedBy } : {}),
        ...(request.query.before ? { before: request.query.before } : {}),
        limit,
      });
      const now = clock.now();
      const last = items[items.length - 1];
      return {
        items: items.map((item) => referralCaseView(item, now)),
        next: items.length === limit && last ? last.id : null,
      };
    },
  );

  http.get(
    '/v1/referrals/:id',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['referrals'],
        summary:
          'One case: the case with its SLA, the referred decision with reasons, facts and trace, why it was referred, the decision that closed it, and its history.',
        params: Params,
        response: {
          200: Type.Object({
            case: ReferralCaseDto,
            decision: DecisionDto,
            whyReferred: Type.Object({
              reasons: Type.Array(Type.Object({ code: Type.String(), kind: Type.String(), text: Text })),
              fault: Nullable(
                Type.Object({}, { additionalProperties: true, description: 'stage, code, message' }),
              ),
            }),
            result: Nullable(DecisionDto),
            history: Type.Array(HistoryDto),
          }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => caseView(await referrals.get(request.params.id), clock.now()),
  );

  const answer = (result: {
    referral: Parameters<typeof referralCaseView>[0];
    decision: Parameters<typeof decisionView>[0] | null;
  }) => ({
    case: referralCaseView(result.referral, clock.now()),
    decision: result.decision ? decisionView(result.decision) : null,
  });

  const action = <B extends Parameters<typeof Type.Object>[0] | null>(
    path: string,
    summary: string,
    body: B,
    run: (
      id: string,
      body: Record<string, unknown>,
      principal: Principal,
    ) => Promise<ReturnType<typeof answer>>,
  ) =>
    http.post(
      path,
      {
        config: { roles: ['reviewer'] },
        schema: {
          tags: ['referrals'],
          summary,
          params: Params,
          ...(body ? { body: Type.Object(body, { additionalProperties: false }) } : {}),
          response: { 200: ActionResult, ...Problems },
        },
      },
      async (request) =>
        run(
          (request.params as { id: string }).id,
          (request.body ?? {}) as Record<string, unknown>,
          principalOf(request),
        ),
    );

  action(
    '/v1/referrals/:id/claim',
    'Take the case (one reviewer at a time; the claim runs out).',
    null,
    async (id, _b, p) => answer({ referral: await referrals.claim(id, p), decision: null }),
  );
  action('/v1/referrals/:id/release', 'Give the case back to the queue.', null, async (id, _b, p) =>
    answer({ referral: await referrals.release(id, p), decision: null }),
  );
  action(
    '/v1/referrals/:id/rerun',
    'Decide again now, on current data (verification refreshed); a result that no longer refers closes the case with it.',
    null,
    async (id, _b, p) => answer(await referrals.rerun(id, p)),
  );
  action(
    '/v1/referrals/:id/decide',
    'Approve with a limit and APR inside the product range, the legal cap and your authority (above it a second person approves), or decline with catalogue reasons. Answers the new decision (kind manual_review).',
    {
      outcome: StringEnum(['approved', 'declined'] as const),
      limit: Type.Optional(MoneyString('The limit granted, in yuan ("8000.00").')),
      apr: Type.Optional(RateString('The annual rate granted ("0.146").')),
      reasons: Type.Optional(
        Type.Array(
          Type.Object(
            {
              code: Type.String({
                description: `A decline reason of the catalogue: ${DECLINE_CODES.join(', ')}.`,
              }),
              params: Type.Optional(
                Type.Object(
                  {},
                  {
                    additionalProperties: true,
                    description: 'The parameters its text takes (amounts in integer fen as strings).',
                  },
                ),
              ),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 4 },
        ),
      ),
      note: Type.String({ minLength: 1, maxLength: 4000, description: 'Why, for the record.' }),
    },
    async (id, body, principal) => {
      const note = String(body.note);
      if (body.outcome === 'declined') {
        if (body.limit !== undefined || body.apr !== undefined)
          throw AppError.invalid('limit', 'declined-no-terms', 'a decline grants no limit or rate');
        if (!body.reasons)
          throw AppError.invalid('reasons', 'required', 'a decline needs the reasons the customer will read');
        return answer(
          await referrals.decide(
            id,
            {
              outcome: 'declined',
              reasons: body.reasons as { code: string; params?: Record<string, unknown> }[],
              note,
            },
            principal,
          ),
        );
      }
      if (typeof body.limit !== 'string')
        throw AppError.invalid('limit', 'required', 'an approval needs a limit');
      if (typeof body.apr !== 'string') throw AppError.invalid('apr', 'required', 'an approval needs a rate');
      if (body.reasons !== undefined)
        throw AppError.invalid('reasons', 'approved-no-reasons', 'an approval takes no decline reasons');
      return answer(
        await referrals.decide(
          id,
          {
            outcome: 'approved',
            limit: parseMoney(body.limit, 'limit'),
            apr: parseRate(body.apr, 'apr'),
            note,
          },
          principal,
        ),
      );
    },
  );
  action(
    '/v1/referrals/:id/approve',
    'Approve a colleague’s decision above their authority (you cannot approve your own).',
    null,
    async (id, _b, p) => answer(await referrals.approve(id, p)),
  );
  action(
    '/v1/referrals/:id/reject',
    'Send a colleague’s proposed decision back to the queue, saying why.',
    { note: Type.String({ minLength: 1, maxLength: 4000 }) },
    async (id, body, p) =>
      answer({ referral: await referrals.reject(id, String(body.note), p), decision: null }),
  );

  http.post(
    '/v1/referrals/recover',
    {
      config: { roles: [] },
      schema: {
        tags: ['referrals'],
        summary:
          'Run the recovery pass now (admin): cases for referred decisions without one, superseded cases closed, undelivered notifications.',
        response: {
          200: Type.Object({
            opened: Type.Integer(),
            superseded: Type.Integer(),
            notificationsDelivered: Type.Integer(),
          }),
        },
      },
    },
    async () => referrals.recover(),
  );
}
