import { eventToWire, type CustomerEvent, type CustomerService } from '../../customers/index.ts';
import { CustomerHistory, DEMO_PERSONAS, type DemoPersona } from '../personas/customer-history.ts';
import { luhnCheckDigit, idCheckCharacter } from '../../identity/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { addDays, businessDateOf, parseLocalDate, type LocalDate } from '../../platform/time/local-date.ts';
import type { LendingSettings, RiskAppetite } from '../../policy/index.ts';

/**
 * The demo's cases — each a question users of such products keep asking — as scripted customers created
 * through the real use cases: a clean approval, a low score, an unverified phone, a thin file, multi-head
 * borrowing, abnormal limit checking (a risk hold), a tightened policy, a new user with a low first limit,
 * and an outage. Five come from the customers context's personas; the other four are scripted here, tuned
 * to the demo scorecard (`trainDemoScorecard`, 4,000 customers, seed 1) so each lands where its story says.
 */

export type DemoCaseKey =
  | 'clean_approval'
  | 'low_score'
  | 'unverified_phone'
  | 'thin_file'
  | 'multi_head'
  | 'abnormal_limit_checks'
  | 'tightened_policy'
  | 'new_user_first_limit'
  | 'outage';

export interface DemoCase extends Omit<DemoPersona, 'key'> {
  readonly key: DemoCaseKey;
  /** What the decision shows, for the README and the start-up listing. */
  readonly shows: { readonly zh: string; readonly en: string };
  /** The product whose decision tells the story best (default `cash_loan`). */
  readonly product?: 'cash_loan' | 'credit_line';
}

function idNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

function cardNumber(payload: string): string {
  return `${payload}${luhnCheckDigit(payload)}`;
}

const day = (asOf: Date, days: number): LocalDate => addDays(businessDateOf(asOf), days);

function persona(key: DemoPersona['key']): DemoPersona {
  const found = DEMO_PERSONAS.find((p) => p.key === key);
  if (!found) throw new AppError('INTERNAL', `no demo persona ${key}`);
  return found;
}

/** An established borrower: two loans elsewhere repaid on time, low utilisation, steady high income. */
function establishedHistory(
  customerId: string,
  asOf: Date,
  prefix: string,
  options: { salary: string; spend: string; balance: string; housingFund: boolean },
): CustomerEvent[] {
  return new CustomerHistory(customerId, prefix)
    .consentAll(CustomerHistory.at(day(asOf, -730)))
    .profile(CustomerHistory.at(day(asOf, -730)), {
      socialInsurance: true,
      housingFund: options.housingFund,
    })
    .salary(day(asOf, 0), 12, options.salary)
    .monthlySpending(day(asOf, 0), 12, 12, options.spend)
    .loan('elsewhere', 'lender-05', 'car-1', day(asOf, -420), 24, '48000.00', day(asOf, 0))
    .loan('elsewhere', 'lender-09', 'home-reno-1', day(asOf, -390), 24, '36000.00', day(asOf, 0))
    .creditLine(
      CustomerHistory.at(day(asOf, -15)),
      'elsewhere',
      'bank-cmb',
      'cc-1',
      '60000.00',
      options.balance,
    )
    .eventsUntil(asOf);
}

const shows = (zh: string, en: string) => ({ zh, en });

export const DEMO_CASES: readonly DemoCase[] = [
  {
    key: 'clean_approval',
    externalId: 'demo-clean-approval',
    name: '王芳',
    idNumber: idNumber('310104', '19860415', '024'),
    phone: '13918765432',
    cards: [cardNumber('622588000076543')],
    profile: {
      occupation: 'doctor',
      residenceCity: '上海',
      incomeBand: 'gt50k',
      education: 'master_or_above',
    },
    story: {
      zh: '两笔他处贷款按时还款、在本机构按时还款满一年、额度使用很低、收入稳定',
      en: 'two loans elsewhere repaid on time, a year of on-time repayments with us, very low utilisation, steady income',
    },
    shows: shows('直接通过：额度与利率，无需理由', 'approved: a limit and a price, nothing to explain'),
    history: (customerId, asOf) => [
      ...establishedHistory(customerId, asOf, 'demo-clean', {
        salary: '55000.00',
        spend: '600.00',
        balance: '3000.00',
        housingFund: true,
      }),
      // Twelve instalments repaid on time here within the last 12 months, whatever the day of the month:
      // opened 380 days ago, its due dates fall about 350 … 15 days ago (13 months ago put one on the
      // window's edge, and on some days of the month the customer had 11 and was back on the ramp).
      ...new CustomerHistory(customerId, 'demo-clean-here')
        .loan('here', 'credence', 'cash-1', day(asOf, -380), 24, '24000.00', day(asOf, 0))
        .eventsUntil(asOf),
    ],
  },
  {
    ...persona('low_score'),
    key: 'low_score',
    story: {
      zh: '多次逾期、他处有逾期、额度几乎用满，近半年四处申请借款',
      en: 'repeatedly late, overdue elsewhere, lines nearly maxed out, and applying for credit everywhere',
    },
    shows: shows(
      '拒绝：他处逾期、评分低于要求，附评分扣分项',
      'declined: overdue elsewhere, score below the cut-off, with the score factors',
    ),
    history: (customerId, asOf) => {
      const applications = new CustomerHistory(customerId, 'demo-low-score-apps');
      // Eight applications in half a year, three of them in the last 30 days (below the multi-head limit).
      for (const [n, daysAgo] of [170, 140, 110, 80, 50, 25, 12, 4].entries())
        applications.inquiry(CustomerHistory.at(day(asOf, -daysAgo), 19), `lender-${40 + n}`);
      return [...persona('low_score').history(customerId, asOf), ...applications.eventsUntil(asOf)];
    },
  },
  {
    ...persona('unverified_phone'),
    key: 'unverified_phone',
    shows: shows('拒绝：实名认证等级不足', 'declined: identity verification below the product’s level'),
  },
  {
    ...persona('thin_file'),
    key: 'thin_file',
    shows: shows('拒绝：信用记录太短（以及评分）', 'declined: too little history (and the score)'),
  },
  {
    key: 'multi_head',
    externalId: 'demo-multi-head-applicant',
    name: '周磊',
    idNumber: idNumber('330106', '19900612', '013'),
    phone: '18698765432',
    cards: [cardNumber('622260000098765432')],
    profile: { occupation: 'sales', residenceCity: '上海', incomeBand: 'gt50k', education: 'bachelor' },
    story: {
      zh: '信用良好，但近30天向7家机构申请了借款（多头借贷）',
      en: 'a good record, but applied to 7 lenders in the last 30 days (multi-head borrowing)',
    },
    shows: shows(
      '拒绝：近30天申请过多（多头借贷），附何时可再申请',
      'declined: too many applications in 30 days (multi-head), with the date to wait until',
    ),
    product: 'credit_line',
    history: (customerId, asOf) => {
      const events = establishedHistory(customerId, asOf, 'demo-multi-head', {
        salary: '52000.00',
        spend: '600.00',
        balance: '3000.00',
        housingFund: true,
      });
      const applications = new CustomerHistory(customerId, 'demo-multi-head-apps');
      for (let n = 0; n < 7; n += 1)
        applications.inquiry(CustomerHistory.at(day(asOf, -25 + 3 * n), 21), `lender-${30 + n}`);
      return [...events, ...applications.eventsUntil(asOf)];
    },
  },
  {
    ...persona('abnormal_limit_checks'),
    key: 'abnormal_limit_checks',
    shows: shows(
      '拒绝：频繁查看额度触发风险保护，附解除日期',
      'declined: a risk hold after abnormal limit checking, with the date it lifts',
    ),
  },
  {
    key: 'tightened_policy',
    externalId: 'demo-tightened-policy',
    name: '郑伟',
    idNumber: idNumber('330106', '19890220', '035'),
    phone: '13757654321',
    cards: [cardNumber('622260000076543210')],
    profile: {
      occupation: 'engineer',
      residenceCity: '杭州',
      incomeBand: 'gt50k',
      education: 'master_or_above',
    },
    story: {
      zh: '信用卡额度几乎用满、近半年申请过几次借款：评分达到平时的门槛，但未达到收紧后的门槛',
      en: 'a card nearly maxed out and a few applications this half-year: a score that clears the usual cut-off but not the tightened one',
    },
    shows: shows(
      '拒绝：授信政策收紧（风险偏好自2026-11-01上调门槛）',
      'declined: the policy was tightened (risk appetite raised the cut-off from 2026-11-01)',
    ),
    history: (customerId, asOf) => {
      const applications = new CustomerHistory(customerId, 'demo-tightened-apps');
      // Four applications in half a year, one of them in the last 30 days.
      for (const [n, daysAgo] of [160, 120, 75, 20].entries())
        applications.inquiry(CustomerHistory.at(day(asOf, -daysAgo), 20), `lender-${50 + n}`);
      return [
        // No housing fund and ¥600 a payment: a score of 612 on every day of the year, in the middle of
        // the band the tightening opens (600–629). With ¥480 the year's spending straddled a bin edge of
        // the model, and on some days of the month the score fell to 597, below even the usual cut-off.
        ...establishedHistory(customerId, asOf, 'demo-tightened', {
          salary: '52000.00',
          spend: '600.00',
          balance: '55000.00',
          housingFund: false,
        }),
        ...applications.eventsUntil(asOf),
      ];
    },
  },
  {
    key: 'new_user_first_limit',
    externalId: 'demo-new-user-first-limit',
    name: '孙悦',
    idNumber: idNumber('440305', '19960912', '046'),
    phone: '15889765432',
    cards: [cardNumber('621226000076543210')],
    profile: {
      occupation: 'designer',
      residenceCity: '深圳',
      incomeBand: '20k_50k',
      education: 'bachelor',
    },
    story: {
      zh: '刚开户的新用户：收入和消费良好，但在本机构没有还款记录',
      en: 'a new customer with good income and spending but no repayment record with us yet',
    },
    shows: shows(
      '通过，但首次额度较低（新用户额度爬坡），附按时还款提额计划',
      'approved with a low first limit (new-user ramp), with how on-time repayments raise it',
    ),
    history: (customerId, asOf) =>
      new CustomerHistory(customerId, 'demo-first-limit')
        .consentAll(new Date(asOf.getTime() - 60_000))
        .profile(new Date(asOf.getTime() - 60_000), { socialInsurance: true, housingFund: true })
        .salary(day(asOf, 0), 6, '22000.00')
        // ¥700 a payment: the months' spending stays within one bin of the model on every day of the month.
        .monthlySpending(day(asOf, 0), 6, 14, '700.00')
        .creditLine(
          CustomerHistory.at(day(asOf, -20)),
          'elsewhere',
          'bank-icbc',
          'cc-1',
          '30000.00',
          '1500.00',
        )
        .eventsUntil(asOf),
  },
  {
    key: 'outage',
    externalId: 'demo-outage',
    name: '钱进',
    idNumber: idNumber('320102', '19910305', '057'),
    // Sandbox test value: phones starting 174 make the identity provider time out (PROVIDER_UNAVAILABLE).
    phone: '17412345678',
    cards: [cardNumber('621661000076543210')],
    profile: {
      occupation: 'accountant',
      residenceCity: '南京',
      incomeBand: '10k_20k',
      education: 'bachelor',
    },
    story: {
      zh: '核验手机号时身份核验服务超时（沙箱：174号段）',
      en: 'the identity provider timed out while checking the phone (sandbox: 174 numbers)',
    },
    shows: shows(
      '转人工：系统暂时故障（SYSTEM_UNAVAILABLE），这不是拒绝',
      'referred: a temporary technical fault (SYSTEM_UNAVAILABLE), not a decline',
    ),
    history: (customerId, asOf) =>
      new CustomerHistory(customerId, 'demo-outage')
        .consentAll(CustomerHistory.at(day(asOf, -300)))
        .salary(day(asOf, 0), 10, '14000.00')
        .monthlySpending(day(asOf, 0), 10, 10, '200.00')
        .eventsUntil(asOf),
  },
];

/** The demo's dated risk-appetite tightening: cut-offs 30 points higher from 2026-11-01 (a downturn). */
export const DEMO_TIGHTENING: RiskAppetite = {
  effectiveFrom: parseLocalDate('2026-11-01'),
  name: 'downturn-2026-11',
  cutoffRaise: 30,
  limitScale: parseRate('1'),
  note: 'Demo: credit tightened in a downturn; cut-offs raised by 30 points.',
};

/** The settings the demo adds to the defaults: only the tightening. */
export const DEMO_SETTINGS: LendingSettings = {
  products: [],
  legalRateCaps: [],
  riskAppetite: [DEMO_TIGHTENING],
  assignments: [],
};

/** Event types whose effect fades within days (holds, application counts): refreshed on a later start. */
const SHORT_LIVED = new Set<string>(['limit_view', 'inquiry', 'device_change', 'login']);

export interface SeededCase {
  readonly key: DemoCaseKey;
  readonly customerId: string;
  readonly level: number;
}

/**
 * Creates the demo's cases through the real use cases (verification through the configured provider, PII
 * encrypted). Resumable, so a start killed half-way leaves nothing a later start cannot finish: every step
 * is idempotent or checked — the customer is created or found by external id, each card bound once,
 * verification run again only when it does not cover the cards bound (or never ran), and the history
 * ingested by stable event ids in one batch (all of it or none). A later start after a complete seeding
 * adds nothing of the scripts but refreshes their short-lived causes (below).
 */
export async function seedDemoCases(
  customers: Pick<
    CustomerService,
    'createCustomer' | 'addCard' | 'verify' | 'ingestEvents' | 'getCustomer' | 'getSnapshot'
  >,
  asOf: Date,
  cases: readonly DemoCase[] = DEMO_CASES,
): Promise<SeededCase[]> {
  const seeded: SeededCase[] = [];
  for (const demo of cases) {
    const { customer, created } = await customers.createCustomer({
      externalId: demo.externalId,
      name: demo.name,
      idNumber: demo.idNumber,
      phone: demo.phone,
      profile: demo.profile,
    });
    const customerId = customer.customerId;
    for (const card of demo.cards) await customers.addCard(customerId, card);
    const level = await verifiedLevel(customers, customerId, created);
    const report = await customers.ingestEvents(
      demo.history(customerId, asOf).map((event) => eventToWire(event)),
    );
    if (created && report.rejected.length > 0) {
      throw new AppError(
        'INTERNAL',
        `demo case ${demo.key}: event ${report.rejected[0]?.index} refused: ${report.rejected[0]?.reason}`,
      );
    }
    if (!created && report.rejected.length > 0) {
      // The history was written at an earlier start (its events, relative to that start, keep their ids
      // and differ in content now). Replay the last three days of the script under dated event ids, so
      // short-lived causes (a risk hold, recent applications) are still in force; everything older stays
      // as first written. (No rejection at all: the earlier start stopped before the history, which is
      // now written in full.)
      const since = asOf.getTime() - 3 * 86_400_000;
      const stamp = businessDateOf(asOf);
      const recent = demo
        .history(customerId, asOf)
        .filter((event) => event.occurredAt.getTime() > since && SHORT_LIVED.has(event.type))
        .map((event) => eventToWire({ ...event, eventId: `${event.eventId}@${stamp}` }));
      if (recent.length > 0) await customers.ingestEvents(recent);
    }
    seeded.push({ key: demo.key, customerId, level });
  }
  return seeded;
}

/**
 * The customer's verification level, verifying first when it does not cover the cards bound: on the
 * first seeding (cards are bound after the verification creation runs), or when an earlier start stopped
 * between binding a card and verifying.
 */
async function verifiedLevel(
  customers: Pick<CustomerService, 'verify' | 'getCustomer' | 'getSnapshot'>,
  customerId: string,
  created: boolean,
): Promise<number> {
  const { verification } = await customers.getSnapshot(customerId);
  const { cards } = await customers.getCustomer(customerId);
  const lastCard = Math.max(...cards.map((card) => card.addedAt.getTime()));
  const stale = created || verification.verifiedAt === null || verification.verifiedAt.getTime() < lastCard;
  return stale ? (await customers.verify(customerId)).level : verification.level;
}
