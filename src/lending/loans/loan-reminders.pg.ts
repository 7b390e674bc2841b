import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { DayEndProcessor } from '../eod/day-end.ts';
import { createReminderProcessor, openContractsOf } from '../eod/reminder-processor.ts';
import { loanReminders } from './loan-messages.ts';
import { loanStore } from './loans.pg.ts';

/** The cash-loan reminders of the day-end batch (due in 3 days / tomorrow / today, overdue 1 / 7 / 30). */
export function createLoanReminderProcessor(deps: { clock: Clock; outbox: MessageOutbox }): DayEndProcessor {
  return createReminderProcessor(
    {
      product: 'cash-loan-reminders',
      ...openContractsOf(loanStore),
      remind: (loan, noticeDay) => loanReminders(loan.contract, loan.state, noticeDay),
    },
    deps,
  );
}
