import { type DataSource, idCheckCharacter, luhnCheckDigit } from '../../identity/index.ts';
import { parseMoney } from '../../platform/money/money.ts';
import { addDays, addMonths, startOfBusinessDate, type LocalDate } from '../../platform/time/local-date.ts';
import {
  type Channel,
  type CustomerEvent,
  type Education,
  type IncomeBand,
  type InquiryKind,
  type Scope,
} from '../../customers/index.ts';

/**
 * A script for one customer's history: a small builder of external events (what sources would send), for
 * the demo's cases and for scenario tests. Times are Shanghai business dates plus an hour of the day, so a
 * script reads like the story it tells. Event ids are `<prefix>-<n>`, stable for a script.
 */
export class CustomerHistory {
  private readonly list: CustomerEvent[] = [];
  private counter = 0;

  constructor(
    readonly customerId: string,
    private readonly prefix = 'script',
  ) {}

  /** The instant `hour:minute` (Asia/Shanghai) on a business date. */
  static at(date: LocalDate, hour = 10, minute = 0): Date {
    return new Date(startOfBusinessDate(date).getTime() + (hour * 60 + minute) * 60_000);
  }

  private base(source: string, occurredAt: Date) {
    this.counter += 1;
    return { eventId: `${this.prefix}-${this.counter}`, customerId: this.customerId, source, occurredAt };
  }

  consent(at: Date, dataSource: DataSource, granted = true): this {
    this.list.push({ ...this.base('app', at), type: 'consent', dataSource, granted });
    return this;
  }

  /** Consent to every external source at once. */
  consentAll(at: Date): this {
    return this.consent(at, 'credit_bureau').consent(at, 'bank_transactions').consent(at, 'social_insurance');
  }

  profile(
    at: Date,
    fields: {
      occupation?: string;
      residenceCity?: string;
      incomeBand?: IncomeBand;
      education?: Education;
      socialInsurance?: boolean;
      housingFund?: boolean;
    },
  ): this {
    this.list.push({ ...this.base('app', at), type: 'profile', ...fields });
    return this;
  }

  payment(at: Date, yuan: string, channel: Channel = 'online', merchantCategory = 'groceries'): this {
    this.list.push({
      ...this.base('bank', at),
      type: 'payment',
      amount: parseMoney(yuan),
      merchantCategory,
      channel,
    });
    return this;
  }

  transfer(at: Date, yuan: string, direction: 'in' | 'out' = 'in'): this {
    this.list.push({ ...this.base('bank', at), type: 'transfer', amount: parseMoney(yuan), direction });
    return this;
  }

  /** `count` payments a month for `months` months ending in the month of `until`, on the 5th, 12th, 19th … */
  monthlySpending(
    until: LocalDate,
    months: number,
    count: number,
    yuan: string,
    channel: Channel = 'online',
  ): this {
    for (let m = months - 1; m >= 0; m -= 1) {
      const month = addMonths(until, -m);
      for (let n = 0; n < count; n += 1) {
        const day = addDays(`${month.slice(0, 8)}01` as LocalDate, 4 + ((7 * n) % 24));
        if (day <= until) this.payment(CustomerHistory.at(day, 19), yuan, channel);
      }
    }
    return this;
  }

  /** A monthly salary on the 10th for `months` months ending in the month of `until`. */
  salary(until: LocalDate, months: number, yuan: string): this {
    for (let m = months - 1; m >= 0; m -= 1) {
      const day = `${addMonths(until, -m).slice(0, 8)}10` as LocalDate;
      if (day <= until) this.transfer(CustomerHistory.at(day, 9), yuan, 'in');
    }
    return this;
  }

  inquiry(at: Date, lender: string, kind: InquiryKind = 'loan_application'): this {
    this.list.push({ ...this.base('bureau', at), type: 'inquiry', lender, kind });
    return this;
  }

  loanOpened(at: Date, scope: Scope, lender: string, loanRef: string, yuan: string): this {
    this.list.push({
      ...this.base(scope === 'here' ? 'ledger' : 'bureau', at),
      type: 'loan_opened',
      scope,
      lender,
      loanRef,
      principal: parseMoney(yuan),
    });
    return this;
  }

  loanClosed(at: Date, scope: Scope, lender: string, loanRef: string): this {
    this.list.push({
      ...this.base(scope === 'here' ? 'ledger' : 'bureau', at),
      type: 'loan_closed',
      scope,
      lender,
      loanRef,
    });
    return this;
  }

  /** One instalment as reported at `reportedAt` (default: the paid date at 20:00, or the day after due). */
  instalment(
    scope: Scope,
    lender: string,
    loanRef: string,
    dueDate: LocalDate,
    paidDate: LocalDate | null,
    yuan: string,
    reportedAt?: Date,
  ): this {
    const at = reportedAt ?? CustomerHistory.at(paidDate ?? addDays(dueDate, 1), 20);
    this.list.push({
      ...this.base(scope === 'here' ? 'ledger' : 'bureau', at),
      type: 'repayment',
      scope,
      lender,
      loanRef,
      dueDate,
      paidDate,
      amount: parseMoney(yuan),
    });
    return this;
  }

  /**
   * A loan with monthly instalments due on the opening day of each following month; `late` maps an
   * instalment number (1-based) to days late, or null for never paid. Only instalments due by `until` are reported.
   */
  loan(
    scope: Scope,
    lender: string,
    loanRef: string,
    opened: LocalDate,
    instalments: number,
    yuan: string,
    until: LocalDate,
    late: Readonly<Record<number, number | null>> = {},
  ): this {
    this.loanOpened(CustomerHistory.at(opened, 11), scope, lender, loanRef, yuan);
    const each = parseMoney(yuan) / BigInt(instalments);
    for (let j = 1; j <= instalments; j += 1) {
      const due = addMonths(opened, j);
      if (due > until) break;
      const lateness = late[j];
      const amount = `${each / 100n}.${String(each % 100n).padStart(2, '0')}`;
      if (lateness === null) this.instalment(scope, lender, loanRef, due, null, amount);
      else if (lateness === undefined || lateness === 0)
        this.instalment(scope, lender, loanRef, due, due, amount);
      else {
        this.instalment(scope, lender, loanRef, due, null, amount);
        const paid = addDays(due, lateness);
        if (paid <= until) this.instalment(scope, lender, loanRef, due, paid, amount);
      }
    }
    return this;
  }

  creditLine(
    at: Date,
    scope: Scope,
    lender: string,
    lineRef: string,
    limitYuan: string,
    balanceYuan: string,
  ): this {
    this.list.push({
      ...this.base(scope === 'here' ? 'ledger' : 'bureau', at),
      type: 'credit_line',
      scope,
      lender,
      lineRef,
      limit: parseMoney(limitYuan),
      balance: parseMoney(balanceYuan),
    });
    return this;
  }

  login(at: Date, success = true): this {
    this.list.push({ ...this.base('app', at), type: 'login', success });
    return this;
  }

  limitView(at: Date): this {
    this.list.push({ ...this.base('app', at), type: 'limit_view' });
    return this;
  }

  /** `count` limit views starting at `from`, one every `everyMinutes` minutes. */
  limitViews(from: Date, count: number, everyMinutes: number): this {
    for (let n = 0; n < count; n += 1) this.limitView(new Date(from.getTime() + n * everyMinutes * 60_000));
    return this;
  }

  deviceChange(at: Date, deviceRef: string): this {
    this.list.push({ ...this.base('app', at), type: 'device_change', deviceRef });
    return this;
  }

  /** The events so far, in the order written (stores sort by time). */
  events(): CustomerEvent[] {
    return [...this.list];
  }

  /** The events that happened by `asOf` (a script may run to the end of the as-of day). */
  eventsUntil(asOf: Date): CustomerEvent[] {
    return this.list.filter((event) => event.occurredAt.getTime() <= asOf.getTime());
  }
}

/** A made-up person for a demo case: identifiers that pass every check, chosen for the sandbox's answers. */
export interface DemoPersona {
  readonly key:
    | 'good'
    | 'low_score'
    | 'unverified_phone'
    | 'thin_file'
    | 'multi_head'
    | 'abnormal_limit_checks'
    | 'new_user';
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  /** Cards to bind before verifying (none: the person stays at L2). */
  readonly cards: readonly string[];
  readonly profile: {
    occupation: string;
    residenceCity: string;
    incomeBand: IncomeBand;
    education: Education;
  };
  readonly story: { readonly zh: string; readonly en: string };
  /** The person's history up to `asOf`, for a customer id assigned at creation. */
  history(customerId: string, asOf: Date): CustomerEvent[];
}

function id(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

function card(payload: string): string {
  return `${payload}${luhnCheckDigit(payload)}`;
}

const day = (asOf: Date, days: number): LocalDate =>
  addDays(new Date(asOf.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) as LocalDate, days);

/**
 * The demo's cases, one person each: a good customer for contrast, a low score (late payments, high
 * utilisation, overdue elsewhere), an unverified phone (sandbox 170 number), a thin file, a multi-head
 * borrower, abnormal limit checking (a hold), and a new user. Histories are relative to `asOf`.
 */
export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    key: 'good',
    externalId: 'demo-good',
    name: '李明',
    idNumber: id('310104', '19880612', '031'),
    phone: '13912345678',
    cards: [card('622588000012345')],
    profile: {
      occupation: 'engineer',
      residenceCity: '上海',
      incomeBand: '20k_50k',
      education: 'master_or_above',
    },
    story: { zh: '按时还款、收入稳定、额度使用低', en: 'pays on time, steady income, low utilisation' },
    history: (customerId, asOf) =>
      new CustomerHistory(customerId, 'good')
        .consentAll(CustomerHistory.at(day(asOf, -720)))
        .salary(day(asOf, 0), 12, '26000.00')
        .monthlySpending(day(asOf, 0), 12, 12, '230.00')
        .loan('elsewhere', 'lender-07', 'car-1', day(asOf, -700), 24, '48000.00', day(asOf, 0))
        .creditLine(
          CustomerHistory.at(day(asOf, -20)),
          'elsewhere',
          'bank-cmb',
          'cc-1',
          '50000.00',
          '4200.00',
        )
        .eventsUntil(asOf),
  },
  {
    key: 'low_score',
    externalId: 'demo-low-score',
    name: '赵强',
    idNumber: id('440305', '19950203', '051'),
    phone: '13612345678',
    cards: [card('622848000012345678')],
    profile: { occupation: 'driver', residenceCity: '深圳', incomeBand: '3k_5k', education: 'high_school' },
    story: {
      zh: '多次逾期、他处有逾期、额度几乎用满',
      en: 'repeatedly late, overdue elsewhere, lines nearly maxed out',
    },
    history: (customerId, asOf) =>
      new CustomerHistory(customerId, 'low')
        .consentAll(CustomerHistory.at(day(asOf, -400)))
        .salary(day(asOf, 0), 6, '4200.00')
        .monthlySpending(day(asOf, 0), 6, 8, '95.00')
        .loan('elsewhere', 'lender-12', 'cash-1', day(asOf, -300), 12, '12000.00', day(asOf, 0), {
          2: 12,
          4: 35,
          6: 20,
          8: null,
          9: null,
        })
        .creditLine(
          CustomerHistory.at(day(asOf, -10)),
          'elsewhere',
          'bank-icbc',
          'cc-1',
          '8000.00',
          '7850.00',
        )
        .eventsUntil(asOf),
  },
  {
    key: 'unverified_phone',
    externalId: 'demo-unverified-phone',
    name: '陈静',
    idNumber: id('510107', '19920917', '062'),
    phone: '17012345678',
    cards: [card('621700000012345678')],
    profile: {
      occupation: 'office_worker',
      residenceCity: '成都',
      incomeBand: '10k_20k',
      education: 'bachelor',
    },
    story: {
      zh: '手机号未登记在本人名下（沙箱：170号段），认证停在L1',
      en: 'the phone is not registered to her (sandbox: 170 numbers), verification stops at L1',
    },
    history: (customerId, asOf) =>
      new CustomerHistory(customerId, 'phone')
        .consentAll(CustomerHistory.at(day(asOf, -200)))
        .salary(day(asOf, 0), 6, '12000.00')
        .monthlySpending(day(asOf, 0), 6, 10, '150.00')
        .eventsUntil(asOf),
  },
  {
    key: 'thin_file',
    externalId: 'demo-thin-file',
    name: '刘洋',
    idNumber: id('420111', '20040308', '071'),
    phone: '15012345678',
    cards: [card('621799000012345678')],
    profile: { occupation: 'student', residenceCity: '武汉', incomeBand: 'lt3k', education: 'college' },
    story: { zh: '几乎没有信用记录与消费记录', en: 'almost no credit or spending history' },
    history: (customerId, asOf) =>
      new CustomerHistory(customerId, 'thin')
        .consentAll(CustomerHistory.at(day(asOf, -40)))
        .payment(CustomerHistory.at(day(asOf, -12), 18), '36.50', 'online')
        .eventsUntil(asOf),
  },
  {
    key: 'multi_head',
    externalId: 'demo-multi-head',
    name: '周杰',
    idNumber: id('330106', '19900521', '013'),
    phone: '18612345678',
    cards: [card('622260000012345678')],
    profile: { occupation: 'sales', residenceCity: '杭州', incomeBand: '5k_10k', education: 'college' },
    story: {
      zh: '近30天向8家机构申请借款（多头借贷）',
      en: 'applied to 8 lenders in the last 30 days (multi-head borrowing)',
    },
    history: (customerId, asOf) => {
      const history = new CustomerHistory(customerId, 'multi')
        .consentAll(CustomerHistory.at(day(asOf, -365)))
        .salary(day(asOf, 0), 12, '8000.00')
        .monthlySpending(day(asOf, 0), 12, 10, '120.00')
        .loan('elsewhere', 'lender-03', 'cash-1', day(asOf, -200), 12, '6000.00', day(asOf, 0));
      for (let n = 0; n < 8; n += 1)
        history.inquiry(CustomerHistory.at(day(asOf, -27 + 3 * n), 21), `lender-${20 + n}`);
      return history.eventsUntil(asOf);
    },
  },
  {
    key: 'abnormal_limit_checks',
    externalId: 'demo-abnormal-limit-checks',
    name: '吴敏',
    idNumber: id('320102', '19870714', '082'),
    phone: '13812340000',
    cards: [card('621661000012345678')],
    profile: { occupation: 'teacher', residenceCity: '南京', incomeBand: '5k_10k', education: 'bachelor' },
    story: {
      zh: '一小时内查看额度15次，触发风险管控',
      en: 'checked the limit 15 times within an hour, which raised a risk hold',
    },
    history: (customerId, asOf) =>
      new CustomerHistory(customerId, 'views')
        .consentAll(CustomerHistory.at(day(asOf, -500)))
        .salary(day(asOf, 0), 12, '9000.00')
        .monthlySpending(day(asOf, 0), 12, 9, '140.00')
        .limitViews(new Date(asOf.getTime() - 3 * 3_600_000), 15, 3)
        .eventsUntil(asOf),
  },
  {
    key: 'new_user',
    externalId: 'demo-new-user',
    name: '孙丽',
    idNumber: id('110108', '19980830', '042'),
    phone: '13512345678',
    cards: [card('621226000012345678')],
    profile: {
      occupation: 'office_worker',
      residenceCity: '北京',
      incomeBand: '10k_20k',
      education: 'bachelor',
    },
    story: { zh: '刚刚开户，在本机构没有历史', en: 'opened the account just now, no history with us' },
    history: (customerId, asOf) =>
      new CustomerHistory(customerId, 'new')
        .consentAll(new Date(asOf.getTime() - 60_000))
        .salary(day(asOf, 0), 6, '15000.00')
        .monthlySpending(day(asOf, 0), 6, 14, '180.00')
        .eventsUntil(asOf),
  },
];
