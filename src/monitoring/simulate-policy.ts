import { AppError, isAppError } from '../platform/errors/app-error.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import { compilePolicy, policyChecksum, type PolicyIssue } from '../policy/index.ts';
import type { MonitoringDeps } from './monitoring-ports.ts';
import { DEFAULT_DAYS } from './monitoring-rules.ts';
import { readWindow } from './read-window.ts';
import { createSimulation, type SimulationReport } from './simulation.ts';
import type { WindowParams } from './window.ts';

export interface SimulationRequest extends WindowParams {
  /** The candidate policy: a JDM graph as parsed JSON. */
  readonly policy: unknown;
  /** Save the candidate as a new policy version after the run (only then is anything written). */
  readonly save?: {
    readonly name: string;
    readonly effectiveFrom: string;
    readonly description?: string | undefined;
  } | null;
}

export interface SimulationResult {
  readonly candidate: {
    readonly checksum: string;
    /** What the policy compiler's static checks found that does not refuse the file (gaps, overlaps). */
    readonly warnings: readonly PolicyIssue[];
    /** The version it was saved as, when asked. */
    readonly saved: { readonly versionId: string; readonly created: boolean } | null;
  };
  readonly report: SimulationReport;
  /** Decision records read (every kind) and the wall time of the run. */
  readonly recordsRead: number;
  readonly elapsedMs: number;
}

export interface SimulationOptions {
  /**
   * Called after each page: records read so far and the window's total. A returned promise is awaited
   * before the next page (a background run yields to the event loop there).
   */
  readonly onProgress?: (done: number, total: number) => unknown;
  /** Who saves the candidate (`save`): the version is submitted in their name, pending another's approval. */
  readonly requestedBy?: { readonly id: string; readonly name: string };
}

/** The fields of a policy load that sit under `save` in a simulation request. */
const SAVE_FIELDS = new Set(['name', 'effectiveFrom', 'description']);

/**
 * Submits the candidate as a new policy version (four-eyes: it waits for someone other than whoever saved
 * it). A refusal names its fields as the request has them (`save.effectiveFrom`).
 */
async function saveCandidate(
  deps: Pick<MonitoringDeps, 'policies'>,
  request: SimulationRequest & { readonly save: NonNullable<SimulationRequest['save']> },
  effectiveFrom: LocalDate,
  requestedBy: SimulationOptions['requestedBy'],
): Promise<NonNullable<SimulationResult['candidate']['saved']>> {
  const loaded = await deps.policies
    .load({
      name: request.save.name,
      effectiveFrom,
      content: request.policy,
      ...(requestedBy ? { requestedBy } : {}),
      ...(request.save.description ? { description: request.save.description } : {}),
    })
    .catch((error: unknown) => {
      // The policy context names its own fields (effectiveFrom/not-in-past); here they sit in `save`.
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      const issues = error.issues.map((issue) =>
        SAVE_FIELDS.has(issue.field) ? { ...issue, field: `save.${issue.field}` } : issue,
      );
      throw new AppError(
        'VALIDATION_FAILED',
        error.message.replace(/^(name|effectiveFrom|description):/, 'save.$1:'),
        { issues, details: error.details },
      );
    });
  return { versionId: loaded.version.id, created: loaded.created };
}

/**
 * Runs a candidate policy over the stored decisions of a window (one streamed pass; progress after each
 * page) and, when asked, saves it as a new version pending approval. The candidate is compiled as the
 * policy context compiles a version it loads: refused here with node, row and column.
 */
export async function simulatePolicy(
  deps: MonitoringDeps,
  request: SimulationRequest,
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  const window = await readWindow(deps, request, DEFAULT_DAYS.simulation);
  const saveDate = request.save ? parseLocalDate(request.save.effectiveFrom, 'save.effectiveFrom') : null;
  const candidate = compilePolicy(request.policy);
  const checksum = policyChecksum(request.policy);
  const started = deps.elapsed();
  const total = await deps.decisions.countDecisions(window);
  const simulation = createSimulation(window, candidate, checksum);
  let read = 0;
  options.onProgress?.(0, total);
  for await (const page of deps.decisions.simulationPages(window, deps.pageSize)) {
    for (const item of page) {
      if (item.use) simulation.add(item.record);
      else simulation.skip(item.reason);
    }
    read += page.length;
    // Awaited: a background caller yields to the event loop here, so the server keeps answering.
    await options.onProgress?.(read, Math.max(total, read));
  }
  const report = simulation.report();
  const elapsedMs = deps.elapsed() - started;
  const saved =
    request.save && saveDate !== null
      ? await saveCandidate(deps, { ...request, save: request.save }, saveDate, options.requestedBy)
      : null;
  return {
    candidate: { checksum, warnings: candidate.warnings, saved },
    report,
    recordsRead: read,
    elapsedMs,
  };
}
