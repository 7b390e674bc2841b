import { rewrapDataKeys } from './data-key-rewrap.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

/**
 * The privacy context's use cases bound to one set of dependencies (no logic of its own): each method is a
 * use case of its own file, callable directly with `PrivacyDeps`.
 */
export interface PrivacyService {
  /** Re-wraps every customer data key still wrapped by an older lender key; returns how many. */
  rewrapDataKeys(options?: { batchSize?: number; onProgress?: (done: number) => void }): Promise<number>;
}

export function createPrivacyService(deps: PrivacyDeps): PrivacyService {
  return {
    rewrapDataKeys: (options) => rewrapDataKeys(deps, options),
  };
}
