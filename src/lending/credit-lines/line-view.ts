import { addMoney, positivePart, subMoney, ZERO, type Money } from '../../platform/money/money.ts';
import type { Rate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { availableCredit, type Facility, type TemporaryLimit } from '../facilities/facility.ts';
import type { Bucket } from '../loans/servicing.ts';
import type { LineRecord } from './credit-lines.pg.ts';
import { offerFor, remainingPlanApr, workoutPlanApr } from './instalment-conversion.ts';
import { onTimeCyclesOf } from './limit-review.ts';
import {
  feeOfPeriod,
  lineBalancesOf,
  lineBucket,
  lineDaysPastDue,
  minimumOutstanding,
  owedOn,
  planNotYetBilled,
  planStatusOf,
  writtenOffOf,
  type LineBalances,
  type PlanStatus,
  type WrittenOff,
} from './line-servicing.ts';
import type { LineState, PlanSource } from './line-state.ts';
import type { LineTerms } from './line-terms.ts';

/** One billed statement as it stands. */
export interface OpenStatementView {
  readonly seq: number;
  readonly statementDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly minimumPayment: Money;
  /** What is left of the minimum payment. */
  readonly minimumOutstanding: Money;
  readonly owed: Money;
  readonly graceLost: boolean;
  readonly settledOn: LocalDate | null;
}

export interface PlanView {
  readonly planId: string;
  readonly source: PlanSource;
  readonly createdOn: LocalDate;
  readonly principal: Money;
  readonly term: number;
  readonly feeRate: Rate;
  /** The fee of each period still to bill (after a partial refund: on what was kept). */
  readonly feePerPeriod: Money;
  readonly billedPeriods: number;
  readonly status: PlanStatus;
  /** Principal refunds of the converted purchase took off the periods not yet billed. */
  readonly refunded: Money;
  readonly cancelledOn: LocalDate | null;
  /** Principal of each period: billed as billed, the rest as scheduled now. */
  readonly parts: readonly Money[];
  readonly principalNotYetBilled: Money;
  readonly principalOwed: Money;
  /** The rate of the offer the customer accepted (annualised, by IRR, fees included). */
  readonly aprByIrr: number;
  /** The same rate of what is still to bill, as it stands now; null when nothing is. */
  readonly remainingAprByIrr: number | null;
}

/** A line as the API shows it, as of the last processed business day. */
export interface LineView {
  readonly terms: LineTerms;
  readonly asOf: LocalDate;
  readonly facility: {
    readonly id: string;
    readonly status: Facility['status'];
    readonly limit: Money;
    readonly used: Money;
    /** limit + a running temporary limit − used (never below zero; 0 unless active). */
    readonly available: Money;
    /** A temporary limit (临时额度) and its last day, while it runs. */
    readonly temporary: TemporaryLimit | null;
  };
  /** The limit the customer asked for, which reviews never exceed until they lift it; null when none. */
  readonly customerLimitCap: Money | null;
  /** The date the line was closed; null while open. */
  readonly closedOn: LocalDate | null;
  /** The charge-off: when, what was written off by component, recovered since, still owed; null when not. */
  readonly writtenOff: WrittenOff | null;
  readonly daysPastDue: number;
  readonly bucket: Bucket;
  readonly balances: LineBalances;
  readonly nextStatementDate: LocalDate;
  readonly cycle: LineState['cycle'];
  readonly openStatements: readonly OpenStatementView[];
  readonly plans: readonly PlanView[];
  /** Statements whose minimum was met by the due date, of the last 12 with a minimum to pay. */
  readonly onTimeCycles: number;
}

/** A line's view from its terms, state and facility. */
export function lineViewOf(
  terms: LineTerms,
  state: LineState,
  facility: Facility,
  lifecycle: Pick<LineRecord, 'closedOn' | 'customerLimitCap'> = { closedOn: null, customerLimitCap: null },
): LineView {
  const asOf = state.processedThrough;
  const dpd = lineDaysPastDue(state, asOf);
  return {
    terms,
    asOf,
    facility: {
      id: facility.id,
      status: facility.status,
      limit: facility.limit,
      used: facility.used,
      available: availableCredit(facility),
      temporary: facility.temporary ?? null,
    },
    customerLimitCap: lifecycle.customerLimitCap,
    closedOn: lifecycle.closedOn,
    writtenOff: writtenOffOf(state),
    daysPastDue: dpd,
    bucket: lineBucket(terms, state, asOf),
    balances: lineBalancesOf(state),
    nextStatementDate: state.nextStatementDate,
    cycle: { ...state.cycle },
    openStatements: state.statements.map((statement, index) => ({
      seq: statement.seq,
      statementDate: statement.statementDate,
      dueDate: statement.dueDate,
      minimumPayment: statement.minimumPayment,
      minimumOutstanding: minimumOutstanding(state, index),
      owed: owedOn(statement),
      graceLost: statement.graceLost,
      settledOn: statement.settledOn,
    })),
    plans: state.plans.map((plan) => {
      const owed = positivePart(
        subMoney(
          plan.counters.converted,
          addMoney(plan.counters.principalRepaid, plan.counters.principalRescheduled ?? ZERO),
        ),
      );
      return {
        planId: plan.planId,
        source: plan.source,
        createdOn: plan.createdOn,
        principal: plan.principal,
        term: plan.term,
        feeRate: plan.feeRate,
        feePerPeriod: feeOfPeriod(plan, Math.min(plan.billedPeriods + 1, plan.term)),
        billedPeriods: plan.billedPeriods,
        status: planStatusOf(plan),
        refunded: plan.refunded,
        cancelledOn: plan.cancelledOn,
        parts: [...plan.parts],
        principalNotYetBilled: planNotYetBilled(plan),
        principalOwed: owed,
        aprByIrr: plan.fees
          ? workoutPlanApr(plan)
          : offerFor(plan.principal, plan.term, plan.feeRate).aprByIrr,
        remainingAprByIrr: remainingPlanApr(plan),
      };
    }),
    onTimeCycles: onTimeCyclesOf(state),
  };
}
