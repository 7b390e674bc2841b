import type { AccountKind, Side } from '../../ledger/index.ts';
import type { ContractBalances } from '../../ledger/index.ts';
import type { Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { loanBalances } from './loan-books.ts';
import type { LoanContract } from './loan-contract.ts';
import { outstandingOf, type LoanState, type Outstanding } from './loan-state.ts';
import { generateSchedule, type Schedule } from './schedule.ts';
import { bucketOf, daysPastDue, instalmentViews, type Bucket, type InstalmentView } from './servicing.ts';

/** A loan as the API shows it, as of the last processed business day. */
export interface LoanView {
  readonly contract: LoanContract;
  readonly status: LoanState['status'];
  readonly asOf: LocalDate;
  readonly daysPastDue: number;
  readonly bucket: Bucket;
  readonly outstanding: Outstanding;
  readonly nextDue: { readonly dueDate: LocalDate; readonly amount: Money } | null;
  /** Annualised rate by IRR over the contract's cash flows (fee included). */
  readonly aprByIrr: number;
  readonly instalments: readonly InstalmentView[];
  readonly closedOn: LocalDate | null;
  readonly writtenOffOn: LocalDate | null;
}

export interface StatementLine {
  readonly kind: AccountKind;
  readonly side: Side;
  readonly amount: Money;
}

export interface StatementEntry {
  readonly journalId: string;
  readonly date: LocalDate;
  readonly kind: string;
  readonly description: string;
  readonly lines: readonly StatementLine[];
}

/** Statement of account: balances at the start and end of the period and every entry in between. */
export interface LoanStatement {
  readonly loan: LoanView;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly opening: ContractBalances;
  readonly closing: ContractBalances;
  readonly entries: readonly StatementEntry[];
}

/** A loan's view from its contract and state. */
export function viewOf(contract: LoanContract, state: LoanState, schedule?: Schedule): LoanView {
  const asOf = state.processedThrough;
  const dpd = daysPastDue(state, asOf);
  const instalments = instalmentViews(contract, state, asOf);
  const next = instalments.find(
    (view) => view.status !== 'paid' && view.status !== 'written-off' && view.owed > 0n,
  );
  const plan =
    schedule ??
    generateSchedule({
      principal: contract.principal,
      apr: contract.apr,
      term: contract.term,
      method: contract.method,
      basis: contract.basis,
      startDate: contract.startDate,
      upfrontFee: contract.upfrontFee,
    });
  return {
    contract,
    status: state.status,
    asOf,
    daysPastDue: dpd,
    bucket: bucketOf(dpd, contract.bucketBounds),
    outstanding: outstandingOf(state),
    nextDue: next && state.status === 'active' ? { dueDate: next.dueDate, amount: next.owed } : null,
    aprByIrr: plan.apr,
    instalments,
    closedOn: state.closedOn,
    writtenOffOn: state.writtenOffOn,
  };
}

export function scheduleOf(contract: LoanContract): Schedule {
  return generateSchedule({
    principal: contract.principal,
    apr: contract.apr,
    term: contract.term,
    method: contract.method,
    basis: contract.basis,
    startDate: contract.startDate,
    upfrontFee: contract.upfrontFee,
  });
}

/** The ledger balances a loan's state implies (what its accounts must hold). */
export function expectedBalances(state: LoanState): ContractBalances {
  return loanBalances(state.counters);
}
