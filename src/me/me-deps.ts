import type { Services } from '../app.ts';
import type { Clock } from '../platform/time/clock.ts';
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
    | 'customerSessions'
  >;
  readonly clock: Clock;
  readonly settings: MeSettings;
  /** Demo mode: the demo sign-in and demo purchases are offered. */
  readonly demo: boolean;
}
