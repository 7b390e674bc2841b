import type { LocalizedText } from '../platform/i18n/localized.ts';
import { fen, formatMoney, toDecimalString } from '../platform/money/money.ts';
import { formatPercent, parseRate, toExactRateString } from '../platform/money/rate.ts';
import type { DecisionRecord, DecisionSummary } from './decision.ts';
import type { PrincipalReason } from './principal-reasons.ts';

/**
 * The money of a decision on the wire. One unit per field name across the API: a field named `…Fen` is
 * integer fen, every other money field is yuan as a decimal string — so `requestedAmount` reads back in
 * the unit it was sent in ("8000.00"; it used to come back as "800000" fen), and `limitFen` /
 * `requestedAmountFen` keep the integer fen for clients that want them.
 */
function amounts(record: Pick<DecisionRecord, 'limit' | 'requestedAmount'>) {
  return {
    limit: toDecimalString(record.limit),
    limitFen: record.limit.toString(),
    requestedAmount: record.requestedAmount === null ? null : toDecimalString(record.requestedAmount),
    requestedAmountFen: record.requestedAmount === null ? null : record.requestedAmount.toString(),
  };
}

/**
 * What the API and the CLI show of a decision: plain JSON (money as above, rates as exact decimal
 * strings), never a database row. The evidence (facts, trace, policy document) is shown only when asked
 * for.
 */
export function decisionView(record: DecisionRecord, options: { evidence?: boolean } = {}) {
  const reasons = (overrideReasons(record) ?? record.reasons).map((reason) => ({
    code: reason.code,
    kind: reason.kind,
    text: reason.text,
    params: reason.params,
  }));
  return {
    decisionId: record.id,
    customerId: record.customerId,
    kind: record.kind,
    linkedTo: record.linkedTo,
    product: record.productCode,
    productType: record.productType,
    outcome: record.outcome,
    ...amounts(record),
    apr: record.apr === null ? null : toExactRateString(record.apr),
    dailyRate: record.dailyRate === null ? null : toExactRateString(record.dailyRate),
    score: record.score,
    subScores: record.subScores,
    reasons,
    // An override's own record carries the reasons and plan of the decision it overturned (its replay
    // re-derives them): they are shown as history under `overridden`, never as this decision's.
    recourse: record.override ? null : record.recourse,
    overridden: record.override
      ? {
          decisionId: record.override.overrides,
          reasons: record.reasons.map((reason) => ({
            code: reason.code,
            kind: reason.kind,
            text: reason.text,
            params: reason.params,
          })),
          recourse: record.recourse,
        }
      : null,
    policyVersion: record.policyVersionId,
    modelVersion: record.modelVersion,
    arm: record.arm,
    legalCap: record.legalCap,
    fault: record.fault,
    override: record.override,
    facilityChange: record.facilityChange,
    decidedAt: record.decidedAt.toISOString(),
    decisionDate: record.decisionDate,
    ...(options.evidence
      ? {
          evidence: {
            modelHash: record.modelHash,
            policyChecksum: record.policyChecksum,
            facts: record.facts,
            scorecardRow: record.scorecardRow,
            policyDocument: record.policyDocument,
            policyOutput: record.policyOutput,
            trace: record.trace,
          },
        }
      : {}),
  };
}

export function decisionSummaryView(summary: DecisionSummary) {
  return {
    decisionId: summary.id,
    customerId: summary.customerId,
    kind: summary.kind,
    linkedTo: summary.linkedTo,
    product: summary.productCode,
    outcome: summary.outcome,
    ...amounts(summary),
    apr: summary.apr === null ? null : toExactRateString(summary.apr),
    score: summary.score,
    reasonCodes: summary.reasons.map((reason) => reason.code),
    policyVersion: summary.policyVersionId,
    modelVersion: summary.modelVersion,
    arm: summary.arm,
    decidedAt: summary.decidedAt.toISOString(),
  };
}

/** What the customer's text and the CLI's header read of a decision: a record, or a view read back. */
export type CustomerTextInput = Pick<
  DecisionRecord,
  | 'id'
  | 'productCode'
  | 'score'
  | 'modelVersion'
  | 'policyVersionId'
  | 'arm'
  | 'outcome'
  | 'limit'
  | 'apr'
  | 'dailyRate'
  | 'reasons'
  | 'recourse'
> & {
  /** Set on a person's override: its reasons and plan are then not the customer's to read (see below). */
  readonly override?: DecisionRecord['override'];
};

/** A decision's view (as the API answers it) read back for the customer's text. */
export function customerTextInputOfView(view: DecisionView): CustomerTextInput {
  return {
    id: view.decisionId,
    productCode: view.product,
    score: view.score,
    modelVersion: view.modelVersion,
    policyVersionId: view.policyVersion,
    arm: view.arm,
    outcome: view.outcome,
    limit: fen(BigInt(view.limitFen)),
    apr: view.apr === null ? null : parseRate(view.apr),
    dailyRate: view.dailyRate === null ? null : parseRate(view.dailyRate),
    reasons: view.reasons as DecisionRecord['reasons'],
    recourse: view.recourse,
    override: view.override as DecisionRecord['override'],
  };
}

export type DecisionView = ReturnType<typeof decisionView>;

const HEADLINES: Readonly<Record<DecisionRecord['outcome'], LocalizedText>> = {
  approved: { zh: '审批通过', en: 'Approved' },
  declined: { zh: '暂未通过', en: 'Not approved for now' },
  referred: { zh: '转人工审核', en: 'Passed to a person for review' },
};

/**
 * The decision as the customer would read it, in one language: the headline, the limit and price, the
 * reasons in order, and what to do about it.
 */
export function customerText(record: CustomerTextInput, locale: 'zh' | 'en'): string {
  const lines: string[] = [];
  const money = (fen: bigint) => formatMoney(fen as never, locale === 'zh' ? 'zh-CN' : 'en');
  lines.push(HEADLINES[record.outcome][locale]);
  if (record.outcome === 'approved' && record.apr && record.dailyRate) {
    lines.push(
      locale === 'zh'
        ? `  额度 ${money(record.limit)}，年化利率 ${formatPercent(record.apr, 2)}（日利率 ${formatPercent(record.dailyRate, 3)}）`
        : `  Limit ${money(record.limit)} at ${formatPercent(record.apr, 2)} a year (${formatPercent(record.dailyRate, 3)} a day)`,
    );
  }
  // An override speaks for itself: the reasons and plan its record carries are those of the decision it
  // overturned, and reading them under "Approved" would contradict the headline.
  const reasons = overrideReasons(record) ?? record.reasons;
  if (reasons.length > 0) {
    lines.push(locale === 'zh' ? '  原因：' : '  Why:');
    reasons.forEach((reason, index) => lines.push(`    ${index + 1}. ${reason.text[locale]}`));
  }
  const recourse = record.override ? null : record.recourse;
  if (recourse && recourse.status === 'plan') {
    lines.push(locale === 'zh' ? '  您可以这样做：' : '  What you can do:');
    for (const action of recourse.actions) lines.push(`    - ${action.text[locale]}`);
  } else if (recourse && recourse.status === 'none' && recourse.text) {
    lines.push(`  ${recourse.text[locale]}`);
  }
  if (record.override) {
    const replaced = record.override.overrides;
    lines.push(
      locale === 'zh' ? `  本决定取代此前的决定 ${replaced}。` : `  This replaces decision ${replaced}.`,
    );
  }
  return lines.join('\n');
}

/** What a person's decision on an appeal says to the customer, by its outcome. */
const OVERTURNED: Readonly<Record<DecisionRecord['outcome'], LocalizedText>> = {
  approved: {
    zh: '经人工复核您的申诉，原决定已更改为批准。',
    en: 'A person reviewed your appeal and changed the earlier decision to an approval.',
  },
  declined: {
    zh: '经人工复核您的申诉，目前仍无法批准。',
    en: 'A person reviewed your appeal; we still cannot approve it for now.',
  },
  referred: {
    zh: '您的申诉正在人工复核中，我们会通知您结果。',
    en: 'A person is reviewing your appeal; we will let you know the result.',
  },
};

/**
 * The customer's reasons of a person's decision, or null for any other decision: a manual review's own
 * reasons (the decline's catalogue reasons, the approval's), or on an appeal's override the one reason
 * that a person decided.
 */
function overrideReasons(
  record: Pick<DecisionRecord, 'outcome'> & { readonly override?: DecisionRecord['override'] },
): PrincipalReason[] | null {
  if (!record.override) return null;
  if (record.override.reasons) return [...record.override.reasons];
  return [
    {
      code: 'DECISION_OVERTURNED',
      kind: 'review',
      params: { overrides: record.override.overrides },
      text: OVERTURNED[record.outcome],
    },
  ];
}
