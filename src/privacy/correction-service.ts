import type { Correction, CorrectionDeps } from './correction-rules.ts';
import { fileCorrection, type CorrectionRequest } from './file-correction.ts';
import { correctionQueue, getCorrection, listCorrections } from './get-corrections.ts';
import { resolveCorrection, type CorrectionResolution } from './resolve-correction.ts';
import type { AuditActor } from '../platform/audit/audit-log.ts';

/** Corrections of wrong facts: the use cases bound to one set of dependencies. */
export interface CorrectionService {
  file(input: CorrectionRequest): Promise<Correction>;
  get(input: { customerId?: string; correctionId: string }): Promise<Correction>;
  list(input: { customerId: string; limit?: number }): Promise<Correction[]>;
  queue(input?: { limit?: number }): Promise<Correction[]>;
  resolve(input: {
    correctionId: string;
    by: AuditActor;
    resolution: CorrectionResolution;
  }): Promise<Correction>;
}

export function createCorrectionService(deps: CorrectionDeps): CorrectionService {
  return {
    file: (input) => fileCorrection(deps, input),
    get: (input) => getCorrection(deps, input),
    list: (input) => listCorrections(deps, input),
    queue: (input) => correctionQueue(deps, input),
    resolve: (input) => resolveCorrection(deps, input),
  };
}
