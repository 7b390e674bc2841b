import { Type } from 'typebox';
import { DATA_SOURCES, VERIFICATION_FAILURES } from '../identity/index.ts';
import {
  ConsentBody,
  consentChangeDto,
  consentDto,
  ConsentDto,
  ConsentHistoryDto,
  ConsentOutcomeDto,
  purposeConsentDto,
} from './consents.dto.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { DateString, IdString, InstantString, ProblemSchema, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import {
  isLocalDate,
  parseLocalDate,
  startOfBusinessDate,
  type LocalDate,
} from '../platform/time/local-date.ts';
import {
  BLOCKLIST_KINDS,
  type BlocklistEntry,
  type CardView,
  type CustomerSnapshot,
  type CustomerView,
  type VerificationRecord,
} from './customer.ts';
import type { CustomerService } from './customer-service.ts';
import { EDUCATION_LEVELS, INCOME_BANDS, EXTERNAL_EVENT_TYPES } from './events/customer-event.ts';
import { HOLD_REASONS } from './features/abnormal-behaviour.ts';
import { FEATURES } from './features/definitions.ts';

const CardDto = Type.Object({
  cardId: IdString('card'),
  cardNumber: Type.String({ description: 'Masked: **** 1234.' }),
  issuer: Type.Union([Type.String(), Type.Null()]),
  addedAt: InstantString(),
});

const CustomerDto = Type.Object({
  customerId: IdString('customer'),
  externalId: Type.String(),
  name: Type.String({ description: 'Masked: the first character only.' }),
  idNumber: Type.String({ description: 'Masked: 110105********002X.' }),
  phone: Type.String({ description: 'Masked: 138****5678.' }),
  birthDate: DateString(),
  sex: StringEnum(['male', 'female'] as const),
  regionCode: Type.String(),
  createdAt: InstantString(),
  cards: Type.Array(CardDto),
});

const VerificationDto = Type.Object({
  verificationId: Type.String(),
  level: Type.Integer({
    minimum: 0,
    maximum: 3,
    description: 'L0 none, L1 ID+name, L2 +phone, L3 +bank card.',
  }),
  failures: Type.Array(StringEnum(VERIFICATION_FAILURES)),
  provider: Type.String(),
  verifiedAt: InstantString(),
});

const ProfileInput = Type.Object(
  {
    occupation: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    residenceCity: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    incomeBand: Type.Optional(StringEnum(INCOME_BANDS)),
    education: Type.Optional(StringEnum(EDUCATION_LEVELS)),
    socialInsurance: Type.Optional(Type.Boolean()),
    housingFund: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const FeatureValueDto = Type.Object({
  name: Type.String(),
  unit: Type.String(),
  value: Type.Union([Type.String(), Type.Number(), Type.Null()], {
    description:
      'Amounts (unit fen) as strings of integer fen; categories as strings; other units as numbers; null when unknown.',
  }),
});

const HoldDto = Type.Object({
  reasonCode: StringEnum(HOLD_REASONS),
  triggeredAt: InstantString(),
  expiresAt: InstantString(),
  observed: Type.Integer(),
  threshold: Type.Integer(),
});

const SnapshotDto = Type.Object({
  customerId: IdString('customer'),
  asOf: InstantString(),
  asOfDate: DateString(),
  verification: Type.Object({
    level: Type.Integer({ minimum: 0, maximum: 3 }),
    failures: Type.Array(StringEnum(VERIFICATION_FAILURES)),
    provider: Type.Union([Type.String(), Type.Null()]),
    verifiedAt: Type.Union([InstantString(), Type.Null()]),
  }),
  age: Type.Integer(),
  features: Type.Array(FeatureValueDto),
  blocklisted: Type.Boolean({
    description: "On the lender's blocklist at the instant (ID number, phone or a bound card).",
  }),
  holds: Type.Array(HoldDto),
  consents: Type.Array(ConsentDto),
  decay: Type.Record(Type.String(), Type.Array(InstantString()), {
    description: 'For time-decaying counts: when each counted unit stops counting (see dateValueDropsTo).',
  }),
});

const BlocklistEntryDto = Type.Object({
  id: IdString('blocklistEntry'),
  kind: StringEnum(BLOCKLIST_KINDS),
  masked: Type.String({ description: 'The identifier masked (never in clear).' }),
  reason: Type.String(),
  addedBy: Type.String(),
  addedAt: InstantString(),
  removedAt: Type.Union([InstantString(), Type.Null()]),
  removedBy: Type.Union([Type.String(), Type.Null()]),
  removedReason: Type.Union([Type.String(), Type.Null()]),
});

function blocklistDto(entry: BlocklistEntry) {
  return {
    ...entry,
    addedAt: entry.addedAt.toISOString(),
    removedAt: entry.removedAt?.toISOString() ?? null,
  };
}

/** Who made a change: the API key's name and id. */
function actor(request: { principal?: { keyId: string; name: string } }): string {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'an API key is required');
  return `${request.principal.name} (${request.principal.keyId})`.slice(0, 128);
}

const EventBatch = Type.Array(Type.Record(Type.String(), Type.Unknown()), {
  minItems: 1,
  maxItems: 5000,
  description:
    `Events {eventId, customerId, source, type, occurredAt, ...fields of the type}; types: ${EXTERNAL_EVENT_TYPES.join(', ')}. ` +
    'Each row is validated on its own (see docs/customers.md), so one bad row does not refuse the batch: good rows are ' +
    'stored, bad ones come back in `rejected` with their index and reason. Amounts are decimal strings.',
});

const IngestDto = Type.Object({
  accepted: Type.Integer({
    description: 'Rows stored now or already stored identically (idempotent replays).',
  }),
  duplicates: Type.Integer({ description: 'Of the accepted rows, those that were already stored.' }),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), field: Type.String(), reason: Type.String() })),
});

const CustomerParams = Type.Object({ id: IdString('customer') }, { additionalProperties: false });

function cardDto(card: CardView) {
  return { ...card, addedAt: card.addedAt.toISOString() };
}

function customerDto(customer: CustomerView) {
  return { ...customer, createdAt: customer.createdAt.toISOString(), cards: customer.cards.map(cardDto) };
}

function verificationDto(verification: VerificationRecord) {
  return {
    ...verification,
    failures: [...verification.failures],
    verifiedAt: verification.verifiedAt.toISOString(),
  };
}

function snapshotDto(snapshot: CustomerSnapshot) {
  return {
    customerId: snapshot.customerId,
    asOf: snapshot.asOf.toISOString(),
    asOfDate: snapshot.asOfDate,
    verification: {
      level: snapshot.verification.level,
      failures: [...snapshot.verification.failures],
      provider: snapshot.verification.provider,
      verifiedAt: snapshot.verification.verifiedAt?.toISOString() ?? null,
    },
    age: snapshot.age,
    features: FEATURES.map((feature) => {
      const value = snapshot.features[feature.name] ?? null;
      return {
        name: feature.name,
        unit: feature.unit,
        // Money stays out of JSON numbers: integer fen as a string, like every amount in the API.
        value: feature.unit === 'fen' && typeof value === 'number' ? String(value) : value,
      };
    }),
    blocklisted: snapshot.blocklisted,
    holds: snapshot.holds.map((hold) => ({
      ...hold,
      triggeredAt: hold.triggeredAt.toISOString(),
      expiresAt: hold.expiresAt.toISOString(),
    })),
    consents: snapshot.consents.map(consentDto),
    decay: Object.fromEntries(
      Object.entries(snapshot.decay).map(([name, dates]) => [name, dates.map((d) => d.toISOString())]),
    ),
  };
}

/**
 * `asOf` as the API takes it: an RFC 3339 instant, or a business date meaning the end of that day
 * (everything that happened on it counts). Absent: undefined (the service takes now from its clock).
 */
export function parseAsOf(text: string | undefined): Date | undefined {
  if (text === undefined || text === '') return undefined;
  if (isLocalDate(text)) {
    const date: LocalDate = parseLocalDate(text, 'asOf');
    return new Date(startOfBusinessDate(date).getTime() + 86_400_000 - 1);
  }
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(text)
    ? new Date(text)
    : undefined;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw AppError.invalid(
      'asOf',
      'instant',
      'asOf is an RFC 3339 instant (2026-11-22T10:00:00+08:00) or a date YYYY-MM-DD',
    );
  }
  return instant;
}

/** Customers, cards, verification, consent, events, features and the blocklist. */
export function registerCustomerRoutes(
  http: HttpServer,
  services: { readonly customers: CustomerService },
): void {
  // Registered in this order: the OpenAPI document lists the paths as registered.
  registerCustomerRecordRoutes(http, services.customers);
  registerEventRoutes(http, services.customers);
  registerBlocklistRoutes(http, services.customers);
}

/** Customers, cards, verification and consent. */
function registerCustomerRecordRoutes(http: HttpServer, customers: CustomerService): void {
  http.post(
    '/v1/customers',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['customers'],
        summary: 'Create a customer and verify the identity (idempotent on externalId).',
        body: Type.Object(
          {
            externalId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            idNumber: Type.String({
              minLength: 1,
              maxLength: 32,
              description: '18-character resident ID (15-digit legacy numbers are upgraded).',
            }),
            phone: Type.String({
              minLength: 1,
              maxLength: 32,
              description: 'Mainland mobile; +86, spaces and dashes allowed.',
            }),
            profile: Type.Optional(ProfileInput),
            consents: Type.Optional(Type.Array(StringEnum(DATA_SOURCES), { uniqueItems: true })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ customer: CustomerDto, verification: VerificationDto }),
          201: Type.Object({ customer: CustomerDto, verification: VerificationDto }),
        },
      },
    },
    async (request, reply) => {
      const result = await customers.createCustomer(request.body);
      return reply
        .status(result.created ? 201 : 200)
        .send({ customer: customerDto(result.customer), verification: verificationDto(result.verification) });
    },
  );

  http.get(
    '/v1/customers/:id',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['customers'],
        summary: 'A customer, identifiers masked.',
        params: CustomerParams,
        response: { 200: Type.Object({ customer: CustomerDto }) },
      },
    },
    async (request) => ({ customer: customerDto(await customers.getCustomer(request.params.id)) }),
  );

  http.post(
    '/v1/customers/:id/cards',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['customers'],
        summary: 'Bind a bank card (16–19 digits, Luhn). Verify again to reach L3.',
        params: CustomerParams,
        body: Type.Object(
          { cardNumber: Type.String({ minLength: 1, maxLength: 32 }) },
          { additionalProperties: false },
        ),
        // 409: the card is bound to another customer (cardNumber / bound-to-another-customer).
        response: { 201: Type.Object({ card: CardDto }), 409: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ card: cardDto(await customers.addCard(request.params.id, request.body.cardNumber)) }),
  );

  http.post(
    '/v1/customers/:id/verify',
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: ['customers'],
        summary:
          'Verify the four elements (name, ID, phone, card) and record the level with any failure codes.',
        params: CustomerParams,
        response: { 200: Type.Object({ verification: VerificationDto }) },
      },
    },
    async (request) => ({ verification: verificationDto(await customers.verify(request.params.id)) }),
  );

  http.post(
    '/v1/customers/:id/consents',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['customers'],
        summary:
          'Grant or withdraw consent to a purpose (and, for credit assessment, a data source), from now on; a grant accepts the notice version in force.',
        params: CustomerParams,
        body: ConsentBody,
        response: { 200: ConsentOutcomeDto },
      },
    },
    async (request) => {
      const outcome = await customers.recordConsent({ customerId: request.params.id, ...request.body });
      return {
        consents: outcome.consents.map(consentDto),
        purposes: outcome.purposes.map(purposeConsentDto),
        recorded: outcome.recorded,
      };
    },
  );

  http.get(
    '/v1/customers/:id/consents',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['customers'],
        summary:
          "The customer's consents: every grant and withdrawal (purpose, source, notice version and hash, event) and what is in force now.",
        params: CustomerParams,
        response: { 200: ConsentHistoryDto },
      },
    },
    async (request) => {
      const { history, inForce } = await customers.listConsents(request.params.id);
      return { inForce: inForce.map(purposeConsentDto), history: history.map(consentChangeDto) };
    },
  );
}

/** Events in batches, and a customer's features as of an instant. */
function registerEventRoutes(http: HttpServer, customers: CustomerService): void {
  http.post(
    '/v1/events',
    {
      config: { roles: ['app'] },
      schema: {
        tags: ['customers'],
        summary: 'Append a batch of customer events (idempotent by source and eventId).',
        body: EventBatch,
        response: { 200: IngestDto },
      },
    },
    async (request) => {
      const report = await customers.ingestEvents(request.body);
      return { ...report, rejected: [...report.rejected] };
    },
  );

  http.get(
    '/v1/customers/:id/features',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['customers'],
        summary: 'The customer snapshot as of an instant: verification, features, risk holds, consents.',
        params: CustomerParams,
        querystring: Type.Object(
          {
            asOf: Type.Optional(
              Type.String({
                description:
                  'RFC 3339 instant, or a date YYYY-MM-DD (end of that business day); default now.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: SnapshotDto },
      },
    },
    async (request) =>
      snapshotDto(await customers.getSnapshot(request.params.id, parseAsOf(request.query.asOf))),
  );
}

/** The blocklist (list, add, remove) and the feature catalogue. */
function registerBlocklistRoutes(http: HttpServer, customers: CustomerService): void {
  http.get(
    '/v1/blocklist',
    {
      config: { roles: [] },
      schema: {
        tags: ['customers'],
        summary: "The lender's blocklist, newest first: the entries in force, or every one with all=true.",
        querystring: Type.Object(
          {
            all: Type.Optional(StringEnum(['true', 'false'] as const)),
            limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ entries: Type.Array(BlocklistEntryDto) }) },
      },
    },
    async (request) => ({
      entries: (
        await customers.listBlocklist({
          all: request.query.all === 'true',
          ...(request.query.limit !== undefined ? { limit: Number(request.query.limit) } : {}),
        })
      ).map(blocklistDto),
    }),
  );

  http.post(
    '/v1/blocklist',
    {
      config: { roles: [] },
      schema: {
        tags: ['customers'],
        summary:
          'List an ID number, phone or card number on the blocklist, with a reason (201; 200 when it is listed already). ' +
          'Stored as its blind index and a masked form; decisions of any customer carrying it are declined (BLOCKLISTED).',
        body: Type.Object(
          {
            kind: StringEnum(BLOCKLIST_KINDS),
            value: Type.String({ minLength: 1, maxLength: 32 }),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ entry: BlocklistEntryDto }),
          201: Type.Object({ entry: BlocklistEntryDto }),
        },
      },
    },
    async (request, reply) => {
      const { entry, created } = await customers.addToBlocklist({ ...request.body, by: actor(request) });
      return reply.status(created ? 201 : 200).send({ entry: blocklistDto(entry) });
    },
  );

  http.post(
    '/v1/blocklist/:id/remove',
    {
      config: { roles: [] },
      schema: {
        tags: ['customers'],
        summary:
          'Remove a blocklist entry, with a reason (the entry is kept, with who removed it, when and why).',
        params: Type.Object({ id: IdString('blocklistEntry') }, { additionalProperties: false }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ entry: BlocklistEntryDto }) },
      },
    },
    async (request) => ({
      entry: blocklistDto(
        await customers.removeFromBlocklist(request.params.id, {
          reason: request.body.reason,
          by: actor(request),
        }),
      ),
    }),
  );

  http.get(
    '/v1/features/definitions',
    {
      config: { roles: ['app', 'reviewer', 'analyst'] },
      schema: {
        tags: ['customers'],
        summary: 'The feature catalogue with units, sources and recourse metadata.',
        response: {
          200: Type.Object({
            features: Type.Array(
              Type.Object({
                name: Type.String(),
                unit: Type.String(),
                source: Type.String(),
                window: Type.Union([Type.String(), Type.Null()]),
                description: Type.Object({ zh: Type.String(), en: Type.String() }),
                recourse: Type.Object({
                  mutable: Type.Boolean(),
                  actionable: Type.Boolean(),
                  direction: Type.Union([StringEnum(['increase', 'decrease'] as const), Type.Null()]),
                  cost: Type.String(),
                  decayWindowHours: Type.Union([Type.Number(), Type.Null()]),
                  decayCounts: Type.Union([Type.String(), Type.Null()]),
                  action: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
                }),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      features: FEATURES.map((feature) => ({
        name: feature.name,
        unit: feature.unit,
        source: feature.source,
        window: feature.window ?? null,
        description: feature.description,
        recourse: {
          mutable: feature.recourse.mutable,
          actionable: feature.recourse.actionable,
          direction: feature.recourse.direction,
          cost: feature.recourse.cost,
          decayWindowHours: feature.recourse.decay ? feature.recourse.decay.windowMs / 3_600_000 : null,
          decayCounts: feature.recourse.decay?.counts ?? null,
          action: feature.recourse.action ?? null,
        },
      })),
    }),
  );
}
