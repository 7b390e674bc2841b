import { toJson, type Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { moneyFromDb, moneyFromJson, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { HARDSHIP_REASON_CODES, type HardshipReason } from '../loans/hardship.ts';
import type { HardshipActor, HardshipStatus } from '../loans/hardship-requests.pg.ts';
import type { LineHardshipAsk } from './line-hardship.ts';

/**
 * Storage of a credit line's hardship requests (migration 0540; the rules and the threshold are the loans',
 * `loan_hardship_rules`). Functions take the caller's transaction.
 */

export interface LineHardshipRequest {
  readonly id: string;
  readonly customerId: string;
  readonly lineId: string;
  readonly ask: LineHardshipAsk;
  readonly moneyEffect: Money;
  readonly reasons: readonly HardshipReason[];
  readonly maker: HardshipActor;
  readonly needsSecondPerson: boolean;
  readonly status: HardshipStatus;
  readonly checker: HardshipActor | null;
  readonly decisionNote: string | null;
  /** The line event that carried it out, once applied. */
  readonly eventSeq: number | null;
  readonly proposedOn: LocalDate;
  readonly proposedAt: Date;
  readonly decidedAt: Date | null;
}

interface Row {
  customer_id: string;
  id: string;
  line_id: string;
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

const COLUMNS = `customer_id, id, line_id, ask, money_effect, reasons, maker_key_id, maker_name,
  needs_second_person, status, checker_key_id, checker_name, decision_note, event_seq,
  proposed_on::text as proposed_on, proposed_at, decided_at`;

/** The ask as stored: amounts in fen as strings. */
export function encodeLineAsk(ask: LineHardshipAsk): Record<string, unknown> {
  return {
    tool: ask.tool,
    interest: ask.interest.toString(),
    fees: ask.fees.toString(),
    lateFees: ask.lateFees.toString(),
  };
}

export function decodeLineAsk(json: Record<string, unknown>): LineHardshipAsk {
  if (json.tool !== 'waiver') throw new AppError('INTERNAL', 'stored line hardship ask has an unknown tool');
  const money = (key: string) => moneyFromJson(json[key], `hardship.${key}`);
  return { tool: 'waiver', interest: money('interest'), fees: money('fees'), lateFees: money('lateFees') };
}

function requestOf(row: Row): LineHardshipRequest {
  return {
    id: row.id,
    customerId: row.customer_id,
    lineId: row.line_id,
    ask: decodeLineAsk(row.ask),
    moneyEffect: moneyFromDb(row.money_effect, 'credit_line_hardship_requests.money_effect'),
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

export async function insertLineHardshipRequest(tx: Queryable, request: LineHardshipRequest): Promise<void> {
  await tx.query(
    `insert into credit_line_hardship_requests
       (customer_id, id, line_id, tool, ask, money_effect, reasons, maker_key_id, maker_name,
        needs_second_person, status, proposed_on, proposed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12)`,
    [
      request.customerId,
      request.id,
      request.lineId,
      request.ask.tool,
      toJson(encodeLineAsk(request.ask)),
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
export async function decideLineHardshipRequest(tx: Queryable, request: LineHardshipRequest): Promise<void> {
  await tx.query(
    `update credit_line_hardship_requests
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

/** Where a request is (its customer and line), by id alone. */
export async function locateLineHardshipRequest(
  q: Queryable,
  id: string,
): Promise<{ customerId: string; lineId: string } | undefined> {
  const result = await q.query<{ customer_id: string; line_id: string }>(
    'select customer_id, line_id from credit_line_hardship_requests where id = $1 limit 1',
    [id],
  );
  const row = result.rows[0];
  return row ? { customerId: row.customer_id, lineId: row.line_id } : undefined;
}

export async function findLineHardshipRequest(
  q: Queryable,
  customerId: string,
  id: string,
  forUpdate = false,
): Promise<LineHardshipRequest | undefined> {
  const result = await q.query<Row>(
    `select ${COLUMNS} from credit_line_hardship_requests where customer_id = $1 and id = $2${forUpdate ? ' for update' : ''}`,
    [customerId, id],
  );
  const row = result.rows[0];
  return row ? requestOf(row) : undefined;
}

export async function listLineHardshipRequests(
  q: Queryable,
  customerId: string,
  lineId: string,
): Promise<LineHardshipRequest[]> {
  const result = await q.query<Row>(
    `select ${COLUMNS} from credit_line_hardship_requests where customer_id = $1 and line_id = $2
      order by proposed_at desc, id desc`,
    [customerId, lineId],
  );
  return result.rows.map(requestOf);
}

/** Requests waiting for a second person, across all lines, the longest-waiting first (at most `limit`). */
export async function listPendingLineHardshipRequests(
  q: Queryable,
  limit: number,
): Promise<LineHardshipRequest[]> {
  const result = await q.query<Row>(
    `select ${COLUMNS} from credit_line_hardship_requests where status = 'pending'
      order by proposed_at, id limit $1`,
    [limit],
  );
  return result.rows.map(requestOf);
}
