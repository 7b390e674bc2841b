import type { AccountKind, JournalEntry, LedgerPort } from '../../ledger/index.ts';
import type { Queryable } from '../../platform/database/database.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import { toDecimalString } from '../../platform/money/money.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays } from '../../platform/time/local-date.ts';
import { changeUtilisation, releaseUtilisation, restoreUtilisation } from '../facilities/facility.pg.ts';
import { setFacilityStatus } from '../facilities/facility-service.ts';
import {
  insertLineChange,
  insertLineEvents,
  insertStatements,
  saveLineStates,
  setTemporaryLimit,
  type FacilitySnapshot,
} from './credit-lines.pg.ts';
import { temporaryExpired } from './line-lifecycle.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import { journalsOf, LINE_LATE_FEE_ACCOUNT_KINDS, LINE_WRITE_OFF_ACCOUNT_KINDS } from './line-books.ts';
import { lineWrittenOff } from './line-messages.ts';
import {
  bookCounters,
  lineDaysPastDue,
  principalOwedOf,
  type LineChange,
  type StatementDocument,
} from './line-servicing.ts';
import type { LineEvent, LineState } from './line-state.ts';
import type { LineTerms } from './line-terms.ts';

/**
 * Books what the servicing core computed for one or many lines, inside the caller's transaction (which has
 * locked the facilities, then the lines): the event, one journal per contract per change, the statements
 * cut, the new states and watermarks, the facility's utilisation, and the facility's status when the line's
 * delinquency asks for a suspension or allows a reactivation. Shared by the commands and the day-end batch.
 */

/** Reasons of suspensions the line itself made start with this, so it only lifts its own. */
export const LINE_SUSPENSION_REASON = 'credit-line-overdue';

export interface LineOutcome {
  readonly terms: LineTerms;
  readonly before: LineState;
  readonly state: LineState;
  readonly changes: readonly LineChange[];
  readonly statements: readonly StatementDocument[];
  /** The event taken in, with the line's next event seq after it. */
  readonly event?: LineEvent;
  readonly nextEventSeq?: number;
  /** The line's facility as locked by the caller. */
  readonly facility: FacilitySnapshot;
}

export interface BookingDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The ledger the outcomes' journals are posted on, in the caller's transaction. */
  readonly ledger: LedgerPort;
  /** Where the customer's "written off" message goes, in the booking's transaction (none: not sent). */
  readonly outbox?: MessageOutbox;
}

/** Books the outcomes; returns the journals posted, per line id. */
export async function bookLineOutcomes(
  tx: Queryable,
  deps: BookingDeps,
  outcomes: readonly LineOutcome[],
): Promise<Map<string, JournalEntry[]>> {
  const now = deps.clock.now();
  const journals = new Map<string, JournalEntry[]>();
  const all: JournalEntry[] = [];
  const statements: { customerId: string; lineId: string; statement: StatementDocument }[] = [];
  const releases: { customerId: string; facilityId: string; amount: bigint }[] = [];
  for (const outcome of outcomes) {
    const { terms } = outcome;
    if (outcome.event)
      await insertLineEvents(
        tx,
        [{ customerId: terms.customerId, lineId: terms.lineId, event: outcome.event }],
        now,
      );
    const lineJournals = outcome.changes.flatMap((change) =>
      journalsOf(terms.lineId, terms.customerId, change, () => deps.ids.next('journal')),
    );
    journals.set(terms.lineId, lineJournals);
    all.push(...lineJournals);
    for (const statement of outcome.statements) {
      statements.push({ customerId: terms.customerId, lineId: terms.lineId, statement });
    }
  }
  // Before utilisation moves: a temporary limit whose last day has passed no longer counts in the guard.
  for (const outcome of outcomes) await expireTemporaryLimit(tx, now, outcome);
  await openLaterAccounts(tx, deps.ledger, all, now);
  await deps.ledger.postJournals(tx, all, now);
  await insertStatements(tx, statements, now);
  await saveLineStates(
    tx,
    outcomes.map((outcome) => ({
      terms: outcome.terms,
      state: outcome.state,
      ...(outcome.nextEventSeq === undefined ? {} : { nextEventSeq: outcome.nextEventSeq }),
    })),
    now,
  );
  for (const outcome of outcomes) {
    const { terms } = outcome;
    const delta =
      principalOwedOf(bookCounters(outcome.state)) - principalOwedOf(bookCounters(outcome.before));
    // Spending goes through the facility's guard one line at a time; repayments are released together. A
    // reversal puts back what the payment had repaid: owed again, not spending, so not held to the limit.
    if (delta > 0n && outcome.event?.kind === 'reversal')
      await restoreUtilisation(tx, terms.customerId, terms.facilityId, delta, now);
    else if (delta > 0n) await changeUtilisation(tx, terms.customerId, terms.facilityId, delta, now);
    else if (delta < 0n)
      releases.push({ customerId: terms.customerId, facilityId: terms.facilityId, amount: -delta });
  }
  await releaseUtilisation(tx, releases, now);
  for (const outcome of outcomes) await syncSuspension(tx, deps, outcome);
  // The customer hears once that the line was written off (the day-end's rule or staff), with the figures. A
  // line settled for less was written off too, but owes nothing: its message is the settlement's (hardship).
  const writtenOff = outcomes.filter(
    (outcome) => outcome.state.writtenOffOn && !outcome.before.writtenOffOn && !outcome.state.settledOn,
  );
  if (deps.outbox && writtenOff.length > 0)
    await deps.outbox.write(
      tx,
      writtenOff.flatMap((outcome) =>
        lineWrittenOff(outcome.terms.customerId, outcome.terms.lineId, outcome.state),
      ),
    );
  return journals;
}

/**
 * Accounts a contract gets only when it first needs them — the line's late fee accounts (lines opened before
 * late fees have none), write-off expense and recoveries of a written-off line and its plans — opened for
 * the contracts whose journals use them (idempotent: an account open already is left as it is).
 */
async function openLaterAccounts(
  tx: Queryable,
  ledger: LedgerPort,
  journals: readonly JournalEntry[],
  now: Date,
): Promise<void> {
  const later = new Set<AccountKind>([...LINE_LATE_FEE_ACCOUNT_KINDS, ...LINE_WRITE_OFF_ACCOUNT_KINDS]);
  const byKind = new Map<AccountKind, Map<string, { customerId: string; contractId: string }>>();
  for (const journal of journals) {
    for (const line of journal.lines) {
      if (!later.has(line.kind)) continue;
      const contracts = byKind.get(line.kind) ?? new Map();
      contracts.set(`${journal.customerId}/${journal.contractId}`, {
        customerId: journal.customerId,
        contractId: journal.contractId,
      });
      byKind.set(line.kind, contracts);
    }
  }
  for (const [kind, contracts] of byKind) await ledger.openAccounts(tx, [...contracts.values()], [kind], now);
}

/**
 * Removes the facility's temporary limit once the line's day step has passed its last day (`until`), and
 * records the expiry in the line's history. Run in the same transaction as the day step that passes it, so a
 * rerun of the date finds nothing to expire; what was drawn above the permanent limit stays owed.
 */
async function expireTemporaryLimit(tx: Queryable, now: Date, outcome: LineOutcome): Promise<void> {
  const { facility, state, terms } = outcome;
  if (!temporaryExpired(facility.temporary, state.processedThrough) || !facility.temporary) return;
  const { amount, until } = facility.temporary;
  await setTemporaryLimit(tx, terms.customerId, facility.id, null, now);
  await insertLineChange(
    tx,
    terms.customerId,
    terms.lineId,
    {
      kind: 'temporary-limit-expired',
      effectiveDate: addDays(until, 1),
      detail: { amount: toDecimalString(amount), until },
      requestedBy: 'system',
      reason: null,
    },
    now,
  );
}

/**
 * Suspends an active facility while the line wants it suspended; reactivates a facility the line suspended
 * once the line is current. A facility frozen or closed for another reason is left alone.
 */
async function syncSuspension(tx: Queryable, deps: BookingDeps, outcome: LineOutcome): Promise<void> {
  const { facility, state, terms } = outcome;
  const input = { customerId: terms.customerId, product: 'credit-line' as const };
  if (state.suspended && facility.status === 'active') {
    const dpd = lineDaysPastDue(state, state.processedThrough);
    await setFacilityStatus(tx, deps, 'suspend', {
      ...input,
      reason: `${LINE_SUSPENSION_REASON}: ${dpd} days past due on ${terms.lineId} (limit ${terms.suspendAfterDpd})`,
    });
  } else if (
    !state.suspended &&
    facility.status === 'suspended' &&
    (facility.statusReason ?? '').startsWith(LINE_SUSPENSION_REASON)
  ) {
    await setFacilityStatus(tx, deps, 'reactivate', {
      ...input,
      reason: `${LINE_SUSPENSION_REASON} cured: ${terms.lineId} is current`,
    });
  }
}
