import { once, parseIdempotencyKey, type IdempotencyStore, type LedgerPort } from '../../ledger/index.ts';
import type { AuditActor, AuditLog } from '../../platform/audit/audit-log.ts';
import type { Database, Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import { moneyFromJson, moneyToJson, toDecimalString, type Money } from '../../platform/money/money.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  availableCredit,
  type Facility,
  type FacilityStatus,
  type TemporaryLimit,
} from '../facilities/facility.ts';
import { lockFacilityById } from '../facilities/facility.pg.ts';
import { insertLineChange, locateLine, lockLine, type LineRecord } from './credit-lines.pg.ts';
import { bookLineOutcomes } from './line-booking.pg.ts';
import { assertLineOpen, type LineChangeKind } from './line-lifecycle.ts';
import { advanceLine } from './line-servicing.ts';
import type { LineState } from './line-state.ts';

/**
 * The line's lifecycle as use cases (rules in `line-lifecycle.ts`): close, a customer's lower limit and its
 * lifting, a temporary limit. Each runs in one transaction under an idempotency key: it locks the facility,
 * then the line, changes them, appends the change to the line's history (`credit_line_changes`) and, when
 * staff (or an operator) acted, records it in the audit log in the same transaction.
 */

export interface LineLifecycleDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly audit?: Pick<AuditLog, 'record'> | undefined;
  /** The ledger a change that brings the line up to date books on, in the command's transaction. */
  readonly ledger: LedgerPort;
  /** Where the command claims its idempotency key, in the same transaction. */
  readonly idempotency: IdempotencyStore;
}

/** Who asks: the customer (through the app), or staff / an operator (audited). */
export interface Requester {
  readonly onBehalfOfCustomer: boolean;
  readonly actor: AuditActor;
}

/** What a lifecycle change left: the line's limit figures and status. */
export interface LineChangeReceipt {
  readonly lineId: string;
  readonly change: LineChangeKind;
  /** The change's number in the line's history. */
  readonly seq: number;
  readonly effectiveDate: LocalDate;
  readonly facilityStatus: FacilityStatus;
  readonly limit: Money;
  readonly used: Money;
  readonly available: Money;
  readonly temporary: TemporaryLimit | null;
  readonly customerLimitCap: Money | null;
  readonly closedOn: LocalDate | null;
  /** The change's figures as the line's history records them (amounts as yuan strings, dates). */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface LineChangeResult {
  readonly receipt: LineChangeReceipt;
  readonly replayed: boolean;
}

/** An amount of fen as the history records it: a yuan string. */
export const yuan = (value: Money): string => toDecimalString(value);

const receiptCodec = {
  encode: (r: LineChangeReceipt): unknown => ({
    ...r,
    limit: moneyToJson(r.limit),
    used: moneyToJson(r.used),
    available: moneyToJson(r.available),
    temporary:
      r.temporary === null ? null : { amount: moneyToJson(r.temporary.amount), until: r.temporary.until },
    customerLimitCap: r.customerLimitCap === null ? null : moneyToJson(r.customerLimitCap),
  }),
  decode: (stored: unknown): LineChangeReceipt => {
    const j = stored as Record<string, unknown>;
    const temporary = j.temporary as { amount: string; until: string } | null;
    return {
      lineId: String(j.lineId),
      change: String(j.change) as LineChangeKind,
      seq: Number(j.seq),
      effectiveDate: String(j.effectiveDate) as LocalDate,
      facilityStatus: String(j.facilityStatus) as FacilityStatus,
      limit: moneyFromJson(j.limit, 'receipt.limit'),
      used: moneyFromJson(j.used, 'receipt.used'),
      available: moneyFromJson(j.available, 'receipt.available'),
      temporary:
        temporary === null
          ? null
          : {
              amount: moneyFromJson(temporary.amount, 'receipt.temporary.amount'),
              until: temporary.until as LocalDate,
            },
      customerLimitCap:
        j.customerLimitCap === null ? null : moneyFromJson(j.customerLimitCap, 'receipt.customerLimitCap'),
      closedOn: j.closedOn === null ? null : (String(j.closedOn) as LocalDate),
      detail: (j.detail ?? {}) as Record<string, unknown>,
    };
  },
};

function requestedBy(requester: Requester): string {
  return requester.onBehalfOfCustomer ? 'customer' : `${requester.actor.kind}:${requester.actor.id}`;
}

export interface Locked {
  readonly tx: Queryable;
  readonly facility: Facility;
  readonly record: LineRecord;
  readonly today: LocalDate;
}

/**
 * Runs one lifecycle command: claims the key, locks the facility then the line (the commands' lock order),
 * refuses a closed line, runs `work`, which returns the change to record and the receipt's figures.
 */
export async function lifecycleCommand(
  deps: LineLifecycleDeps,
  input: {
    lineId: string;
    idempotencyKey: string;
    scope: string;
    request: Record<string, unknown>;
    requester: Requester;
  },
  work: (locked: Locked) => Promise<{
    kind: LineChangeKind;
    detail: Record<string, unknown>;
    reason: string | null;
    facility: Facility;
    customerLimitCap: Money | null;
    closedOn: LocalDate | null;
  }>,
): Promise<LineChangeResult> {
  const { db, clock } = deps;
  const key = parseIdempotencyKey(input.idempotencyKey);
  const where = await locateLine(db, input.lineId);
  if (!where) throw AppError.notFound('credit line', input.lineId);
  const { value, replayed } = await db.transaction((tx) =>
    once<LineChangeReceipt>(
      deps.idempotency,
      tx,
      {
        customerId: where.customerId,
        scope: input.scope,
        key,
        request: { lineId: input.lineId, ...input.request },
      },
      clock.now(),
      receiptCodec,
      async () => {
        const facility = await lockFacilityById(tx, where.customerId, where.facilityId);
        if (!facility) throw new AppError('INTERNAL', `the facility of line ${input.lineId} is missing`);
        const record = await lockLine(tx, where.customerId, input.lineId);
        if (!record) throw AppError.notFound('credit line', input.lineId);
        assertLineOpen(record.closedOn, input.lineId);
        const today = clock.today();
        const done = await work({ tx, facility, record, today });
        const now = clock.now();
        const seq = await insertLineChange(
          tx,
          where.customerId,
          input.lineId,
          {
            kind: done.kind,
            effectiveDate: today,
            detail: done.detail,
            requestedBy: requestedBy(input.requester),
            reason: done.reason,
          },
          now,
        );
        if (!input.requester.onBehalfOfCustomer && deps.audit) {
          await deps.audit.record(
            {
              actor: input.requester.actor,
              action: `credit-line.${done.kind}`,
              subject: { type: 'credit-line', id: input.lineId },
              outcome: 'ok',
              details: { ...done.detail, ...(done.reason === null ? {} : { reason: done.reason }) },
            },
            tx,
          );
        }
        const temporary = done.facility.temporary ?? null;
        return {
          lineId: input.lineId,
          change: done.kind,
          seq,
          effectiveDate: today,
          facilityStatus: done.facility.status,
          limit: done.facility.limit,
          used: done.facility.used,
          available: availableCredit(done.facility),
          temporary,
          customerLimitCap: done.customerLimitCap,
          closedOn: done.closedOn,
          detail: done.detail,
        };
      },
    ),
  );
  return { receipt: value, replayed };
}

/** Books the day steps a line has not had up to `today` (as a command does), returning its state as of today. */
export async function bringUpToDate(
  tx: Queryable,
  deps: LineLifecycleDeps,
  facility: Facility,
  record: LineRecord,
  today: LocalDate,
): Promise<LineState> {
  const { state, changes, statements } = advanceLine(record.terms, record.state, today);
  if (state.processedThrough !== record.state.processedThrough) {
    await bookLineOutcomes(tx, deps, [
      {
        terms: record.terms,
        before: record.state,
        state,
        changes,
        statements,
        facility: {
          id: facility.id,
          status: facility.status,
          statusReason: facility.statusReason,
          temporary: facility.temporary ?? null,
        },
      },
    ]);
  }
  return state;
}
