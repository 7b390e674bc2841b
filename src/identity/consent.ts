/**
 * Consent: what a customer allows the lender to do with their data, and for what purpose (PIPL Art. 14:
 * consent is given for a purpose, informed by a notice). A consent names
 *
 * - its **purpose**: `credit_assessment` (reading a data source to decide about credit), `marketing`
 *   (offers), `bureau_query` (asking a credit bureau for the person's report), `bureau_reporting` (reporting
 *   the person's accounts with the lender to a bureau);
 * - for `credit_assessment` only, the **data source** it covers: the person may let the lender read their
 *   bank transactions and not their social insurance. The other purposes are uses of one thing (the bureau
 *   report, the lender's own records, the person's contact details), so a source would add nothing there —
 *   that is why the model is "purpose, and a source where the purpose reads several": a full purpose ×
 *   source grid would ask people questions with no meaning ("marketing × social insurance");
 * - the **notice version** the person accepted (a versioned text, see `consent-notices.ts`) and when.
 *
 * A feature that reads a source returns nothing (null) unless `credit_assessment` consent for that source
 * was in force at the as-of instant — not at the time of the event, and not now. A withdrawal takes effect at
 * its instant: decisions before it keep what they used, decisions after it do without. Data the lender holds
 * by contract — its own loans, repayments, cards, verification results, and the security log of its own app
 * (logins, limit views, device changes) — needs no separate consent.
 *
 * Events recorded before purposes existed (`{dataSource, granted}`) are `credit_assessment` consents for
 * that source with no notice version (`noticeVersion: null`, shown as "before versioned notices").
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

export const CONSENT_PURPOSES = [
  'credit_assessment',
  'marketing',
  'bureau_query',
  'bureau_reporting',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export function isConsentPurpose(value: unknown): value is ConsentPurpose {
  return typeof value === 'string' && (CONSENT_PURPOSES as readonly string[]).includes(value);
}

/** The purpose a legacy `{dataSource, granted}` consent stands for. */
export const LEGACY_PURPOSE: ConsentPurpose = 'credit_assessment';

/** What each purpose allows, for people. */
export const PURPOSE_DESCRIPTIONS: Readonly<Record<ConsentPurpose, { zh: string; en: string }>> = {
  credit_assessment: {
    zh: '用所选数据来源评估授信：是否批准、额度与利率',
    en: 'use the chosen data source to decide about credit: approval, limit and rate',
  },
  marketing: { zh: '向您发送产品与优惠信息', en: 'send you offers and product news' },
  bureau_query: {
    zh: '向征信机构查询您的信用报告',
    en: 'ask a credit bureau for your credit report',
  },
  bureau_reporting: {
    zh: '向征信机构报送您在本机构的借款与还款情况',
    en: 'report your loans and repayments with us to a credit bureau',
  },
};

/** Whether a purpose is given per data source (only `credit_assessment` is). */
export function purposeNeedsSource(purpose: ConsentPurpose): boolean {
  return purpose === 'credit_assessment';
}

/** One grant or withdrawal, as recorded. */
export interface ConsentChange {
  readonly dataSource: DataSource;
  readonly granted: boolean;
  readonly at: Date;
  /** The consent event (`source/eventId`) that recorded it, when known. */
  readonly eventRef?: string;
  /** The notice version accepted with a grant; null for legacy grants and for withdrawals. */
  readonly noticeVersion?: number | null;
}

/** The state of one source at an instant: granted since, or not granted. */
export interface ConsentState {
  readonly dataSource: DataSource;
  readonly granted: boolean;
  /** When the state in force began (the last change at or before the instant), null if never recorded. */
  readonly since: Date | null;
  /** The event that put the state in force (`source/eventId`), null if never recorded or not known. */
  readonly eventRef: string | null;
  /** The notice version of the grant in force; null when not granted or granted before versioned notices. */
  readonly noticeVersion: number | null;
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
    return {
      dataSource,
      granted: change?.granted ?? false,
      since: change?.at ?? null,
      eventRef: change?.eventRef ?? null,
      noticeVersion: change?.granted ? (change.noticeVersion ?? null) : null,
    };
  });
}

/** A consent with its purpose as recorded (a grant or a withdrawal), for histories and purpose checks. */
export interface PurposeConsentChange {
  readonly eventRef: string;
  readonly purpose: ConsentPurpose;
  /** The source for `credit_assessment`; null for the other purposes. */
  readonly dataSource: DataSource | null;
  readonly granted: boolean;
  readonly at: Date;
  /** The notice version accepted with a grant; null for a withdrawal or a legacy grant. */
  readonly noticeVersion: number | null;
  /** SHA-256 of the notice text accepted (hex), null when no notice version. */
  readonly noticeHash: string | null;
}

/** The consent in force for one purpose (and source) at an instant, or undefined when none is. */
export function purposeConsentAt(
  changes: Iterable<PurposeConsentChange>,
  purpose: ConsentPurpose,
  asOf: Date,
  dataSource: DataSource | null = null,
): PurposeConsentChange | undefined {
  const asOfMs = asOf.getTime();
  let latest: PurposeConsentChange | undefined;
  for (const change of changes) {
    if (change.purpose !== purpose || change.dataSource !== dataSource) continue;
    const at = change.at.getTime();
    if (at > asOfMs) continue;
    if (!latest || latest.at.getTime() <= at) latest = change;
  }
  return latest?.granted ? latest : undefined;
}

/** The purpose and source of a stored consent payload: legacy payloads are `credit_assessment` × source. */
export function purposeOfPayload(payload: Readonly<Record<string, unknown>>): {
  purpose: ConsentPurpose;
  dataSource: DataSource | null;
} {
  const purpose = isConsentPurpose(payload.purpose) ? payload.purpose : LEGACY_PURPOSE;
  const dataSource = isDataSource(payload.dataSource) ? payload.dataSource : null;
  return { purpose, dataSource: purposeNeedsSource(purpose) ? dataSource : null };
}
