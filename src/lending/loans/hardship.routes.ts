import { Type, type Static } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { DateString, IdString, MoneyString, ProblemSchema, StringEnum } from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { fen, parseMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import { parseLocalDate } from '../../platform/time/local-date.ts';
import type { Services } from '../../services.ts';
import {
  actorOf,
  HardshipReasons,
  hardshipRequestDtoFields,
  hardshipRequestDtoSchema,
  registerHardshipRequestRoutes,
} from '../shared/hardship.routes.ts';
import type { HardshipAsk, HardshipRules } from './hardship.ts';
import type { HardshipOutcome, HardshipPreview, HardshipRequest } from './hardship-service.ts';
import { HARDSHIP_TOOLS } from './loan-state.ts';
import type { InstalmentView } from './servicing.ts';

/**
 * `/v1/loans/{loanId}/hardship-requests` and `/v1/hardship-requests/{requestId}`: hardship tools for a
 * borrower in trouble, as a request resource (issue 15, item 4; docs/lending.md "Hardship tools").
 * Collectors and reviewers ask; a reviewer (another person) approves what is above the threshold.
 */

const s = (amount: Money) => toDecimalString(amount);
const errors = { 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

const RequestBody = Type.Object(
  {
    tool: StringEnum(HARDSHIP_TOOLS),
    instalments: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 120,
        description: 'reschedule: instalments still to pay after it; holiday: instalments skipped.',
      }),
    ),
    maxInstalment: Type.Optional(
      MoneyString('reschedule: the fewest instalments whose level instalment is at most this.'),
    ),
    interest: Type.Optional(MoneyString('waiver: interest to waive (yuan).')),
    penalty: Type.Optional(MoneyString('waiver: penalty interest to waive (yuan).')),
    fees: Type.Optional(MoneyString('waiver: fees to waive (a cash loan owes none).')),
    amount: Type.Optional(MoneyString('settlement: what the customer pays now (yuan).')),
    reasons: HardshipReasons,
  },
  { additionalProperties: false },
);

/** A preview takes the request's fields; reasons may come later (they do not change what a tool does). */
const PreviewBody = Type.Object(
  { ...RequestBody.properties, reasons: Type.Optional(RequestBody.properties.reasons) },
  { additionalProperties: false },
);

/** The fields each tool takes; any other is refused (422 naming it, rule `not-for-tool`). */
const FIELDS: Readonly<Record<HardshipAsk['tool'], readonly string[]>> = {
  reschedule: ['instalments', 'maxInstalment'],
  're-age': [],
  holiday: ['instalments'],
  waiver: ['interest', 'penalty', 'fees'],
  settlement: ['amount'],
};

export function askOf(
  body: Omit<Static<typeof RequestBody>, 'reasons'> & { reasons?: unknown },
): HardshipAsk {
  const allowed = FIELDS[body.tool];
  for (const field of ['instalments', 'maxInstalment', 'interest', 'penalty', 'fees', 'amount'] as const)
    if (body[field] !== undefined && !allowed.includes(field))
      throw AppError.invalid(field, 'not-for-tool', `${field} is not a field of a ${body.tool}`);
  const money = (field: 'interest' | 'penalty' | 'fees') =>
    body[field] === undefined ? fen(0n) : parseMoney(body[field], field);
  switch (body.tool) {
    case 'reschedule':
      if ((body.instalments === undefined) === (body.maxInstalment === undefined))
        throw AppError.invalid(
          'instalments',
          'one-of',
          'give instalments (how many) or maxInstalment (how much)',
        );
      return body.instalments !== undefined
        ? { tool: 'reschedule', instalments: body.instalments }
        : { tool: 'reschedule', maxInstalment: parseMoney(body.maxInstalment ?? '', 'maxInstalment') };
    case 're-age':
      return { tool: 're-age' };
    case 'holiday':
      if (body.instalments === undefined)
        throw AppError.invalid('instalments', 'required', 'how many instalments the holiday skips');
      return { tool: 'holiday', instalments: body.instalments };
    case 'waiver':
      return { tool: 'waiver', interest: money('interest'), penalty: money('penalty'), fees: money('fees') };
    case 'settlement':
      if (body.amount === undefined)
        throw AppError.invalid('amount', 'required', 'what the customer pays now');
      return { tool: 'settlement', amount: parseMoney(body.amount, 'amount') };
  }
}

const AskDto = Type.Object({
  tool: StringEnum(HARDSHIP_TOOLS),
  instalments: Type.Union([Type.Integer(), Type.Null()]),
  maxInstalment: Type.Union([MoneyString(), Type.Null()]),
  interest: Type.Union([MoneyString(), Type.Null()]),
  penalty: Type.Union([MoneyString(), Type.Null()]),
  amount: Type.Union([MoneyString(), Type.Null()]),
});

const RequestDto = hardshipRequestDtoSchema({
  subjectKey: 'loanId',
  ask: AskDto,
  moneyEffect:
    'What the threshold was compared with: waived, written off, overdue moved (re-age), instalments deferred ' +
    '(holiday), principal re-planned (reschedule).',
  eventSeq: 'The loan event that carried it out.',
});

const InstalmentDto = Type.Object({
  period: Type.Integer(),
  dueDate: Type.String(),
  status: Type.String(),
  principal: MoneyString(),
  interest: MoneyString(),
  penalty: MoneyString(),
  owed: MoneyString(),
});

const OutcomeDto = Type.Object({
  request: RequestDto,
  instalmentsBefore: Type.Array(InstalmentDto, { description: 'The schedule before the change (today).' }),
  instalmentsAfter: Type.Array(InstalmentDto, { description: 'The schedule the change makes.' }),
  journalIds: Type.Array(Type.String()),
  replayed: Type.Boolean(),
});

function requestDto(request: HardshipRequest): Static<typeof RequestDto> {
  const ask = request.ask;
  return {
    ...hardshipRequestDtoFields(request, 'loanId'),
    ask: {
      tool: ask.tool,
      instalments: ask.tool === 'reschedule' || ask.tool === 'holiday' ? (ask.instalments ?? null) : null,
      maxInstalment:
        ask.tool === 'reschedule' && ask.maxInstalment !== undefined ? s(ask.maxInstalment) : null,
      interest: ask.tool === 'waiver' ? s(ask.interest) : null,
      penalty: ask.tool === 'waiver' ? s(ask.penalty) : null,
      amount: ask.tool === 'settlement' ? s(ask.amount) : null,
    },
  };
}

function instalmentDto(view: InstalmentView): Static<typeof InstalmentDto> {
  return {
    period: view.period,
    dueDate: view.dueDate,
    status: view.status,
    principal: s(view.principal),
    interest: s(view.interest),
    penalty: s(view.penalty),
    owed: s(view.owed),
  };
}

export function hardshipOutcomeDto(outcome: HardshipOutcome, replayed: boolean): Static<typeof OutcomeDto> {
  return {
    request: requestDto(outcome.request),
    instalmentsBefore: outcome.before.map(instalmentDto),
    instalmentsAfter: outcome.after.map(instalmentDto),
    journalIds: [...outcome.journalIds],
    replayed,
  };
}

const RulesDto = Type.Object({
  effectiveFrom: DateString(),
  secondPersonAbove: MoneyString('A request with a larger money effect waits for a second person.'),
  rescheduleMaxInstalments: Type.Integer({ minimum: 1, maximum: 120 }),
  holidayMaxInstalments: Type.Integer({ minimum: 1, maximum: 12 }),
  holidayOncePerMonths: Type.Integer({ minimum: 0, maximum: 60 }),
  reAgeMinConsecutivePaid: Type.Integer({ minimum: 0, maximum: 24 }),
  reAgeOncePerMonths: Type.Integer({ minimum: 0, maximum: 60 }),
});

function rulesDto(rules: HardshipRules): Static<typeof RulesDto> {
  return { ...rules, secondPersonAbove: s(rules.secondPersonAbove) };
}

const PreviewDto = Type.Object({
  moneyEffect: MoneyString(
    'What the threshold is compared with: waived, written off, overdue moved, deferred, re-planned.',
  ),
  secondPersonAbove: MoneyString('The threshold in force today.'),
  needsSecondPerson: Type.Boolean(),
  instalmentsBefore: Type.Array(InstalmentDto, { description: 'The schedule today.' }),
  instalmentsAfter: Type.Array(InstalmentDto, {
    description: 'The schedule the change would make.',
  }),
});

function previewDto(preview: HardshipPreview): Static<typeof PreviewDto> {
  return {
    moneyEffect: s(preview.moneyEffect),
    secondPersonAbove: s(preview.secondPersonAbove),
    needsSecondPerson: preview.needsSecondPerson,
    instalmentsBefore: preview.before.map(instalmentDto),
    instalmentsAfter: preview.after.map(instalmentDto),
  };
}

const LoanParams = Type.Object({ loanId: IdString('loan') });
const RequestParams = Type.Object({ requestId: IdString('hardshipRequest') });

export function registerHardshipRoutes(http: HttpServer, services: Pick<Services, 'loanHardship'>): void {
  const hardship = services.loanHardship;

  registerHardshipRequestRoutes(http, {
    tag: 'loans',
    errors,
    subjectParam: 'loanId',
    paths: {
      subject: '/v1/loans/:loanId/hardship-requests',
      pending: '/v1/hardship-requests',
      request: '/v1/hardship-requests/:requestId',
    },
    schemas: {
      subjectParams: LoanParams,
      requestParams: RequestParams,
      requestBody: RequestBody,
      previewBody: PreviewBody,
      request: RequestDto,
      outcome: OutcomeDto,
      preview: PreviewDto,
    },
    summaries: {
      request:
        'Ask for a hardship change (reschedule, re-age, holiday, waiver, settlement) with reasons: applied at ' +
        'once (201) when its money effect is within the threshold, otherwise pending a second person (202).',
      preview:
        'What a hardship request would do if asked now — its money effect, whether it would wait for a second ' +
        'person, the schedule before and after — checked by the same rules and refused the same way; nothing ' +
        'is written.',
      list: "A loan's hardship requests, newest first: pending, applied and rejected.",
      pending:
        'Hardship requests waiting for a second person, on every loan, the longest-waiting first (the ' +
        "approvers' inbox; at most `limit`, default 200).",
      get: 'One hardship request.',
      approve:
        'Approve a pending hardship request as the second person (another key under another name): checked ' +
        'again on the loan as it stands today, then applied.',
      reject: 'Reject (or, by its maker, withdraw) a pending hardship request; the loan is unchanged.',
    },
    askOf,
    requestDto,
    outcomeDto: hardshipOutcomeDto,
    previewDto,
    service: hardship,
  });

  http.get(
    '/v1/loan-hardship-rules',
    {
      config: { roles: ['collector', 'reviewer', 'analyst'] },
      schema: {
        tags: ['loans'],
        summary:
          'The hardship rules in force today (second-person threshold, limits of each tool) and every dated entry.',
        response: { 200: Type.Object({ inForce: RulesDto, dated: Type.Array(RulesDto) }) },
      },
    },
    async () => {
      const { inForce, dated } = await hardship.rules();
      return { inForce: rulesDto(inForce), dated: dated.map(rulesDto) };
    },
  );

  http.post(
    '/v1/loan-hardship-rules',
    {
      config: { roles: [] },
      schema: {
        tags: ['loans'],
        summary: 'Record hardship rules from a date (today or later; once per date). Admin.',
        body: Type.Object(RulesDto.properties, { additionalProperties: false }),
        response: { 201: RulesDto, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const rules = await hardship.setRules(
        {
          ...body,
          effectiveFrom: parseLocalDate(body.effectiveFrom, 'effectiveFrom'),
          secondPersonAbove: parseMoney(body.secondPersonAbove, 'secondPersonAbove'),
        },
        actorOf(request),
      );
      void reply.code(201);
      return rulesDto(rules);
    },
  );
}
