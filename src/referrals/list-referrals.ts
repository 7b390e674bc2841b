import { effective, type ReferralCase } from './referral.ts';
import type { ReferralDeps, ReferralListFilter } from './referral-ports.ts';
import { listLimit } from './referral-rules.ts';
import * as repository from './referrals.pg.ts';

/** Cases newest first (keyset paging by id), as they stand now (a claim that ran out reads as open). */
export async function listReferrals(
  deps: Pick<ReferralDeps, 'db' | 'clock'>,
  filter: ReferralListFilter = {},
): Promise<ReferralCase[]> {
  const now = deps.clock.now();
  const cases = await repository.listCases(deps.db, { ...filter, limit: listLimit(filter.limit), now });
  return cases.map((referral) => effective(referral, now));
}
