import { createApp, createCollectionsStep, createProductDayEndSteps } from '../../app.ts';
import type { App } from '../../services.ts';
import type { Notifier } from '../../appeals/index.ts';
import { generatePopulation, type Population } from '../population/population.ts';
import { storePopulation } from '../population/population-store.ts';
import { chance, createRandom, randomInt, type Random } from '../population/random.ts';
import { createPiiVault } from '../../identity/index.ts';
import { groupByShard } from '../../platform/database/citus.ts';
import { DEFAULT_COLLECTION_STRATEGY } from '../../collections/index.ts';
import type { RepaymentMethod } from '../../lending/index.ts';
import type { Principal } from '../../platform/auth/api-keys.ts';
import { createIdGenerator, seededRandomBytes } from '../../platform/ids/ids.ts';
import { fen, type Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { ManualClock } from '../../platform/time/clock.ts';
import {
  addDays,
  businessDateOf,
  isoDayOfWeek,
  parseLocalDate,
  startOfBusinessDate,
  type LocalDate,
} from '../../platform/time/local-date.ts';
import { readJsonFile, DEFAULT_POLICY_FILE } from '../../policy/policy-files.node.ts';
import {
  APPEAL_ENDINGS,
  DEFAULT_HISTORY,
  planHistory,
  type AppealEnding,
  type HistoryOptions,
} from './history-plan.ts';

/**
 * The demo's history: months of past activity recorded through the real use cases — customers of the
 * synthetic population, their decisions (both products, champion and challenger), loans and credit lines
 * opened from the approvals, repayments (most on time), delinquency and a few write-offs by the real
 * day-end batch, appeals in every state and the referrals the policy's referral band makes — with a clock
 * set to the past, so monitoring, the reviewer queues and the customer files have something to show.
 *
 * Deterministic: the population, the plan and the ids come from the seed and the anchor (the day of the
 * first start). Idempotent and resumable: the anchor is kept in the history customers' external ids
 * (`hist-<anchor>-<n>`); a start finds it, sees the history complete (nothing to do) or picks up where a
 * killed start stopped — every step is skipped when done (decisions and appeals are looked up, money
 * moves carry idempotency keys, the day-end batch keeps its own watermarks).
 */

export interface HistoryProgress {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

export interface HistorySeedOptions extends Partial<HistoryOptions> {
  readonly onProgress?: (progress: HistoryProgress) => void;
}

export interface HistoryReport {
  /** False when an earlier start had seeded the history already (nothing was written). */
  readonly seeded: boolean;
  readonly anchor: LocalDate;
  readonly from: LocalDate;
  readonly driftFrom: LocalDate;
  readonly driftTo: LocalDate;
  readonly customers: number;
  readonly decisions: number;
  readonly loans: number;
  readonly lines: number;
  readonly appeals: number;
  /** Milliseconds each step took. */
  readonly timings: Readonly<Record<string, number>>;
}

/** External ids of history customers: `hist-<anchor as yyyymmdd>-<index>`. */
const EXTERNAL_PREFIX = 'hist-';

function externalIdOf(anchor: LocalDate, index: number): string {
  return `${EXTERNAL_PREFIX}${anchor.replaceAll('-', '')}-${index}`;
}

/** The challenger the demo's experiment tried: the default policy with cut-offs ten points lower. */
export const DEMO_CHALLENGER = 'demo-challenger';
const CHALLENGER_SHARE_BPS = 3_000;

const REVIEWERS: readonly Principal[] = [
  { keyId: 'demo-reviewer-li', name: 'Li Na (demo reviewer)', role: 'reviewer' },
  { keyId: 'demo-reviewer-chen', name: 'Chen Hao (demo reviewer)', role: 'reviewer' },
];
const ANALYSTS = [
  { id: 'demo-analyst-wang', name: 'Wang Lei (demo analyst)' },
  { id: 'demo-analyst-zhao', name: 'Zhao Min (demo analyst)' },
] as const;
const CUSTOMER_APP: Principal = { keyId: 'demo-app', name: 'demo app', role: 'app' };

/** An instalment that is never paid. */
const NEVER = -1;

const quietNotifier: Notifier = { send: async () => undefined };

/** The anchor of a history already (partly) seeded, from its customers' external ids. */
async function existingAnchor(app: App): Promise<LocalDate | undefined> {
  const result = await app.db.query<{ external_id: string }>(
    `select external_id from customers where external_id like 'hist-%' order by external_id limit 1`,
  );
  const match = /^hist-(\d{4})(\d{2})(\d{2})-/.exec(result.rows[0]?.external_id ?? '');
  return match ? parseLocalDate(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
}

/** The history customers' application decisions and appeals so far (for a resumed start). */
async function recorded(
  app: App,
  customerIds: readonly string[],
  lastDay: LocalDate,
): Promise<{
  decisions: Map<string, { id: string; outcome: string; limit: bigint }>;
  appeals: number;
  appealed: Set<string>;
  behind: number;
}> {
  const decisions = new Map<string, { id: string; outcome: string; limit: bigint }>();
  const rows = await app.db.query<{
    id: string;
    customer_id: string;
    product_code: string;
    outcome: string;
    limit_amount: bigint;
  }>(
    `select id, customer_id, product_code, outcome, limit_amount from decisions
      where customer_id = any($1) and kind = 'application' order by id`,
    [[...customerIds]],
  );
  for (const row of rows.rows)
    if (!decisions.has(`${row.customer_id}:${row.product_code}`))
      decisions.set(`${row.customer_id}:${row.product_code}`, {
        id: row.id,
        outcome: row.outcome,
        limit: BigInt(row.limit_amount),
      });
  const appeals = await app.db.query<{ decision_id: string }>(
    `select decision_id from appeals where customer_id = any($1)`,
    [[...customerIds]],
  );
  // Loans and lines the history's last batch has not brought up to its last day yet.
  const behind = await app.db.query<{ n: bigint }>(
    `select (select count(*) from loans where customer_id = any($1) and status = 'active' and processed_through < $2)
          + (select count(*) from credit_lines where customer_id = any($1) and processed_through < $2) as n`,
    [[...customerIds], lastDay],
  );
  return {
    decisions,
    appeals: appeals.rows.length,
    appealed: new Set(appeals.rows.map((row) => row.decision_id)),
    behind: Number(behind.rows[0]?.n ?? 0n),
  };
}

interface OpenLoan {
  readonly loanId: string;
  readonly customerIndex: number;
  readonly dues: ReadonlyArray<{ readonly dueDate: LocalDate; readonly amount: Money }>;
}

interface OpenLine {
  readonly lineId: string;
  readonly customerIndex: number;
  readonly monthlySpend: Money;
  readonly purchaseDay: number;
}

interface ScriptedAppeal {
  readonly appealId: string;
  readonly customerId: string;
  readonly ending: AppealEnding;
  /** Nothing more will happen to it (resolved, withdrawn, or an ending that leaves it as filed). */
  ended: boolean;
}

/**
 * When each scripted appeal is filed, in days relative to the anchor (a second one two days earlier):
 * the SLA-breached ones weeks ago and never picked up, the open ones recently, the closed ones in between.
 */
const APPEAL_FILED_DAYS_BEFORE: Readonly<Record<AppealEnding, number>> = {
  sla_breached: -30,
  upheld: -24,
  overturned: -22,
  withdrawn: -18,
  awaiting_approval: -16,
  claimed: -8,
  submitted: -3,
};

/**
 * Seeds the demo's history into the app's database unless it is there already (see the module's note).
 * `app.clock` gives the anchor on the first start; the work itself runs on a second composition of the
 * same database with a manual clock walking through the past days.
 */
export async function seedDemoHistory(app: App, options: HistorySeedOptions = {}): Promise<HistoryReport> {
  const settings: HistoryOptions = {
    seed: options.seed ?? DEFAULT_HISTORY.seed,
    applicants: options.applicants ?? DEFAULT_HISTORY.applicants,
    months: options.months ?? DEFAULT_HISTORY.months,
  };
  const timings: Record<string, number> = {};
  let mark = app.monotonic.nowMs();
  const lap = (name: string) => {
    const now = app.monotonic.nowMs();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  const progress = (step: string, done: number, total: number) => options.onProgress?.({ step, done, total });

  const anchor = (await existingAnchor(app)) ?? app.clock.today();
  const generated = generatePopulation({
    customers: settings.applicants,
    months: settings.months + 12,
    seed: settings.seed,
    end: anchor,
  });
  const population: Population = {
    ...generated,
    customers: generated.customers.map((customer) => ({
      ...customer,
      externalId: externalIdOf(anchor, customer.index),
    })),
  };
  const plan = planHistory(population, settings, anchor);
  const customerIds = population.customers.map((customer) => customer.customerId);
  lap('plan');

  // Complete when every planned application was decided and the last day's batch has run (the last
  // step of the last day: a start killed before it resumes the history).
  const before = await recorded(app, customerIds, addDays(anchor, -1));
  const complete =
    before.decisions.size >= new Set(plan.applications.map((a) => `${a.customerIndex}:${a.product}`)).size &&
    before.behind === 0;
  const base = {
    anchor,
    from: plan.from,
    driftFrom: plan.driftFrom,
    driftTo: plan.driftTo,
    customers: population.customers.length,
  };
  if (complete) {
    return {
      ...base,
      seeded: false,
      decisions: before.decisions.size,
      loans: 0,
      lines: 0,
      appeals: before.appeals,
      timings,
    };
  }

  // A second composition of the same database on a manual clock: the real use cases, in the past.
  const clock = new ManualClock(startOfBusinessDate(addDays(plan.from, -1)));
  const past = await createApp({
    config: app.config,
    db: app.db,
    clock,
    ids: createIdGenerator(clock, seededRandomBytes(settings.seed * 31 + 7)),
    logger: app.logger.child({ demo: 'history' }, { level: 'warn' }),
    notifier: quietNotifier,
    migrate: false,
  });
  const { services } = past;
  lap('compose');

  // The experiment: a challenger with cut-offs ten points lower on both products, for the history's
  // months; it ends the day the history does (from the anchor every customer is on the champion).
  const policy = (await readJsonFile(DEFAULT_POLICY_FILE)) as {
    nodes: Array<{ name: string; content: unknown }>;
  };
  const challenger = structuredClone(policy);
  for (const node of challenger.nodes) {
    if (node.name !== 'Cut-offs') continue;
    const content = node.content as { rules: Array<Record<string, string>> };
    for (const rule of content.rules) rule.co_cutoff = String(Number(rule.co_cutoff) - 10);
  }
  // Submitted by one analyst and approved by another (four-eyes), as any policy version is.
  const loaded = await services.policies.load({
    name: DEMO_CHALLENGER,
    effectiveFrom: addDays(plan.from, -1),
    content: challenger,
    description: 'Demo challenger: the default policy with cut-offs 10 points lower (the demo history)',
    requestedBy: ANALYSTS[0],
  });
  if (loaded.change?.status === 'pending') await services.changes.approve(loaded.change.id, ANALYSTS[1]);
  const assignments = (['cash_loan', 'credit_line'] as const).flatMap((productCode) => [
    {
      productCode,
      effectiveFrom: plan.from,
      championPolicy: 'default',
      challengerPolicy: DEMO_CHALLENGER,
      challengerShareBps: CHALLENGER_SHARE_BPS,
    },
    {
      productCode,
      effectiveFrom: anchor,
      championPolicy: 'default',
      challengerPolicy: null,
      challengerShareBps: 0,
    },
  ]);
  await services.policies.loadSettings({ products: [], legalRateCaps: [], riskAppetite: [], assignments });
  lap('experiment');

  // The customers and their files, in set-based batches (what `credence customers generate` writes).
  await storePopulation(app.db, createPiiVault(app.config.pii), population, {
    receivedAt: startOfBusinessDate(plan.from),
    batchSize: 250,
    onProgress: (done) => progress('customers', done, population.customers.length),
  });
  lap('customers');

  const random: Random = createRandom(settings.seed ^ 0x0d1e);
  const decisions = new Map(before.decisions);
  const loans: OpenLoan[] = [];
  const lines: OpenLine[] = [];
  const declines: Array<{ decisionId: string; customerId: string; product: string; date: LocalDate }> = [];
  const toFile = APPEAL_ENDINGS.flatMap((ending) =>
    [0, 2].map((earlier) => ({
      ending,
      daysBefore: APPEAL_FILED_DAYS_BEFORE[ending] - earlier,
      filed: false,
    })),
  );
  const late = new Map<string, number>();
  const scripted: ScriptedAppeal[] = [];
  const writeOffs = new Set<string>();
  let appealsFiled = before.appeals;
  const byIndex = population.customers;
  const distressed = (index: number, date: LocalDate): boolean => {
    const at = byIndex[index]?.latent.distressAt;
    return at !== null && at !== undefined && businessDateOf(at) <= date;
  };
  const methods: RepaymentMethod[] = ['equal-installment', 'equal-principal', 'interest-first'];

  // Where the history's time goes, by kind of work (reported with the timings).
  const spent: Record<string, number> = {};
  const timed = async <T>(kind: string, work: () => Promise<T>): Promise<T> => {
    const began = app.monotonic.nowMs();
    try {
      return await work();
    } finally {
      spent[kind] = (spent[kind] ?? 0) + app.monotonic.nowMs() - began;
    }
  };
  const processors = [
    ...createProductDayEndSteps({ clock, ids: past.ids }),
    // Collections after the products' steps, as in the day-end: a case opens for each account late on the
    // week's date and follows its bucket, so the console's collections queue has work (docs/collections.md).
    createCollectionsStep({
      clock,
      ids: past.ids,
      outbox: past.services.notifications.outbox,
      strategies: () => Promise.resolve([DEFAULT_COLLECTION_STRATEGY]),
    }),
  ];
  /**
   * The day-end batch's processors, run as the batch runs them but over a week at a time: each item is
   * brought up to `date` in one step (`advance` books every missing day, once each, exactly as daily runs
   * do — accrual, billing, overdue, buckets, penalty, statements), in chunks of 500 per transaction; then
   * the monthly limit reviews due and the appeals' recovery pass and SLA breaches. On the embedded
   * database this is what keeps the history quick: a daily run costs a dozen statements per product per
   * day whatever the book's size. (A repayment brings its loan up to its date by itself.)
   */
  const catchUp = async (date: LocalDate): Promise<void> => {
    for (const processor of processors) {
      for (let afterId = ''; ;) {
        const page = await processor.listBehind(app.db, date, afterId, 500);
        if (page.length === 0) break;
        afterId = page[page.length - 1]?.id ?? afterId;
        // One transaction per shard group on Citus (row locks need single-shard queries); one on PostgreSQL.
        for (const group of await groupByShard(app.db, page)) {
          await timed(`batch.${processor.product}`, () =>
            app.db.transaction((tx) => processor.advance(tx, group, date)),
          );
        }
        if (page.length < 500) break;
      }
    }
    await timed('batch.reviews', () => services.lineReviews.runDue());
    await timed('batch.appeals', async () => {
      await services.appeals.recover();
      await services.appeals.recordSlaBreaches();
    });
  };
  const apps = plan.applications;
  let next = 0;
  let day = plan.from;
  const lastDay = addDays(anchor, -1);
  const dayCount =
    Math.round((startOfBusinessDate(lastDay).getTime() - startOfBusinessDate(day).getTime()) / 86_400_000) +
    1;
  let dayIndex = 0;
  for (; day <= lastDay; day = addDays(day, 1), dayIndex += 1) {
    progress('history', dayIndex, dayCount);
    // Payments first thing in the morning, on the due date (most), days late (some) or never (distress).
    clock.set(new Date(startOfBusinessDate(day).getTime() + 8 * 3_600_000));
    for (const loan of loans) {
      for (const [n, due] of loan.dues.entries()) {
        const key = `${loan.loanId}:${n}`;
        const lateBy = late.get(key) ?? 0;
        if (lateBy === NEVER) continue;
        if (addDays(due.dueDate, lateBy) !== day) continue;
        if (distressed(loan.customerIndex, due.dueDate)) continue;
        await timed('repay', () =>
          services.loans.repay({
            loanId: loan.loanId,
            amount: due.amount,
            intent: 'scheduled',
            idempotencyKey: `demo-history:${key}`,
          }),
        );
      }
    }
    for (const line of lines) {
      if (Number(day.slice(8, 10)) !== line.purchaseDay) continue;
      const view = await timed('line-view', () => services.creditLines.getLine(line.lineId));
      const owed = view.openStatements.reduce((sum, statement) => sum + statement.owed, 0n);
      if (owed > 0n && !distressed(line.customerIndex, day))
        await services.creditLines.pay({
          lineId: line.lineId,
          amount: fen(owed),
          idempotencyKey: `demo-history:${line.lineId}:pay:${day}`,
        });
      if (!distressed(line.customerIndex, day) && view.facility.available > 0n) {
        const amount =
          line.monthlySpend < view.facility.available ? line.monthlySpend : view.facility.available;
        await services.creditLines.purchase({
          lineId: line.lineId,
          amount: fen(amount),
          description: 'JD.com order',
          idempotencyKey: `demo-history:${line.lineId}:buy:${day}`,
        });
      }
    }

    // The day's applications.
    for (; next < apps.length && businessDateOf(apps[next]!.at) === day; next += 1) {
      const application = apps[next]!;
      const customer = byIndex[application.customerIndex]!;
      const key = `${customer.customerId}:${application.product}`;
      clock.set(application.at);
      let decision = decisions.get(key);
      if (!decision) {
        const record = await timed('decide', () =>
          services.decisions.decide({
            customerId: customer.customerId,
            productCode: application.product,
            requestedAmount: null,
          }),
        );
        decision = { id: record.id, outcome: record.outcome, limit: record.limit };
        decisions.set(key, decision);
      }
      if (decision.outcome === 'declined')
        declines.push({
          decisionId: decision.id,
          customerId: customer.customerId,
          product: application.product,
          date: day,
        });
      if (decision.outcome !== 'approved') continue;
      clock.advanceMs(60_000);
      if (application.product === 'cash_loan') {
        const amount = ((decision.limit * BigInt(application.usePercent)) / 100n / 10_000n) * 10_000n;
        if (amount < 100_000n) continue;
        const drawn = await timed('drawdown', () =>
          services.loans.drawdown({
            customerId: customer.customerId,
            amount: fen(amount),
            term: application.term,
            method: methods[application.customerIndex % methods.length]!,
            idempotencyKey: `demo-history:${decision.id}:drawdown`,
          }),
        );
        if (drawn.outcome !== 'drawn') continue;
        const dues = drawn.receipt.schedule.lines.map((line) => ({
          dueDate: line.dueDate,
          amount: line.payment,
        }));
        // Some instalments are paid days late; some borrowers stop paying from an instalment on (a job
        // lost, a dispute) whatever their latent distress says.
        const stopsFrom = chance(random, 0.1) ? randomInt(random, 0, 2) : dues.length;
        for (const n of dues.keys()) {
          if (n >= stopsFrom) late.set(`${drawn.receipt.loanId}:${n}`, NEVER);
          else if (chance(random, 0.06)) late.set(`${drawn.receipt.loanId}:${n}`, randomInt(random, 3, 20));
        }
        loans.push({ loanId: drawn.receipt.loanId, customerIndex: application.customerIndex, dues });
      } else {
        const { line } = await timed('line-open', () =>
          services.creditLines.openLine({ customerId: customer.customerId }),
        );
        const spend = (decision.limit * BigInt(application.usePercent)) / 100n / 3n;
        lines.push({
          lineId: line.terms.lineId,
          customerIndex: application.customerIndex,
          monthlySpend: fen(spend > 1_000n ? spend : 1_000n),
          purchaseDay: Math.min(28, Number(day.slice(8, 10))),
        });
        if (spend > 0n)
          await services.creditLines.purchase({
            lineId: line.terms.lineId,
            amount: fen(spend),
            description: 'Tmall order',
            idempotencyKey: `demo-history:${line.terms.lineId}:buy:${day}`,
          });
      }
    }

    // Appeals: from each ending's filing day on, the latest declined customer not yet appealing (within
    // the appeal window) appeals; each scripted path then plays out over the following days.
    clock.set(new Date(startOfBusinessDate(day).getTime() + 18 * 3_600_000));
    for (const wanted of toFile) {
      if (wanted.filed || addDays(anchor, wanted.daysBefore) > day) continue;
      // The one above the second-person threshold needs a cash loan (a line's range stays below it); the
      // others take a line's decline when there is one, leaving the cash loans' for it.
      const usable = (decline: (typeof declines)[number], product?: string): boolean =>
        decline.date >= addDays(day, -25) &&
        (product === undefined || decline.product === product) &&
        !before.appealed.has(decline.decisionId);
      let at =
        wanted.ending === 'awaiting_approval'
          ? declines.findLastIndex((decline) => usable(decline, 'cash_loan'))
          : declines.findLastIndex((decline) => usable(decline, 'credit_line'));
      if (at < 0 && wanted.ending !== 'awaiting_approval')
        at = declines.findLastIndex((decline) => usable(decline));
      const decline = declines[at];
      if (!decline) continue;
      declines.splice(at, 1);
      wanted.filed = true;
      const appeal = await services.appeals.file(
        {
          decisionId: decline.decisionId,
          customerId: decline.customerId,
          category:
            wanted.ending === 'overturned' || wanted.ending === 'awaiting_approval'
              ? 'data_error'
              : 'repaid_debt',
          statement: 'The overdue on my file was repaid; my bank can confirm it.',
        },
        CUSTOMER_APP,
      );
      appealsFiled += 1;
      scripted.push({
        appealId: appeal.id,
        customerId: decline.customerId,
        ending: wanted.ending,
        ended: false,
      });
    }
    for (const item of scripted) {
      if (item.ended) continue;
      item.ended = await timed('appeals', () => advanceAppeal(services, item));
    }

    clock.set(new Date(startOfBusinessDate(day).getTime() + 21 * 3_600_000));
    // The day-end batch (accrual, billing, overdue, buckets, statements, limit reviews, appeal SLAs).
    // The day-end batch's set-based path, weekly and on the history's last day (see `catchUp`).
    if (isoDayOfWeek(day) === 7 || day === lastDay) await timed('day-end', () => catchUp(day));
    // Write-offs: a few loans of customers in distress, once 60 days past due (collections gave up).
    if (writeOffs.size < 5 && isoDayOfWeek(day) === 7) {
      for (const loan of loans) {
        if (writeOffs.size >= 5 || writeOffs.has(loan.loanId)) continue;
        if (!distressed(loan.customerIndex, addDays(day, -75))) continue;
        const view = await services.loans.getLoan(loan.loanId);
        if (view.status !== 'active' || view.daysPastDue < 60) continue;
        await services.loans.writeOff({
          loanId: loan.loanId,
          idempotencyKey: `demo-history:${loan.loanId}:write-off`,
        });
        writeOffs.add(loan.loanId);
      }
    }
  }
  progress('history', dayCount, dayCount);
  lap('history');
  for (const [kind, ms] of Object.entries(spent)) timings[`history.${kind}`] = Math.round(ms);
  return {
    ...base,
    seeded: true,
    decisions: decisions.size,
    loans: loans.length,
    lines: lines.length,
    appeals: appealsFiled,
    timings,
  };
}

/**
 * Moves a scripted appeal one step along its path on `day`, when its step is due. True when nothing more
 * will happen to it — its ending leaves it as filed, or it is resolved or withdrawn — so the seeder stops
 * reading it back every day.
 */
async function advanceAppeal(services: App['services'], item: ScriptedAppeal): Promise<boolean> {
  if (item.ending === 'submitted' || item.ending === 'sla_breached') return true;
  const appeal = await services.appeals.get(item.appealId);
  const [first, second] = REVIEWERS as [Principal, Principal];
  const status = appeal.status;
  if (status === 'resolved' || status === 'withdrawn') return true;
  switch (item.ending) {
    case 'withdrawn':
      await services.appeals.withdraw(item.appealId, item.customerId, CUSTOMER_APP);
      return false;
    case 'claimed':
      if (status === 'queued') await services.appeals.claim(item.appealId, first);
      return false;
    case 'upheld':
      if (status === 'queued') await services.appeals.claim(item.appealId, first);
      else if (status === 'in_review')
        await services.appeals.decide(
          item.appealId,
          {
            outcome: 'uphold',
            reasons: [{ code: 'EVIDENCE_INSUFFICIENT' }],
            note: 'No proof of repayment attached.',
          },
          first,
        );
      return false;
    case 'overturned':
    case 'awaiting_approval': {
      if (status === 'queued') await services.appeals.claim(item.appealId, first);
      else if (status === 'in_review') {
        // Above the second-person threshold for the one awaiting approval; within it for the other.
        const limit = item.ending === 'awaiting_approval' ? fen(6_000_000n) : fen(1_000_000n);
        await services.appeals.decide(
          item.appealId,
          {
            outcome: 'overturn',
            terms: { limit, apr: parseRate('0.1825') },
            note: 'The bureau record was corrected; the overdue is repaid.',
          },
          first,
        );
      } else if (status === 'pending_approval' && item.ending === 'overturned')
        await services.appeals.approve(item.appealId, second);
      return false;
    }
  }
}
