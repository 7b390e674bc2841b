import type { Principal } from '../platform/auth/api-keys.ts';
import type { AppealDeps } from './appeal-ports.ts';
import * as repository from './appeals.pg.ts';
import { checkEvidence, type EvidenceInfo } from './evidence.ts';

/**
 * Stores an evidence file for a customer, sealed at rest: its type is checked by its magic bytes, its size
 * against the settings, and it is de-duplicated by its SHA-256 (`created` is false for a file already held).
 */
export async function uploadEvidence(
  deps: Pick<AppealDeps, 'db' | 'clock' | 'ids' | 'settings' | 'evidenceCipher'>,
  input: { customerId: string; declaredType: string | undefined; content: Uint8Array; by: Principal },
): Promise<{ evidence: EvidenceInfo; created: boolean }> {
  const { customerId, declaredType, content, by } = input;
  const checked = checkEvidence(declaredType, content, deps.settings.maxEvidenceBytes);
  return repository.insertEvidence(deps.db, deps.evidenceCipher, {
    evidenceId: deps.ids.next('evidence'),
    customerId,
    mediaType: checked.mediaType,
    sizeBytes: checked.sizeBytes,
    sha256: checked.sha256,
    uploadedAt: deps.clock.now(),
    content,
    uploadedBy: by.keyId,
  });
}
