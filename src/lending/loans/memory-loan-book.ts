import { MemoryLedger, type JournalEntry } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { drawdownJournal, journalOf, loanBalances } from './loan-books.ts';
import type { LoanContract } from './loan-contract.ts';
import {
  outstandingOf,
  type HardshipChange,
  type LoanEvent,
  type LoanState,
  type RepaymentIntent,
} from './loan-state.ts';
import { advance, initialState, receiveEvent, type BookedChange } from './servicing.ts';

interface BookLoan {
  readonly contract: LoanContract;
  state: LoanState;
  readonly events: LoanEvent[];
}

/**
 * A book of loans in memory: the same pure servicing core and the same journal rules as the database
 * path, with a `MemoryLedger` for books. The simulation and the property tests drive it; it is also the
 * shortest executable description of how the core is meant to be used.
 */
export class MemoryLoanBook {
  readonly ledger = new MemoryLedger();
  readonly loans = new Map<string, BookLoan>();
  private journalCount = 0;

  private nextJournalId(): string {
    this.journalCount += 1;
    return `jrn_${this.journalCount.toString().padStart(26, '0')}`;
  }

  private book(contract: LoanContract, changes: readonly BookedChange[]): JournalEntry[] {
    const entries: JournalEntry[] = [];
    for (const change of changes) {
      const entry = journalOf(contract, change, this.nextJournalId());
      if (entry) entries.push(entry);
    }
    this.ledger.post(entries);
    return entries;
  }

  /** Books a drawdown (the caller has checked the limit). */
  open(contract: LoanContract): LoanState {
    if (this.loans.has(contract.loanId)) throw new AppError('CONFLICT', `loan ${contract.loanId} exists`);
    const state = initialState(contract);
    this.ledger.post([drawdownJournal(contract, state.counters, this.nextJournalId())]);
    this.loans.set(contract.loanId, { contract, state, events: [] });
    return state;
  }

  private loan(loanId: string): BookLoan {
    const loan = this.loans.get(loanId);
    if (!loan) throw AppError.notFound('loan', loanId);
    return loan;
  }

  /** Takes in a repayment, write-off, payout or hardship change as it arrives (its date may be in the past). */
  receive(
    loanId: string,
    event:
      | { kind: 'repayment'; effectiveDate: LocalDate; amount: Money; intent: RepaymentIntent }
      | { kind: 'write-off'; effectiveDate: LocalDate }
      | { kind: 'payout'; effectiveDate: LocalDate; amount: Money }
      | { kind: 'hardship'; effectiveDate: LocalDate; requestId: string; change: HardshipChange },
  ): { state: LoanState; changes: BookedChange[] } {
    const loan = this.loan(loanId);
    const full: LoanEvent = { ...event, seq: loan.events.length + 1 };
    const result = receiveEvent(loan.contract, loan.state, loan.events, full);
    this.book(loan.contract, result.changes);
    loan.events.push(full);
    loan.state = result.state;
    return result;
  }

  /** The day-end of `date` for every loan behind it. */
  dayEnd(date: LocalDate): number {
    let advanced = 0;
    for (const loan of this.loans.values()) {
      if (loan.state.status !== 'active' || loan.state.processedThrough >= date) continue;
      const { state, changes } = advance(loan.contract, loan.state, date);
      this.book(loan.contract, changes);
      loan.state = state;
      advanced += 1;
    }
    return advanced;
  }

  /** The loan's events so far, in arrival order. */
  events(loanId: string): readonly LoanEvent[] {
    return this.loan(loanId).events;
  }

  state(loanId: string): LoanState {
    return this.loan(loanId).state;
  }

  /**
   * Every invariant of the books, returned as a list of violations (empty when sound): Σ debits = Σ
   * credits; cached balances equal the sum of the journals; each loan's accounts equal what its state
   * implies; no receivable or held amount below zero; instalments never paid beyond what they asked.
   */
  violations(): string[] {
    const found: string[] = [];
    const totals = this.ledger.totals();
    if (totals.debits !== totals.credits) found.push(`debits ${totals.debits} ≠ credits ${totals.credits}`);
    for (const key of this.ledger.checkCache()) found.push(`cached balance of ${key} ≠ Σ of its postings`);
    for (const { contract, state } of this.loans.values()) {
      const expected = loanBalances(state.counters);
      const actual = this.ledger.contractBalances(contract.customerId, contract.loanId);
      for (const kind of Object.keys(expected) as (keyof typeof expected)[]) {
        if ((expected[kind] ?? 0n) !== (actual[kind] ?? 0n)) {
          found.push(`${contract.loanId} ${kind}: books ${actual[kind] ?? 0n}, state ${expected[kind]}`);
        }
      }
      const owed = outstandingOf(state);
      for (const [name, value] of Object.entries(owed))
        if (value < 0n) found.push(`${contract.loanId} ${name} < 0`);
      if (state.status === 'active') {
        let billedPrincipal = 0n;
        for (const instalment of state.instalments) {
          if (
            instalment.principalPaid > instalment.principal ||
            instalment.interestPaid > instalment.interest ||
            instalment.penaltyPaid > instalment.penalty
          ) {
            found.push(`${contract.loanId} instalment ${instalment.period} overpaid`);
          }
          billedPrincipal += instalment.principal - instalment.principalPaid;
        }
        // Interest and penalty owed are billed, carried to later instalments (hardship) or accruing.
        let billedInterest = 0n;
        let billedPenalty = 0n;
        for (const instalment of state.instalments) {
          billedInterest += instalment.interest - instalment.interestPaid;
          billedPenalty += instalment.penalty - instalment.penaltyPaid;
        }
        const interest = billedInterest + state.carriedInterest + state.periodPosted - state.periodPaid;
        if (interest !== owed.interest)
          found.push(`${contract.loanId} instalments' interest ${interest} ≠ ${owed.interest}`);
        if (billedPenalty + state.carriedPenalty !== owed.penalty)
          found.push(
            `${contract.loanId} instalments' penalty ${billedPenalty + state.carriedPenalty} ≠ ${owed.penalty}`,
          );
        if (billedPrincipal + state.unbilledPrincipal !== owed.principal) {
          found.push(
            `${contract.loanId} instalments' principal ${billedPrincipal + state.unbilledPrincipal} ≠ ${owed.principal}`,
          );
        }
      }
    }
    return found;
  }
}
