import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { createPgDayEndRunLog } from '../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../../src/lending/eod/day-end.ts';
import { DEFAULT_LOAN_PRODUCT } from '../../src/lending/loans/loan-contract.ts';
import { createLoanDayEndProcessor } from '../../src/lending/loans/loan-day-end.ts';
import { createLoanService } from '../../src/lending/loans/loan-service.ts';
import { createAutoRepayProcessor } from '../../src/lending/payments/auto-repay-processor.ts';
import { createAutoRepayService } from '../../src/lending/payments/auto-repay-service.ts';
import { DEFAULT_AUTO_REPAY_SCHEDULES } from '../../src/lending/payments/auto-repay.ts';
import { loanAutoRepayAccounts } from '../../src/lending/payments/loan-auto-repay.ts';
import type { PaymentProvider } from '../../src/lending/payments/payment-provider.ts';
import { createSandboxPaymentProvider } from '../../src/lending/payments/sandbox-payment-provider.ts';
import type { Database } from '../../src/platform/database/database.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { createSandboxChannel } from '../../src/platform/notifications/index.ts';
import { createNotifications } from '../../src/platform/notifications/notifications.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld } from './support.ts';
import { testTermsInForce } from './terms-in-force.ts';
import { pgBooks } from '../support/books.ts';

/**
 * The auto-repay step settles a night's attempts several at once on PostgreSQL (as many as the day-end has
 * transactions in flight), one at a time on PGlite. 24 loans drawn 15 Jan 2026 (first instalment due
 * 15 Feb), auto-repay on from cards that succeed (…1234), refuse for insufficient funds (…0051) or time out
 * with the money moved (…0068). The nights of 15–18 Feb run with concurrency 4 in one schema and 1 in
 * another: each payment id moves money once, and the two books are the same.
 */

const CUSTOMERS = 24;
const CARDS = ['1234', '0051', '0068', '1234'] as const;

async function bindCard(db: Database, customerId: string, cardId: string, last4: string): Promise<void> {
  const at = new Date('2026-01-01T00:00:00Z');
  await db.query(
    `insert into customers (customer_id, external_id, name_enc, name_key_id, id_number_enc, id_number_key_id,
       id_number_bidx, phone_enc, phone_key_id, phone_bidx, birth_date, sex, region_code, created_at)
     values ($1, $1, '\\x00', 'k1', '\\x00', 'k1', md5($1) || md5($1), '\\x00', 'k1', md5($1 || 'p') || md5($1 || 'p'),
       '1990-01-01', 'female', '110105', $2)`,
    [customerId, at],
  );
  await db.query(
    `insert into customer_cards (customer_id, card_id, card_enc, card_key_id, card_bidx, last4, added_at)
     values ($1, $2, '\\x00', 'k1', md5($2) || md5($2), $3, $4)`,
    [customerId, cardId, last4, at],
  );
}

/**
 * The sandbox behind a port that answers after a pause (a real provider is a network call away) and
 * counts how many collections were in flight at once.
 */
function slowProvider(inner: PaymentProvider): PaymentProvider & { mostInFlight(): number } {
  let inFlight = 0;
  let most = 0;
  const slowly = async <T>(call: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return await call();
    } finally {
      inFlight -= 1;
    }
  };
  return {
    collect: (request) => slowly(() => inner.collect(request)),
    payOut: (request) => slowly(() => inner.payOut(request)),
    status: (paymentId) => slowly(() => inner.status(paymentId)),
    mostInFlight: () => most,
  };
}

async function nights(store: Parameters<typeof lendingWorld>[0], concurrency: number) {
  const w = await lendingWorld(store, {
    start: '2026-01-15',
    product: { basis: 'monthly' },
    poolSize: 6,
  });
  const { db, clock, ids } = w;
  const notifications = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const loans = createLoanService({
    ...pgBooks(),
    db,
    clock,
    ids,
    product: { ...DEFAULT_LOAN_PRODUCT, basis: 'monthly' },
    termsInForce: testTermsInForce,
    outbox: notifications.outbox,
  });
  const sandbox = createSandboxPaymentProvider();
  const provider = slowProvider(sandbox);
  const deps = {
    db,
    clock,
    ids,
    provider,
    accounts: [loanAutoRepayAccounts(loans)],
    schedules: DEFAULT_AUTO_REPAY_SCHEDULES,
    outbox: notifications.outbox,
  };
  const autoRepay = createAutoRepayService(deps);
  const dayEnd = createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [createLoanDayEndProcessor({ ...pgBooks(), clock, ids }), createAutoRepayProcessor(deps)],
    elapsed: () => 0,
  });
  for (let index = 0; index < CUSTOMERS; index += 1) {
    const customerId = await w.customerWithLimit(5_000_000n);
    await bindCard(db, customerId, ids.next('card'), CARDS[index % CARDS.length] as string);
    const drawn = await loans.drawdown({
      customerId,
      amount: BigInt(1_000_000 + index * 10_000) as Money,
      term: 12,
      method: 'equal-installment',
      idempotencyKey: `draw-${index}`,
    });
    if (drawn.outcome !== 'drawn') throw new Error('declined');
    await autoRepay.set({
      accountId: drawn.receipt.loanId,
      customerId,
      enabled: true,
      actor: { kind: 'customer', name: customerId },
    });
  }
  for (const night of ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18']) {
    w.today(night);
    await dayEnd.run({ through: night as LocalDate, chunkSize: 4, concurrency });
  }
  return { ...w, sandbox, provider };
}

/** The books as comparable text: balances, loans, attempts and notices without ids or instants. */
async function books(db: Database): Promise<Record<string, string>> {
  const accounts = await db.query(
    'select customer_id, contract_id, kind, debit_total, credit_total, balance, posting_count from ledger_accounts order by 1, 2, 3',
  );
  const loans = await db.query(
    'select id, status, processed_through::text as t, days_past_due, bucket, state from loans order by id',
  );
  const attempts = await db.query(
    `select account_id, business_date::text as d, due_date::text as due, try_number, amount, status,
            failure_reason, booked_seq, provider_calls from payment_attempts order by account_id, business_date`,
  );
  const messages = await db.query(
    `select customer_id, kind, text from customer_messages where kind = 'auto_repay_failed' order by 1, text->>'en'`,
  );
  const text = (rows: unknown[]) =>
    JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return {
    accounts: text(accounts.rows),
    loans: text(loans.rows),
    attempts: text(attempts.rows),
    messages: text(messages.rows),
  };
}

describe.each(storesUnderTest())('auto-repay settles attempts concurrently ($name)', (store) => {
  it('moves each payment once and books what a one-at-a-time run books', async () => {
    const together = await nights(store, 4);
    const alone = await nights(store, 1);

    // On PostgreSQL the night's attempts went to the provider several at once; PGlite stays sequential.
    if (store.name === 'pglite') expect(together.provider.mostInFlight()).toBe(1);
    else expect(together.provider.mostInFlight()).toBeGreaterThan(1);
    expect(alone.provider.mostInFlight()).toBe(1);

    for (const run of [together, alone]) {
      const moved = run.sandbox.movements();
      // 12 …1234 loans collected on the due date, 6 …0068 loans collected on it (timed out, settled by the
      // status asked the next night); the 6 …0051 loans are refused on day 0, +1 and +3.
      expect(moved).toHaveLength(18);
      expect(new Set(moved.map((movement) => movement.paymentId)).size).toBe(18);
      const statuses = await run.db.query<{ status: string; n: bigint | string }>(
        `select status || coalesce(':' || failure_reason, '') as status, count(*) as n from payment_attempts
          group by 1 order by 1`,
      );
      expect(statuses.rows.map((row) => [row.status, Number(row.n)])).toEqual([
        ['failed:insufficient_funds', 18],
        ['succeeded', 18],
      ]);
      expect((await verifyLedger(run.db)).ok).toBe(true);
    }
    const [concurrent, sequential] = [await books(together.db), await books(alone.db)];
    for (const part of ['accounts', 'loans', 'attempts', 'messages'])
      expect(concurrent[part], part).toEqual(sequential[part]);
  });
});
