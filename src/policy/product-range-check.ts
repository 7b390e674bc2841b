import { fen } from '../platform/money/money.ts';
import { compareRate, parseRate, toExactRateString } from '../platform/money/rate.ts';
import type { PolicyIssue } from './jdm.ts';
import type { ZenObject } from './zen-runtime.ts';
import type { CompiledPolicy } from './policy-compiler.ts';
import { toPolicyDocument, type PolicyInput } from './policy-inputs.ts';
import type { Product, RiskAppetite } from './products.ts';

/**
 * A load-time check of what a credit policy offers: the graph is run on a grid of clean applicants (every
 * 25 points of score, five income levels, new on each ramp step and established) for each product it will
 * decide, and any approval or referral whose limit or APR lies outside that product's range refuses the
 * file. The grid cannot prove a graph right for every input — a decision outside the range is still
 * refused at decision time (`readPolicyResult`) — but it turns the usual mistake (a last stage that no
 * longer clamps, a pricing row at 30%) into a 422 for the analyst instead of referrals for customers.
 */
export function productRangeIssues(
  policy: CompiledPolicy,
  products: readonly Product[],
  appetite: RiskAppetite,
): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  for (const product of products) {
    let limitIssue: PolicyIssue | null = null;
    let aprIssue: PolicyIssue | null = null;
    for (const input of grid(product, appetite)) {
      if (limitIssue && aprIssue) break;
      let output;
      try {
        output = policy.evaluateOutput(toPolicyDocument(input));
      } catch {
        // A graph that fails on an input fails that decision as a fault; not this check's finding.
        continue;
      }
      const outcome = output.outcome;
      if (outcome !== 'approved' && outcome !== 'referred') continue;
      const example = describe(input);
      const limit = output.limit;
      if (
        !limitIssue &&
        typeof limit === 'number' &&
        (!Number.isSafeInteger(limit) || BigInt(limit) < product.minLimit || BigInt(limit) > product.maxLimit)
      ) {
        limitIssue = {
          ...locateOutput(policy, toPolicyDocument(input), 'limit'),
          severity: 'error',
          code: 'limit-outside-product',
          message: `${product.code}: ${example} is ${outcome} with a limit of ${limit} fen, outside the product's ${product.minLimit}–${product.maxLimit} fen`,
        };
      }
      const apr = output.apr;
      if (!aprIssue && typeof apr === 'number' && Number.isFinite(apr)) {
        const rate = parseRate(String(apr), 'apr');
        if (compareRate(rate, product.minApr) < 0 || compareRate(rate, product.maxApr) > 0) {
          aprIssue = {
            ...locateOutput(policy, toPolicyDocument(input), 'apr'),
            severity: 'error',
            code: 'apr-outside-product',
            message: `${product.code}: ${example} is ${outcome} at an APR of ${String(apr)}, outside the product's ${toExactRateString(product.minApr)}–${toExactRateString(product.maxApr)}`,
          };
        }
      }
    }
    if (limitIssue) issues.push(limitIssue);
    if (aprIssue) issues.push(aprIssue);
  }
  return issues;
}

const INCOMES_FEN = [0n, 300_000n, 800_000n, 2_000_000n, 6_000_000n];
const RAMP_STEPS: ReadonlyArray<{ isNewUser: boolean; onTimeCycles: number }> = [
  { isNewUser: true, onTimeCycles: 0 },
  { isNewUser: true, onTimeCycles: 3 },
  { isNewUser: true, onTimeCycles: 6 },
  { isNewUser: true, onTimeCycles: 12 },
  { isNewUser: false, onTimeCycles: 24 },
];

function* grid(product: Product, appetite: RiskAppetite): Generator<PolicyInput> {
  const age = Math.min(Math.max(30, product.minAge), product.maxAge);
  for (let score = 350; score <= 950; score += 25)
    for (const income of INCOMES_FEN)
      for (const ramp of RAMP_STEPS)
        yield {
          productType: product.type,
          score,
          subScores: {
            identity: score,
            capacity: score,
            history: score,
            relationships: score,
            behaviour: score,
          },
          verificationLevel: 3,
          age,
          blocklisted: false,
          overdueAmountHere: fen(0n),
          overdueAmountElsewhere: fen(0n),
          inquiries30d: 0,
          hasActiveHold: false,
          historyMonths: 36,
          ...ramp,
          monthlyIncome: fen(income),
          monthlyDebtPayments: fen(0n),
          requestedAmount: null,
          product,
          appetite,
        };
}

function describe(input: PolicyInput): string {
  return `an applicant with score ${input.score}, monthly income ${input.monthlyIncome} fen, ${
    input.isNewUser ? `a new user with ${input.onTimeCycles} on-time cycles` : 'an established customer'
  }`;
}

/**
 * Where a graph set an output field for one input: the last node on the evaluation's trace that wrote `key` —
 * a decision table's matched row and output column, or an expression node's entry — so a refusal points at
 * the cell to change in the editor. Empty when the input cannot be traced.
 */
export function locateOutput(
  policy: CompiledPolicy,
  document: ZenObject,
  key: string,
): Pick<PolicyIssue, 'nodeId' | 'nodeName' | 'rowId' | 'columnId' | 'columnName'> {
  let trace;
  try {
    trace = policy.evaluate(document).trace;
  } catch {
    return {};
  }
  for (let index = trace.length - 1; index >= 0; index -= 1) {
    const entry = trace[index];
    const node = policy.graph.nodes.find((candidate) => candidate.id === entry?.nodeId);
    if (!entry || !node) continue;
    if (node.kind === 'decisionTable') {
      const column = node.outputs.find((output) => output.field[output.field.length - 1] === key);
      const row = entry.matched[entry.matched.length - 1];
      if (column && row !== undefined)
        return {
          nodeId: node.id,
          nodeName: node.name,
          rowId: row,
          columnId: column.id,
          columnName: column.name,
        };
    }
    if (node.kind === 'expression') {
      const expression = node.expressions.find(
        (candidate) => candidate.key[candidate.key.length - 1] === key,
      );
      if (expression)
        return {
          nodeId: node.id,
          nodeName: node.name,
          columnId: expression.id,
          columnName: expression.key.join('.'),
        };
    }
  }
  return {};
}
