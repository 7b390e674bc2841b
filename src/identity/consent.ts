/**
 * Consent to data sources. A customer authorises the lender to read each external source separately; a
 * feature that reads a source returns nothing (null) unless consent was in force at the as-of instant —
 * not at the time of the event, and not now. Data the lender holds by contract — its own loans, repayments,
 * cards, verification results, and the security log of its own app (logins, limit views, device changes) —
 * needs no separate consent.
 */
export const DATA_SOURCES = ['credit_bureau', 'bank_transactions', 'social_insurance'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export function isDataSource(value: unknown): value is DataSource {
  return typeof value === 'string' && (DATA_SOURCES as readonly string[]).includes(value);
}

/** What each source covers, for people (API docs, consent screens). */
export const DATA_SOURCE_DESCRIPTIONS: Readonly<Record<DataSource, { zh: string; en: string }>> = {
  credit_bureau: {
    zh: '征信及其他机构的借贷记录：查询、他处贷款、他处还款与额度使用',
    en: 'credit reports and other lenders: inquiries, loans, repayments and credit lines elsewhere',
  },
  bank_transactions: {
    zh: '银行卡交易：消费与转账（含收入估计）',
    en: 'bank card transactions: spending and transfers (including the income estimate)',
  },
  social_insurance: { zh: '社保与公积金缴存状态', en: 'social insurance and housing fund contributions' },
};

/** One grant or withdrawal, as recorded. */
export interface ConsentChange {
  readonly dataSource: DataSource;
  readonly granted: boolean;
  readonly at: Date;
}

/** The state of one source at an instant: granted since, or not granted. */
export interface ConsentState {
  readonly dataSource: DataSource;
  readonly granted: boolean;
  /** When the state in force began (the last change at or before the instant), null if never recorded. */
  readonly since: Date | null;
}

/**
 * The consent in force for every source at `asOf`: the last change at or before it wins (changes at the
 * same instant: the later in the list). A withdrawal takes effect at its instant.
 */
export function consentsAt(changes: Iterable<ConsentChange>, asOf: Date): ConsentState[] {
  const asOfMs = asOf.getTime();
  const latest = new Map<DataSource, ConsentChange>();
  for (const change of changes) {
    const at = change.at.getTime();
    if (at > asOfMs) continue;
    const previous = latest.get(change.dataSource);
    if (!previous || previous.at.getTime() <= at) latest.set(change.dataSource, change);
  }
  return DATA_SOURCES.map((dataSource) => {
    const change = latest.get(dataSource);
    return { dataSource, granted: change?.granted ?? false, since: change?.at ?? null };
  });
}
