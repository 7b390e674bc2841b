import { checkCardNumber, checkIdNumber, checkPhone } from '../identity/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { maskCard, maskIdNumber, maskPhone } from '../platform/pii/mask.ts';
import { businessDateOf } from '../platform/time/local-date.ts';
import { BLOCKLIST_KINDS, type BlocklistEntry, type BlocklistKind } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { findListedEntry, insertBlocklistEntry } from './customers.pg.ts';
import { blocklistEntry, checkedText } from './customers-rules.ts';

/**
 * Lists an identifier (validated as an ID number, phone or card number) on the blocklist with a reason.
 * `created` is false when it was listed already (the entry in force is returned unchanged).
 */
export async function addToBlocklist(
  deps: Pick<CustomersDeps, 'db' | 'clock' | 'ids' | 'vault'>,
  input: {
    readonly kind: string;
    readonly value: string;
    readonly reason: string;
    readonly by: string;
  },
): Promise<{ entry: BlocklistEntry; created: boolean }> {
  const { db, clock, ids, vault } = deps;
  const kind = input.kind as BlocklistKind;
  if (!BLOCKLIST_KINDS.includes(kind))
    throw AppError.invalid('kind', 'enum', `kind must be one of ${BLOCKLIST_KINDS.join(', ')}`);
  const reason = checkedText('reason', input.reason, 500);
  const by = checkedText('by', input.by, 128);
  const now = clock.now();
  const { normalized, masked } = listedIdentifier(kind, input.value, now);
  const blindIndex = vault.blindIndex(kind === 'card' ? 'card_number' : kind, normalized);
  const inserted = await insertBlocklistEntry(db, {
    id: ids.next('blocklistEntry'),
    kind,
    blindIndex,
    masked,
    reason,
    addedBy: by,
    addedAt: now,
  });
  if (inserted) return { entry: blocklistEntry(inserted), created: true };
  const listed = await findListedEntry(db, kind, blindIndex);
  if (!listed) throw new AppError('CONFLICT', 'the blocklist changed while listing; try again');
  return { entry: blocklistEntry(listed), created: false };
}

/** The identifier validated for its kind: its normalised form (for the blind index) and masked form. */
function listedIdentifier(
  kind: BlocklistKind,
  value: string,
  now: Date,
): { normalized: string; masked: string } {
  if (kind === 'id_number') {
    const check = checkIdNumber(value, businessDateOf(now));
    if (!check.valid) throw AppError.invalid('value', check.reason, check.message);
    return { normalized: check.normalized, masked: maskIdNumber(check.normalized) };
  }
  if (kind === 'phone') {
    const check = checkPhone(value);
    if (!check.valid) throw AppError.invalid('value', check.reason, check.message);
    return { normalized: check.normalized, masked: maskPhone(check.normalized) };
  }
  const check = checkCardNumber(value);
  if (!check.valid) throw AppError.invalid('value', check.reason, check.message);
  return { normalized: check.normalized, masked: maskCard(check.normalized) };
}
