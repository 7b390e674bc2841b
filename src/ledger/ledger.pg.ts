import { AppError } from '../platform/errors/app-error.ts';
import { sqlStateOf, type Queryable } from '../platform/database/database.ts';
import { moneyFromDb, ZERO, type Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { ACCOUNT_KIND_INFO, ACCOUNT_KINDS, isAccountKind, type AccountKind, type Side } from './account.ts';
import { validateEntry, type ContractBalances, type JournalEntry } from './journal.ts';
import type { LedgerPort, PostingView } from './ledger-ports.ts';

export type { PostingView } from './ledger-ports.ts';

/**
 * The ledger's repository. Functions take a `Queryable` — the use case owns the transaction. Posting is
 * one SQL statement however many entries it carries (journals and postings inserted together by
 * data-modifying CTEs), so a single entry costs one round trip and a day-end chunk of thousands costs one too.
 */

/** The ledger port on PostgreSQL (or PGlite): what the composition root hands the products' use cases. */
export function createPgLedger(): LedgerPort {
  return { openAccounts, postJournals, contractPostings };
}

/** Opens the accounts of a contract (idempotent: existing accounts are left alone). */
export async function openAccounts(
  q: Queryable,
  contracts: readonly { customerId: string; contractId: string }[],
  kinds: readonly AccountKind[],
  at: Date,
): Promise<void> {
  if (contracts.length === 0) return;
  await q.query(
    `insert into ledger_accounts (customer_id, contract_id, kind, normal_side, created_at)
     select c.customer_id, c.contract_id, k.kind, k.normal_side, $4
       from unnest($1::text[], $2::text[]) as c (customer_id, contract_id)
      cross join ledger_account_kinds k
      where k.kind = any ($3::text[])
     on conflict do nothing`,
    [contracts.map((c) => c.customerId), contracts.map((c) => c.contractId), [...kinds], at],
  );
}

/** 0 for a line that raises its account's balance (on its normal side), 1 for one that lowers it. */
function lowersFirstRank(line: { kind: string; side: Side }): number {
  if (!isAccountKind(line.kind)) return 0;
  return ACCOUNT_KIND_INFO[line.kind].normalSide === line.side ? 0 : 1;
}

/**
 * Posts journal entries atomically in one statement. Each entry is validated first (balanced, positive
 * amounts); the database checks the same rules again and refuses a source key booked before.
 */
export async function postJournals(q: Queryable, entries: readonly JournalEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  const journal = {
    customer: [] as string[],
    id: [] as string[],
    contract: [] as string[],
    source: [] as string[],
    kind: [] as string[],
    date: [] as string[],
    description: [] as string[],
    reverses: [] as (string | null)[],
  };
  const posting = {
    customer: [] as string[],
    journal: [] as string[],
    line: [] as number[],
    contract: [] as string[],
    kind: [] as string[],
    side: [] as string[],
    amount: [] as string[],
    date: [] as string[],
  };
  const lines: { entry: JournalEntry; lineNo: number; kind: string; side: Side; amount: Money }[] = [];
  for (const entry of entries) {
    validateEntry(entry);
    journal.customer.push(entry.customerId);
    journal.id.push(entry.id);
    journal.contract.push(entry.contractId);
    journal.source.push(entry.sourceKey);
    journal.kind.push(entry.kind);
    journal.date.push(entry.effectiveDate);
    journal.description.push(entry.description);
    journal.reverses.push(entry.reversesJournalId ?? null);
    for (const [index, line] of entry.lines.entries()) {
      lines.push({ entry, lineNo: index + 1, kind: line.kind, side: line.side, amount: line.amount });
    }
  }
  // The database applies postings one row at a time in insertion order and refuses a non-negative account
  // the moment it dips below zero (migration 0901). Inserting every line that raises its account before any
  // line that lowers one makes that check refuse exactly what the statement's net effect would: an account's
  // balance only falls after its rises, so it dips below zero at some row iff it ends below zero. (A stable
  // sort: lines keep their order within each group; line numbers are the entry's own.)
  lines.sort((a, b) => lowersFirstRank(a) - lowersFirstRank(b));
  for (const line of lines) {
    posting.customer.push(line.entry.customerId);
    posting.journal.push(line.entry.id);
    posting.line.push(line.lineNo);
    posting.contract.push(line.entry.contractId);
    posting.kind.push(line.kind);
    posting.side.push(line.side);
    posting.amount.push(line.amount.toString());
    posting.date.push(line.entry.effectiveDate);
  }
  try {
    await q.query(
      `with journals as (
         insert into ledger_journals
           (customer_id, id, contract_id, source_key, kind, effective_date, description, reverses_journal_id, posted_at)
         select j.*, $17::timestamptz
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[]) as j
         returning 1
       ), postings as (
         insert into ledger_postings (customer_id, journal_id, line_no, contract_id, kind, side, amount, effective_date)
         select * from unnest($9::text[], $10::text[], $11::smallint[], $12::text[], $13::text[], $14::text[],
                              $15::bigint[], $16::date[])
         returning 1
       )
       select (select count(*) from journals) as journals, (select count(*) from postings) as postings`,
      [
        journal.customer,
        journal.id,
        journal.contract,
        journal.source,
        journal.kind,
        journal.date,
        journal.description,
        journal.reverses,
        posting.customer,
        posting.journal,
        posting.line,
        posting.contract,
        posting.kind,
        posting.side,
        posting.amount,
        posting.date,
        at,
      ],
    );
  } catch (error) {
    if (sqlStateOf(error) === '23505') {
      throw new AppError('CONFLICT', 'a journal with the same source was already booked', { cause: error });
    }
    throw error;
  }
}

interface BalanceRow {
  kind: string;
  balance: bigint;
}

/** The balances (normal side positive) of one contract's accounts. */
export async function contractBalances(
  q: Queryable,
  customerId: string,
  contractId: string,
): Promise<ContractBalances> {
  const result = await q.query<BalanceRow>(
    'select kind, balance from ledger_accounts where customer_id = $1 and contract_id = $2',
    [customerId, contractId],
  );
  const out: Partial<Record<AccountKind, Money>> = {};
  for (const row of result.rows) {
    if (isAccountKind(row.kind) && row.balance !== 0n) {
      out[row.kind] = moneyFromDb(row.balance, 'ledger_accounts.balance');
    }
  }
  return out;
}

interface PostingRow {
  journal_id: string;
  journal_kind: string;
  description: string;
  effective_date: string;
  posted_at: Date;
  kind: string;
  side: string;
  amount: bigint;
}

/** Every posting of a contract in booking order (effective date, then journal id). */
export async function contractPostings(
  q: Queryable,
  customerId: string,
  contractId: string,
): Promise<PostingView[]> {
  const result = await q.query<PostingRow>(
    `select p.journal_id, j.kind as journal_kind, j.description, p.effective_date::text as effective_date,
            j.posted_at, p.kind, p.side, p.amount
       from ledger_postings p
       join ledger_journals j on j.customer_id = p.customer_id and j.id = p.journal_id
      where p.customer_id = $1 and p.contract_id = $2
      order by p.effective_date, j.posted_at, p.journal_id, p.line_no`,
    [customerId, contractId],
  );
  return result.rows.map((row) => {
    if (!isAccountKind(row.kind)) throw new AppError('INTERNAL', `unknown account kind ${row.kind}`);
    return {
      journalId: row.journal_id,
      journalKind: row.journal_kind,
      description: row.description,
      effectiveDate: row.effective_date as LocalDate,
      postedAt: row.posted_at,
      kind: row.kind,
      side: row.side === 'D' ? 'D' : 'C',
      amount: moneyFromDb(row.amount, 'ledger_postings.amount'),
    };
  });
}

/** The lender's view: each account kind's balance summed over every contract. */
export async function ledgerTotalsByKind(q: Queryable): Promise<Record<AccountKind, Money>> {
  const result = await q.query<BalanceRow>(
    'select kind, coalesce(sum(balance), 0)::bigint as balance from ledger_accounts group by kind',
  );
  const out = Object.fromEntries(ACCOUNT_KINDS.map((kind) => [kind, ZERO])) as Record<AccountKind, Money>;
  for (const row of result.rows) {
    if (isAccountKind(row.kind)) out[row.kind] = moneyFromDb(row.balance, 'sum(ledger_accounts.balance)');
  }
  return out;
}

/** What `verifyLedger` found; every list empty and the totals equal means the books are sound. */
export interface LedgerVerification {
  readonly journals: number;
  readonly postings: number;
  readonly totalDebits: bigint;
  readonly totalCredits: bigint;
  readonly unbalancedJournals: readonly string[];
  /** Accounts whose cached balance differs from Σ of their postings. */
  readonly cacheMismatches: readonly string[];
  /** Non-negative accounts below zero. */
  readonly negativeBalances: readonly string[];
  readonly ok: boolean;
}

/**
 * Re-derives every invariant from the raw postings — a full scan, for tests, audits and `credence ledger
 * verify`, not for the hot path. With `postedSince`, only journals posted since then and the accounts of
 * the contracts they touch are re-derived (a nightly audit of the day's postings); the debit and credit
 * totals then come from the accounts' cached totals, which the account check ties to their postings.
 */
export async function verifyLedger(
  q: Queryable,
  options: { postedSince?: Date } = {},
): Promise<LedgerVerification> {
  const since = options.postedSince;
  // Separate statements rather than scalar subqueries in one select list: Citus cannot push those down.
  const journalCount = await q.query<{ journals: bigint }>(
    'select count(*) as journals from ledger_journals',
  );
  const totals = since
    ? await q.query<{ postings: bigint; debits: bigint; credits: bigint }>(
        `select coalesce(sum(posting_count), 0)::bigint as postings,
                coalesce(sum(debit_total), 0)::bigint as debits, coalesce(sum(credit_total), 0)::bigint as credits
           from ledger_accounts`,
      )
    : await q.query<{ postings: bigint; debits: bigint; credits: bigint }>(
        `select count(*) as postings,
                coalesce(sum(amount) filter (where side = 'D'), 0)::bigint as debits,
                coalesce(sum(amount) filter (where side = 'C'), 0)::bigint as credits
           from ledger_postings`,
      );
  const recent = since ? 'where j.posted_at >= $1' : '';
  const params = since ? [since] : [];
  const unbalanced = await q.query<{ id: string }>(
    `select j.customer_id || '/' || j.id as id
       from ledger_journals j
       left join ledger_postings p on p.customer_id = j.customer_id and p.journal_id = j.id
      ${recent}
      group by j.customer_id, j.id
     having count(p.line_no) < 2
         or coalesce(sum(p.amount) filter (where p.side = 'D'), 0) <> coalesce(sum(p.amount) filter (where p.side = 'C'), 0)
      order by 1`,
    params,
  );
  const touched = since
    ? `where (a.customer_id, a.contract_id) in
         (select customer_id, contract_id from ledger_journals where posted_at >= $1)`
    : '';
  const mismatches = await q.query<{ id: string }>(
    `select a.customer_id || '/' || a.contract_id || '/' || a.kind as id
       from ledger_accounts a
       left join lateral (
         select coalesce(sum(p.amount) filter (where p.side = 'D'), 0) as debits,
                coalesce(sum(p.amount) filter (where p.side = 'C'), 0) as credits,
                count(*) as lines
           from ledger_postings p
          where p.customer_id = a.customer_id and p.contract_id = a.contract_id and p.kind = a.kind
       ) s on true
      ${touched}
        ${touched ? 'and' : 'where'} (a.debit_total <> s.debits or a.credit_total <> s.credits or a.posting_count <> s.lines
         or a.balance <> case a.normal_side when 'D' then s.debits - s.credits else s.credits - s.debits end)
      order by 1`,
    params,
  );
  const negative = await q.query<{ id: string }>(
    `select a.customer_id || '/' || a.contract_id || '/' || a.kind as id
       from ledger_accounts a join ledger_account_kinds k using (kind)
      where k.non_negative and a.balance < 0 order by 1`,
  );
  const [row] = totals.rows;
  const totalDebits = row?.debits ?? 0n;
  const totalCredits = row?.credits ?? 0n;
  const verification = {
    journals: Number(journalCount.rows[0]?.journals ?? 0n),
    postings: Number(row?.postings ?? 0n),
    totalDebits,
    totalCredits,
    unbalancedJournals: unbalanced.rows.map((r) => r.id),
    cacheMismatches: mismatches.rows.map((r) => r.id),
    negativeBalances: negative.rows.map((r) => r.id),
  };
  return {
    ...verification,
    ok:
      totalDebits === totalCredits &&
      verification.unbalancedJournals.length === 0 &&
      verification.cacheMismatches.length === 0 &&
      verification.negativeBalances.length === 0,
  };
}
