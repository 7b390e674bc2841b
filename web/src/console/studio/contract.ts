import type { Client } from 'openapi-fetch';
import type { paths } from '../../api/schema';
import { api } from '../api.ts';

/**
 * The four-eyes routes of the issue 14 contract (/tmp/brief/contract.md) that the generated schema does not
 * have yet: the approvals inbox, the compiler check, policy simulations with progress, settings change
 * requests. Typed here from the contract so the pages call them through the same client (cookie, CSRF,
 * expiry); once `npm run gen:api` has them, the generated types win (the intersection keeps both).
 */
type Json<T> = { content: { 'application/json': T } };
type Problem = Json<{ detail?: string; errors?: { field: string; rule: string; message: string }[] }>;

export interface ChangeActorView {
  readonly id?: string;
  readonly name: string;
}

export type ChangeKind = 'policy' | 'model' | 'settings';
export type ChangeStatus = 'pending' | 'approved' | 'rejected' | 'superseded';

export interface ApprovalItem {
  readonly changeId: string;
  readonly kind: ChangeKind;
  readonly summary: string;
  readonly requestedBy: string | ChangeActorView;
  readonly requestedAt: string;
  readonly effectiveFrom: string;
  readonly status: ChangeStatus;
  readonly payloadRef?: string | null;
  readonly simulationId?: string | null;
  readonly decidedBy?: string | ChangeActorView | null;
  readonly decidedAt?: string | null;
  readonly note?: string | null;
}

export interface CompileRefusal {
  readonly nodeId?: string | null;
  readonly nodeName?: string | null;
  /** The rule (row) id of a decision table. */
  readonly row?: string | null;
  /** The input or output column id. */
  readonly column?: string | null;
  readonly field?: string | null;
  readonly rule: string;
  readonly message: string;
  readonly severity?: 'error' | 'warning';
}

export interface CompileAnswer {
  readonly ok: boolean;
  readonly refusals: readonly CompileRefusal[];
  readonly warnings?: readonly CompileRefusal[];
}

export interface OutcomeCounts {
  readonly approved: number;
  readonly declined: number;
  readonly referred: number;
}

/** The figures of a simulation (src/monitoring/simulation.ts: SimulationFigures; fen as strings on the wire). */
export interface SimulationFigures {
  readonly records: number;
  readonly before: OutcomeCounts;
  readonly after: OutcomeCounts;
  readonly approvalRateBefore: string | null;
  readonly approvalRateAfter: string | null;
  readonly swapIns: number;
  readonly swapOuts: number;
  readonly matrix: Readonly<Record<keyof OutcomeCounts, OutcomeCounts>>;
  readonly limits: {
    readonly totalBefore: string;
    readonly totalAfter: string;
    readonly averageBefore: string | null;
    readonly averageAfter: string | null;
    readonly raised: number;
    readonly lowered: number;
    readonly unchanged: number;
  };
  readonly prices: {
    readonly averageAprBefore: string | null;
    readonly averageAprAfter: string | null;
    readonly raised: number;
    readonly lowered: number;
    readonly unchanged: number;
  };
  readonly expectedBadRate: {
    readonly before: number | null;
    readonly after: number | null;
    readonly swapIns: number | null;
    readonly swapOuts: number | null;
  };
}

export interface SwapSample {
  readonly decisionId: string;
  readonly decisionDate: string;
  readonly productCode: string;
  readonly score: number;
  readonly pd: number | null;
  readonly before: { readonly outcome: string; readonly limit: string; readonly apr: string | null };
  readonly after: { readonly outcome: string; readonly limit: string; readonly apr: string | null };
}

export interface SimulationReport {
  readonly window: { readonly from: string; readonly to: string; readonly product: string | null };
  readonly total: SimulationFigures;
  readonly products: ReadonlyArray<{ readonly product: string } & SimulationFigures>;
  readonly bands: ReadonlyArray<
    { readonly band: string; readonly from: number; readonly to: number } & SimulationFigures
  >;
  readonly failed: {
    readonly count: number;
    readonly examples: ReadonlyArray<{
      readonly decisionId: string;
      readonly code: string;
      readonly message: string;
    }>;
  };
  readonly skipped: { readonly overrides: number; readonly faults: number };
  readonly samples?: { readonly swapIns: readonly SwapSample[]; readonly swapOuts: readonly SwapSample[] };
}

export interface SimulationProgress {
  readonly simulationId?: string;
  readonly status: 'queued' | 'running' | 'done' | 'failed' | string;
  readonly done: number;
  readonly total: number;
  readonly report?: SimulationReport | null;
  readonly error?: { readonly detail?: string; readonly message?: string } | string | null;
}

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

interface ContractPaths {
  '/v1/approvals': {
    get: {
      parameters: { query?: { status?: ChangeStatus; kind?: ChangeKind } };
      responses: { 200: Json<{ items: ApprovalItem[] }>; 403: Problem };
    };
  };
  '/v1/approvals/{changeId}/approve': {
    post: {
      parameters: { path: { changeId: string } };
      requestBody: Json<{ note?: string }>;
      responses: { 200: Json<unknown>; 403: Problem; 409: Problem; 422: Problem };
    };
  };
  '/v1/approvals/{changeId}/reject': {
    post: {
      parameters: { path: { changeId: string } };
      requestBody: Json<{ note?: string }>;
      responses: { 200: Json<unknown>; 403: Problem; 409: Problem; 422: Problem };
    };
  };
  '/v1/policies/compile': {
    post: {
      parameters: NoParams;
      requestBody: Json<{ graph: Record<string, unknown> }>;
      responses: { 200: Json<CompileAnswer>; 422: Problem };
    };
  };
  '/v1/policies/simulations': {
    post: {
      parameters: NoParams;
      requestBody: Json<{
        graph?: Record<string, unknown>;
        policyId?: string;
        from?: string;
        to?: string;
        product?: string;
      }>;
      responses: { 202: Json<{ simulationId: string }>; 422: Problem };
    };
  };
  '/v1/policies/simulations/{id}': {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: Json<SimulationProgress>; 404: Problem };
    };
  };
  '/v1/policies': Omit<paths['/v1/policies'], 'post'> & {
    post: {
      parameters: NoParams;
      requestBody: Json<SubmitPolicyBody>;
      responses: { 200: Json<unknown>; 201: Json<unknown>; 202: Json<unknown>; 422: Problem };
    };
  };
  '/v1/lending-settings/changes': {
    post: {
      parameters: NoParams;
      requestBody: Json<{
        kind: 'products' | 'legalRateCaps' | 'riskAppetite' | 'assignments';
        effectiveFrom: string;
        setting: Record<string, unknown>;
        description?: string;
      }>;
      responses: { 202: Json<{ changeId: string }>; 422: Problem };
    };
  };
}

/** POST /v1/policies as the contract has it: a submission waiting for a second person. */
export interface SubmitPolicyBody {
  readonly name: string;
  readonly effectiveFrom: string;
  readonly description?: string;
  readonly content: Record<string, unknown>;
  readonly simulationId?: string;
}

type Merged = Omit<paths, keyof ContractPaths> & ContractPaths;

/** The console's client with the contract's routes typed (same middleware: cookie, CSRF, expiry). */
export const studioApi = api as unknown as Client<Merged>;

/** A name whether the server sends a string or an actor {id, name}. */
export function actorName(actor: string | ChangeActorView | null | undefined): string {
  if (!actor) return '';
  return typeof actor === 'string' ? actor : actor.name;
}
