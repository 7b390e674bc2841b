import type { PiiKind, PiiVault } from '../identity/index.ts';
import type { Queryable } from '../platform/database/database.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { DATA_KEY_ID } from './data-key.ts';
import { deleteDataKey } from './data-keys.pg.ts';
import type { DataSubjectRequest } from './data-subject-request.ts';
import { erasableFrom, erasureHolds, type ErasureHold } from './erasure-holds.ts';
import {
  evidenceNotUnderDataKey,
  holdFacts,
  markErased,
  purgeCopies,
  redactOwnWords,
  resealCard,
  resealEvidence,
  resealIdentifiers,
  retentionRules,
  revokeSessions,
  storedCards,
  storedIdentifiers,
  updateRequest,
  type SealedRow,
} from './erasure.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

/** Steps the erasure use cases share (request, day step): deciding holds, and carrying an erasure out. */

/** The holds on the customer's data on `today`, and the first date the erasure can run (null: now or undated). */
export async function decideHolds(
  q: Queryable,
  customerId: string,
  today: LocalDate,
): Promise<{ holds: ErasureHold[]; notBefore: LocalDate | null }> {
  const holds = erasureHolds(await holdFacts(q, customerId), await retentionRules(q), today);
  return { holds, notBefore: erasableFrom(holds) };
}

/** What carrying out an erasure did (the request's outcome; no personal data). */
export interface ErasureOutcome {
  readonly dataKeyDestroyed: boolean;
  /** Values that were still under a lender key (or in clear) and were sealed under the data key first. */
  readonly resealed: { readonly identifiers: number; readonly cards: number; readonly evidence: number };
  readonly cardsUnindexed: number;
  readonly sessionsRevoked: number;
  /** Copies of their data made before (sealed under the lender's key): their files dropped. */
  readonly copiesPurged: number;
  /** Appeal and correction statements (the person's own words) replaced by a fixed text. */
  readonly ownWordsRedacted: number;
  readonly removed: readonly string[];
}

const REMOVED = [
  'id_number_bidx',
  'phone_bidx',
  'birth_date',
  'sex',
  'region_code',
  'external_id',
  'card_bidx',
] as const;

function toDataKey(vault: PiiVault, kind: PiiKind, value: SealedRow, owner: string): SealedRow {
  return value.keyId === DATA_KEY_ID
    ? value
    : vault.encryptBytes(kind, vault.decryptBytes(kind, value, owner), owner);
}

/**
 * Carries out an erasure in the caller's transaction (the customer row locked): first every value still
 * sealed under a lender key (or an evidence file still in clear) is sealed under the customer's data key, so
 * that destroying that one key makes all of it unreadable; then the customer is marked erased with the
 * re-identifying columns removed, the data key is deleted, sessions end and the request is completed.
 */
export async function carryOutErasure(
  q: Queryable,
  deps: Pick<PrivacyDeps, 'keyring'>,
  request: DataSubjectRequest,
  at: Date,
  by: string,
): Promise<DataSubjectRequest> {
  const customerId = request.customerId;
  const vault = await deps.keyring.open(q, customerId, { create: true });
  const stored = await storedIdentifiers(q, customerId);
  let identifiers = 0;
  const moved = {
    name: toDataKey(vault, 'name', stored.name, customerId),
    idNumber: toDataKey(vault, 'id_number', stored.idNumber, customerId),
    phone: toDataKey(vault, 'phone', stored.phone, customerId),
  };
  for (const key of ['name', 'idNumber', 'phone'] as const) if (moved[key] !== stored[key]) identifiers += 1;
  if (identifiers > 0) await resealIdentifiers(q, customerId, moved);
  let cards = 0;
  for (const card of await storedCards(q, customerId)) {
    if (card.card.keyId === DATA_KEY_ID) continue;
    await resealCard(q, customerId, card.cardId, toDataKey(vault, 'card_number', card.card, customerId));
    cards += 1;
  }
  let evidence = 0;
  for (const file of await evidenceNotUnderDataKey(q, customerId, DATA_KEY_ID)) {
    const owner = `${customerId}/${file.id}`;
    const clear =
      file.content ?? (file.sealed ? vault.decryptBytes('appeal_evidence', file.sealed, owner) : null);
    if (!clear) continue;
    await resealEvidence(q, customerId, file.id, vault.encryptBytes('appeal_evidence', clear, owner));
    evidence += 1;
  }
  const marked = await markErased(q, customerId, request.id, at);
  const dataKeyDestroyed = await deleteDataKey(q, customerId);
  const sessionsRevoked = await revokeSessions(q, customerId, at);
  const copiesPurged = await purgeCopies(q, customerId, at);
  const ownWordsRedacted = await redactOwnWords(q, customerId);
  const outcome: ErasureOutcome = {
    dataKeyDestroyed,
    resealed: { identifiers, cards, evidence },
    cardsUnindexed: marked.cards,
    sessionsRevoked,
    copiesPurged,
    ownWordsRedacted,
    removed: REMOVED,
  };
  const completed: DataSubjectRequest = {
    ...request,
    status: 'completed',
    holds: [],
    notBefore: null,
    decidedAt: request.decidedAt ?? at,
    decidedBy: request.decidedBy ?? by,
    completedAt: at,
    outcome: { ...outcome },
  };
  await updateRequest(q, completed);
  return completed;
}

/** Records the holds found now on a request that stays blocked (the day step, when some still hold). */
export async function recordHolds(
  q: Queryable,
  request: DataSubjectRequest,
  found: { holds: ErasureHold[]; notBefore: LocalDate | null },
): Promise<DataSubjectRequest> {
  const next: DataSubjectRequest = {
    ...request,
    status: 'blocked',
    holds: found.holds,
    notBefore: found.notBefore,
  };
  await updateRequest(q, next);
  return next;
}
