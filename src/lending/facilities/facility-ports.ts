import type { IdempotencyStore } from '../../ledger/index.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Clock } from '../../platform/time/clock.ts';

/** What the facility use cases need besides the transaction they run in. */
export interface FacilityDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /**
   * Where applying a decision claims the decision id as its idempotency key, in the caller's transaction
   * (the composition root passes the ledger's store).
   */
  readonly idempotency: IdempotencyStore;
}
