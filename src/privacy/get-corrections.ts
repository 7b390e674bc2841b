import { AppError } from '../platform/errors/app-error.ts';
import type { Correction, CorrectionDeps } from './correction-rules.ts';

/** One correction: the customer's own (by session), or any for staff; NOT_FOUND otherwise. */
export async function getCorrection(
  deps: Pick<CorrectionDeps, 'db' | 'store'>,
  input: { readonly customerId?: string; readonly correctionId: string },
): Promise<Correction> {
  const found = await deps.store.find(deps.db, input.customerId, input.correctionId);
  if (!found) throw AppError.notFound('correction', input.correctionId);
  return found;
}

/** A customer's corrections, newest first. */
export function listCorrections(
  deps: Pick<CorrectionDeps, 'db' | 'store'>,
  input: { readonly customerId: string; readonly limit?: number },
): Promise<Correction[]> {
  return deps.store.list(deps.db, input.customerId, input.limit ?? 50);
}

/** The reviewers' queue: open corrections, the earliest due first. */
export function correctionQueue(
  deps: Pick<CorrectionDeps, 'db' | 'store'>,
  input: { readonly limit?: number } = {},
): Promise<Correction[]> {
  return deps.store.queue(deps.db, input.limit ?? 100);
}
