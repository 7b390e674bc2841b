import { toJson, type Queryable } from '../../platform/database/database.ts';
import { moneyFromDb, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { HARDSHIP_REASON_CODES, type HardshipReason } from '../loans/hardship.ts';

/**
 * Storage of hardship requests, one layer for both products (issue 18): a cash loan's in
 * `loan_hardship_requests` (migration 0420), a credit line's in `credit_line_hardship_requests` (migration
 * 0540). The two tables have the same columns but the subject's (`loan_id`, `line_id`); a product names its
 * table and gives the codec of its tool's ask (`HardshipRequestTable`). Functions take the caller's transaction.
 */

export type HardshipStatus = 'pending' | 'applied' | 'rejected';

/** A person acting through an API key or a console session: the key and the name it was issued under. */
export interface HardshipActor {
  readonly keyId: string;
  readonly name: string;
}

/** What every hardship request holds, whatever the product; `Ask` is the product's tool and its amounts. */
export interface HardshipRequestFields<Ask> {
  readonly id: string;
  readonly customerId: string;
  readonly ask: Ask;
  readonly moneyEffect: Money;
  readonly reasons: readonly HardshipReason[];
  readonly maker: HardshipActor;
  readonly needsSecondPerson: boolean;
  readonly status: HardshipStatus;
  readonly checker: HardshipActor | null;
  readonly decisionNote: string | null;
  /** The product's event that carried it out, once applied. */
  readonly eventSeq: number | null;
  readonly proposedOn: LocalDate;
  readonly proposedAt: Date;
  readonly decidedAt: Date | null;
}

/** A product's request: the common fields and the subject's id under the product's name (`loanId`, `lineId`). */
export type HardshipRequestOf<Ask, Key extends string> = HardshipRequestFields<Ask> & {
  readonly [K in Key]: string;
};

/** How a product's ask is stored: amounts in fen as strings, `tool` always present. */
export interface HardshipAskCodec<Ask> {
  encode(ask: Ask): Record<string, unknown>;
  decode(json: Record<string, unknown>): Ask;
}

/** Where a product keeps its requests. */
export interface HardshipRequestTable<Ask extends { readonly tool: string }, Key extends string> {
  /** `loan_hardship_requests` or `credit_line_hardship_requests`. */
  readonly table: string;
  /** The subject's column (`loan_id`, `line_id`) and its name on a request (`loanId`, `lineId`). */
  readonly subjectColumn: string;
  readonly subjectKey: Key;
  readonly codec: HardshipAskCodec<Ask>;
}

/** A product's requests, read and written in the caller's transaction. */
export interface HardshipRequestStore<Ask extends { readonly tool: string }, Key extends string> {
  readonly spec: HardshipRequestTable<Ask, Key>;
  insert(tx: Queryable, request: HardshipRequestOf<Ask, Key>): Promise<void>;
  /** Records the decision on a pending request (the database refuses to change a decided one). */
  decide(tx: Queryable, request: HardshipRequestOf<Ask, Key>): Promise<void>;
  /** Where a request is (its customer and subject), by id alone. */
  locate(q: Queryable, id: string): Promise<{ customerId: string; subjectId: string } | undefined>;
  find(
    q: Queryable,
    customerId: string,
    id: string,
    forUpdate?: boolean,
  ): Promise<HardshipRequestOf<Ask, Key> | undefined>;
  /** A subject's requests, newest first. */
  list(q: Queryable, customerId: string, subjectId: string): Promise<HardshipRequestOf<Ask, Key>[]>;
  /**
   * Requests waiting for a second person, across all subjects, the longest-waiting first (at most `limit`): the
   * approvers' inbox. Few at any time (a request is decided or withdrawn within days), so no index of its own.
   */
  pending(q: Queryable, limit: number): Promise<HardshipRequestOf<Ask, Key>[]>;
}

interface Row {
  customer_id: string;
  id: string;
  subject_id: string;
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

/** The store of one product's requests (`spec.table` and `spec.subjectColumn` are constants of the code). */
export function hardshipRequestStore<Ask extends { readonly tool: string }, Key extends string>(
  spec: HardshipRequestTable<Ask, Key>,
): HardshipRequestStore<Ask, Key> {
  const { table, subjectColumn, subjectKey, codec } = spec;
  const columns = `customer_id, id, ${subjectColumn} as subject_id, ask, money_effect, reasons, maker_key_id,
  maker_name, needs_second_person, status, checker_key_id, checker_name, decision_note, event_seq,
  proposed_on::text as proposed_on, proposed_at, decided_at`;
  const subjectOf = (request: HardshipRequestOf<Ask, Key>): string => request[subjectKey];

  function requestOf(row: Row): HardshipRequestOf<Ask, Key> {
    const fields: HardshipRequestFields<Ask> = {
      id: row.id,
      customerId: row.customer_id,
      ask: codec.decode(row.ask),
      moneyEffect: moneyFromDb(row.money_effect, `${table}.money_effect`),
      reasons: row.reasons.map((reason) => ({
        code: HARDSHIP_REASON_CODES.find((code) => code === reason.code) ?? 'other',
        note: reason.note,
      })),
      maker: { keyId: row.maker_key_id, name: row.maker_name },
      needsSecondPerson: row.needs_second_person,
      status: row.status as HardshipStatus,
      checker:
        row.checker_key_id === null ? null : { keyId: row.checker_key_id, name: row.checker_name ?? '' },
      decisionNote: row.decision_note,
      eventSeq: row.event_seq,
      proposedOn: row.proposed_on as LocalDate,
      proposedAt: row.proposed_at,
      decidedAt: row.decided_at,
    };
    return withSubject(fields, subjectKey, row.subject_id);
  }

  return Object.freeze({
    spec,
    async insert(tx: Queryable, request: HardshipRequestOf<Ask, Key>) {
      await tx.query(
        `insert into ${table}
           (customer_id, id, ${subjectColumn}, tool, ask, money_effect, reasons, maker_key_id, maker_name,
            needs_second_person, status, proposed_on, proposed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12)`,
        [
          request.customerId,
          request.id,
          subjectOf(request),
          request.ask.tool,
          toJson(codec.encode(request.ask)),
          request.moneyEffect,
          toJson(request.reasons.map((reason) => ({ code: reason.code, note: reason.note }))),
          request.maker.keyId,
          request.maker.name,
          request.needsSecondPerson,
          request.proposedOn,
          request.proposedAt,
        ],
      );
    },
    async decide(tx: Queryable, request: HardshipRequestOf<Ask, Key>) {
      await tx.query(
        `update ${table}
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
    },
    async locate(q: Queryable, id: string) {
      const result = await q.query<{ customer_id: string; subject_id: string }>(
        `select customer_id, ${subjectColumn} as subject_id from ${table} where id = $1 limit 1`,
        [id],
      );
      const row = result.rows[0];
      return row ? { customerId: row.customer_id, subjectId: row.subject_id } : undefined;
    },
    async find(q: Queryable, customerId: string, id: string, forUpdate = false) {
      const result = await q.query<Row>(
        `select ${columns} from ${table} where customer_id = $1 and id = $2${forUpdate ? ' for update' : ''}`,
        [customerId, id],
      );
      const row = result.rows[0];
      return row ? requestOf(row) : undefined;
    },
    async list(q: Queryable, customerId: string, subjectId: string) {
      const result = await q.query<Row>(
        `select ${columns} from ${table} where customer_id = $1 and ${subjectColumn} = $2
          order by proposed_at desc, id desc`,
        [customerId, subjectId],
      );
      return result.rows.map(requestOf);
    },
    async pending(q: Queryable, limit: number) {
      const result = await q.query<Row>(
        `select ${columns} from ${table} where status = 'pending' order by proposed_at, id limit $1`,
        [limit],
      );
      return result.rows.map(requestOf);
    },
  });
}

/** The common fields with the subject's id under the product's name. */
export function withSubject<Ask, Key extends string>(
  fields: HardshipRequestFields<Ask>,
  subjectKey: Key,
  subjectId: string,
): HardshipRequestOf<Ask, Key> {
  // The one place the product's name for the subject is attached; TypeScript cannot see that a computed key of
  // type `Key` makes a `{ [K in Key]: string }`.
  return { ...fields, [subjectKey]: subjectId } as HardshipRequestOf<Ask, Key>;
}
