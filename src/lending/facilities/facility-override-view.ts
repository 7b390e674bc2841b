import { toDecimalString } from '../../platform/money/money.ts';
import { toExactRateString } from '../../platform/money/rate.ts';
import type { FacilityOverride } from './facility-override.ts';
import { productCodeOf } from './facility.ts';

/**
 * An override as the API documents it (`OverrideDto` of `PUT /v1/customers/{id}/facilities/{product}`):
 * amounts in decimal yuan, the rate as an exact decimal fraction, the product by its public code. The CLI
 * prints this with `--json`, so a script reads the same document from either.
 */
export function facilityOverrideView(override: FacilityOverride) {
  return {
    id: override.id,
    customerId: override.customerId,
    product: productCodeOf(override.product),
    decisionId: override.decisionId,
    limit: toDecimalString(override.limit),
    apr: toExactRateString(override.apr),
    reasons: override.reasons.map((reason) => ({ code: reason.code, note: reason.note })),
    status: override.status,
    needsSecondPerson: override.needsSecondPerson,
    maker: override.maker,
    checker: override.checker,
    decisionNote: override.decisionNote,
    facilityVersion: override.facilityVersion,
    proposedAt: override.proposedAt.toISOString(),
    decidedAt: override.decidedAt?.toISOString() ?? null,
  };
}
