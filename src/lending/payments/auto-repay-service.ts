import { autoRepayNoticeAt, type AutoRepayNotice, type AutoRepaySchedule } from './auto-repay.ts';
import type { PaymentProvider } from './payment-provider.ts';
import type { AutoRepayAccounts } from './payment-ports.ts';
import { autoRepayNoticeVersions, listAttempts, type PaymentAttempt } from './payments.pg.ts';
import {
  getAutoRepay,
  setAutoRepay,
  type AutoRepayDeps,
  type AutoRepayView,
  type SetAutoRepayInput,
} from './set-auto-repay.ts';
import { settlePaymentAttempts, type SettleDeps, type SettleReport } from './settle-payment-attempts.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  requestPayout,
  settlePayouts,
  type PayoutInput,
  type PayoutOutcome,
  type PayoutSettleReport,
} from './pay-out.ts';
import { listPayouts, type Payout } from './payouts.pg.ts';

export type { AutoRepayView, SetAutoRepayInput } from './set-auto-repay.ts';
export type { SettleReport } from './settle-payment-attempts.ts';
export type { PaymentAttempt } from './payments.pg.ts';
export type { Payout } from './payouts.pg.ts';
export type { PayoutInput, PayoutOutcome, PayoutSettleReport } from './pay-out.ts';

/** Auto-repay: turning it on and off per account, reading it, and settling attempts with the provider. */
export interface AutoRepayService {
  set(input: SetAutoRepayInput): Promise<AutoRepayView>;
  get(input: { accountId: string; customerId?: string }): Promise<AutoRepayView>;
  /** A customer's attempts (all accounts), oldest first. */
  attempts(customerId: string): Promise<PaymentAttempt[]>;
  /** Asks the provider about every attempt still waiting, business dates up to `through` (default: today). */
  settle(through?: LocalDate): Promise<SettleReport & { through: LocalDate }>;
  /** Pays money held on a loan or line back to the customer's card through the provider (`pay-out.ts`). */
  payout(input: PayoutInput): Promise<PayoutOutcome>;
  /** A customer's pay-outs (all accounts), oldest first. */
  payouts(customerId: string, accountId?: string): Promise<Payout[]>;
  /** Asks the provider about every pay-out still waiting. */
  settlePayouts(): Promise<PayoutSettleReport>;
  /** The auto-repay notice in force now (what the customer reads before turning it on), if any. */
  notice(): Promise<AutoRepayNotice | undefined>;
  readonly schedules: readonly AutoRepaySchedule[];
}

export function createAutoRepayService(
  deps: AutoRepayDeps &
    SettleDeps & {
      readonly provider: PaymentProvider;
      readonly ids: IdGenerator;
      readonly accounts: readonly AutoRepayAccounts[];
    },
): AutoRepayService {
  return {
    set: (input) => setAutoRepay(deps, input),
    get: (input) => getAutoRepay(deps, input),
    attempts: (customerId) => listAttempts(deps.db, { customerId }),
    settle: async (through = deps.clock.today()) => ({
      through,
      ...(await settlePaymentAttempts(deps, through)),
    }),
    payout: (input) => requestPayout(deps, input),
    payouts: (customerId, accountId) =>
      listPayouts(deps.db, { customerId, ...(accountId === undefined ? {} : { accountId }) }),
    settlePayouts: () => settlePayouts(deps),
    notice: async () => autoRepayNoticeAt(deps.clock.now(), await autoRepayNoticeVersions(deps.db)),
    schedules: deps.schedules,
  };
}
