import { Type, type Static } from 'typebox';
import {
  CONSENT_PURPOSES,
  DATA_SOURCES,
  type ConsentState,
  type PurposeConsentChange,
} from '../identity/index.ts';
import { InstantString, Nullable, StringEnum } from '../platform/http/schemas.ts';
import type { PurposeConsentState } from './consent-states.ts';

/** Credit-assessment consent of one data source in force (the legacy shape, with its event and notice). */
export const ConsentDto = Type.Object({
  dataSource: StringEnum(DATA_SOURCES),
  granted: Type.Boolean(),
  since: Nullable(InstantString()),
  eventRef: Nullable(Type.String({ description: 'The consent event in force: `source/eventId`.' })),
  noticeVersion: Nullable(
    Type.Integer({
      description: 'The notice version accepted; null before versioned notices or when not granted.',
    }),
  ),
});

export function consentDto(state: ConsentState): Static<typeof ConsentDto> {
  return { ...state, since: state.since?.toISOString() ?? null };
}

const PurposeFields = {
  purpose: StringEnum(CONSENT_PURPOSES),
  dataSource: Nullable(StringEnum(DATA_SOURCES, { description: 'For credit_assessment; null otherwise.' })),
  granted: Type.Boolean(),
  eventRef: Nullable(Type.String({ description: 'The consent event: `source/eventId`.' })),
  noticeVersion: Nullable(Type.Integer()),
  noticeHash: Nullable(Type.String({ description: 'SHA-256 (hex) of the notice text accepted.' })),
};

/** One purpose (and source) in force now. */
export const PurposeConsentDto = Type.Object({ ...PurposeFields, since: Nullable(InstantString()) });

/** One recorded grant or withdrawal. */
export const ConsentChangeDto = Type.Object({
  ...PurposeFields,
  eventRef: Type.String(),
  at: InstantString(),
});

export function purposeConsentDto(state: PurposeConsentState): Static<typeof PurposeConsentDto> {
  return { ...state, since: state.since?.toISOString() ?? null };
}

export function consentChangeDto(change: PurposeConsentChange): Static<typeof ConsentChangeDto> {
  return { ...change, at: change.at.toISOString() };
}

/** A grant or withdrawal (`dataSource` alone is the legacy credit-assessment consent). */
export const ConsentBody = Type.Object(
  {
    purpose: Type.Optional(StringEnum(CONSENT_PURPOSES)),
    dataSource: Type.Optional(StringEnum(DATA_SOURCES)),
    granted: Type.Boolean(),
    noticeVersion: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The notice version the person accepted; must be the one in force (default: it).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ConsentHistoryDto = Type.Object({
  inForce: Type.Array(PurposeConsentDto),
  history: Type.Array(ConsentChangeDto),
});

export const ConsentOutcomeDto = Type.Object({
  consents: Type.Array(ConsentDto),
  purposes: Type.Array(PurposeConsentDto),
  recorded: Nullable(
    Type.String({ description: 'The consent event recorded; null when it was already in that state.' }),
  ),
});
