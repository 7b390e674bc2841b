import { toJson, type Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { moneyFromDb, moneyFromJson, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  HARDSHIP_REASON_CODES,
  parseHardshipRules,
  type HardshipAsk,
  type HardshipReason,
  type HardshipRules,
} from './hardship.ts';
import { HARDSHIP_TOOLS, type HardshipTool } from './loan-state.ts';

/** Storage of hardship requests and rules (migration 0420). Functions take the caller's transaction. */

export type HardshipStatus = 'pending' | 'applied' | 'rejected';

/** A person acting through an API key or a console session: the key and the name it was issued under. */
export interface HardshipActor {
  readonly keyId: string;
  readonly name: string;
}

export interface HardshipRequest {
  readonly id: string;
  readonly customerId: string;
  readonly loanId: string;
  readonly ask: HardshipAsk;
  readonly moneyEffect: Money;
  readonly reasons: readonly HardshipReason[];
  readonly maker: HardshipActor;
  readonly needsSecondPerson: boolean;
  readonly status: HardshipStatus;
  readonly checker: HardshipActor | null;
  readonly decisionNote: string | null;
  /** The loan event that carried it out, once applied. */
  readonly eventSeq: number | null;
  readonly proposedOn: LocalDate;
  readonly proposedAt: Date;
  readonly decidedAt: Date | null;
}

interface Row {
  customer_id: string;
  id: string;
  loan_id: string;
  ask: Record<string, unknown>;
  money_effect: bigint;
  reasons: { code: string; note: string }[];
  maker_key_id: string;
  maker_name: string;
  needs_second_person: boolean;
  status: string;
  checker_key_id: string | null;
  checker_name: string | null;
  decision_note: string | null;
  event_seq: number | null;
  proposed_on: string;
  proposed_at: Date;
  decided_at: Date | null;
}

const COLUMNS = `customer_id, id, loan_id, ask, money_effect, reasons, maker_key_id, maker_name,
  needs_second_person, status, checker_key_id, checker_name, decision_note, event_seq,
  proposed_on::text as proposed_on, proposed_at, decided_at`;

/** The ask as stored: amounts in fen as strings. */
export function encodeAsk(ask: HardshipAsk): Record<string, unknown> {
  switch (ask.tool) {
    case 'reschedule':
      return {
        tool: ask.tool,
        ...(ask.instalments !== undefined ? { instalments: ask.instalments } : {}),
        ...(ask.maxInstalment !== undefined ? { maxInstalment: ask.maxInstalment.toString() } : {}),
      };
    case 're-age':
      return { tool: ask.tool };
    case 'holiday':
      return { tool: ask.tool, instalments: ask.instalments };
    case 'waiver':
      return {
        tool: ask.tool,
        interest: ask.interest.toString(),
        penalty: ask.penalty.toString(),
        fees: ask.fees.toString(),
      };
    case 'settlement':
      return { tool: ask.tool, amount: ask.amount.toString() };
  }
}

export function decodeAsk(json: Record<string, unknown>): HardshipAsk {
  const tool = json.tool as HardshipTool;
  if (!(HARDSHIP_TOOLS as readonly string[]).includes(tool))
    throw new AppError('INTERNAL', 'stored hardship ask has an unknown tool');
  const money = (key: string) => moneyFromJson(json[key], `hardship.${key}`);
  switch (tool) {
    case 'reschedule':
      return {
        tool,
        ...(json.instalments !== undefined ? { instalments: Number(json.instalments) } : {}),
        ...(json.maxInstalment !== undefined ? { maxInstalment: money('maxInstalment') } : {}),
      };
    case 're-age':
      return { tool };
    case 'holiday':
      return { tool, instalments: Number(json.instalments) };
    case 'waiver':
      return { tool, interest: money('interest'), penalty: money('penalty'), fees: money('fees') };
    case 'settlement':
      return { tool, amount: money('amount') };
  }
}

function requestOf(row: Row): HardshipRequest {
  return {
    id: row.id,
    customerId: row.customer_id,
    loanId: row.loan_id,
    ask: decodeAsk(row.ask),
    moneyEffect: moneyFromDb(row.money_effect, 'loan_hardship_requests.money_effect'),
    reasons: row.reasons.map((reason) => ({
      code: HARDSHIP_REASON_CODES.find((code) => code === reason.code) ?? 'other',
      note: reason.note,
    })),
    maker: { keyId: row.maker_key_id, name: row.maker_name },
    needsSecondPerson: row.needs_second_person,
    status: row.status as HardshipStatus,
    checker: row.checker_key_id === null ? null : { keyId: row.checker_key_id, name: row.checker_name ?? '' },
    decisionNote: row.decision_note,
    eventSeq: row.event_seq,
    proposedOn: row.proposed_on as LocalDate,
    proposedAt: row.proposed_at,
    decidedAt: row.decided_at,
  };
}

export async function insertHardshipRequest(tx: Queryable, request: HardshipRequest): Promise<void> {
  await tx.query(
    `insert into loan_hardship_requests
       (customer_id, id, loan_id, tool, ask, money_effect, reasons, maker_key_id, maker_name,
        needs_second_person, status, proposed_on, proposed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12)`,
    [
      request.customerId,
      request.id,
      request.loanId,
      request.ask.tool,
      toJson(encodeAsk(request.ask)),
      request.moneyEffect,
      toJson(request.reasons.map((reason) => ({ code: reason.code, note: reason.note }))),
      request.maker.keyId,
      request.maker.name,
      request.needsSecondPerson,
      request.proposedOn,
      request.proposedAt,
    ],
  );
}

/** Records the decision on a pending request (the database refuses to change a decided one). */
export async function decideHardshipRequest(tx: Queryable, request: HardshipRequest): Promise<void> {
  await tx.query(
    `update loan_hardship_requests
        set status = $3, checker_key_id = $4, checker_name = $5, decision_note = $6, event_seq = $7,
            decided_at = $8
      where customer_id = $1 and id = $2`,
    [
      request.customerId,
      request.id,
      request.status,
      request.checker?.keyId ?? null,
      request.checker?.name ?? null,
      request.decisionNote,
      request.eventSeq,
      request.decidedAt,
    ],
  );
}

/** Where a request is (its customer), by id alone. */
export async function locateHardshipRequest(
  q: Queryable,
  id: string,
): Promise<{ customerId: string; loanId: string } | undefined> {
  const result = await q.query<{ customer_id: string; loan_id: string }>(
    'select customer_id, loan_id from loan_hardship_requests where id = $1 limit 1',
    [id],
  );
  const row = result.rows[0];
  return row ? { customerId: row.customer_id, loanId: row.loan_id } : undefined;
}

export async function findHardshipRequest(
  q: Queryable,
  customerId: string,
  id: string,
  forUpdate = false,
): Promise<HardshipRequest | undefined> {
  const result = await q.query<Row>(
    `select ${COLUMNS} from loan_hardship_requests where customer_id = $1 and id = $2${forUpdate ? ' for update' : ''}`,
    [customerId, id],
  );
  const row = result.rows[0];
  return row ? requestOf(row) : undefined;
}

export async function listHardshipRequests(
  q: Queryable,
  customerId: string,
  loanId: string,
): Promise<HardshipRequest[]> {
  const result = await q.query<Row>(
    `select ${COLUMNS} from loan_hardship_requests where customer_id = $1 and loan_id = $2
      order by proposed_at desc, id desc`,
    [customerId, loanId],
  );
  return result.rows.map(requestOf);
}

/**
 * Requests waiting for a second person, across all loans, the longest-waiting first (at most `limit`): the
 * approvers' inbox. Few at any time (a request is decided or withdrawn within days), so no index of its own.
 */
export async function listPendingHardshipRequests(q: Queryable, limit: number): Promise<HardshipRequest[]> {
  const result = await q.query<Row>(
    `select ${COLUMNS} from loan_hardship_requests where status = 'pending'
      order by proposed_at, id limit $1`,
    [limit],
  );
  return result.rows.map(requestOf);
}

/** Every dated rules entry (few: the lender's changes), oldest first. */
export async function listHardshipRules(q: Queryable): Promise<HardshipRules[]> {
  const result = await q.query<{ effective_from: string; rules: Record<string, unknown> }>(
    'select effective_from::text as effective_from, rules from loan_hardship_rules order by effective_from',
  );
  return result.rows.map((row) => parseHardshipRules({ ...row.rules, effectiveFrom: row.effective_from }));
}

export async function insertHardshipRules(
  tx: Queryable,
  rules: HardshipRules,
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `insert into loan_hardship_rules (effective_from, rules, recorded_by, recorded_at) values ($1, $2, $3, $4)`,
    [
      rules.effectiveFrom,
      toJson({
        secondPersonAbove: rules.secondPersonAbove.toString(),
        rescheduleMaxInstalments: rules.rescheduleMaxInstalments,
        holidayMaxInstalments: rules.holidayMaxInstalments,
        holidayOncePerMonths: rules.holidayOncePerMonths,
        reAgeMinConsecutivePaid: rules.reAgeMinConsecutivePaid,
        reAgeOncePerMonths: rules.reAgeOncePerMonths,
      }),
      by,
      at,
    ],
  );
}
