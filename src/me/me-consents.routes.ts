import { Type, type Static } from 'typebox';
import type { PurposeConsentState } from '../customers/index.ts';
import {
  CONSENT_PURPOSES,
  DATA_SOURCE_DESCRIPTIONS,
  DATA_SOURCES,
  PURPOSE_DESCRIPTIONS,
  type PurposeConsentChange,
} from '../identity/index.ts';
import { InstantString, Nullable, problems, StringEnum, Text } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { MeDeps } from './me-deps.ts';
import { customerOf } from './sessions.routes.ts';

const MeConsentSchema = Type.Object(
  {
    purpose: StringEnum(CONSENT_PURPOSES),
    dataSource: Nullable(StringEnum(DATA_SOURCES, { description: 'For credit_assessment; null otherwise.' })),
    granted: Type.Boolean(),
    since: Nullable(InstantString('When the state in force began; null if never given.')),
    noticeVersion: Nullable(Type.Integer({ description: 'The notice version I accepted.' })),
    what: Text,
  },
  { additionalProperties: false },
);

const MeConsentChangeSchema = Type.Object(
  {
    purpose: StringEnum(CONSENT_PURPOSES),
    dataSource: Nullable(StringEnum(DATA_SOURCES)),
    granted: Type.Boolean(),
    at: InstantString(),
    noticeVersion: Nullable(Type.Integer()),
    noticeHash: Nullable(Type.String({ description: 'SHA-256 (hex) of the notice text I accepted.' })),
  },
  { additionalProperties: false },
);

const MeConsentsSchema = Type.Object(
  { inForce: Type.Array(MeConsentSchema), history: Type.Array(MeConsentChangeSchema) },
  { additionalProperties: false },
);

const MeConsentBody = Type.Object(
  {
    purpose: StringEnum(CONSENT_PURPOSES),
    dataSource: Type.Optional(StringEnum(DATA_SOURCES, { description: 'Required for credit_assessment.' })),
    granted: Type.Boolean(),
    noticeVersion: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The notice version shown to me; must be the one in force.' }),
    ),
  },
  { additionalProperties: false },
);

/** What a consent allows, in words: the purpose, and for credit assessment the source it reads. */
function what(state: Pick<PurposeConsentState, 'purpose' | 'dataSource'>): Static<typeof Text> {
  const purpose = PURPOSE_DESCRIPTIONS[state.purpose];
  if (state.dataSource === null) return purpose;
  const source = DATA_SOURCE_DESCRIPTIONS[state.dataSource];
  return { zh: `${purpose.zh}：${source.zh}`, en: `${purpose.en}: ${source.en}` };
}

function meConsents(history: readonly PurposeConsentChange[], inForce: readonly PurposeConsentState[]) {
  return {
    inForce: inForce.map((state) => ({
      purpose: state.purpose,
      dataSource: state.dataSource,
      granted: state.granted,
      since: state.since?.toISOString() ?? null,
      noticeVersion: state.noticeVersion,
      what: what(state),
    })),
    history: history.map((change) => ({
      purpose: change.purpose,
      dataSource: change.dataSource,
      granted: change.granted,
      at: change.at.toISOString(),
      noticeVersion: change.noticeVersion,
      noticeHash: change.noticeHash,
    })),
  };
}

/**
 * `/v1/me/consents`: the person sees every consent they gave or withdrew (purpose, source, notice version
 * and its hash, when) and what is in force, in words, and grants or withdraws one. A withdrawal stops that
 * use from that instant: later decisions do without the source, bureau queries and reports are refused.
 */
export function registerMeConsentRoutes(http: HttpServer, deps: MeDeps): void {
  http.get(
    '/v1/me/consents',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'My consents: what is in force now, in words, and every grant and withdrawal with its notice.',
        response: { 200: MeConsentsSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const { history, inForce } = await deps.services.customers.listConsents(customerOf(request).customerId);
      return meConsents(history, inForce);
    },
  );

  http.post(
    '/v1/me/consents',
    {
      config: { customer: true },
      schema: {
        tags: ['me'],
        summary:
          'Grant (accepting the notice in force) or withdraw a consent, from now on. Asking for the state already in force changes nothing.',
        body: MeConsentBody,
        response: { 200: MeConsentsSchema, ...problems(401, 403, 422) },
      },
    },
    async (request) => {
      const customerId = customerOf(request).customerId;
      await deps.services.customers.recordConsent({ customerId, ...request.body });
      const { history, inForce } = await deps.services.customers.listConsents(customerId);
      return meConsents(history, inForce);
    },
  );
}
