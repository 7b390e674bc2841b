import { Type } from 'typebox';
import {
  AnyObject,
  FenString,
  IdString,
  InstantString,
  MoneyString,
  Nullable,
  problems,
  RateString,
  StringEnum,
  Text,
} from '../platform/http/schemas.ts';
import { DecisionDto, DecisionSummaryDto } from '../decisions/decision.dto.ts';
import { APPEAL_CATEGORIES, APPEAL_STATUSES, RESOLUTIONS } from './appeal.ts';
import { EVIDENCE_MEDIA_TYPES } from './evidence.ts';

/** The HTTP schemas of appeals (`appeals.routes.ts`), written from the views in `appeal-view.ts`. */

export const Problems = problems(400, 403, 404, 409, 422);

export const CustomerAppealDto = Type.Object({
  appealId: IdString('appeal'),
  decisionId: IdString('decision'),
  customerId: IdString('customer'),
  category: Type.String(),
  categoryText: Text,
  status: StringEnum(APPEAL_STATUSES),
  resolution: Type.Union([Type.String(), Type.Null()]),
  statusText: Text,
  granted: Type.Union([
    Type.Object({
      decisionId: Type.String(),
      limit: MoneyString('The limit granted, in yuan ("60000.00").'),
      limitFen: FenString('The limit granted, in integer fen ("6000000").'),
      apr: RateString('The APR granted, a decimal fraction ("0.1095").'),
    }),
    Type.Null(),
  ]),
  reasons: Type.Array(Type.Object({ code: Type.String(), text: Text })),
  message: Type.Union([Text, Type.Null()]),
  slaDueDate: Type.Union([Type.String(), Type.Null()]),
  evidenceIds: Type.Array(Type.String()),
  filedAt: Type.String(),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
  withdrawnAt: Type.Union([Type.String(), Type.Null()]),
});

export const AppealParams = Type.Object({ id: IdString('appeal') }, { additionalProperties: false });

export const ActorDto = Type.Object({
  kind: StringEnum(['customer', 'reviewer', 'system'] as const),
  id: Type.String(),
  name: Type.String(),
  via: Type.Optional(Type.String({ description: 'The app key a customer acted through.' })),
});

export const ProposalDto = Type.Object(
  {
    reviewId: Type.String(),
    maker: ActorDto,
    limit: MoneyString('The proposed limit, in yuan ("60000.00").'),
    limitFen: FenString('The proposed limit, in integer fen ("6000000").'),
    apr: RateString('The proposed APR, a decimal fraction ("0.1095").'),
    note: Type.String({ description: 'The maker’s note (identifiers masked).' }),
    proposedAt: Type.String(),
  },
  { description: 'An overturn waiting for a second reviewer (maker-checker).' },
);

/** A row of the review queue (`queueItemView`). */
export const QueueItemDto = Type.Object({
  appealId: IdString('appeal'),
  decisionId: IdString('decision'),
  customerId: IdString('customer'),
  productCode: Type.String(),
  category: StringEnum(APPEAL_CATEGORIES),
  status: StringEnum(APPEAL_STATUSES),
  resolution: Nullable(StringEnum(RESOLUTIONS)),
  priority: Type.Integer(),
  slaDueDate: Nullable(Type.String({ description: 'The business date the SLA runs out (YYYY-MM-DD).' })),
  slaDueAt: Nullable(Type.String({ description: 'The instant the SLA runs out (RFC 3339).' })),
  slaBreached: Type.Boolean(),
  amountAtStake: MoneyString('What the customer stands to gain, in yuan.'),
  amountAtStakeFen: FenString('What the customer stands to gain, in integer fen.'),
  assignee: Nullable(ActorDto),
  recheckVerdict: Nullable(StringEnum(['better', 'same', 'worse', 'mixed'] as const)),
  proposal: Nullable(ProposalDto),
  filedAt: Type.String(),
});

/** An evidence file as uploaded (`evidenceView`): the app's and the customer's upload answer it. */
export const EvidenceFileDto = Type.Object(
  {
    evidenceId: IdString('evidence'),
    customerId: IdString('customer'),
    mediaType: StringEnum(EVIDENCE_MEDIA_TYPES),
    sizeBytes: Type.Integer({ minimum: 1 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    uploadedAt: InstantString(),
  },
  { additionalProperties: false, title: 'Evidence' },
);

/**
 * The reviewer's case file (`caseFileView`): both decisions typed with their reasons, recourse and evidence,
 * the evidence files typed; the appeal, the re-check's diff, the customer and the history described in words.
 */
export const CaseFileDto = Type.Object(
  {
    appeal: AnyObject('The appeal as staff see it (PII masked).'),
    priority: Type.Integer(),
    slaBreached: Type.Boolean(),
    original: DecisionDto,
    recheck: Nullable(DecisionDto),
    diff: Nullable(AnyObject('The re-check against the original.')),
    override: Nullable(DecisionDto),
    evidence: Type.Array(EvidenceFileDto),
    customer: AnyObject('The customer, PII masked.'),
    history: Type.Object(
      {
        decisions: Type.Array(DecisionSummaryDto),
        appeals: Type.Array(AnyObject('An earlier appeal.')),
        loans: Type.Array(AnyObject('A loan and its arrears.')),
        facilities: Type.Array(AnyObject('A facility.')),
        snapshot: Nullable(AnyObject('The snapshot as it reads now.')),
      },
      { description: 'The customer’s decisions, appeals, loans, facilities and snapshot.' },
    ),
  },
  { description: 'The case file.' },
);
