import { createPgIdempotencyStore } from '../../ledger/idempotency.pg.ts';
import { once, parseIdempotencyKey } from '../../ledger/idempotency.ts';
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
import { insertFacilityChange, lockFacilityById, updateFacilityTerms } from '../facilities/facility.pg.ts';
import { setFacilityStatus } from '../facilities/facility-service.ts';
import {
  findLine,
  insertLineChange,
  listLineChanges,
  locateLine,
  lockLine,
  markLineClosed,
  saveLineTerms,
  setCustomerLimitCap,
  setTemporaryLimit,
  type LineChangeRecord,
  type LineRecord,
} from './credit-lines.pg.ts';
import { bookLineOutcomes } from './line-booking.pg.ts';
import {
  assertLineOpen,
  closeRefusal,
  lowerLimitRefusal,
  reasonOf,
  refuse,
  temporaryExpired,
  temporaryGrantRefusal,
  type LineChangeKind,
} from './line-lifecycle.ts';
import { advanceLine } from './line-servicing.ts';
import type { LineState } from './line-state.ts';
import { changeStatementDay, currentStatementDay, dueDateOf } from './line-terms.ts';

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

const idempotency = createPgIdempotencyStore();
const yuan = (value: Money): string => toDecimalString(value);

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

interface Locked {
  readonly tx: Queryable;
  readonly facility: Facility;
  readonly record: LineRecord;
  readonly today: LocalDate;
}

/**
 * Runs one lifecycle command: claims the key, locks the facility then the line (the commands' lock order),
 * refuses a closed line, runs `work`, which returns the change to record and the receipt's figures.
 */
async function lifecycleCommand(
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
      idempotency,
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
async function bringUpToDate(
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

/**
 * Closes a line at zero balance (customer or staff). The missing day steps up to today are booked first, so
 * the balance is today's; then nothing may be owed, held or left on a running plan (`closeRefusal`). The
 * facility is closed (and any temporary limit removed) and the line marked closed; history stays.
 */
export function closeLine(
  deps: LineLifecycleDeps,
  request: { lineId: string; idempotencyKey: string; reason?: string; requester: Requester },
): Promise<LineChangeResult> {
  const reason = request.reason === undefined ? null : reasonOf(request.reason);
  return lifecycleCommand(
    deps,
    { ...request, scope: 'line.close', request: { reason } },
    async ({ tx, facility, record, today }) => {
      // Refused before anything is booked: the day steps are the batch's to book then.
      const refusal = closeRefusal(advanceLine(record.terms, record.state, today).state);
      if (refusal) refuse(refusal);
      await bringUpToDate(tx, deps, facility, record, today);
      const { customerId } = record.terms;
      const now = deps.clock.now();
      if (facility.temporary) await setTemporaryLimit(tx, customerId, facility.id, null, now);
      const closed = await setFacilityStatus(tx, deps, 'close', {
        customerId,
        product: 'credit-line',
        reason: `line ${record.terms.lineId} closed${reason === null ? '' : `: ${reason}`}`,
      });
      await markLineClosed(tx, customerId, record.terms.lineId, today, now);
      return {
        kind: 'close',
        detail: { limit: String(facility.limit), statusBefore: facility.status },
        reason,
        facility: { ...closed, temporary: null },
        customerLimitCap: record.customerLimitCap,
        closedOn: today,
      };
    },
  );
}

/**
 * The customer asks for a lower limit (below the current one, never below what is used; the reason is
 * theirs). The facility's limit becomes it (a facility change 'adjust' on the same decision, the reason
 * saying it was the customer's) and it is the line's cap: reviews never set the limit above it until the
 * customer lifts it.
 */
export function requestLowerLimit(
  deps: LineLifecycleDeps,
  request: { lineId: string; limit: Money; reason: string; idempotencyKey: string; requester: Requester },
): Promise<LineChangeResult> {
  const reason = reasonOf(request.reason);
  return lifecycleCommand(
    deps,
    { ...request, scope: 'line.customer-limit', request: { limit: String(request.limit), reason } },
    async ({ tx, facility, record }) => {
      const refusal = lowerLimitRefusal(request.limit, facility);
      if (refusal) refuse(refusal);
      const now = deps.clock.now();
      const next: Facility = {
        ...facility,
        limit: request.limit,
        version: facility.version + 1,
        updatedAt: now,
      };
      await updateFacilityTerms(tx, next);
      await insertFacilityChange(tx, next, 'adjust', `customer-request: ${reason}`, now);
      await setCustomerLimitCap(tx, record.terms.customerId, record.terms.lineId, request.limit, now);
      return {
        kind: 'customer-limit',
        detail: {
          limitBefore: yuan(facility.limit),
          limitAfter: yuan(request.limit),
          used: yuan(facility.used),
        },
        reason,
        facility: next,
        customerLimitCap: request.limit,
        closedOn: null,
      };
    },
  );
}

/** The customer lifts their cap: the limit stays as it is; the next review may raise it. */
export function liftCustomerLimitCap(
  deps: LineLifecycleDeps,
  request: { lineId: string; idempotencyKey: string; requester: Requester },
): Promise<LineChangeResult> {
  return lifecycleCommand(
    deps,
    { ...request, scope: 'line.customer-limit-lifted', request: {} },
    async ({ tx, facility, record }) => {
      if (record.customerLimitCap === null) {
        refuse({
          field: 'customerLimitCap',
          rule: 'cap-set',
          message: 'the customer has set no limit to lift',
        });
      }
      await setCustomerLimitCap(tx, record.terms.customerId, record.terms.lineId, null, deps.clock.now());
      return {
        kind: 'customer-limit-lifted',
        detail: { capBefore: yuan(record.customerLimitCap), limit: yuan(facility.limit) },
        reason: null,
        facility,
        customerLimitCap: null,
        closedOn: null,
      };
    },
  );
}

/**
 * Staff grant a temporary limit (临时额度): `amount` on top of the limit through `until` (1–90 days; a new
 * grant replaces the running one), with a reason; audited.
 */
export function grantTemporaryLimit(
  deps: LineLifecycleDeps,
  request: {
    lineId: string;
    amount: Money;
    until: LocalDate;
    reason: string;
    idempotencyKey: string;
    requester: Requester;
  },
): Promise<LineChangeResult> {
  const reason = reasonOf(request.reason);
  return lifecycleCommand(
    deps,
    {
      ...request,
      scope: 'line.temporary-limit',
      request: { amount: String(request.amount), until: request.until, reason },
    },
    async ({ tx, facility, record, today }) => {
      const grant: TemporaryLimit = { amount: request.amount, until: request.until };
      const refusal = temporaryGrantRefusal(grant, today, facility);
      if (refusal) refuse(refusal);
      const running = temporaryExpired(facility.temporary, today) ? null : (facility.temporary ?? null);
      await setTemporaryLimit(tx, record.terms.customerId, facility.id, grant, deps.clock.now());
      return {
        kind: 'temporary-limit',
        detail: {
          amount: yuan(grant.amount),
          until: grant.until,
          limit: yuan(facility.limit),
          ...(running === null ? {} : { replaced: { amount: yuan(running.amount), until: running.until } }),
        },
        reason,
        facility: { ...facility, temporary: grant },
        customerLimitCap: record.customerLimitCap,
        closedOn: null,
      };
    },
  );
}

/**
 * A new statement day (customer or staff; `changeStatementDay` in `line-terms.ts`): the cycle in flight is
 * cut on the old day; the next ends on the first new-day date after that statement's due date; then monthly
 * on the new day. At most once in 6 months. The day steps up to today are booked first, so "in flight" is
 * today's cycle.
 */
export function changeLineStatementDay(
  deps: LineLifecycleDeps,
  request: { lineId: string; statementDay: number; idempotencyKey: string; requester: Requester },
): Promise<LineChangeResult> {
  return lifecycleCommand(
    deps,
    { ...request, scope: 'line.statement-day', request: { statementDay: request.statementDay } },
    async ({ tx, facility, record, today }) => {
      const state = await bringUpToDate(tx, deps, facility, record, today);
      const from = currentStatementDay(record.terms);
      const { terms, change, firstOnNewDay } = changeStatementDay(
        record.terms,
        state.nextStatementDate,
        request.statementDay,
        today,
      );
      await saveLineTerms(tx, terms, deps.clock.now());
      return {
        kind: 'statement-day',
        detail: {
          from,
          to: change.day,
          lastOnOldDay: change.fromCut,
          itsDueDate: dueDateOf(change.fromCut, terms.due),
          firstOnNewDay,
          firstOnNewDayDue: dueDateOf(firstOnNewDay, terms.due),
        },
        reason: null,
        facility,
        customerLimitCap: record.customerLimitCap,
        closedOn: null,
      };
    },
  );
}

/** The line's history of lifecycle changes, oldest first. */
export async function lineChanges(
  deps: Pick<LineLifecycleDeps, 'db'>,
  lineId: string,
): Promise<LineChangeRecord[]> {
  const where = await locateLine(deps.db, lineId);
  if (!where) throw AppError.notFound('credit line', lineId);
  const record = await findLine(deps.db, where.customerId, lineId);
  if (!record) throw AppError.notFound('credit line', lineId);
  return listLineChanges(deps.db, where.customerId, lineId);
}
