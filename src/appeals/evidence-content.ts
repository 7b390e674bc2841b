import { AppError } from '../platform/errors/app-error.ts';
import type { AppealDeps } from './appeal-ports.ts';
import { mustFindAppeal } from './appeal-steps.ts';
import * as repository from './appeals.pg.ts';
import type { EvidenceInfo } from './evidence.ts';

/** A file cited by an appeal, opened (NOT_FOUND for an unknown appeal or a file it does not cite). */
export async function appealEvidenceContent(
  deps: Pick<AppealDeps, 'db' | 'evidenceCipher'>,
  input: { appealId: string; evidenceId: string },
): Promise<{ info: EvidenceInfo; content: Uint8Array }> {
  const appeal = await mustFindAppeal(deps.db, input.appealId);
  const found = await repository.evidenceContent(deps.db, deps.evidenceCipher, appeal, input.evidenceId);
  if (!found) throw AppError.notFound('evidence', input.evidenceId);
  return found;
}
