import { AppError } from '../platform/errors/app-error.ts';
import type { ChangeDeps } from './change-ports.ts';
import type { ChangeActor, ChangeKind, ChangeRequest, ChangeStatus } from './change-requests.ts';
import * as repository from './change-requests.pg.ts';
import { decideChange } from './decide-change.ts';
import type { LendingSettings } from './lending-settings.ts';
import type { SettingsChangeRequest } from './settings-change.ts';
import { submitModelActivation } from './submit-model-activation.ts';
import { submitSettingsChange } from './submit-settings-change.ts';
import { submitSettingsDocument } from './submit-settings-document.ts';

export type { ModelActivationPort } from './change-ports.ts';
export {
  SETTINGS_CHANGE_KINDS,
  settingsOfChange,
  type SettingsChangeKind,
  type SettingsChangeRequest,
} from './settings-change.ts';

/**
 * The four-eyes use cases: one inbox of change requests (policy versions, model activations, dated lending
 * settings), approve and reject by a second person. A decision and what it applies commit in one
 * transaction: an approved model is active, an approved setting stored, an approved policy version in force
 * from its date — or nothing changed. Every submission, approval and rejection is audited. Each use case is
 * a function of its own (`submit-*.ts`, `decide-change.ts`); this binds them to one set of dependencies.
 */
export interface ChangeService {
  /** Asks for a model to become the active one; it does on approval. */
  submitModelActivation(version: string, by: ChangeActor): Promise<ChangeRequest>;
  /** Asks for one dated lending setting; checked now as it will be on approval, applied from its date. */
  submitSettingsChange(request: SettingsChangeRequest, by: ChangeActor): Promise<ChangeRequest>;
  /**
   * Asks for a whole settings document (the shape of `policies/settings.json`, each entry dated); checked now
   * as on approval. On a fresh database (no setting loaded yet) it is the bootstrap: loaded at once.
   */
  submitSettingsDocument(
    document: Readonly<Record<string, unknown>>,
    by: ChangeActor,
  ): Promise<{ readonly change: ChangeRequest; readonly loaded: LendingSettings | null }>;
  list(filter?: {
    readonly status?: ChangeStatus;
    readonly kind?: ChangeKind;
    readonly limit?: number;
  }): Promise<ChangeRequest[]>;
  /** NOT_FOUND when there is no such request. */
  get(id: string): Promise<ChangeRequest>;
  /**
   * Approves and applies a pending change. FORBIDDEN (`maker-checker`) when `by` is the requester, CONFLICT
   * (`final`) when already decided; UNPROCESSABLE when it can no longer apply (its date passed, a check fails).
   */
  approve(id: string, by: ChangeActor, note?: string): Promise<ChangeRequest>;
  /** Rejects a pending change (nothing is applied); the same refusals as approve. */
  reject(id: string, by: ChangeActor, note?: string): Promise<ChangeRequest>;
}

export type ChangeServiceDeps = ChangeDeps;

/** Builds the four-eyes service. */
export function createChangeService(deps: ChangeServiceDeps): ChangeService {
  return {
    submitModelActivation: (version, by) => submitModelActivation(deps, version, by),
    submitSettingsChange: (request, by) => submitSettingsChange(deps, request, by),
    submitSettingsDocument: (document, by) => submitSettingsDocument(deps, document, by),
    list: (filter = {}) =>
      repository.listChanges(deps.db, {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        limit: filter.limit ?? 100,
      }),
    async get(id) {
      const change = await repository.findChange(deps.db, id);
      if (!change) throw AppError.notFound('change', id);
      return change;
    },
    approve: (id, by, note) => decideChange(deps, id, 'approve', by, note),
    reject: (id, by, note) => decideChange(deps, id, 'reject', by, note),
  };
}
