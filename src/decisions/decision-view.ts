import type { LocalizedText } from '../platform/i18n/localized.ts';
import { fen, formatMoney } from '../platform/money/money.ts';
import { formatPercent, parseRate, toExactRateString } from '../platform/money/rate.ts';
import type { DecisionRecord, DecisionSummary } from './decision.ts';

/**
 * What the API and the CLI show of a decision: plain JSON (amounts as integer-fen strings, rates as exact
 * decimal strings), never a database row. The evidence (facts, trace, policy document) is shown only when
 * asked for.
 */
export function decisionView(record: DecisionRecord, options: { evidence?: boolean } = {}) {
  return {
    decisionId: record.id,
    customerId: record.customerId,
    kind: record.kind,
    linkedTo: record.linkedTo,
    product: record.productCode,
    productType: record.productType,
    outcome: record.outcome,
    limit: record.limit.toString(),
    requestedAmount: record.requestedAmount === null ? null : record.requestedAmount.toString(),
    apr: record.apr === null ? null : toExactRateString(record.apr),
    dailyRate: record.dailyRate === null ? null : toExactRateString(record.dailyRate),
    score: record.score,
    subScores: record.subScores,
    reasons: record.reasons.map((reason) => ({
      code: reason.code,
      kind: reason.kind,
      text: reason.text,
      params: reason.params,
    })),
    recourse: record.recourse,
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
    limit: summary.limit.toString(),
    requestedAmount: summary.requestedAmount === null ? null : summary.requestedAmount.toString(),
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
>;

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
    limit: fen(BigInt(view.limit)),
    apr: view.apr === null ? null : parseRate(view.apr),
    dailyRate: view.dailyRate === null ? null : parseRate(view.dailyRate),
    reasons: view.reasons as DecisionRecord['reasons'],
    recourse: view.recourse,
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
  lines.push(`${HEADLINES[record.outcome][locale]}${record.outcome === 'approved' ? '' : ''}`);
  if (record.outcome === 'approved' && record.apr && record.dailyRate) {
    lines.push(
      locale === 'zh'
        ? `  额度 ${money(record.limit)}，年化利率 ${formatPercent(record.apr, 2)}（日利率 ${formatPercent(record.dailyRate, 3)}）`
        : `  Limit ${money(record.limit)} at ${formatPercent(record.apr, 2)} a year (${formatPercent(record.dailyRate, 3)} a day)`,
    );
  }
  if (record.reasons.length > 0) {
    lines.push(locale === 'zh' ? '  原因：' : '  Why:');
    record.reasons.forEach((reason, index) => lines.push(`    ${index + 1}. ${reason.text[locale]}`));
  }
  const recourse = record.recourse;
  if (recourse && recourse.status === 'plan') {
    lines.push(locale === 'zh' ? '  您可以这样做：' : '  What you can do:');
    for (const action of recourse.actions) lines.push(`    - ${action.text[locale]}`);
  } else if (recourse && recourse.status === 'none' && recourse.text) {
    lines.push(`  ${recourse.text[locale]}`);
  }
  return lines.join('\n');
}
