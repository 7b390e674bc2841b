import type { DeliveryReport } from '../../platform/notifications/delivery.ts';
import type { DayEndService } from './day-end.ts';

/**
 * The day-end batch followed by one delivery pass of customer messages (the reminders it wrote, and any
 * message still waiting): listed in the report as `customer-messages`, its items the messages delivered.
 * Messages written in the night wait for the end of quiet hours (08:00); the server's interval pass sends
 * them then.
 */
export function withMessageDelivery(
  dayEnd: DayEndService,
  deliver: () => Promise<DeliveryReport>,
  elapsed: () => number,
): DayEndService {
  return {
    products: [...dayEnd.products, 'customer-messages'],
    async run(options) {
      const report = await dayEnd.run(options);
      const began = elapsed();
      const delivered = await deliver();
      return {
        ...report,
        dates: [
          ...report.dates,
          {
            product: 'customer-messages',
            date: options.through,
            items: delivered.delivered,
            milliseconds: elapsed() - began,
          },
        ],
        upToDate: report.upToDate && delivered.delivered === 0,
      };
    },
  };
}
