import { effective, type ReferralCase, type ReferralStatus } from './referral.ts';
import type { ReferralDeps } from './referral-ports.ts';
import { listLimit } from './referral-rules.ts';
import * as repository from './referrals.pg.ts';

export interface ReferralListFilter {
  readonly statuses?: readonly ReferralStatus[];
  readonly productCode?: string;
  readonly claimedBy?: string;
  readonly customerId?: string;
  /** Keyset paging: cases with an id before this one. */
  readonly before?: string;
  /** 1 to 500; 50 when left out. */
  readonly limit?: number;
}

/** Cases newest first (keyset paging by id), as they stand now (a claim that ran out reads as open). */
export async function listReferrals(
  deps: Pick<ReferralDeps, 'db' | 'clock'>,
  filter: ReferralListFilter = {},
): Promise<ReferralCase[]> {
  const now = deps.clock.now();
  const cases = await repository.listCases(deps.db, { ...filter, limit: listLimit(filter.limit), now });
  return cases.map((referral) => effective(referral, now));
}
