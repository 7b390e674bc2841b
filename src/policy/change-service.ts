import { AppError } from '../platform/errors/app-error.ts';
import type { ChangeDeps, ChangeService } from './change-ports.ts';
import * as repository from './change-requests.pg.ts';
import { decideChange } from './decide-change.ts';
import { submitModelActivation } from './submit-model-activation.ts';
import { submitSettingsChange } from './submit-settings-change.ts';
import { submitSettingsDocument } from './submit-settings-document.ts';

export type { ChangeService, ModelActivationPort } from './change-ports.ts';
export {
  SETTINGS_CHANGE_KINDS,
  settingsOfChange,
  type SettingsChangeKind,
  type SettingsChangeRequest,
} from './settings-change.ts';

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
