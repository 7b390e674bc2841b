import type { AuditActor, AuditLog } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import type { Clock } from '../platform/time/clock.ts';
import { isConsentPurpose } from './consent.ts';
import { checkNewNotice, noticeHash, type ConsentNotice } from './consent-notices.ts';
import { insertNotice, latestNoticeForUpdate } from './consent-notices.pg.ts';

export interface ConsentNoticeDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
}

export interface PublishNoticeInput {
  readonly purpose: string;
  /** When the version takes effect (now or later); default now. */
  readonly effectiveFrom?: Date;
  readonly text: LocalizedText;
  readonly actor: AuditActor;
}

/**
 * Publishes the next version of a purpose's notice (admin), audited in the same transaction. Idempotent: the
 * same texts and effective instant as the latest version return that version instead of a new one.
 */
export async function publishConsentNotice(
  deps: ConsentNoticeDeps,
  input: PublishNoticeInput,
): Promise<{ notice: ConsentNotice; created: boolean }> {
  const { purpose } = input;
  if (!isConsentPurpose(purpose))
    throw AppError.invalid('purpose', 'consent-purpose', `"${purpose}" is not a consent purpose`);
  const now = deps.clock.now();
  const effectiveFrom = input.effectiveFrom ?? now;
  const text = { zh: input.text.zh.trim(), en: input.text.en.trim() };
  return deps.db.transaction(async (tx) => {
    const latest = await latestNoticeForUpdate(tx, purpose);
    if (
      latest &&
      latest.effectiveFrom.getTime() === effectiveFrom.getTime() &&
      latest.text.zh === text.zh &&
      latest.text.en === text.en
    )
      return { notice: latest, created: false };
    checkNewNotice({ effectiveFrom, text }, latest, now);
    const version = (latest?.version ?? 0) + 1;
    const notice: ConsentNotice = {
      purpose,
      version,
      effectiveFrom,
      text,
      sha256: noticeHash(purpose, version, text),
      publishedAt: now,
      publishedBy: `${input.actor.kind}:${input.actor.id}`,
    };
    await insertNotice(tx, notice);
    await deps.audit.record(
      {
        actor: input.actor,
        action: 'consent-notice.publish',
        subject: { type: 'consent-notice', id: `${purpose}@${version}` },
        outcome: 'ok',
        details: { purpose, version, effectiveFrom: effectiveFrom.toISOString(), sha256: notice.sha256 },
      },
      tx,
    );
    return { notice, created: true };
  });
}
