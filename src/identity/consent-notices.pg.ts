import type { Queryable } from '../platform/database/database.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from './consent.ts';
import type { ConsentNotice, ConsentNoticeReader } from './consent-notices.ts';

interface NoticeRow {
  purpose: ConsentPurpose;
  version: number;
  effective_from: Date;
  text_zh: string;
  text_en: string;
  sha256: string;
  published_at: Date;
  published_by: string;
}

const COLUMNS = 'purpose, version, effective_from, text_zh, text_en, sha256, published_at, published_by';

function noticeOf(row: NoticeRow): ConsentNotice {
  return {
    purpose: row.purpose,
    version: Number(row.version),
    effectiveFrom: row.effective_from,
    text: { zh: row.text_zh, en: row.text_en },
    sha256: row.sha256,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  };
}

/** Every version of the notices, by purpose then version (optionally of one purpose). */
export async function listNotices(q: Queryable, purpose?: ConsentPurpose): Promise<ConsentNotice[]> {
  const result = await q.query<NoticeRow>(
    // Only identity's purposes: the table also holds notices other contexts own (auto_repay, lending).
    `select ${COLUMNS} from consent_notices where ($1::text is null or purpose = $1) and purpose = any ($2::text[])
      order by purpose, version`,
    [purpose ?? null, [...CONSENT_PURPOSES]],
  );
  return result.rows.map(noticeOf);
}

/** Locks the purpose's versions (publishing assigns the next number) and returns the latest. */
export async function latestNoticeForUpdate(
  tx: Queryable,
  purpose: ConsentPurpose,
): Promise<ConsentNotice | undefined> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('consent_notices:' || $1))`, [purpose]);
  const result = await tx.query<NoticeRow>(
    `select ${COLUMNS} from consent_notices where purpose = $1 order by version desc limit 1`,
    [purpose],
  );
  const [row] = result.rows;
  return row ? noticeOf(row) : undefined;
}

export async function insertNotice(tx: Queryable, notice: ConsentNotice): Promise<void> {
  await tx.query(`insert into consent_notices (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    notice.purpose,
    notice.version,
    notice.effectiveFrom,
    notice.text.zh,
    notice.text.en,
    notice.sha256,
    notice.publishedAt,
    notice.publishedBy,
  ]);
}

/** The notices port on a database. */
export function createPgConsentNoticeReader(q: Queryable): ConsentNoticeReader {
  return { versionsOf: (purpose) => listNotices(q, purpose) };
}
