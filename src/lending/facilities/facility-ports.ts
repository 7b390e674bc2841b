import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Clock } from '../../platform/time/clock.ts';

/** What the facility use cases need besides the transaction they run in. */
export interface FacilityDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
