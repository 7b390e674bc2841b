import type { AppealDeps } from './appeal-ports.ts';
import * as repository from './appeals.pg.ts';

/**
 * Seals evidence not yet under the active PII key — rows in clear from before migration 0604 and rows
 * under an older key — in batches; returns how many rows were sealed (`credence kyc reencrypt`).
 */
export async function reencryptAppealEvidence(
  deps: Pick<AppealDeps, 'db' | 'evidenceCipher'>,
  input: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  return repository.reencryptEvidence(deps.db, deps.evidenceCipher, input);
}
