import type { LocalizedText } from '../platform/i18n/localized.ts';

/**
 * What a copy of one's data holds, section by section (PIPL Art. 45: "everything held about the person").
 * Pure: names, the table each section reads, the key it pages by, which columns are money, which are left
 * out and why. The storage adapter (`export-sources.pg.ts`) reads these; the completeness test checks that
 * every table with a `customer_id` column is here or in `NOT_EXPORTED` with a reason, so a table added later
 * without a decision about the copy fails a test instead of silently missing from it.
 */

/** The JSON document's schema; raised when a field changes meaning or is removed (added fields keep it). */
export const EXPORT_SCHEMA = 'credence.data-export/v1';

/** A section read from one customer table, a page at a time, in key order. */
export interface TableSection {
  /** The key in the JSON document (camelCase). */
  readonly name: string;
  readonly table: string;
  /** Key columns after `customer_id`, in the order pages follow (a unique key of the table). */
  readonly keys: readonly string[];
  /** An extra filter on the rows (fixed SQL, no parameters). */
  readonly where?: string;
  /** Columns holding money in fen: given as yuan (`"12.34"`) with a `…Fen` twin (`"1234"`), as the API does. */
  readonly money?: readonly string[];
  /** Columns left out of the copy, each with the reason (bytes are always left out: files are listed). */
  readonly omit?: Readonly<Record<string, string>>;
  readonly title: LocalizedText;
}

/** Sections in the order they are gathered and written; the identity and features sections come first. */
export const TABLE_SECTIONS: readonly TableSection[] = [
  {
    name: 'consents',
    table: 'customer_events',
    keys: ['occurred_at', 'seq'],
    where: "type = 'consent'",
    omit: { seq: 'arrival order, internal' },
    title: { zh: '授权记录（含历史）', en: 'Consents, with their history' },
  },
  {
    name: 'events',
    table: 'customer_events',
    keys: ['occurred_at', 'seq'],
    omit: { seq: 'arrival order, internal' },
    title: { zh: '数据事件', en: 'Data events' },
  },
  {
    name: 'decisions',
    table: 'decisions',
    keys: ['decided_at', 'id'],
    money: ['limit_amount', 'requested_amount'],
    omit: {
      pd: 'the model probability behind the score (the score and its reasons are given)',
      policy_checksum: 'integrity hash of the policy version, internal',
      model_hash: 'integrity hash of the model, internal',
      policy_document: "the lender's whole policy graph, not the person's data",
      policy_output: "the policy engine's raw output (its result is the outcome, limit, price and reasons)",
      trace: "the policy engine's step-by-step trace, not the person's data",
    },
    title: { zh: '授信决定（含原因与改善建议）', en: 'Credit decisions, with reasons and what you can do' },
  },
  {
    name: 'shadowDecisions',
    table: 'shadow_decisions',
    keys: ['decision_id'],
    money: ['champion_limit', 'limit_amount'],
    omit: {
      champion_pd: 'the model probability behind the score',
      pd: 'the model probability behind the score',
      shadow_policy_checksum: 'integrity hash of the policy version, internal',
      shadow_model_hash: 'integrity hash of the model, internal',
      elapsed_ms: 'how long the trial took, internal',
    },
    title: {
      zh: '试运行的评估（未用于决定）',
      en: 'Trial assessments run beside a decision (not used to decide)',
    },
  },
  {
    name: 'referrals',
    table: 'referral_cases',
    keys: ['created_at', 'id'],
    omit: { claimed_by: "the reviewer's identity", proposal: "a reviewer's working draft" },
    title: { zh: '人工审核', en: 'Reviews by a person' },
  },
  {
    name: 'referralEvents',
    table: 'referral_events',
    keys: ['referral_id', 'seq'],
    omit: { actor: "the reviewer's identity" },
    title: { zh: '人工审核记录', en: 'Review history' },
  },
  {
    name: 'referralNotifications',
    table: 'referral_notifications',
    keys: ['created_at', 'id'],
    title: { zh: '审核结果通知', en: 'Review result messages' },
  },
  {
    name: 'facilities',
    table: 'credit_facilities',
    keys: ['id'],
    money: ['limit_amount', 'used_amount'],
    title: { zh: '授信额度', en: 'Credit limits' },
  },
  {
    name: 'facilityChanges',
    table: 'credit_facility_changes',
    keys: ['facility_id', 'version'],
    money: ['limit_amount'],
    title: { zh: '额度变更', en: 'Changes to limits' },
  },
  {
    name: 'facilityOverrides',
    table: 'credit_facility_overrides',
    keys: ['id'],
    money: ['limit_amount'],
    omit: {
      maker_key_id: "the staff member's key",
      maker_name: "the staff member's name",
      checker_key_id: "the staff member's key",
      checker_name: "the staff member's name",
    },
    title: { zh: '人工调整的额度', en: 'Limits changed by a person' },
  },
  {
    name: 'loans',
    table: 'loans',
    keys: ['id'],
    money: ['principal'],
    title: { zh: '贷款', en: 'Loans' },
  },
  {
    name: 'loanEvents',
    table: 'loan_events',
    keys: ['loan_id', 'seq'],
    money: ['amount'],
    title: { zh: '还款与放款记录', en: 'Repayments and payouts' },
  },
  {
    name: 'creditLines',
    table: 'credit_lines',
    keys: ['id'],
    title: { zh: '循环额度账户', en: 'Credit lines' },
  },
  {
    name: 'lineEvents',
    table: 'credit_line_events',
    keys: ['line_id', 'seq'],
    money: ['amount'],
    title: { zh: '消费、退款、还款与分期', en: 'Purchases, refunds, payments and instalments' },
  },
  {
    name: 'statements',
    table: 'credit_line_statements',
    keys: ['line_id', 'seq'],
    money: [
      'opening_balance',
      'purchases',
      'refunds',
      'payments',
      'fees',
      'interest',
      'instalment_principal',
      'converted',
      'closing_balance',
      'minimum_payment',
      'instalments_not_yet_billed',
    ],
    title: { zh: '账单', en: 'Statements' },
  },
  {
    name: 'lineReviews',
    table: 'credit_line_reviews',
    keys: ['id'],
    money: ['limit_before', 'limit_after'],
    omit: { claim_token: 'a lock of the batch, internal', claimed_until: 'a lock of the batch, internal' },
    title: { zh: '额度复审', en: 'Limit reviews' },
  },
  {
    name: 'lineChanges',
    table: 'credit_line_changes',
    keys: ['line_id', 'seq'],
    title: { zh: '账户变更', en: 'Changes to credit lines' },
  },
  {
    name: 'linePaymentRequests',
    table: 'me_line_payment_requests',
    keys: ['idempotency_key'],
    money: ['requested_amount', 'resolved_amount'],
    title: { zh: '还款请求', en: 'Payment requests' },
  },
  {
    name: 'ledgerAccounts',
    table: 'ledger_accounts',
    keys: ['contract_id', 'kind'],
    money: ['debit_total', 'credit_total', 'balance'],
    title: { zh: '账务科目（您的部分）', en: 'Ledger accounts (yours)' },
  },
  {
    name: 'ledgerJournals',
    table: 'ledger_journals',
    keys: ['id'],
    omit: { created_xact: 'database transaction number, internal' },
    title: { zh: '记账凭证', en: 'Ledger journals' },
  },
  {
    name: 'ledgerPostings',
    table: 'ledger_postings',
    keys: ['journal_id', 'line_no'],
    money: ['amount'],
    title: { zh: '记账分录', en: 'Ledger postings' },
  },
  {
    name: 'appeals',
    table: 'appeals',
    keys: ['id'],
    money: ['amount_at_stake'],
    omit: {
      assignee: "the reviewer's identity",
      proposal: "a reviewer's working draft",
      lease_until: 'a lock of the re-check, internal',
      next_recheck_at: 'a schedule of the re-check, internal',
      recheck_attempts: 'a counter of the re-check, internal',
      resolved_by: "the reviewer's identity",
      filed_by: 'who filed (you, or staff for you): given as the channel in requests',
    },
    title: { zh: '申诉', en: 'Appeals' },
  },
  {
    name: 'appealEvidence',
    table: 'appeal_evidence',
    keys: ['id'],
    omit: {
      content: 'the file itself (listed, not copied; ask for it through the appeal)',
      content_ciphertext: 'the file itself, sealed',
      content_key_id: 'the id of the key that sealed it',
      uploaded_by: 'who uploaded it, internal',
    },
    title: { zh: '申诉材料（仅列出）', en: 'Appeal evidence (listed, not copied)' },
  },
  {
    name: 'appealEvidenceLinks',
    table: 'appeal_evidence_links',
    keys: ['appeal_id', 'evidence_id'],
    title: { zh: '申诉所附材料', en: 'Evidence each appeal cites' },
  },
  {
    name: 'appealEvents',
    table: 'appeal_events',
    keys: ['appeal_id', 'seq'],
    omit: {
      actor: "the reviewer's identity",
      before: "the appeal's stored state before the step, internal",
      after: "the appeal's stored state after the step, internal",
    },
    title: { zh: '申诉处理记录', en: 'Appeal history' },
  },
  {
    name: 'appealNotifications',
    table: 'appeal_notifications',
    keys: ['created_at', 'id'],
    title: { zh: '申诉通知', en: 'Appeal messages' },
  },
  {
    name: 'collectionCases',
    table: 'collection_cases',
    keys: ['opened_on', 'id'],
    money: ['amount_past_due'],
    omit: {
      claimed_by_id: "the collector's identity",
      claimed_by_name: "the collector's identity",
      claimed_at: 'a lock of the call queue, internal',
      claim_expires_at: 'a lock of the call queue, internal',
    },
    title: { zh: '逾期催收案件', en: 'Collection cases (overdue accounts)' },
  },
  {
    name: 'collectionCaseEvents',
    table: 'collection_case_events',
    keys: ['case_id', 'seq'],
    money: ['amount_past_due'],
    title: { zh: '催收案件记录', en: 'Collection case history' },
  },
  {
    name: 'collectionPromises',
    table: 'collection_promises',
    keys: ['created_at', 'id'],
    money: ['amount', 'paid'],
    omit: { made_by_id: "the collector's identity", made_by_name: "the collector's identity" },
    title: { zh: '还款承诺', en: 'Promises to pay' },
  },
  {
    name: 'collectionContacts',
    table: 'collection_contacts',
    keys: ['contacted_at', 'id'],
    omit: {
      by_id: "the collector's identity",
      by_name: "the collector's identity",
      idempotency_key: "the collector's retry key, internal",
    },
    title: { zh: '催收联系记录', en: 'Collection contacts with you' },
  },
  {
    name: 'autoRepayMandates',
    table: 'auto_repay_mandates',
    keys: ['account_id'],
    omit: { processed_through: "the day-end's watermark, internal" },
    title: { zh: '自动还款设置', en: 'Auto-repay settings' },
  },
  {
    name: 'autoRepayConsents',
    table: 'auto_repay_consents',
    keys: ['account_id', 'seq'],
    title: { zh: '自动还款授权记录', en: 'Auto-repay consents (each grant and withdrawal)' },
  },
  {
    name: 'paymentAttempts',
    table: 'payment_attempts',
    keys: ['created_at', 'payment_id'],
    money: ['amount'],
    omit: { provider_calls: 'how often the provider was asked, internal' },
    title: { zh: '自动扣款记录', en: 'Automatic collections from your card' },
  },
  {
    name: 'payouts',
    table: 'payouts',
    keys: ['created_at', 'payout_id'],
    money: ['amount'],
    omit: {
      provider_calls: 'how often the provider was asked, internal',
      idempotency_key: "the requester's retry key, internal",
    },
    title: { zh: '退还到您银行卡的款项', en: 'Money paid back to your card' },
  },
  {
    name: 'hardshipRequests',
    table: 'loan_hardship_requests',
    keys: ['proposed_at', 'id'],
    money: ['money_effect'],
    omit: {
      maker_key_id: "the staff member's key id, internal (their name is given)",
      checker_key_id: "the second person's key id, internal (their name is given)",
    },
    title: { zh: '困难帮扶申请（对您借款的调整）', en: 'Hardship requests (changes to your loan)' },
  },
  {
    name: 'lineHardshipRequests',
    table: 'credit_line_hardship_requests',
    keys: ['proposed_at', 'id'],
    money: ['money_effect'],
    omit: {
      maker_key_id: "the staff member's key id, internal (their name is given)",
      checker_key_id: "the second person's key id, internal (their name is given)",
    },
    title: {
      zh: '困难帮扶申请（对您信用额度的调整）',
      en: 'Hardship requests (changes to your credit line)',
    },
  },
  {
    name: 'notifications',
    table: 'customer_messages',
    keys: ['created_at', 'id'],
    omit: {
      next_attempt_at: 'a schedule of the delivery, internal',
      last_error: "the channel's error, internal",
    },
    title: { zh: '发送给您的通知', en: 'Messages sent to you' },
  },
  {
    name: 'bureauQueries',
    table: 'bureau_queries',
    keys: ['id'],
    omit: {
      request_key: "the asking system's retry key, internal",
      requested_by: 'the internal id of the staff user or key (who asked is given by kind and name)',
    },
    title: {
      zh: '征信查询记录（用途、依据的授权、查询人）',
      en: 'Credit bureau queries (purpose, consent relied on, who asked)',
    },
  },
  {
    name: 'bureauReports',
    table: 'bureau_report_records',
    keys: ['month', 'account_id'],
    money: ['balance', 'overdue_amount'],
    title: { zh: '向征信机构报送的信息', en: 'What was reported to the credit bureau' },
  },
  {
    name: 'bureauNegativeNotices',
    table: 'bureau_negative_notices',
    keys: ['account_id', 'overdue_since'],
    money: ['overdue_amount'],
    title: { zh: '报送逾期信息前的提前告知', en: 'Advance notices before overdue information was reported' },
  },
  {
    name: 'sessions',
    table: 'customer_sessions',
    keys: ['created_at', 'session_id'],
    omit: { token_hash: 'the hash of a sign-in token, a secret' },
    title: { zh: '登录会话', en: 'Sign-in sessions' },
  },
  {
    name: 'requests',
    table: 'data_subject_requests',
    keys: ['requested_at', 'id'],
    omit: {
      requested_by:
        'the staff member or key acting for you (requestedByKind says who: you, staff or the system)',
      decided_by: 'the staff member who decided',
      idempotency_key: "your app's retry key, internal",
    },
    title: { zh: '您的个人信息权利请求', en: 'Your requests about your data' },
  },
  {
    name: 'corrections',
    table: 'data_corrections',
    keys: ['filed_at', 'id'],
    omit: { resolved_by: "the reviewer's identity" },
    title: { zh: '更正与异议', en: 'Corrections and disputes' },
  },
  {
    name: 'copies',
    table: 'data_exports',
    keys: ['created_at', 'id'],
    omit: {
      document: 'the copies themselves',
      summary: 'the copies themselves',
      key_id: 'the id of the key that sealed them',
      requested_by: 'the staff member or key acting for you',
      error: 'internal',
    },
    title: { zh: '此前的副本', en: 'Earlier copies' },
  },
];

/**
 * Tables with a `customer_id` that are not sections, and why. `customers` and `customer_cards` are given by
 * the identity section (decrypted or masked), not as rows.
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  customers: 'given as the identity section (name, ID number, phone, birth date, sex, region, opened)',
  customer_cards: 'given in the identity section (card number, issuer, bound and removed)',
  idempotency_keys:
    'the stored answers of retried commands, kept a short while so a retry acts once; what they did is in the loans, lines and ledger sections',
  customer_data_keys:
    'the wrapped key your identity is sealed under: a secret, not a fact about you (erasing your data destroys it)',
  legal_holds:
    'kept for a legal obligation (a court order, an investigation) that may not be disclosed; an erasure it blocks tells you until when',
};

/** The sections that are not table reads: the identity first, the features as of a date second. */
export const SPECIAL_SECTIONS = {
  identity: { zh: '身份信息', en: 'Identity' },
  features: {
    zh: '评估所用的特征（截至所选日期）',
    en: 'Features used to assess you (as of the date chosen)',
  },
} as const;

/** Steps of a copy: identity, features, every table section, then writing the files. */
export const EXPORT_STEPS = 2 + TABLE_SECTIONS.length + 1;

/** `limit_amount` → `limitAmount`. */
export function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
