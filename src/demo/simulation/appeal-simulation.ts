import {
  EXTERNAL_EVENT_TYPES,
  eventToWire,
  type CustomerEvent,
  type CustomerService,
} from '../../customers/index.ts';
import { populationEvents, type Population, type SyntheticCustomer } from '../population/population.ts';
import type { DecisionRecord, DecisionService } from '../../decisions/index.ts';
import { luhnCheckDigit, type ProviderAnswer, type VerificationProvider } from '../../identity/index.ts';
import type { Principal } from '../../platform/auth/api-keys.ts';
import { isAppError } from '../../platform/errors/app-error.ts';
import { fen } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import type { BusinessCalendar } from '../../platform/time/business-calendar.ts';
import type { Clock, ManualClock } from '../../platform/time/clock.ts';
import {
  addDays,
  businessDateOf,
  startOfBusinessDate,
  type LocalDate,
} from '../../platform/time/local-date.ts';
import type { AppealCategory, Resolution } from '../../appeals/appeal.ts';
import type { AppealService, AppealStats } from '../../appeals/index.ts';
import type { UpholdReasonInput } from '../../appeals/appeal-texts.ts';

/**
 * A simulation of appeals over the synthetic population, driving the real services on a database with a
 * manual clock. What happens, and the assumptions (all in `SIMULATION_ASSUMPTIONS`, stated in
 * docs/appeals.md):
 *
 * - applicants arrive uniformly over two weeks (08:00–23:00, any day), are onboarded through the customers
 *   context (cards bound, identity verified by the sandbox provider, history ingested) and ask for a cash
 *   loan; the identity provider is down for three hours on the third day, so some are referred for a fault;
 * - declined or fault-referred applicants appeal with a probability and category that follow the first
 *   reason they were given; some fix the cause first (bind a bank card, repay the arrear — the bureau then
 *   reports it paid), some dispute data that is genuinely wrong (known only to the reviewer's judgement),
 *   a few withdraw;
 * - the re-check runs at filing; faulted re-checks are retried by the recovery pass every 15 minutes;
 * - reviewers work Shanghai business days (09:00–12:00, 13:00–18:00), approving colleagues' overturns first,
 *   then claiming the highest-priority case; a case takes 20–50 minutes; they overturn genuine errors and
 *   uphold the rest with reasons;
 * - it runs until every appeal is final.
 *
 * Pure orchestration: no I/O of its own — the services do it, time is the manual clock, randomness a
 * seeded generator.
 */

export const SIMULATION_ASSUMPTIONS = {
  arrivalDays: 14,
  outage: { day: 2, fromHour: 14, hours: 3 },
  appealProbability: { identity: 0.6, overdue: 0.4, system_fault: 0.85, other: 0.12 },
  /** Of identity appellants short only of a bank card: bind one before appealing. */
  bindCardFirst: 0.7,
  /** Of overdue appellants: repay first (category repaid_debt); the rest dispute it (data_error). */
  repayFirst: 0.55,
  /** Of disputes: the data really is wrong (the reviewer overturns). */
  genuineDispute: { overdue: 0.3, other: 0.1 },
  /** Of "other" appellants: call it a data error. */
  otherAsDataError: 0.25,
  withdraw: 0.05,
  /** Hours from the decision to the appeal: 1 + exponential with this mean (capped at a week). */
  appealDelayMeanHours: 18,
  reviewMinutes: [20, 50] as const,
  approvalMinutes: 10,
  recoverEveryMinutes: 15,
  /** Overturn price; the limit is the re-check's verified recourse limit, or the product's first-limit cap. */
  overturnApr: '0.146',
  overturnDefaultLimitFen: 500_000n,
} as const;

/** The sandbox provider, unavailable during the outage windows (by the simulation's clock). */
export function withOutages(
  inner: VerificationProvider,
  clock: Clock,
  windows: ReadonlyArray<{ readonly from: Date; readonly to: Date }>,
): VerificationProvider {
  const down = () => {
    const now = clock.now().getTime();
    return windows.some((w) => now >= w.from.getTime() && now < w.to.getTime());
  };
  const unavailable: ProviderAnswer = { outcome: 'unavailable', detail: 'simulated outage' };
  return {
    name: `${inner.name}+outages`,
    matchIdToName: (claim) => (down() ? Promise.resolve(unavailable) : inner.matchIdToName(claim)),
    matchPhoneToIdHolder: (claim) =>
      down() ? Promise.resolve(unavailable) : inner.matchPhoneToIdHolder(claim),
    matchCardToIdHolder: (claim) =>
      down() ? Promise.resolve(unavailable) : inner.matchCardToIdHolder(claim),
  };
}

/** The outage window of the simulation starting on `start`. */
export function simulationOutage(start: LocalDate): { from: Date; to: Date } {
  const { day, fromHour, hours } = SIMULATION_ASSUMPTIONS.outage;
  const from = new Date(startOfBusinessDate(addDays(start, day)).getTime() + fromHour * 3_600_000);
  return { from, to: new Date(from.getTime() + hours * 3_600_000) };
}

/** mulberry32: small, fast, seeded; enough for behaviour draws. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SimulationEnv {
  readonly clock: ManualClock;
  readonly calendar: BusinessCalendar;
  readonly customers: Pick<CustomerService, 'createCustomer' | 'addCard' | 'verify' | 'ingestEvents'>;
  readonly decisions: Pick<DecisionService, 'decide' | 'get'>;
  readonly appeals: AppealService;
  readonly app: Principal;
  readonly reviewers: readonly Principal[];
}

export interface SimulationOptions {
  readonly population: Population;
  readonly seed: number;
  /** The business date the simulation starts on (the population's history ends there). */
  readonly start: LocalDate;
  readonly onProgress?: (done: number, detail: string) => void;
}

export type SimulatedPath = 'recheck' | 'overturned' | 'upheld' | 'withdrawn' | 'open';

export interface SimulatedAppeal {
  readonly appealId: string;
  readonly category: AppealCategory;
  /** The first reason of the decision appealed. */
  readonly reason: string;
  readonly fixedFirst: boolean;
  readonly genuine: boolean;
  readonly filedAt: Date;
  readonly resolvedAt: Date | null;
  readonly resolution: Resolution | null;
  readonly path: SimulatedPath;
  readonly hours: number | null;
  readonly slaBreached: boolean;
}

export interface SimulationSummary {
  readonly applicants: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly appeals: number;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byPath: Readonly<Record<SimulatedPath, number>>;
  readonly resolved: number;
  /** Median hours from filing to resolution over resolved appeals (interpolated), and by path. */
  readonly medianHours: number | null;
  readonly medianHoursByPath: Readonly<Record<'recheck' | 'overturned' | 'upheld', number | null>>;
  /** Resolved by the re-check / resolved. */
  readonly recheckShare: number | null;
  readonly overturnRate: number | null;
  /** Appeals open past their SLA due instant (resolved or withdrawn late, or still open). */
  readonly slaBreaches: number;
  readonly slaBreachRate: number | null;
  /** The same figures as the service reports them (SQL over the appeals table). */
  readonly serviceStats: AppealStats;
  readonly simulatedDays: number;
}

export interface SimulationResult {
  readonly start: Date;
  readonly end: Date;
  readonly appeals: readonly SimulatedAppeal[];
  /** Open appeals at the end of each calendar day. */
  readonly openByDay: ReadonlyArray<{
    readonly date: LocalDate;
    readonly open: number;
    readonly queued: number;
  }>;
  readonly summary: SimulationSummary;
  readonly text: string;
}

/** The median of a list (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

type Event =
  | { readonly kind: 'apply'; readonly customer: SyntheticCustomer }
  | { readonly kind: 'appeal'; readonly plan: AppealPlan }
  | { readonly kind: 'withdraw'; readonly appealId: string; readonly customerId: string }
  | { readonly kind: 'review'; readonly reviewer: number }
  | { readonly kind: 'decide'; readonly reviewer: number; readonly appealId: string }
  | { readonly kind: 'recover' };

interface AppealPlan {
  readonly customer: SyntheticCustomer;
  readonly customerId: string;
  readonly decision: DecisionRecord;
  readonly category: AppealCategory;
  readonly fix: 'bind-card' | 'repay' | null;
  readonly genuine: boolean;
}

interface Scheduled {
  readonly at: number;
  readonly seq: number;
  readonly event: Event;
}

/** A binary heap by (time, sequence): events at the same instant run in the order they were scheduled. */
class Agenda {
  private readonly heap: Scheduled[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: Date | number, event: Event): void {
    const item = { at: typeof at === 'number' ? at : at.getTime(), seq: this.seq++, event };
    this.heap.push(item);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.heap[i] as Scheduled, this.heap[parent] as Scheduled)) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent] as Scheduled, this.heap[i] as Scheduled];
      i = parent;
    }
  }

  pop(): Scheduled | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined || this.heap.length === 0) return top;
    this.heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.heap.length && this.less(this.heap[l] as Scheduled, this.heap[best] as Scheduled))
        best = l;
      if (r < this.heap.length && this.less(this.heap[r] as Scheduled, this.heap[best] as Scheduled))
        best = r;
      if (best === i) break;
      [this.heap[i], this.heap[best]] = [this.heap[best] as Scheduled, this.heap[i] as Scheduled];
      i = best;
    }
    return top;
  }

  private less(a: Scheduled, b: Scheduled): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The working periods of a business date: 09:00–12:00 and 13:00–18:00 Shanghai. */
function shifts(date: LocalDate): Array<[number, number]> {
  const day = startOfBusinessDate(date).getTime();
  return [
    [day + 9 * HOUR, day + 12 * HOUR],
    [day + 13 * HOUR, day + 18 * HOUR],
  ];
}

/** The instant itself when reviewers work then, else the start of the next shift. */
function nextWorkingInstant(at: number, calendar: BusinessCalendar): number {
  let date = businessDateOf(new Date(at));
  for (let guard = 0; guard < 60; guard += 1) {
    if (calendar.isBusinessDay(date)) {
      for (const [from, to] of shifts(date)) {
        if (at < from) return from;
        if (at < to) return at;
      }
    }
    date = addDays(date, 1);
    at = startOfBusinessDate(date).getTime();
  }
  throw new Error('no working day within 60 days');
}

/** Superseding bureau/ledger reports that mark every unpaid instalment paid today. */
function repayments(
  events: readonly CustomerEvent[],
  customerId: string,
  at: Date,
  tag: string,
): Record<string, unknown>[] {
  const latest = new Map<string, CustomerEvent & { type: 'repayment' }>();
  for (const event of events) {
    if (event.type !== 'repayment') continue;
    latest.set(`${event.scope}|${event.lender}|${event.loanRef}|${event.dueDate}`, event);
  }
  const out: Record<string, unknown>[] = [];
  let n = 0;
  for (const event of latest.values()) {
    if (event.paidDate !== null) continue;
    n += 1;
    out.push(
      eventToWire({
        ...event,
        eventId: `${tag}-repaid-${n}`,
        customerId,
        occurredAt: at,
        paidDate: businessDateOf(at),
      }),
    );
  }
  return out;
}

/** Runs the simulation to the end (every appeal final) and reports what happened. */
export async function runAppealSimulation(
  env: SimulationEnv,
  options: SimulationOptions,
): Promise<SimulationResult> {
  const { clock, calendar, customers, decisions, appeals } = env;
  const random = seeded(options.seed);
  const A = SIMULATION_ASSUMPTIONS;
  const startMs = startOfBusinessDate(options.start).getTime();
  const agenda = new Agenda();
  const plans = new Map<string, AppealPlan>();
  const outcomes: Record<string, number> = {};
  const openByDay: Array<{ date: LocalDate; open: number; queued: number }> = [];
  const externalTypes = new Set<string>(EXTERNAL_EVENT_TYPES);
  let applied = 0;
  let pendingArrivals = options.population.customers.length;
  /** Appeals decided on but not filed yet (the customer takes a while). */
  let pendingAppeals = 0;

  for (const customer of options.population.customers) {
    const day = Math.floor(random() * A.arrivalDays);
    const minute = Math.floor(random() * 15 * 60);
    agenda.push(startMs + day * 24 * HOUR + 8 * HOUR + minute * MINUTE, { kind: 'apply', customer });
  }
  env.reviewers.forEach((_, reviewer) =>
    agenda.push(nextWorkingInstant(startMs, calendar), { kind: 'review', reviewer }),
  );
  agenda.push(startMs, { kind: 'recover' });

  const openAppeals = async () =>
    appeals.list({ statuses: ['filed', 'queued', 'in_review', 'pending_approval'], limit: 1000 });
  let lastDay = options.start;

  const plan = (
    customer: SyntheticCustomer,
    customerId: string,
    decision: DecisionRecord,
  ): AppealPlan | null => {
    if (decision.outcome === 'approved') return null;
    const first = decision.reasons[0]?.code ?? '';
    const failures = decision.facts?.verification.failures ?? [];
    if (decision.fault !== null) {
      return random() < A.appealProbability.system_fault
        ? { customer, customerId, decision, category: 'system_fault', fix: null, genuine: false }
        : null;
    }
    if (decision.outcome !== 'declined') return null;
    if (first === 'VERIFICATION_LEVEL_TOO_LOW') {
      if (random() >= A.appealProbability.identity) return null;
      const canBind = failures.includes('CARD_NOT_BOUND');
      return {
        customer,
        customerId,
        decision,
        category: 'identity',
        fix: canBind && random() < A.bindCardFirst ? 'bind-card' : null,
        genuine: false,
      };
    }
    if (first === 'OVERDUE_ELSEWHERE' || first === 'OVERDUE_HERE') {
      if (random() >= A.appealProbability.overdue) return null;
      if (random() < A.repayFirst)
        return { customer, customerId, decision, category: 'repaid_debt', fix: 'repay', genuine: false };
      return {
        customer,
        customerId,
        decision,
        category: 'data_error',
        fix: null,
        genuine: random() < A.genuineDispute.overdue,
      };
    }
    if (random() >= A.appealProbability.other) return null;
    const dispute = random() < A.otherAsDataError;
    return {
      customer,
      customerId,
      decision,
      category: dispute ? 'data_error' : 'other',
      fix: null,
      genuine: dispute && random() < A.genuineDispute.other,
    };
  };

  const upholdReasons = (recheck: DecisionRecord | null): UpholdReasonInput[] => {
    const reason = recheck?.reasons[0];
    if (reason?.code === 'VERIFICATION_LEVEL_TOO_LOW')
      return [
        {
          code: 'IDENTITY_NOT_VERIFIED',
          params: { current: Number(reason.params.current), required: Number(reason.params.required) },
        },
      ];
    if (
      (reason?.code === 'OVERDUE_ELSEWHERE' || reason?.code === 'OVERDUE_HERE') &&
      typeof reason.params.amount === 'string'
    )
      return [{ code: 'DEBT_STILL_OVERDUE', params: { amount: reason.params.amount } }];
    return [{ code: 'ORIGINAL_REASONS_STAND' }];
  };

  const swallowConflict = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      // The world moved on (a withdrawal, a colleague) — as it does with people.
      if (isAppError(error) && (error.code === 'CONFLICT' || error.code === 'FORBIDDEN')) return;
      throw error;
    }
  };

  for (let item = agenda.pop(); item; item = agenda.pop()) {
    if (item.at > clock.now().getTime()) clock.set(new Date(item.at));
    const now = clock.now();
    const today = businessDateOf(now);
    while (lastDay < today) {
      const open = await openAppeals();
      openByDay.push({
        date: lastDay,
        open: open.length,
        queued: open.filter((o) => o.appeal.status === 'queued').length,
      });
      lastDay = addDays(lastDay, 1);
    }
    const event = item.event;
    switch (event.kind) {
      case 'apply': {
        const c = event.customer;
        const { customer } = await customers.createCustomer({
          externalId: c.externalId,
          name: c.name,
          idNumber: c.idNumber,
          phone: c.phone,
        });
        for (const card of c.cards) await customers.addCard(customer.customerId, card.cardNumber);
        await customers.verify(customer.customerId);
        const rows = populationEvents(options.population, c)
          .filter((e) => externalTypes.has(e.type))
          .map((e) => eventToWire({ ...e, customerId: customer.customerId }));
        await customers.ingestEvents(rows);
        const decision = await decisions.decide({
          customerId: customer.customerId,
          productCode: 'cash_loan',
        });
        const key = decision.fault ? 'referred_fault' : decision.outcome;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        applied += 1;
        pendingArrivals -= 1;
        options.onProgress?.(applied, `${plans.size} appeals`);
        const appealPlan = plan(c, customer.customerId, decision);
        if (appealPlan) {
          pendingAppeals += 1;
          const delayHours = Math.min(24 * 7, 1 - Math.log(1 - random()) * A.appealDelayMeanHours);
          agenda.push(now.getTime() + delayHours * HOUR, { kind: 'appeal', plan: appealPlan });
        }
        break;
      }
      case 'appeal': {
        pendingAppeals -= 1;
        const p = event.plan;
        if (p.fix === 'bind-card') {
          const payload = `6222${String(Math.floor(random() * 1e11)).padStart(11, '0')}`;
          let card = `${payload}${luhnCheckDigit(payload)}`;
          if (card.endsWith('0000'))
            card = `${payload.slice(0, -1)}7${luhnCheckDigit(`${payload.slice(0, -1)}7`)}`;
          await customers.addCard(p.customerId, card);
        } else if (p.fix === 'repay') {
          const rows = repayments(
            populationEvents(options.population, p.customer),
            p.customerId,
            now,
            p.customer.externalId,
          );
          if (rows.length > 0) await customers.ingestEvents(rows);
        }
        const appeal = await appeals.file(
          {
            decisionId: p.decision.id,
            customerId: p.customerId,
            category: p.category,
            statement:
              p.fix === 'repay'
                ? 'I have repaid the overdue amount.'
                : p.fix === 'bind-card'
                  ? 'I have bound my bank card now.'
                  : p.category === 'system_fault'
                    ? 'Your system was down when I applied.'
                    : 'I think the information used was wrong.',
          },
          env.app,
        );
        plans.set(appeal.id, p);
        if (random() < A.withdraw)
          agenda.push(now.getTime() + (24 + random() * 48) * HOUR, {
            kind: 'withdraw',
            appealId: appeal.id,
            customerId: p.customerId,
          });
        break;
      }
      case 'withdraw':
        await swallowConflict(() => appeals.withdraw(event.appealId, event.customerId, env.app));
        break;
      case 'recover':
        await appeals.recover();
        agenda.push(now.getTime() + A.recoverEveryMinutes * MINUTE, { kind: 'recover' });
        break;
      case 'review': {
        const reviewer = env.reviewers[event.reviewer] as Principal;
        const working = nextWorkingInstant(now.getTime(), calendar);
        if (working > now.getTime()) {
          agenda.push(working, event);
          break;
        }
        const open = await openAppeals();
        const approval = open.find(
          (o) => o.appeal.status === 'pending_approval' && o.appeal.proposal?.maker.id !== reviewer.keyId,
        );
        if (approval) {
          await swallowConflict(() => appeals.approve(approval.appeal.id, reviewer));
          agenda.push(now.getTime() + A.approvalMinutes * MINUTE, event);
          break;
        }
        const claimed = await appeals.claimNext(reviewer);
        if (!claimed) {
          // Nothing to do: look again in half an hour.
          agenda.push(now.getTime() + 30 * MINUTE, event);
          break;
        }
        const [low, high] = A.reviewMinutes;
        agenda.push(now.getTime() + (low + random() * (high - low)) * MINUTE, {
          kind: 'decide',
          reviewer: event.reviewer,
          appealId: claimed.id,
        });
        break;
      }
      case 'decide': {
        const reviewer = env.reviewers[event.reviewer] as Principal;
        const appeal = await appeals.get(event.appealId);
        const p = plans.get(event.appealId);
        if (appeal.status === 'in_review' && appeal.assignee?.id === reviewer.keyId && p) {
          const recheck = appeal.recheckDecisionId ? await decisions.get(appeal.recheckDecisionId) : null;
          if (p.genuine) {
            const verified = recheck?.recourse?.verified;
            const limit =
              verified && verified.outcome === 'approved' && BigInt(verified.limit) > 0n
                ? BigInt(verified.limit)
                : A.overturnDefaultLimitFen;
            await swallowConflict(() =>
              appeals.decide(
                event.appealId,
                {
                  outcome: 'overturn',
                  terms: { limit: fen(limit), apr: parseRate(A.overturnApr) },
                  note: 'the source confirmed the record was wrong',
                },
                reviewer,
              ),
            );
          } else {
            await swallowConflict(() =>
              appeals.decide(
                event.appealId,
                { outcome: 'uphold', reasons: upholdReasons(recheck), note: 'checked' },
                reviewer,
              ),
            );
          }
        }
        agenda.push(now.getTime(), { kind: 'review', reviewer: event.reviewer });
        break;
      }
    }
    // Stop once nothing can change any more: every applicant came, every appeal was filed and is final.
    if (pendingArrivals === 0 && pendingAppeals === 0 && (await openAppeals()).length === 0) break;
  }

  const end = clock.now();
  for (const today = businessDateOf(end); lastDay <= today; lastDay = addDays(lastDay, 1)) {
    const open = await openAppeals();
    openByDay.push({
      date: lastDay,
      open: open.length,
      queued: open.filter((o) => o.appeal.status === 'queued').length,
    });
  }
  const simulated: SimulatedAppeal[] = [];
  const all = await appeals.list({
    statuses: ['filed', 'queued', 'in_review', 'pending_approval', 'resolved', 'withdrawn'],
    limit: 1000,
  });
  for (const { appeal, slaBreached } of all) {
    const p = plans.get(appeal.id);
    if (!p) continue;
    const path: SimulatedPath =
      appeal.status === 'withdrawn'
        ? 'withdrawn'
        : appeal.resolution === 'overturned_by_recheck'
          ? 'recheck'
          : appeal.resolution === 'overturned'
            ? 'overturned'
            : appeal.resolution === 'upheld'
              ? 'upheld'
              : 'open';
    simulated.push({
      appealId: appeal.id,
      category: appeal.category,
      reason: p.decision.reasons[0]?.code ?? '',
      fixedFirst: p.fix !== null,
      genuine: p.genuine,
      filedAt: appeal.filedAt,
      resolvedAt: appeal.resolvedAt,
      resolution: appeal.resolution,
      path,
      hours: appeal.resolvedAt ? (appeal.resolvedAt.getTime() - appeal.filedAt.getTime()) / HOUR : null,
      slaBreached,
    });
  }
  simulated.sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime() || a.appealId.localeCompare(b.appealId));
  const resolved = simulated.filter((a) => a.hours !== null && a.path !== 'withdrawn');
  const byPath = { recheck: 0, overturned: 0, upheld: 0, withdrawn: 0, open: 0 } as Record<
    SimulatedPath,
    number
  >;
  const byCategory: Record<string, number> = {};
  for (const a of simulated) {
    byPath[a.path] += 1;
    byCategory[a.category] = (byCategory[a.category] ?? 0) + 1;
  }
  const hoursOf = (path: SimulatedPath) =>
    resolved.filter((a) => a.path === path).map((a) => a.hours as number);
  const breaches = simulated.filter((a) => a.slaBreached).length;
  // The SLA is a promise about people's work: the rate is over the appeals the re-check did not settle.
  const withSla = simulated.filter((a) => a.path !== 'recheck').length;
  const summary: SimulationSummary = {
    applicants: applied,
    outcomes,
    appeals: simulated.length,
    byCategory,
    byPath,
    resolved: resolved.length,
    medianHours: median(resolved.map((a) => a.hours as number)),
    medianHoursByPath: {
      recheck: median(hoursOf('recheck')),
      overturned: median(hoursOf('overturned')),
      upheld: median(hoursOf('upheld')),
    },
    recheckShare: resolved.length === 0 ? null : byPath.recheck / resolved.length,
    overturnRate: resolved.length === 0 ? null : (byPath.recheck + byPath.overturned) / resolved.length,
    slaBreaches: breaches,
    slaBreachRate: withSla === 0 ? null : breaches / withSla,
    serviceStats: await appeals.stats(),
    simulatedDays: Math.ceil((end.getTime() - startMs) / (24 * HOUR)),
  };
  return {
    start: new Date(startMs),
    end,
    appeals: simulated,
    openByDay,
    summary,
    text: summaryText(summary),
  };
}

const pct = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const hrs = (value: number | null) => (value === null ? '-' : `${value.toFixed(1)} h`);

export function summaryText(s: SimulationSummary): string {
  return [
    `applicants ${s.applicants}: ${Object.entries(s.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `appeals ${s.appeals} (${Object.entries(s.byCategory)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
    `resolved ${s.resolved}: by re-check ${s.byPath.recheck}, overturned by a reviewer ${s.byPath.overturned}, upheld ${s.byPath.upheld}; withdrawn ${s.byPath.withdrawn}; open ${s.byPath.open}`,
    `median time to resolution: ${hrs(s.medianHours)} (re-check ${hrs(s.medianHoursByPath.recheck)}, overturned ${hrs(s.medianHoursByPath.overturned)}, upheld ${hrs(s.medianHoursByPath.upheld)})`,
    `share resolved by the re-check: ${pct(s.recheckShare)}; overturn rate ${pct(s.overturnRate)}; SLA breaches ${s.slaBreaches} (${pct(s.slaBreachRate)} of appeals the re-check did not settle)`,
    `service stats agree: median ${hrs(s.serviceStats.medianHoursToResolution.all)}, re-check share ${pct(s.serviceStats.recheckShare)}`,
  ].join('\n');
}
