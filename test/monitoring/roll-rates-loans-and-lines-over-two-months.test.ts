import { describe, expect, it } from 'vitest';
import { createPgDecisionReadModel } from '../../src/decisions/decision-read-model.pg.ts';
import { createPgReceivablesReadModel } from '../../src/ledger/receivables-read-model.pg.ts';
import { createPgPortfolioReadModel } from '../../src/lending/portfolio-read-model.pg.ts';
import { decodeLineState, decodeTerms } from '../../src/lending/credit-lines/line-codec.ts';
import { decodeContract, decodeState } from '../../src/lending/loans/loan-codec.ts';
import { DEFAULT_LOAN_PRODUCT } from '../../src/lending/loans/loan-contract.ts';
import { createLoanService, type LoanService } from '../../src/lending/loans/loan-service.ts';
import {
  createMonitoringService,
  lineStateOn,
  loanStateOn,
  type MonitoringService,
} from '../../src/monitoring/index.ts';
import type { LendingSettings } from '../../src/policy/index.ts';
import type { Database } from '../../src/platform/database/database.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { storesUnderTest } from '../support/stores.ts';
import { testTermsInForce } from '../lending/terms-in-force.ts';
import { lineWorld, type LineWorld } from '../lending/credit-lines/support.ts';
import { pgBooks } from '../support/books.ts';

/**
 * Three cash loans and two credit lines over two month ends, at 0 % so every balance is the principal
 * left (exact by hand). Drawn / opened 2027-01-05:
 *
 * | account | what happens | 01-31 | 02-28 | 03-31 |
 * |---|---|---|---|---|
 * | loan A 3,000.00 | paid off 02-10 | M0 3,000.00 | closed 0 | closed |
 * | loan B 2,000.00 | never pays (due 02-05) | M0 2,000.00 | M1 (23 d) 2,000.00 | M2 (54 d) |
 * | loan C 1,200.00 ×3 | pays the first 400.00 on 02-05, then nothing | M0 1,200.00 | M0 800.00 | M1 (26 d) 800.00 |
 * | line L1 1,000.00 | never pays (statement 02-01, due 02-10) | M0 1,000.00 | M1 (18 d) 1,000.00 | M2 (49 d) |
 * | line L2 500.00 | pays it all 02-08, closed 03-15 | M0 500.00 | M0 0 | closed 0 |
 */
function monitoringOn(db: Database, world: LineWorld): MonitoringService {
  return createMonitoringService({
    clock: world.clock,
    decisions: createPgDecisionReadModel(db),
    portfolio: createPgPortfolioReadModel(db),
    receivables: createPgReceivablesReadModel(db),
    models: {
      active: async () => undefined,
      scorer: async () => {
        throw new Error('no model in this test');
      },
    },
    policies: {
      load: async () => {
        throw new Error('nothing is loaded in this test');
      },
      inForce: async () => undefined,
      compiled: async () => {
        throw new Error('no policy in this test');
      },
      // Only the product codes are read (to refuse an unknown product).
      settings: async () =>
        ({
          products: [{ product: { code: 'cash_loan' } }, { product: { code: 'credit_line' } }],
        }) as unknown as LendingSettings,
    },
    elapsed: () => 0,
  });
}

describe.each(storesUnderTest())('roll rates of loans and lines over two months on $name', (store) => {
  let world: LineWorld;
  let monitoring: MonitoringService;

  it('roll-rates: the transition matrices of both products, counts and fen exact', async () => {
    world = await lineWorld(store, { start: '2027-01-05' });
    const loans: LoanService = createLoanService({
      ...pgBooks(),
      db: world.db,
      clock: world.clock,
      ids: world.ids,
      product: DEFAULT_LOAN_PRODUCT,
      termsInForce: testTermsInForce,
    });
    const loanCustomer = async (): Promise<string> => {
      const customerId = world.ids.next('customer');
      await world.facilities.openOrAdjustFacility({
        customerId,
        product: 'cash-loan',
        limit: 1_000_000n as Money,
        apr: parseRate('0'),
        decisionId: world.ids.next('decision'),
      });
      return customerId;
    };
    const draw = async (amount: bigint, term: number, key: string): Promise<string> => {
      const result = await loans.drawdown({
        customerId: await loanCustomer(),
        amount: amount as Money,
        term,
        method: 'equal-installment',
        idempotencyKey: key,
      });
      if (result.outcome !== 'drawn') throw new Error(`loan ${key} was not drawn`);
      return result.receipt.loanId;
    };
    const loanA = await draw(300_000n, 3, 'a');
    await draw(200_000n, 3, 'b');
    const loanC = await draw(120_000n, 3, 'c');
    const l1 = await world.customerWithLine(1_000_000n, { apr: '0' });
    const l2 = await world.customerWithLine(1_000_000n, { apr: '0' });
    await world.lines.purchase({
      lineId: l1.lineId,
      amount: 100_000n as Money,
      description: 'tv',
      idempotencyKey: 'l1',
    });
    await world.lines.purchase({
      lineId: l2.lineId,
      amount: 50_000n as Money,
      description: 'mug',
      idempotencyKey: 'l2',
    });

    world.today('2027-02-05');
    await world.nightly();
    await loans.repay({ loanId: loanC, amount: 40_000n as Money, intent: 'scheduled', idempotencyKey: 'c1' });
    world.today('2027-02-08');
    await world.nightly();
    await world.lines.pay({ lineId: l2.lineId, amount: 50_000n as Money, idempotencyKey: 'l2-pay' });
    world.today('2027-02-10');
    await world.nightly();
    const quote = await loans.payoffQuote(loanA);
    expect(quote.total).toBe(300_000n);
    await loans.repay({ loanId: loanA, amount: quote.total, intent: 'prepayment', idempotencyKey: 'a-off' });
    world.today('2027-03-15');
    await world.nightly();
    await world.lines.close({
      lineId: l2.lineId,
      idempotencyKey: 'l2-close',
      requester: { onBehalfOfCustomer: true, actor: { kind: 'key', id: 'key_APP', name: 'app' } },
    });
    world.today('2027-04-02');
    await world.nightly();

    monitoring = monitoringOn(world.db, world);
    const report = await monitoring.rollRates({ from: '2027-01-01', to: '2027-03-31' });
    const cells = (rows: (typeof report.combined.total)[number][]) =>
      rows.flatMap((row) =>
        row.to
          .filter((cell) => cell.accounts > 0)
          .map((cell) => [
            `${row.from}→${cell.to}`,
            cell.accounts,
            cell.balance,
            cell.balanceNext,
            cell.accountRate,
            cell.balanceRate,
          ]),
      );
    expect(report.products.map((product) => product.product)).toEqual(['cash_loan', 'credit_line']);
    const [cash, lines] = report.products;
    expect(cash?.months.map((month) => [month.from, month.to])).toEqual([
      ['2027-01-31', '2027-02-28'],
      ['2027-02-28', '2027-03-31'],
    ]);
    expect(cells([...(cash?.months[0]?.rows ?? [])])).toEqual([
      ['M0→M0', 1, 120_000n, 80_000n, '0.333333', '0.193548'],
      ['M0→M1', 1, 200_000n, 200_000n, '0.333333', '0.322581'],
      ['M0→closed', 1, 300_000n, 0n, '0.333333', '0.483871'],
    ]);
    expect(cells([...(cash?.months[1]?.rows ?? [])])).toEqual([
      ['M0→M1', 1, 80_000n, 80_000n, '1.000000', '1.000000'],
      ['M1→M2', 1, 200_000n, 200_000n, '1.000000', '1.000000'],
    ]);
    expect(cells([...(lines?.months[0]?.rows ?? [])])).toEqual([
      ['M0→M0', 1, 50_000n, 0n, '0.500000', '0.333333'],
      ['M0→M1', 1, 100_000n, 100_000n, '0.500000', '0.666667'],
    ]);
    // L2 owes nothing at the end of February (a row of one account with no balance share), then is closed.
    expect(cells([...(lines?.months[1]?.rows ?? [])])).toEqual([
      ['M0→closed', 1, 0n, 0n, '1.000000', null],
      ['M1→M2', 1, 100_000n, 100_000n, '1.000000', '1.000000'],
    ]);
    expect(report.combined.total.map((row) => [row.from, row.accounts, row.balance])).toEqual([
      ['M0', 7, 850_000n],
      ['M1', 2, 300_000n],
      ['M2', 0, 0n],
      ['M3+', 0, 0n],
    ]);

    const onlyLines = await monitoring.rollRates({
      from: '2027-01-01',
      to: '2027-03-31',
      product: 'credit_line',
    });
    expect(onlyLines.products.map((product) => product.product)).toEqual(['credit_line']);
    expect(onlyLines.combined).toEqual(lines && { months: lines.months, total: lines.total });
  });

  it("roll-rates: the state derived for an account's servicing date is the bucket the day-end stored", async () => {
    // The day-end keeps only the current bucket; the derivation must agree with it where both exist.
    const loans = await world.db.query<{
      bucket: string;
      status: string;
      contract: unknown;
      state: unknown;
      start_date: string;
      processed_through: string;
    }>(
      `select bucket, status, contract, state, start_date::text as start_date,
              processed_through::text as processed_through from loans order by id`,
    );
    const derivedLoans = loans.rows.map((row) => {
      const state = decodeState(row.state);
      const derived = loanStateOn(
        {
          startDate: row.start_date as LocalDate,
          processedThrough: state.processedThrough,
          closedOn: state.closedOn,
          writtenOffOn: state.writtenOffOn,
          instalments: state.instalments,
          bucketBounds: decodeContract(row.contract).bucketBounds,
        },
        row.processed_through as LocalDate,
      );
      return [row.status === 'active' ? row.bucket : row.status, derived];
    });
    // B 56 days past due on 04-01 (M2), C 27 (M1), A closed.
    expect(derivedLoans).toEqual(
      expect.arrayContaining([
        ['M2', 'M2'],
        ['M1', 'M1'],
        ['closed', 'closed'],
      ]),
    );
    expect(derivedLoans.every(([stored, derived]) => stored === derived)).toBe(true);
    const lines = await world.db.query<{
      bucket: string;
      closed_on: string | null;
      terms: unknown;
      state: unknown;
      opened_on: string;
      processed_through: string;
    }>(
      `select bucket, closed_on::text as closed_on, terms, state, opened_on::text as opened_on,
              processed_through::text as processed_through from credit_lines order by id`,
    );
    const derivedLines = lines.rows.map((row) => {
      const state = decodeLineState(row.state);
      return [
        row.closed_on === null ? row.bucket : 'closed',
        lineStateOn(
          {
            openedOn: row.opened_on as LocalDate,
            processedThrough: state.processedThrough,
            chargedOffOn: null,
            closedOn: row.closed_on as LocalDate | null,
            dueOutcomes: state.dueOutcomes,
            bucketBounds: decodeTerms(row.terms).bucketBounds,
          },
          row.processed_through as LocalDate,
        ),
      ];
    });
    expect(derivedLines).toEqual(
      expect.arrayContaining([
        ['M2', 'M2'],
        ['closed', 'closed'],
      ]),
    );
    expect(derivedLines.every(([stored, derived]) => stored === derived)).toBe(true);
  });

  it('monitoring-performance: lines are bad at a minimum unmet 30+ days, vintage the month opened, per product', async () => {
    const both = await monitoring.performance({ from: '2027-01-01', to: '2027-03-31' });
    expect(both.products).toEqual([
      expect.objectContaining({
        product: 'cash_loan',
        loans: 3,
        observable: 3,
        bads: 1,
        badRate: '0.333333',
      }),
      // L1 is 51 days past its 02-10 due date on 04-01; L2 paid in full before its due date.
      expect.objectContaining({
        product: 'credit_line',
        loans: 2,
        observable: 2,
        bads: 1,
        badRate: '0.500000',
        principal: 150_000n,
      }),
    ]);
    expect(both.vintages.map((vintage) => [vintage.vintage, vintage.loans, vintage.bads])).toEqual([
      ['2027-01', 5, 2],
    ]);
    expect(both.unscored).toMatchObject({ loans: 5, observable: 5, bads: 2, badRate: '0.400000' });
    const lines = await monitoring.performance({
      from: '2027-01-01',
      to: '2027-03-31',
      product: 'credit_line',
    });
    expect(lines.total).toMatchObject({ loans: 2, bads: 1, principal: 150_000n });
    expect(lines.products.map((product) => product.product)).toEqual(['credit_line']);
  });
});
