import { createPgIdempotencyStore } from '../../../src/ledger/idempotency.pg.ts';
import { createPgLedger } from '../../../src/ledger/ledger.pg.ts';
import { createLineHardshipService } from '../../../src/lending/credit-lines/line-hardship-service.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../../../src/lending/credit-lines/line-terms.ts';
import { insertHardshipRules } from '../../../src/lending/loans/hardship-requests.pg.ts';
import { DEFAULT_HARDSHIP_RULES } from '../../../src/lending/loans/hardship.ts';
import { createPgAuditLog } from '../../../src/platform/audit/audit-log.pg.ts';
import { isAppError } from '../../../src/platform/errors/app-error.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { createSandboxChannel } from '../../../src/platform/notifications/index.ts';
import { createNotifications } from '../../../src/platform/notifications/notifications.ts';
import type { LocalDate } from '../../../src/platform/time/local-date.ts';
import type { StoreUnderTest } from '../../support/stores.ts';
import { testTermsInForce } from '../terms-in-force.ts';
import { lineWorld, type LineWorld } from './support.ts';

/**
 * What the credit-line hardship suites (waiver, settlement, holiday, re-age on each store) start from: a line
 * world, the customer-message outbox, the line hardship service as the composition root builds it, and the
 * lender's hardship rules in force from 1 Jan 2026 (the defaults, or another second-person threshold).
 */
export async function lineHardshipWorld(
  store: StoreUnderTest,
  options: { readonly start: string; readonly seed: number; readonly secondPersonAbove?: Money },
) {
  const world: LineWorld = await lineWorld(store, { start: options.start, seed: options.seed });
  const { db, clock, ids } = world;
  const notifications = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const hardship = createLineHardshipService({
    db,
    clock,
    ids,
    product: DEFAULT_CREDIT_LINE_PRODUCT,
    termsInForce: testTermsInForce,
    outbox: notifications.outbox,
    audit: createPgAuditLog(db, ids, clock),
    ledger: createPgLedger(),
    idempotency: createPgIdempotencyStore(),
  });
  await insertHardshipRules(
    db,
    {
      ...DEFAULT_HARDSHIP_RULES,
      effectiveFrom: '2026-01-01' as LocalDate,
      ...(options.secondPersonAbove === undefined ? {} : { secondPersonAbove: options.secondPersonAbove }),
    },
    'test',
    clock.now(),
  );
  return { world, notifications, hardship };
}

/**
 * The worked examples' line: ¥1,000.00 bought on 10 Jan 2026 (a phone), ¥600.00 on 12 Jan (a sofa) converted
 * into 3 instalments of ¥200.00; then the world stepped to `through` with its nightly batch.
 */
export async function phoneAndConvertedSofa(
  world: LineWorld,
  lineId: string,
  through: string,
): Promise<void> {
  world.today('2026-01-10');
  await world.lines.purchase({
    lineId,
    amount: 100_000n as Money,
    description: 'phone',
    idempotencyKey: 'p1',
  });
  world.today('2026-01-12');
  const sofa = await world.lines.purchase({
    lineId,
    amount: 60_000n as Money,
    description: 'sofa',
    idempotencyKey: 'p2',
  });
  if (sofa.outcome !== 'made') throw new Error('the purchase was declined');
  await world.lines.convert({
    lineId,
    source: { purchaseId: sofa.receipt.purchaseId },
    term: 3,
    idempotencyKey: 'c1',
  });
  world.today(through);
  await world.nightly();
}

/** A refusal's code, field and rule; fails the test when the call succeeds. */
export async function refusalOf(
  call: Promise<unknown>,
): Promise<{ status: string; field: string; rule: string }> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error)) {
      const [issue] = error.issues;
      if (issue) return { status: error.code, field: issue.field, rule: issue.rule };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Two members of staff: a maker and a second person. */
export const alice = { keyId: 'key_alice', name: 'Alice Wang' };
export const bob = { keyId: 'key_bob', name: 'Bob Li' };
