import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { issueField, issueLocation, type PolicyGraph, type PolicyIssue } from './jdm.ts';
import { compilePolicy, policyFindings } from './policy-compiler.ts';
import type { PolicyCompileResult, PolicyDeps, PolicyRefusal } from './policy-ports.ts';
import { productRangeIssues } from './product-range-check.ts';
import { appetiteOn } from './products.ts';
import { lendingSettings, productsDecidedBy } from './read-lending-settings.ts';

/** Where an issue is, with the column named by the field it reads or writes. */
export function refusalOf(issue: PolicyIssue, graph: PolicyGraph | undefined): PolicyRefusal {
  let column: string | null = issue.columnName ?? issue.columnId ?? null;
  const node = graph?.nodes.find((candidate) => candidate.id === issue.nodeId);
  if (node && issue.columnId !== undefined) {
    if (node.kind === 'decisionTable') {
      const input = node.inputs.find((candidate) => candidate.id === issue.columnId);
      const output = node.outputs.find((candidate) => candidate.id === issue.columnId);
      if (input?.field) column = input.field.join('.');
      else if (output) column = output.field.join('.');
    } else if (node.kind === 'expression') {
      const entry = node.expressions.find((candidate) => candidate.id === issue.columnId);
      if (entry) column = entry.key.join('.');
    }
  }
  return {
    nodeId: issue.nodeId ?? null,
    nodeName: issue.nodeName ?? null,
    row: issue.rowId ?? null,
    column,
    field: issueField(issue),
    rule: issue.code,
    message: `${issueLocation(issue)}: ${issue.message}`,
  };
}

/**
 * Compiles and checks a graph as a submission would (subset, reachability, `$`, gaps and overlaps, and the
 * product ranges of the products `name` decides on `effectiveFrom`, default `default` today); writes nothing.
 */
export async function checkPolicy(
  deps: Pick<PolicyDeps, 'db' | 'caches' | 'clock'>,
  content: unknown,
  options: { readonly name?: string; readonly effectiveFrom?: LocalDate } = {},
): Promise<PolicyCompileResult> {
  const { graph, issues } = policyFindings(content);
  const all: PolicyIssue[] = [...issues];
  if (!all.some((issue) => issue.severity === 'error')) {
    try {
      const policy = compilePolicy(content);
      const date = options.effectiveFrom ?? deps.clock.today();
      all.push(
        ...productRangeIssues(
          policy,
          await productsDecidedBy(deps, options.name ?? 'default', date),
          appetiteOn((await lendingSettings(deps)).riskAppetite, date),
        ),
      );
    } catch (error) {
      // A refusal the checks above did not foresee still answers as refusals, not as a 500.
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      for (const issue of error.issues)
        all.push({ severity: 'error', code: issue.rule, message: issue.message });
    }
  }
  const located = (severity: 'error' | 'warning') =>
    all.filter((issue) => issue.severity === severity).map((issue) => refusalOf(issue, graph));
  const refusals = located('error');
  return { ok: refusals.length === 0, refusals, warnings: located('warning') };
}
