import type { Services } from '../services.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LinePaymentRequestStore } from './line-payment-requests.pg.ts';
import type { MeSettings } from './me-settings.ts';

/**
 * What the customer's API needs: the contexts' own services (it delegates every read and every command to
 * them), the clock and its settings. The customer id always comes from the session, never from a request.
 */
export interface MeDeps {
  readonly services: Pick<
    Services,
    | 'customers'
    | 'decisions'
    | 'facilities'
    | 'policies'
    | 'loans'
    | 'creditLines'
    | 'lineReviews'
    | 'appeals'
    | 'referrals'
    | 'customerSessions'
    | 'notifications'
  >;
  readonly clock: Clock;
  readonly settings: MeSettings;
  /** Line payments by kind ("full", "minimum"): the amount each key meant when first asked. */
  readonly linePayments: LinePaymentRequestStore;
  /** Demo mode: the demo sign-in and demo purchases are offered. */
  readonly demo: boolean;
}
