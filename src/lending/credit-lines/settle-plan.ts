import { AppError } from '../../platform/errors/app-error.ts';
import { addMoney, toDecimalString, ZERO, type Money } from '../../platform/money/money.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { command, take } from './line-command.ts';
import { settlementCodec, type PlanSettlementReceipt } from './line-receipts.ts';
import { advanceLine, feeOfPeriod, planIsRunning, planNotYetBilled, planStatusOf } from './line-servicing.ts';
import { lastPeriodOf, type LineEvent } from './line-state.ts';

/** Settles an instalment plan early (the rule in `CreditLineService.settlePlan`). */
export async function settleLinePlan(
  deps: CreditLineDeps,
  request: Parameters<CreditLineService['settlePlan']>[0],
): ReturnType<CreditLineService['settlePlan']> {
  const { value, replayed } = await command<PlanSettlementReceipt>(
    deps,
    request.lineId,
    request.idempotencyKey,
    'line.plan-settlement',
    { planId: request.planId },
    settlementCodec,
    async (tx, facility, record) => {
      const today = deps.clock.today();
      const { state } = advanceLine(record.terms, record.state, today);
      const plan = state.plans.find((candidate) => candidate.planId === request.planId);
      if (!plan) throw AppError.notFound('instalment plan', request.planId);
      if (!planIsRunning(plan)) {
        throw AppError.invalid(
          'planId',
          'plan-active',
          `plan ${request.planId} is ${planStatusOf(plan)}: nothing is left to bill`,
        );
      }
      const period = plan.billedPeriods + 1;
      if (period === lastPeriodOf(plan)) {
        throw AppError.invalid(
          'planId',
          'accelerates',
          `the next statement (${state.nextStatementDate}) bills the last period of plan ${request.planId} anyway`,
        );
      }
      const principal = planNotYetBilled(plan);
      const event: LineEvent = {
        seq: record.nextEventSeq,
        kind: 'plan-settlement',
        effectiveDate: today,
        amount: principal,
        planId: plan.planId,
      };
      await take(deps, tx, facility, record, event);
      const periodsWaived = lastPeriodOf(plan) - period;
      // The fees of the periods after the one that bills everything (a workout plan's charge varies by period).
      let feesWaived: Money = ZERO;
      for (let later = period + 1; later <= lastPeriodOf(plan); later += 1)
        feesWaived = addMoney(feesWaived, feeOfPeriod(plan, later));
      if (request.requester && !request.requester.onBehalfOfCustomer && deps.audit) {
        await deps.audit.record(
          {
            actor: request.requester.actor,
            action: 'credit-line.plan-settlement',
            subject: { type: 'credit-line', id: request.lineId },
            outcome: 'ok',
            details: {
              planId: plan.planId,
              principal: toDecimalString(principal),
              billedOn: state.nextStatementDate,
              feesWaived: toDecimalString(feesWaived),
            },
          },
          tx,
        );
      }
      return {
        lineId: request.lineId,
        planId: plan.planId,
        seq: event.seq,
        effectiveDate: today,
        principal,
        period,
        billedOn: state.nextStatementDate,
        fee: feeOfPeriod(plan, period),
        feesWaived,
        periodsWaived,
      };
    },
  );
  return { receipt: value, replayed };
}
