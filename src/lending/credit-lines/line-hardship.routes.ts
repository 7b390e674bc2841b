import { Type, type Static } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { IdString, MoneyString, ProblemSchema, RateString, StringEnum } from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { addMoney, fen, parseMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import { parseRate, toExactRateString } from '../../platform/money/rate.ts';
import { formatReportedRate } from '../shared/irr.ts';
import type { Services } from '../../services.ts';
import {
  HardshipReasons,
  hardshipRequestDtoFields,
  hardshipRequestDtoSchema,
  registerHardshipRequestRoutes,
} from '../shared/hardship.routes.ts';
import type { LineHardshipAsk, LineHardshipFigures, LineWorkoutFigures } from './line-hardship.ts';
import type {
  LineHardshipOutcome,
  LineHardshipPreview,
  LineHardshipRequest,
} from './line-hardship-service.ts';
import { LINE_HARDSHIP_TOOLS } from './line-state.ts';

/**
 * `/v1/lines/{lineId}/hardship-requests…`: hardship tools on a credit line as a request resource (issue 15,
 * item 4 for lines; so far the goodwill waiver and settlement for less), shaped as the loans' (`../loans/hardship.routes.ts`) so the
 * console's screen serves both: the request (ask, money effect, reasons, maker, checker, status) and the
 * account before and after — for a line its figures by kind rather than a schedule. Collectors and reviewers
 * ask; a reviewer (another person) approves what is above the lender's threshold.
 */

const s = (amount: Money) => toDecimalString(amount);
const errors = { 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

const Reasons = HardshipReasons;

const AskFields = {
  tool: StringEnum(LINE_HARDSHIP_TOOLS),
  interest: Type.Optional(MoneyString('waiver: interest to waive (yuan), billed or accrued in the cycle.')),
  fees: Type.Optional(MoneyString('waiver: instalment fees billed to waive (yuan).')),
  lateFees: Type.Optional(MoneyString('waiver: late fees (违约金) to waive (yuan).')),
  statements: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 12,
      description:
        'holiday: how many of the next statements ask no minimum payment (the rules allow up to 3 by default).',
    }),
  ),
  amount: Type.Optional(
    MoneyString(
      'settlement: what the customer pays now (yuan), below what settles the line in full; 0 when money held ' +
        'for the customer settles it. The rest is written off and forgiven.',
    ),
  ),
  instalments: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 120,
      description:
        'reschedule: how many monthly instalments the workout plan has (the rules allow 3 to 36; refused outside).',
    }),
  ),
  rate: Type.Optional(
    RateString(
      'reschedule: the workout plan\'s annual rate, exact ("0.06" is 6 %; "0" freezes interest): charged monthly on ' +
        "what is left of the principal moved, never above the line's contract rate.",
    ),
  ),
};

const RequestBody = Type.Object({ ...AskFields, reasons: Reasons }, { additionalProperties: false });
const PreviewBody = Type.Object(
  { ...AskFields, reasons: Type.Optional(Reasons) },
  { additionalProperties: false },
);

/** The fields each tool takes; any other is refused (422 naming it, rule `not-for-tool`: the loans' rule). */
const FIELDS: Readonly<Record<LineHardshipAsk['tool'], readonly string[]>> = {
  waiver: ['interest', 'fees', 'lateFees'],
  settlement: ['amount'],
  holiday: ['statements'],
  're-age': [],
  reschedule: ['instalments', 'rate'],
};

export function lineAskOf(body: {
  tool: LineHardshipAsk['tool'];
  interest?: string;
  fees?: string;
  lateFees?: string;
  amount?: string;
  statements?: number;
  instalments?: number;
  rate?: string;
}): LineHardshipAsk {
  const allowed = FIELDS[body.tool];
  for (const field of [
    'interest',
    'fees',
    'lateFees',
    'amount',
    'statements',
    'instalments',
    'rate',
  ] as const)
    if (body[field] !== undefined && !allowed.includes(field))
      throw AppError.invalid(field, 'not-for-tool', `${field} is not a field of a ${body.tool}`);
  const money = (field: 'interest' | 'fees' | 'lateFees' | 'amount') =>
    body[field] === undefined ? fen(0n) : parseMoney(body[field], field);
  if (body.tool === 'settlement') {
    if (body.amount === undefined)
      throw AppError.invalid('amount', 'required', 'a settlement names the amount the customer pays');
    return { tool: 'settlement', amount: money('amount') };
  }
  if (body.tool === 'holiday') {
    if (body.statements === undefined)
      throw AppError.invalid('statements', 'required', 'a holiday names how many statements it defers');
    return { tool: 'holiday', statements: body.statements };
  }
  if (body.tool === 're-age') return { tool: 're-age' };
  if (body.tool === 'reschedule') {
    if (body.instalments === undefined)
      throw AppError.invalid(
        'instalments',
        'required',
        'a reschedule names how many instalments the plan has',
      );
    if (body.rate === undefined)
      throw AppError.invalid('rate', 'required', 'a reschedule names the plan\'s annual rate ("0" for none)');
    return { tool: 'reschedule', instalments: body.instalments, rate: parseRate(body.rate, 'rate') };
  }
  return { tool: 'waiver', interest: money('interest'), fees: money('fees'), lateFees: money('lateFees') };
}

const AskDto = Type.Object({
  tool: StringEnum(LINE_HARDSHIP_TOOLS),
  interest: Type.Union([MoneyString(), Type.Null()]),
  fees: Type.Union([MoneyString(), Type.Null()]),
  lateFees: Type.Union([MoneyString(), Type.Null()]),
  amount: Type.Union([MoneyString(), Type.Null()]),
  statements: Type.Union([Type.Integer(), Type.Null()]),
  instalments: Type.Union([Type.Integer(), Type.Null()]),
  rate: Type.Union([Type.String(), Type.Null()]),
});

const RequestDto = hardshipRequestDtoSchema({
  subjectKey: 'lineId',
  ask: AskDto,
  moneyEffect:
    'What the threshold was compared with: the total waived (waiver), the amount written off (settlement), the balance whose minimums are deferred (holiday), what stops being past due (re-age), everything moved into the workout plan (reschedule).',
  eventSeq: 'The line event that carried it out.',
});

const WorkoutDto = Type.Object(
  {
    planId: Type.String({ description: 'The workout plan (its own ledger contract).' }),
    amount: MoneyString("Everything moved into the plan: the sum of its instalments' principal parts."),
    principal: MoneyString('Of it, principal (revolving and instalment): what the charge is on.'),
    interest: MoneyString('Of it, interest (billed and accrued): bears no charge.'),
    fees: MoneyString('Of it, instalment fees and late fees: bear no charge.'),
    instalments: Type.Integer(),
    rate: Type.String({ description: 'The annual rate asked, exact.' }),
    contractRate: Type.String({ description: "The line's contract rate (daily rate × 365), exact." }),
    totalCharge: MoneyString('The charges of every instalment.'),
    aprByIrr: Type.String({ description: 'The plan annualised by IRR, charges included (at most `rate`).' }),
    arrearsSince: Type.Union([Type.String(), Type.Null()], {
      description:
        'The due date days past due keep counting from until instalment 1 is met (a reschedule does not cure).',
    }),
    schedule: Type.Array(
      Type.Object({
        period: Type.Integer(),
        statementDate: Type.String(),
        dueDate: Type.String(),
        principal: MoneyString(),
        charge: MoneyString(),
        instalment: MoneyString('principal + charge: the minimum of its statement.'),
      }),
    ),
  },
  { description: 'The workout plan a reschedule sets up.' },
);

function workoutDto(workout: LineWorkoutFigures): Static<typeof WorkoutDto> {
  const m = workout.moved;
  return {
    planId: workout.planId,
    amount: s(m.amount),
    principal: s(m.principal),
    interest: s(m.interest),
    fees: s(addMoney(m.planFees, m.lateFees)),
    instalments: workout.instalments,
    rate: toExactRateString(workout.rate),
    contractRate: toExactRateString(workout.contractRate),
    totalCharge: s(workout.totalCharge),
    aprByIrr: formatReportedRate(workout.aprByIrr),
    arrearsSince: workout.arrearsSince,
    schedule: workout.schedule.map((row) => ({
      period: row.period,
      statementDate: row.statementDate,
      dueDate: row.dueDate,
      principal: s(row.principal),
      charge: s(row.charge),
      instalment: s(addMoney(row.principal, row.charge)),
    })),
  };
}

const FiguresDto = Type.Object({
  principal: MoneyString('Principal owed (revolving and instalments, billed or not).'),
  interest: MoneyString('Interest owed, billed and accrued in the cycle.'),
  fees: MoneyString('Instalment fees billed and unpaid.'),
  lateFees: MoneyString('Late fees owed, billed and charged in the cycle.'),
  payoff: MoneyString('Everything owed less money held.'),
  minimumDue: MoneyString('What is left to pay of the minimums of statements already cut.'),
  daysPastDue: Type.Integer(),
  workout: Type.Union([WorkoutDto, Type.Null()], {
    description: 'After a reschedule: the workout plan it sets up (null otherwise).',
  }),
});

const OutcomeDto = Type.Object({
  request: RequestDto,
  before: Type.Union([FiguresDto, Type.Null()], {
    description: 'The line today, before (null on a replay).',
  }),
  after: Type.Union([FiguresDto, Type.Null()], {
    description: 'The line the change makes (null on a replay).',
  }),
  journalIds: Type.Array(Type.String()),
  replayed: Type.Boolean(),
});

/** The ask as the API shows it: each tool's own fields, the others null. */
function askDto(ask: LineHardshipAsk): Static<typeof AskDto> {
  const none = {
    interest: null,
    fees: null,
    lateFees: null,
    amount: null,
    statements: null,
    instalments: null,
    rate: null,
  };
  switch (ask.tool) {
    case 'waiver':
      return {
        ...none,
        tool: ask.tool,
        interest: s(ask.interest),
        fees: s(ask.fees),
        lateFees: s(ask.lateFees),
      };
    case 'settlement':
      return { ...none, tool: ask.tool, amount: s(ask.amount) };
    case 'holiday':
      return { ...none, tool: ask.tool, statements: ask.statements };
    case 're-age':
      return { ...none, tool: ask.tool };
    case 'reschedule':
      return { ...none, tool: ask.tool, instalments: ask.instalments, rate: toExactRateString(ask.rate) };
  }
}

function requestDto(request: LineHardshipRequest): Static<typeof RequestDto> {
  return {
    ...hardshipRequestDtoFields(request, 'lineId'),
    ask: askDto(request.ask),
  };
}

export function figuresDto(figures: LineHardshipFigures): Static<typeof FiguresDto> {
  return {
    principal: s(figures.principal),
    interest: s(figures.interest),
    fees: s(figures.fees),
    lateFees: s(figures.lateFees),
    payoff: s(figures.payoff),
    minimumDue: s(figures.minimumDue),
    daysPastDue: figures.daysPastDue,
    workout: figures.workout ? workoutDto(figures.workout) : null,
  };
}

export function lineHardshipOutcomeDto(
  outcome: LineHardshipOutcome,
  replayed: boolean,
): Static<typeof OutcomeDto> {
  return {
    request: requestDto(outcome.request),
    before: outcome.before && figuresDto(outcome.before),
    after: outcome.after && figuresDto(outcome.after),
    journalIds: [...outcome.journalIds],
    replayed,
  };
}

const PreviewDto = Type.Object({
  moneyEffect: MoneyString(
    'What the threshold is compared with: the total waived (waiver), written off (settlement), the balance whose minimums are deferred (holiday), what stops being past due (re-age), everything moved into the workout plan (reschedule).',
  ),
  secondPersonAbove: MoneyString('The threshold in force today.'),
  needsSecondPerson: Type.Boolean(),
  before: FiguresDto,
  after: FiguresDto,
  customerMessage: Type.Object(
    { zh: Type.String(), en: Type.String() },
    {
      description:
        "The message the customer will read once it is applied (SMS, zh-CN and en): the text the request's " +
        'outcome sends, from the same figures.',
    },
  ),
});

function previewDto(preview: LineHardshipPreview): Static<typeof PreviewDto> {
  // A line's message follows from the plan (`previewMessage` in line-hardship-steps.ts): always there.
  if (!preview.customerMessage) throw new AppError('INTERNAL', 'a line preview has no customer message');
  return {
    moneyEffect: s(preview.moneyEffect),
    secondPersonAbove: s(preview.secondPersonAbove),
    needsSecondPerson: preview.needsSecondPerson,
    before: figuresDto(preview.before),
    after: figuresDto(preview.after),
    customerMessage: preview.customerMessage,
  };
}

const LineParams = Type.Object({ lineId: IdString('line') });
const RequestParams = Type.Object({
  lineId: IdString('line'),
  requestId: IdString('lineHardshipRequest'),
});

export function registerLineHardshipRoutes(http: HttpServer, services: Pick<Services, 'lineHardship'>): void {
  registerHardshipRequestRoutes(http, {
    tag: 'credit lines',
    errors,
    subjectParam: 'lineId',
    paths: {
      subject: '/v1/lines/:lineId/hardship-requests',
      pending: '/v1/line-hardship-requests',
      request: '/v1/lines/:lineId/hardship-requests/:requestId',
    },
    schemas: {
      subjectParams: LineParams,
      requestParams: RequestParams,
      requestBody: RequestBody,
      previewBody: PreviewBody,
      request: RequestDto,
      outcome: OutcomeDto,
      preview: PreviewDto,
    },
    summaries: {
      request:
        'Ask for a hardship change on a credit line (a goodwill waiver of interest, fees, late fees; a ' +
        'settlement for less than owed; a payment holiday of the next statements; a re-age of a line behind ' +
        'whose customer has paid again; a reschedule of the whole balance into a workout plan) with ' +
        'reasons: applied at once (201) when its money effect is within the threshold, otherwise pending a ' +
        'second person (202).',
      preview:
        'What a hardship request on a credit line would do if asked now — its money effect, whether it would ' +
        'wait for a second person, the line before and after — refused the same way; nothing is written.',
      list: "A credit line's hardship requests, newest first: pending, applied and rejected.",
      pending:
        'Credit-line hardship requests waiting for a second person, on every line, the longest-waiting first ' +
        '(at most `limit`, default 200).',
      approve:
        'Approve a pending hardship request as the second person (another key under another name): checked ' +
        'again on the line as it stands today, then applied.',
      reject: 'Reject (or, by its maker, withdraw) a pending hardship request; the line is unchanged.',
    },
    askOf: lineAskOf,
    requestDto,
    outcomeDto: lineHardshipOutcomeDto,
    previewDto,
    service: services.lineHardship,
  });
}
