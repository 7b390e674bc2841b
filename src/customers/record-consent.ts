import {
  consentsAt,
  isConsentPurpose,
  isDataSource,
  LEGACY_PURPOSE,
  purposeConsentAt,
  purposeNeedsSource,
  type ConsentPurpose,
  type DataSource,
  type PurposeConsentChange,
  noticeInForce,
  type ConsentNoticeReader,
} from '../identity/index.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { ConsentInput, ConsentOutcome } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { appendEvents, loadEvents } from './customers.pg.ts';
import { purposeConsentsOf, purposeStatesAt, type PurposeConsentState } from './consent-states.ts';
import { internalEvent } from './customers-rules.ts';
import { mustFindCustomer } from './get-customer.ts';

export type { ConsentInput, ConsentOutcome } from './customer.ts';

/** Checks purpose and source together; a bare data source is the legacy credit-assessment consent. */
function purposeAndSource(input: ConsentInput): { purpose: ConsentPurpose; dataSource: DataSource | null } {
  const purpose = input.purpose ?? LEGACY_PURPOSE;
  if (!isConsentPurpose(purpose))
    throw AppError.invalid('purpose', 'consent-purpose', `"${purpose}" is not a consent purpose`);
  if (purposeNeedsSource(purpose)) {
    if (input.dataSource === undefined)
      throw AppError.invalid('dataSource', 'required', `${purpose} is given per data source: name one`);
    if (!isDataSource(input.dataSource))
      throw AppError.invalid('dataSource', 'data-source', `"${input.dataSource}" is not a data source`);
    return { purpose, dataSource: input.dataSource };
  }
  if (input.dataSource !== undefined)
    throw AppError.invalid('dataSource', 'not-for-purpose', `${purpose} is not given per data source`);
  return { purpose, dataSource: null };
}

/**
 * The notice a grant accepts: the version in force now. A named version must be it; none named takes it.
 * With no notice published, only the legacy credit-assessment consent may be recorded (without a notice).
 */
async function acceptedNotice(
  notices: ConsentNoticeReader,
  purpose: ConsentPurpose,
  named: number | undefined,
  now: Date,
): Promise<{ version: number; sha256: string } | null> {
  const current = noticeInForce(await notices.versionsOf(purpose), purpose, now);
  if (!current) {
    if (named !== undefined)
      throw AppError.invalid('noticeVersion', 'notice-in-force', `no ${purpose} notice is in force`);
    if (purpose === LEGACY_PURPOSE) return null;
    throw AppError.invalid(
      'purpose',
      'notice-published',
      `no ${purpose} notice is in force: publish one (POST /v1/consent-notices) before recording consent to it`,
    );
  }
  if (named !== undefined && named !== current.version)
    throw AppError.invalid(
      'noticeVersion',
      'notice-in-force',
      `version ${named} of the ${purpose} notice is not in force; version ${current.version} is`,
    );
  return { version: current.version, sha256: current.sha256 };
}

async function loadPurposeConsents(q: Queryable, customerId: string, until: Date) {
  return purposeConsentsOf(await loadEvents(q, customerId, until));
}

/**
 * Grants or withdraws consent to a purpose (and, for credit assessment, a data source), now. A grant names
 * the notice version in force; a withdrawal stops that use from this instant (features of later decisions
 * do without the source; bureau queries and reports are refused). Idempotent: asking for the state already
 * in force (with the same notice) records nothing. Returns the consents in force after it.
 */
export async function recordConsent(
  deps: Pick<CustomersDeps, 'db' | 'clock' | 'ids' | 'notices'>,
  input: ConsentInput,
): Promise<ConsentOutcome> {
  const { db, clock, ids } = deps;
  const { customerId, granted } = input;
  const { purpose, dataSource } = purposeAndSource(input);
  const now = clock.now();
  const notice = granted ? await acceptedNotice(deps.notices, purpose, input.noticeVersion, now) : null;
  const recorded = await db.transaction(async (tx) => {
    await mustFindCustomer(tx, customerId);
    // One change at a time per customer: the "already in force" check and the append agree.
    await tx.query(`select pg_advisory_xact_lock(hashtext('consent:' || $1))`, [customerId]);
    const current = purposeConsentAt(
      await loadPurposeConsents(tx, customerId, now),
      purpose,
      now,
      dataSource,
    );
    const unchanged = granted
      ? current !== undefined && current.noticeVersion === (notice?.version ?? null)
      : current === undefined;
    if (unchanged) return null;
    const legacy = input.purpose === undefined && notice === null;
    const event = internalEvent(ids, customerId, now, {
      type: 'consent',
      ...(dataSource === null ? {} : { dataSource }),
      granted,
      ...(legacy ? {} : { purpose }),
      ...(notice ? { noticeVersion: notice.version, noticeHash: notice.sha256 } : {}),
    });
    await appendEvents(tx, [event], now);
    return `${event.source}/${event.eventId}`;
  });
  const changes = await loadPurposeConsents(db, customerId, now);
  return {
    consents: consentsAt(
      changes.flatMap((change) =>
        change.purpose === 'credit_assessment' && change.dataSource !== null
          ? [{ ...change, dataSource: change.dataSource }]
          : [],
      ),
      now,
    ),
    purposes: purposeStatesAt(changes, now),
    recorded,
  };
}

/** A customer's consent history (every grant and withdrawal, oldest first) and what is in force now. */
export async function listConsents(
  deps: Pick<CustomersDeps, 'db' | 'clock'>,
  customerId: string,
): Promise<{ history: PurposeConsentChange[]; inForce: PurposeConsentState[] }> {
  const now = deps.clock.now();
  await mustFindCustomer(deps.db, customerId);
  const history = await loadPurposeConsents(deps.db, customerId, now);
  return { history, inForce: purposeStatesAt(history, now) };
}
