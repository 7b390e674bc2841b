import type { Database, Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays } from '../../platform/time/local-date.ts';
import { autoRepayNoticeAt } from './auto-repay.ts';
import type { AutoRepayAccounts } from './payment-ports.ts';
import {
  autoRepayNoticeVersions,
  boundCardLast4,
  consentHistory,
  findMandate,
  listAttempts,
  saveMandate,
  type AmountRule,
  type AutoRepayConsent,
  type AutoRepayProduct,
  type PaymentAttempt,
} from './payments.pg.ts';

export interface AutoRepayDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly accounts: readonly AutoRepayAccounts[];
}

/** Who turns auto-repay on or off: the customer (their session) or staff on their behalf. */
export interface AutoRepayActor {
  readonly kind: 'customer' | 'staff';
  readonly name: string;
}

export interface SetAutoRepayInput {
  readonly accountId: string;
  /** When given (the customer's own API), the account must be theirs (another's is answered as unknown). */
  readonly customerId?: string;
  readonly enabled: boolean;
  /** The bound card to collect from; default: the card already chosen, else the customer's first bound card. */
  readonly cardId?: string;
  /** The notice version the customer was shown; must be the one in force (default: it). */
  readonly noticeVersion?: number;
  /**
   * Credit lines only: collect the statement's full balance (`full`, the default — as a Huabei-like line
   * does) or its minimum payment (`minimum`). Default: the rule already chosen, else `full`.
   */
  readonly amountRule?: AmountRule;
  readonly actor: AutoRepayActor;
}

/** An account's auto-repay: on or off, from which card, under which notice, its consents and attempts. */
export interface AutoRepayView {
  readonly accountId: string;
  readonly customerId: string;
  readonly product: AutoRepayProduct;
  readonly enabled: boolean;
  readonly cardId: string | null;
  readonly cardLast4: string | null;
  readonly noticeVersion: number | null;
  /** A credit line's amount rule (null for a cash loan, or while never turned on). */
  readonly amountRule: AmountRule | null;
  readonly consents: readonly AutoRepayConsent[];
  readonly attempts: readonly PaymentAttempt[];
  /** Whether the last call recorded a change (false: it was already so). */
  readonly changed: boolean;
}

async function locate(
  deps: AutoRepayDeps,
  q: Queryable,
  accountId: string,
  customerId: string | undefined,
): Promise<{ accounts: AutoRepayAccounts; customerId: string; open: boolean }> {
  const accounts = deps.accounts.find((candidate) => candidate.owns(accountId));
  const found = accounts ? await accounts.find(q, accountId) : undefined;
  // Another customer's account is answered as unknown: an id never tells whose it is.
  if (!accounts || !found || (customerId !== undefined && found.customerId !== customerId))
    throw AppError.notFound('account', accountId);
  return { accounts, customerId: found.customerId, open: found.open };
}

async function firstBoundCard(q: Queryable, customerId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ card_id: string }>(
    `select card_id from customer_cards where customer_id = $1 and removed_at is null order by added_at, card_id limit 1`,
    [customerId],
  );
  return rows[0]?.card_id;
}

/** An account's auto-repay as it stands. */
export async function getAutoRepay(
  deps: AutoRepayDeps,
  input: { accountId: string; customerId?: string },
  changed = false,
): Promise<AutoRepayView> {
  const { accounts, customerId } = await locate(deps, deps.db, input.accountId, input.customerId);
  const mandate = await findMandate(deps.db, customerId, input.accountId);
  const cardLast4 = mandate ? ((await boundCardLast4(deps.db, customerId, mandate.cardId)) ?? null) : null;
  return {
    accountId: input.accountId,
    customerId,
    product: accounts.product,
    enabled: mandate?.enabled ?? false,
    cardId: mandate?.cardId ?? null,
    cardLast4,
    noticeVersion: mandate?.enabled ? mandate.noticeVersion : null,
    amountRule: mandate?.amountRule ?? null,
    consents: await consentHistory(deps.db, customerId, input.accountId),
    attempts: await listAttempts(deps.db, { customerId, accountId: input.accountId }),
    changed,
  };
}

/**
 * Turns auto-repay on or off for one loan or line, recorded as a consent with purpose `auto_repay`: a grant
 * names the notice version in force (and its SHA-256), the bound card and, for a line, the amount rule; a withdrawal stops collections
 * from that instant (attempts already sent to the provider are still settled). Asking for the state already
 * in force records nothing. Refused with nothing written: a closed account (`accountId` / `open-account`),
 * a card that is not the customer's bound card (`cardId` / `bound-card`), no card at all (`cardId` /
 * `required`), a notice version not in force (`noticeVersion` / `notice-in-force`).
 */
export async function setAutoRepay(deps: AutoRepayDeps, input: SetAutoRepayInput): Promise<AutoRepayView> {
  const now = deps.clock.now();
  const changed = await deps.db.transaction(async (tx) => {
    const { accounts, customerId, open } = await locate(deps, tx, input.accountId, input.customerId);
    const current = await findMandate(tx, customerId, input.accountId, { lock: true });
    if (!input.enabled) {
      if (!current?.enabled) return false;
      await saveMandate(
        tx,
        { ...current, enabled: false },
        {
          granted: false,
          cardId: null,
          noticeVersion: null,
          noticeHash: null,
          amountRule: null,
          actorKind: input.actor.kind,
          actor: input.actor.name,
        },
        now,
      );
      return true;
    }
    if (accounts.product !== 'credit_line' && input.amountRule !== undefined)
      throw AppError.invalid(
        'amountRule',
        'credit-line-only',
        'an amount rule is chosen for a credit line; a loan collects everything due',
      );
    const amountRule: AmountRule | null =
      accounts.product === 'credit_line' ? (input.amountRule ?? current?.amountRule ?? 'full') : null;
    if (!open)
      throw AppError.invalid(
        'accountId',
        'open-account',
        `${input.accountId} is not open: nothing is due on it`,
      );
    const notices = await autoRepayNoticeVersions(tx);
    const notice = autoRepayNoticeAt(now, notices);
    if (!notice)
      throw AppError.invalid('noticeVersion', 'notice-in-force', 'no auto-repay notice is in force');
    if (input.noticeVersion !== undefined && input.noticeVersion !== notice.version) {
      const known = notices.some((candidate) => candidate.version === input.noticeVersion);
      throw AppError.invalid(
        'noticeVersion',
        'notice-in-force',
        `${known ? 'version' : 'there is no version'} ${input.noticeVersion} of the auto-repay notice ${known ? 'is not in force' : ''}; version ${notice.version} is`.replace(
          /\s+;/,
          ';',
        ),
      );
    }
    const cardId = input.cardId ?? current?.cardId ?? (await firstBoundCard(tx, customerId));
    if (!cardId)
      throw AppError.invalid('cardId', 'required', 'bind a bank card first: auto-repay collects from it');
    if ((await boundCardLast4(tx, customerId, cardId)) === undefined)
      throw AppError.invalid('cardId', 'bound-card', `${cardId} is not a bank card bound by this customer`);
    if (
      current?.enabled &&
      current.cardId === cardId &&
      current.noticeVersion === notice.version &&
      current.amountRule === amountRule
    )
      return false;
    await saveMandate(
      tx,
      {
        customerId,
        accountId: input.accountId,
        product: accounts.product,
        cardId,
        enabled: true,
        noticeVersion: notice.version,
        amountRule,
        // From today's business date on: the day-end of yesterday (run after midnight) tries nothing.
        processedThrough: addDays(deps.clock.today(), -1),
      },
      {
        granted: true,
        cardId,
        noticeVersion: notice.version,
        noticeHash: notice.sha256,
        amountRule,
        actorKind: input.actor.kind,
        actor: input.actor.name,
      },
      now,
    );
    return true;
  });
  return getAutoRepay(deps, input, changed);
}
