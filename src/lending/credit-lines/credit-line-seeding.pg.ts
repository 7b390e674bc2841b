import type { JournalEntry, LedgerPort } from '../../ledger/index.ts';
import type { Database } from '../../platform/database/database.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Money } from '../../platform/money/money.ts';
import type { Rate } from '../../platform/money/rate.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { insertLineEvents, insertLines } from './credit-lines.pg.ts';
import { offerFor } from './instalment-conversion.ts';
import { LINE_ACCOUNT_KINDS, PLAN_ACCOUNT_KINDS, journalsOf } from './line-books.ts';
import { advanceLine, initialLineState, lineBalancesOf, receiveLineEvent } from './line-servicing.ts';
import type { LineEvent, LineState } from './line-state.ts';
import { termsFor, type CreditLineProduct, type LineTerms } from './line-terms.ts';

export interface SeedLinesOptions {
  readonly customers: number;
  /** The day the lines open and the purchases are made. */
  readonly openedOn: LocalDate;
  /** The lines are brought up to this day (no statement date may fall in between). */
  readonly through: LocalDate;
  readonly limit: Money;
  readonly apr: Rate;
  /** The purchases of customer i on the opening day (fen), each within the limit in total. */
  readonly purchasesOf: (index: number) => readonly Money[];
  /** Every n-th customer converts their first purchase into instalments (0: none). */
  readonly convertEvery: number;
  readonly product: CreditLineProduct;
  readonly batchSize?: number;
  readonly onBatch?: (done: number) => void;
}

/**
 * Opens `customers` credit-line facilities and lines with purchases (and some instalment conversions) in
 * set-based batches — for benchmarks and large tests. Every state, event and journal comes from the same
 * servicing core as the commands, so the book is indistinguishable from one built through the API; it only
 * skips the per-request idempotency records and limit checks (the amounts are chosen within the limits).
 */
export async function seedCreditLines(
  db: Database,
  deps: { clock: Clock; ids: IdGenerator; ledger: LedgerPort },
  options: SeedLinesOptions,
): Promise<{ customerIds: string[]; lineIds: string[] }> {
  const batchSize = options.batchSize ?? 1000;
  const customerIds: string[] = [];
  const lineIds: string[] = [];
  const feeRate = options.product.conversion.feeRates[6];
  for (let offset = 0; offset < options.customers; offset += batchSize) {
    const count = Math.min(batchSize, options.customers - offset);
    const now = deps.clock.now();
    const lines: { terms: LineTerms; state: LineState; nextEventSeq: number }[] = [];
    const events: { customerId: string; lineId: string; event: LineEvent }[] = [];
    const journals: JournalEntry[] = [];
    const plans: { customerId: string; contractId: string }[] = [];
    const facilities = {
      customer: [] as string[],
      id: [] as string[],
      used: [] as string[],
      decision: [] as string[],
    };
    for (let i = 0; i < count; i += 1) {
      const index = offset + i;
      const customerId = deps.ids.next('customer');
      const facilityId = deps.ids.next('facility');
      const terms = termsFor(options.product, {
        lineId: deps.ids.next('line'),
        customerId,
        facilityId,
        openedOn: options.openedOn,
        apr: options.apr,
      });
      let state = initialLineState(terms);
      const lineEvents: LineEvent[] = [];
      const take = (event: LineEvent) => {
        const outcome = receiveLineEvent(terms, state, lineEvents, event);
        for (const change of outcome.changes)
          journals.push(...journalsOf(terms.lineId, customerId, change, () => deps.ids.next('journal')));
        state = outcome.state;
        lineEvents.push(event);
        events.push({ customerId, lineId: terms.lineId, event });
      };
      for (const amount of options.purchasesOf(index)) {
        take({
          seq: lineEvents.length + 1,
          kind: 'purchase',
          effectiveDate: options.openedOn,
          amount,
          purchaseId: deps.ids.next('purchase'),
          description: 'seeded purchase',
        });
      }
      const first = state.unbilled[0];
      if (feeRate && options.convertEvery > 0 && index % options.convertEvery === 0 && first) {
        const offer = offerFor(first.amount, 6, feeRate);
        const planId = deps.ids.next('instalmentPlan');
        plans.push({ customerId, contractId: planId });
        take({
          seq: lineEvents.length + 1,
          kind: 'conversion',
          effectiveDate: options.openedOn,
          amount: offer.amount,
          planId,
          source: { kind: 'purchase', purchaseId: first.ref },
          term: 6,
          feeRate,
        });
      }
      const advanced = advanceLine(terms, state, options.through);
      for (const change of advanced.changes)
        journals.push(...journalsOf(terms.lineId, customerId, change, () => deps.ids.next('journal')));
      state = advanced.state;
      lines.push({ terms, state, nextEventSeq: lineEvents.length + 1 });
      customerIds.push(customerId);
      lineIds.push(terms.lineId);
      facilities.customer.push(customerId);
      facilities.id.push(facilityId);
      facilities.used.push(lineBalancesOf(state).principalOwed.toString());
      facilities.decision.push(deps.ids.next('decision'));
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into credit_facilities (customer_id, id, product, status, limit_amount, used_amount, apr_num, apr_den,
                                        decision_id, status_reason, version, opened_at, updated_at)
         select f.customer_id, f.id, 'credit-line', 'active', $3, f.used, $4, $5, f.decision_id, null, 1, $6, $6
           from unnest($1::text[], $2::text[], $7::bigint[], $8::text[]) as f (customer_id, id, used, decision_id)`,
        [
          facilities.customer,
          facilities.id,
          options.limit,
          options.apr.num,
          options.apr.den,
          now,
          facilities.used,
          facilities.decision,
        ],
      );
      await tx.query(
        `insert into credit_facility_changes (customer_id, facility_id, version, change, decision_id, limit_amount,
                                              apr_num, apr_den, status, reason, changed_at)
         select f.customer_id, f.id, 1, 'open', f.decision_id, $3, $4, $5, 'active', 'seeded', $6
           from unnest($1::text[], $2::text[], $7::text[]) as f (customer_id, id, decision_id)`,
        [
          facilities.customer,
          facilities.id,
          options.limit,
          options.apr.num,
          options.apr.den,
          now,
          facilities.decision,
        ],
      );
      await insertLines(tx, lines, now);
      await deps.ledger.openAccounts(
        tx,
        lines.map((line) => ({ customerId: line.terms.customerId, contractId: line.terms.lineId })),
        LINE_ACCOUNT_KINDS,
        now,
      );
      await deps.ledger.openAccounts(tx, plans, PLAN_ACCOUNT_KINDS, now);
      await insertLineEvents(tx, events, now);
      await deps.ledger.postJournals(tx, journals, now);
    });
    options.onBatch?.(offset + count);
  }
  return { customerIds, lineIds };
}
