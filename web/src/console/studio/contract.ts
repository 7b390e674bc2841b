import type { paths } from '../../api/schema';
import { api } from '../api.ts';

/**
 * The studio's view of the four-eyes routes, from the generated client types (`npm run gen:api`): the
 * approvals inbox, the compiler check, simulations with progress. One name per shape the pages use.
 */
type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type ApprovalItem = Ok<'/v1/approvals', 'get'>['items'][number];
export type ChangeStatus = ApprovalItem['status'];
export type ChangeKind = ApprovalItem['kind'];
export type CompileAnswer = Ok<'/v1/policies/compile', 'post'>;
export type CompileRefusal = CompileAnswer['refusals'][number];
export type SimulationProgress = Ok<'/v1/policies/simulations/{id}', 'get'>;
export type SimulationReport = NonNullable<SimulationProgress['report']>;
export type PolicyFigures = SimulationReport['current'];
export type SwapSample = SimulationReport['swapIns']['samples'][number];
export type PolicyVersion = Ok<'/v1/policies', 'get'>['policies'][number];

/** The console's client (cookie, CSRF, expiry), for the studio's pages. */
export const studioApi = api;

/** A person's name whether the server sends a string or an actor {id, name}. */
export function actorName(actor: string | { readonly name: string } | null | undefined): string {
  if (!actor) return '';
  return typeof actor === 'string' ? actor : actor.name;
}
