import { AppError } from '../../platform/errors/app-error.ts';
import { lockFacility } from '../facilities/facility.pg.ts';
import { assertFacilityTermsInForce } from '../facilities/facility-terms-guard.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { findLineOfFacility, insertLines } from './credit-lines.pg.ts';
import { LINE_ACCOUNT_KINDS } from './line-books.ts';
import { initialLineState } from './line-servicing.ts';
import { termsFor } from './line-terms.ts';
import { lineViewOf } from './line-view.ts';

/** Opens the customer's line on their credit-line facility (the existing line when there is one). */
export async function openLine(
  deps: CreditLineDeps,
  request: Parameters<CreditLineService['openLine']>[0],
): ReturnType<CreditLineService['openLine']> {
  // Read before the transaction: the settings come through the policy context (cached), not `tx`.
  const today = deps.clock.today();
  const termsInForce = await deps.termsInForce('credit_line', today);
  return deps.db.transaction(async (tx) => {
    const facility = await lockFacility(tx, request.customerId, 'credit-line');
    if (!facility) {
      throw new AppError(
        'UNPROCESSABLE',
        `customer ${request.customerId} has no approved credit-line limit`,
        {
          details: { reason: 'no-facility' },
        },
      );
    }
    const existing = await findLineOfFacility(tx, request.customerId, facility.id);
    if (existing)
      return { line: lineViewOf(existing.terms, existing.state, facility, existing), opened: false };
    assertFacilityTermsInForce(facility, termsInForce, today);
    const now = deps.clock.now();
    const terms = termsFor(deps.product, {
      lineId: deps.ids.next('line'),
      customerId: request.customerId,
      facilityId: facility.id,
      openedOn: deps.clock.today(),
      apr: facility.apr,
      ...(request.statementDay === undefined ? {} : { statementDay: request.statementDay }),
      // The cap in force today bounds the line's late fees (with its interest) for its life.
      ...(termsInForce.legalCap ? { costCap: termsInForce.legalCap.annualRate } : {}),
    });
    const state = initialLineState(terms);
    await insertLines(tx, [{ terms, state }], now);
    await deps.ledger.openAccounts(
      tx,
      [{ customerId: terms.customerId, contractId: terms.lineId }],
      LINE_ACCOUNT_KINDS,
      now,
    );
    return { line: lineViewOf(terms, state, facility), opened: true };
  });
}
