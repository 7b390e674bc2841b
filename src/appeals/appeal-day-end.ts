import type { DayEndService } from '../lending/eod/day-end.ts';
import type { AppealService } from './appeal-ports.ts';

/**
 * The day-end batch with the appeals' recovery pass after the products: re-checks still due (an outage,
 * a crashed worker), undelivered notifications and SLA breaches not yet on the record. Reported as one more
 * line, product `appeals`, dated the batch's last date; `items` counts re-checks attempted, notifications
 * delivered and breaches recorded.
 */
export function withAppealRecovery(
  dayEnd: DayEndService,
  appeals: Pick<AppealService, 'recover'>,
  elapsed: () => number,
): DayEndService {
  return {
    products: [...dayEnd.products, 'appeals'],
    async run(options) {
      const report = await dayEnd.run(options);
      const began = elapsed();
      const recovered = await appeals.recover();
      const items = recovered.attempted + recovered.notificationsDelivered + recovered.slaBreachesRecorded;
      return {
        ...report,
        dates: [
          ...report.dates,
          { product: 'appeals', date: options.through, items, milliseconds: elapsed() - began },
        ],
        upToDate: report.upToDate && items === 0,
      };
    },
  };
}
