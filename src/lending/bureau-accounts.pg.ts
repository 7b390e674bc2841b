import type { AccountMonth, ReportableAccounts } from '../bureau/index.ts';
import type { Queryable } from '../platform/database/database.ts';
import { addMoney, moneyFromDb, subMoney, sumMoney, ZERO, type Money } from '../platform/money/money.ts';
import { addDays, type LocalDate } from '../platform/time/local-date.ts';
import {
  minimumOutstanding,
  lineBalancesOf,
  lineDaysPastDue,
  replayLine,
  writtenOffOf,
} from './credit-lines/line-servicing.ts';
import type { LineEvent, LineState } from './credit-lines/line-state.ts';
import type { LineTerms } from './credit-lines/line-terms.ts';
import { lineEvents, lineStore } from './credit-lines/credit-lines.pg.ts';
import { loanEvents, loanStore } from './loans/loans.pg.ts';
import type { LoanState } from './loans/loan-state.ts';
import { outstandingOf } from './loans/loan-state.ts';
import { daysPastDue, replay } from './loans/servicing.ts';

const PAGE = 200;

/** What is overdue on a loan on `date`: the unpaid parts of instalments that fell due before it. */
function loanOverdue(state: LoanState, date: LocalDate): { amount: Money; since: LocalDate | null } {
  let amount = ZERO;
  let since: LocalDate | null = null;
  for (const instalment of state.instalments) {
    if (instalment.settledOn !== null || instalment.dueDate >= date) continue;
    since ??= instalment.dueDate;
    amount = sumMoney([
      amount,
      subMoney(instalment.principal, instalment.principalPaid),
      subMoney(instalment.interest, instalment.interestPaid),
      subMoney(instalment.penalty, instalment.penaltyPaid),
    ]);
  }
  return { amount, since };
}

async function pageOf(
  q: Queryable,
  table: 'loans' | 'credit_lines',
  dateColumn: string,
  date: LocalDate,
  afterId: string,
) {
  const result = await q.query<{ customer_id: string; id: string }>(
    `select customer_id, id from ${table} where ${dateColumn} <= $1 and id > $2 order by id limit ${PAGE}`,
    [date, afterId],
  );
  return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
}

async function countOf(q: Queryable, table: 'loans' | 'credit_lines', dateColumn: string, date: LocalDate) {
  const result = await q.query<{ n: bigint }>(
    `select count(*) as n from ${table} where ${dateColumn} <= $1`,
    [date],
  );
  return Number(result.rows[0]?.n ?? 0n);
}

/**
 * The lender's accounts for the credit bureau, as they stood at the end of a date: every loan and credit line
 * opened by then, its books recomputed from the contract and every event dated up to that day (`replay`,
 * `replayLine` — the definition of the books, so a back-dated payment recorded after the month end counts as
 * it would have). A line's amount is its facility's current limit.
 */
export function createPgReportableAccounts(q: Queryable): ReportableAccounts {
  return {
    async accountsAt(date, onProgress) {
      const total =
        (await countOf(q, 'loans', 'start_date', date)) +
        (await countOf(q, 'credit_lines', 'opened_on', date));
      const accounts: AccountMonth[] = [];
      let done = 0;
      for (let after = ''; ;) {
        const refs = await pageOf(q, 'loans', 'start_date', date, after);
        if (refs.length === 0) break;
        for (const loan of await loanStore.load(q, refs)) {
          const { contract } = loan;
          const events = (await loanEvents(q, contract.customerId, contract.loanId)).filter(
            (event) => event.effectiveDate <= date,
          );
          const state = replay(contract, events, date);
          const overdue = loanOverdue(state, date);
          const owed = outstandingOf(state);
          accounts.push({
            customerId: contract.customerId,
            accountId: contract.loanId,
            accountType: 'loan',
            openedOn: contract.startDate,
            amount: contract.principal,
            balance: sumMoney([owed.principal, owed.interest, owed.penalty]),
            overdueAmount: state.status === 'closed' ? ZERO : overdue.amount,
            daysPastDue:
              state.status === 'written_off' && overdue.since
                ? daysPastDueOf(overdue.since, date)
                : daysPastDue(state, date),
            overdueSince: state.status === 'closed' ? null : overdue.since,
            status:
              state.status === 'closed'
                ? 'closed'
                : state.status === 'written_off'
                  ? 'written_off'
                  : overdue.amount > 0n
                    ? 'overdue'
                    : 'normal',
            closedOn: state.status === 'closed' ? state.closedOn : null,
          });
          done += 1;
          onProgress?.(done, total);
        }
        after = refs[refs.length - 1]?.id ?? after;
      }
      for (let after = ''; ;) {
        const refs = await pageOf(q, 'credit_lines', 'opened_on', date, after);
        if (refs.length === 0) break;
        const limits = await facilityLimits(q, refs);
        for (const line of await lineStore.load(q, refs)) {
          const events = (await lineEvents(q, line.terms.customerId, line.terms.lineId)).filter(
            (event) => event.effectiveDate <= date,
          );
          const { state } = replayLine(line.terms, events, date);
          const closed = line.closedOn !== null && line.closedOn <= date;
          accounts.push({
            customerId: line.terms.customerId,
            accountId: line.terms.lineId,
            accountType: 'line',
            openedOn: line.terms.openedOn,
            amount: limits.get(`${line.terms.customerId}|${line.terms.lineId}`) ?? ZERO,
            ...lineStanding(line.terms, state, events, date, closed ? line.closedOn : null),
          });
          done += 1;
          onProgress?.(done, total);
        }
        after = refs[refs.length - 1]?.id ?? after;
      }
      return accounts;
    },
  };
}

type Standing = Pick<
  AccountMonth,
  'balance' | 'overdueAmount' | 'daysPastDue' | 'overdueSince' | 'status' | 'closedOn'
>;

/** The oldest due date whose minimum is unmet on `date`, and what is unmet on statements due before it. */
function lineOverdue(state: LineState, date: LocalDate): { amount: Money; since: LocalDate | null } {
  let amount = ZERO;
  let since: LocalDate | null = null;
  for (let index = 0; index < state.statements.length; index += 1) {
    const statement = state.statements[index];
    if (!statement || statement.dueDate >= date) break;
    const unmet = minimumOutstanding(state, index);
    if (unmet > 0n) {
      since ??= statement.dueDate;
      amount = addMoney(amount, unmet);
    }
  }
  return { amount, since };
}

/**
 * A line's standing at the end of `date`, as the bureau reads it:
 * - **closed** (by the ordinary close, on or before `date`): closed, nothing owed or overdue;
 * - **settled for less** (a hardship settlement): closed on the settlement date, nothing owed — as a loan
 *   settled for less is (the CRM1 layout has no code of its own for a settlement, see docs/bureau.md);
 * - **written off** and not settled: status written off; the balance is what was written off and not yet
 *   recovered (still owed by the customer, though off the lender's books), all of it overdue, since the
 *   oldest due date that was unmet when the line was written off (the write-off date when nothing was past
 *   due, as for a write-off by staff) — days past due go on counting until it is recovered in full; the
 *   episode's date stays (it keys the advance notice);
 * - otherwise normal or overdue from its statements: the unmet minimums of statements due before `date`.
 */
function lineStanding(
  terms: LineTerms,
  state: LineState,
  events: readonly LineEvent[],
  date: LocalDate,
  closedOn: LocalDate | null,
): Standing {
  const nothingOwed = { balance: ZERO, overdueAmount: ZERO, daysPastDue: 0, overdueSince: null };
  if (closedOn !== null) return { ...nothingOwed, status: 'closed', closedOn };
  if (state.settledOn) return { ...nothingOwed, status: 'closed', closedOn: state.settledOn };
  const writtenOff = writtenOffOf(state);
  if (writtenOff) {
    // The statements were emptied by the write-off: the episode is read off the line as it stood the day
    // before (the day-end writes a line off inside that date's step, staff by an event dated that day).
    const eve = addDays(writtenOff.on, -1);
    const before = replayLine(
      terms,
      events.filter((event) => event.effectiveDate <= eve),
      eve,
    ).state;
    const since = lineOverdue(before, writtenOff.on).since ?? writtenOff.on;
    return {
      balance: writtenOff.outstanding,
      overdueAmount: writtenOff.outstanding,
      // Recovered in full: nothing is past due any more; the status stays written off.
      daysPastDue: writtenOff.outstanding > 0n ? daysPastDueOf(since, date) : 0,
      overdueSince: since,
      status: 'written_off',
      closedOn: null,
    };
  }
  const overdue = lineOverdue(state, date);
  const { payoff } = lineBalancesOf(state);
  return {
    balance: payoff > 0n ? payoff : ZERO,
    overdueAmount: overdue.amount,
    daysPastDue: lineDaysPastDue(state, date),
    overdueSince: overdue.since,
    status: overdue.amount > 0n ? 'overdue' : 'normal',
    closedOn: null,
  };
}

function daysPastDueOf(since: LocalDate, date: LocalDate): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000),
  );
}

async function facilityLimits(q: Queryable, refs: readonly { customerId: string; id: string }[]) {
  const result = await q.query<{ customer_id: string; id: string; limit_amount: bigint }>(
    `select l.customer_id, l.id, f.limit_amount
       from unnest($1::text[], $2::text[]) as k(customer_id, id)
       join credit_lines l on l.customer_id = k.customer_id and l.id = k.id
       join credit_facilities f on f.customer_id = l.customer_id and f.id = l.facility_id`,
    [refs.map((ref) => ref.customerId), refs.map((ref) => ref.id)],
  );
  return new Map(
    result.rows.map((row) => [
      `${row.customer_id}|${row.id}`,
      moneyFromDb(row.limit_amount, 'credit_facilities.limit_amount'),
    ]),
  );
}
