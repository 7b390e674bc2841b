import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seeding/demo-seeding.ts';
import { seedDemoHistory, type HistoryReport } from '../../src/demo/history/history-seeder.ts';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { addDays } from '../../src/platform/time/local-date.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * The demo's history (`npm start`): a small one (the size is a parameter; the start uses the default, see
 * docs/demo.md) seeded behind the nine cases, read back through monitoring, appeals, loans and the ledger.
 */
const APPLICANTS = 60;
const NOW = new Date('2026-12-06T02:00:00Z'); // 10:00 in Shanghai, business day 2026-12-06
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

async function seeded(store: (typeof STORES)[number]): Promise<{ t: TestApp; report: HistoryReport }> {
  const t = await createTestApp({ store, now: NOW });
  apps.push(t);
  await seedDemo(t.app);
  const report = await seedDemoHistory(t.app, { applicants: APPLICANTS });
  return { t, report };
}

/** What the history left in the books, as figures to compare between two seedings. */
async function figures(t: TestApp): Promise<unknown> {
  const rows = async (sql: string) =>
    (await t.app.db.query<Record<string, unknown>>(sql)).rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, String(value)])),
    );
  return {
    decisions: await rows(
      `select d.kind, d.product_code, d.outcome, d.arm, count(*) as n, sum(d.limit_amount) as limits,
              sum(d.score) as scores
         from decisions d join customers c using (customer_id)
        where c.external_id like 'hist-%' group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    ),
    loans: await rows(
      `select status, count(*) as n, sum(principal) as principal from loans l join customers c using (customer_id)
        where c.external_id like 'hist-%' group by 1 order by 1`,
    ),
    appeals: await rows(`select status, resolution, count(*) as n from appeals group by 1, 2 order by 1, 2`),
    ledger: await rows(`select count(*) as journals from ledger_journals`),
    postings: await rows(`select side, sum(amount) as total from ledger_postings group by 1 order by 1`),
  };
}

const STORES = storesUnderTest();
/** Each store's figures after its seeding (the determinism test compares them). */
const byStore = new Map<string, unknown>();

describe.each(STORES)('demo history on $name', (store) => {
  it('records months of decisions, loans, delinquency, appeals and a drift episode; a second run adds nothing', async () => {
    const { t, report } = await seeded(store);
    const { services } = t.app;
    expect(report).toMatchObject({
      seeded: true,
      anchor: '2026-12-06',
      from: '2026-06-06',
      customers: APPLICANTS,
    });
    const last = addDays(report.anchor, -1);

    // Decisions on many past days, both products, both arms, with referrals among them.
    const spread = await t.app.db.query<{ days: bigint; products: bigint; arms: bigint; referred: bigint }>(
      `select count(distinct (decided_at at time zone 'Asia/Shanghai')::date) as days,
              count(distinct product_code) as products, count(distinct arm) as arms,
              count(*) filter (where outcome = 'referred') as referred
         from decisions d join customers c using (customer_id)
        where c.external_id like 'hist-%' and d.kind = 'application' and d.decided_at < $1`,
      [NOW],
    );
    const row = spread.rows[0];
    expect(Number(row?.days)).toBeGreaterThanOrEqual(20);
    expect(Number(row?.products)).toBe(2);
    expect(Number(row?.arms)).toBe(2);
    expect(Number(row?.referred)).toBeGreaterThanOrEqual(1);

    // Monitoring has real series: outcomes per day and arm, principal reasons, bad rate by band and vintage.
    const outcomes = await services.monitoring.outcomes({ from: report.from, to: last });
    expect(outcomes.days.length).toBeGreaterThanOrEqual(20);
    expect(
      new Set(outcomes.summary.map((group) => `${group.product}/${group.arm}`)).size,
    ).toBeGreaterThanOrEqual(4);
    expect(outcomes.total.reasons.length).toBeGreaterThanOrEqual(3);
    expect(outcomes.total.byKind.limitReview).toBeGreaterThan(0);
    const performance = await services.monitoring.performance({ from: report.from, to: last });
    expect(performance.total.loans).toBeGreaterThanOrEqual(10);
    expect(performance.vintages.length).toBeGreaterThanOrEqual(4);
    expect(performance.bands.filter((band) => band.loans > 0).length).toBeGreaterThanOrEqual(3);

    // The drift episode: the weeks of the campaign's weaker mix cross the warning line; the weeks after it
    // move less (at this small size a handful of decisions per week is noisy; docs/demo.md has the
    // default size's figures).
    const during = await services.monitoring.drift({
      from: report.driftFrom,
      to: addDays(report.driftTo, -1),
    });
    const after = await services.monitoring.drift({ from: report.driftTo, to: last });
    expect(during.overall.psi?.value).toBeGreaterThan(0.1);
    expect(during.overall.psi?.value).toBeGreaterThan(after.overall.psi?.value ?? Infinity);

    // Appeals in every state the reviewer screens show.
    const appeals = await services.appeals.list({ limit: 1000 });
    const states = new Set(
      appeals.map((item) =>
        item.appeal.status === 'resolved' ? `resolved:${item.appeal.resolution}` : item.appeal.status,
      ),
    );
    for (const state of [
      'queued',
      'in_review',
      'pending_approval',
      'withdrawn',
      'resolved:upheld',
      'resolved:overturned',
    ])
      expect([...states], state).toContain(state);
    expect(appeals.some((item) => item.appeal.status === 'queued' && item.slaBreached)).toBe(true);
    expect(appeals.some((item) => item.appeal.status === 'queued' && !item.slaBreached)).toBe(true);

    // Loans from the approvals: most repaid on time, some past due (the day-end batch's buckets).
    const views = (
      await Promise.all(
        (
          await t.app.db.query<{ id: string }>(
            `select l.id from loans l join customers c using (customer_id) where c.external_id like 'hist-%'`,
          )
        ).rows.map((loan) => services.loans.getLoan(loan.id)),
      )
    ).filter((view) => view.status !== 'closed');
    expect(views.filter((view) => view.daysPastDue === 0).length).toBeGreaterThan(views.length / 2);
    expect(
      views.filter((view) => view.daysPastDue > 0 || view.status === 'written_off').length,
    ).toBeGreaterThanOrEqual(2);
    expect(views.every((view) => view.asOf >= last)).toBe(true);
    // The collections step ran with the day-end: every loan late at the history's end has an open case,
    // in the collectors' call queue (the console's collections page).
    const late = views.filter((view) => view.status === 'active' && view.daysPastDue > 0);
    const open = await t.app.db.query<{ account_id: string }>(
      `select account_id from collection_cases where status = 'open' and account_id like 'ln_%'`,
    );
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect(new Set(open.rows.map((row) => row.account_id))).toEqual(
      new Set(late.map((view) => view.contract.loanId)),
    );

    // The books balance.
    const ledger = await verifyLedger(t.app.db);
    expect(ledger.unbalancedJournals).toEqual([]);
    expect(ledger.cacheMismatches).toEqual([]);
    expect(ledger.totalDebits).toBe(ledger.totalCredits);
    expect(ledger.journals).toBeGreaterThan(500);

    // A second start finds the history complete and adds nothing.
    const before = await figures(t);
    byStore.set(store.name, before);
    const again = await seedDemoHistory(t.app, { applicants: APPLICANTS });
    expect(again.seeded).toBe(false);
    expect(await figures(t)).toEqual(before);
  }, 300_000);
});

describe('demo history determinism', () => {
  it('same seed, same day → the same figures on another fresh database (and on every store)', async () => {
    const reference = byStore.get('pglite');
    expect(reference, 'the PGlite run came first').toBeDefined();
    expect([...byStore.keys()], 'every store seeded its history above').toEqual(STORES.map((s) => s.name));
    // With PostgreSQL in the run (CI), its seeding above was already another fresh database, seeded from
    // nothing by another engine: comparing the stores proves it, and a third seeding (~16 s of CPU) would
    // add nothing. On PGlite alone, a second fresh database is seeded here.
    if (STORES.length === 1) {
      const { t } = await seeded(STORES[0]!);
      expect(await figures(t)).toEqual(reference);
    }
    for (const [name, figuresOfStore] of byStore) expect([name, figuresOfStore]).toEqual([name, reference]);
  }, 300_000);
});
