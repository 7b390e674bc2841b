import type { Database, Queryable } from '../../platform/database/database.ts';
import { parseIdempotencyKey } from '../../ledger/index.ts';
import { AppError, isAppError } from '../../platform/errors/app-error.ts';
import { en, zh, type LocalizedText } from '../../platform/i18n/localized.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import { subMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { PaymentFailureReason, PaymentProvider, PaymentStatus } from './payment-provider.ts';
import type { AutoRepayAccounts } from './payment-ports.ts';
import { boundCardLast4, findMandate } from './payments.pg.ts';
import {
  countPayoutCall,
  findPayout,
  findPayoutByKey,
  insertPayout,
  pendingPayoutTotal,
  resolvePayout,
  unresolvedPayouts,
  type Payout,
  type PayoutStatus,
} from './payouts.pg.ts';

/**
 * Refunds of money held for the customer (an overpayment, a refund of a purchase after it was paid) to
 * their bound card through the provider's pay-out (代付). Nothing is booked as paid out until the provider
 * confirms: the request is recorded (`requested`), the provider is called outside any transaction (our
 * payout id is its idempotency key), and only a confirmed pay-out books the product's payout event
 * (idempotent by the payout id). A refusal leaves the money held and says why; a timeout leaves the pay-out
 * `unknown`, settled later by the provider's status (never sent twice). The customer is told either way.
 */

export interface PayoutDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly provider: PaymentProvider;
  readonly accounts: readonly AutoRepayAccounts[];
  readonly outbox?: MessageOutbox;
}

export interface PayoutInput {
  readonly accountId: string;
  /** What to pay back; all that is held and not already asked for when omitted. */
  readonly amount?: Money;
  /** The bound card; default: the account's auto-repay card, else the customer's first bound card. */
  readonly cardId?: string;
  readonly idempotencyKey: string;
  /** Who asked (staff name and key, or the CLI operator). */
  readonly requestedBy: string;
}

export interface PayoutOutcome {
  /** The pay-out as it stands after this call (paid, failed, or still unknown). */
  readonly payout: Payout;
  /** Whether the idempotency key named an earlier pay-out (answered, and asked about again if waiting). */
  readonly replayed: boolean;
}

const PAYOUT_REASON_TEXT: Readonly<Record<PaymentFailureReason, LocalizedText>> = {
  insufficient_funds: {
    zh: '付款通道暂时无法付款',
    en: 'the payment provider could not make the payment just now',
  },
  card_invalid: { zh: '银行卡无效或已注销', en: 'the card is no longer valid' },
  declined: { zh: '收款银行拒绝了入账', en: 'the bank that issued the card refused the payment' },
};

/** Why a pay-out failed, in words the customer can act on. */
export function payoutFailureText(reason: PaymentFailureReason): LocalizedText {
  return PAYOUT_REASON_TEXT[reason];
}

function accountWords(product: Payout['product']): LocalizedText {
  return product === 'cash_loan' ? { zh: '借款', en: 'loan' } : { zh: '信用额度', en: 'credit line' };
}

/** What the customer reads when the money reached the provider: how much, to which card. */
export function payoutSentText(p: Pick<Payout, 'amount' | 'cardLast4' | 'product'>): LocalizedText {
  const account = accountWords(p.product);
  return {
    zh: `我们已将在您的${account.zh}中为您保管的${zh.money(p.amount)}退还至您尾号${p.cardLast4}的银行卡，一般1至3个工作日内到账。`,
    en: `We have paid ${en.money(p.amount)} that we held for you on your ${account.en} back to your card ending ${p.cardLast4}. It usually arrives within 1 to 3 working days.`,
  };
}

/** What the customer reads when a pay-out failed: why, that the money is still held, what to do. */
export function payoutFailedText(
  p: Pick<Payout, 'amount' | 'cardLast4' | 'product'>,
  reason: PaymentFailureReason,
): LocalizedText {
  const account = accountWords(p.product);
  const why = PAYOUT_REASON_TEXT[reason];
  return {
    zh: `我们尝试将为您保管的${zh.money(p.amount)}退还至您尾号${p.cardLast4}的银行卡，未能成功：${why.zh}。这笔钱仍在您的${account.zh}中为您保管；请在App中绑定其他银行卡后再次申请退款，或联系客服。`,
    en: `We tried to pay ${en.money(p.amount)} that we hold for you on your ${account.en} back to your card ending ${p.cardLast4}. It failed: ${why.en}. The money is still held for you: bind another card in the app and ask again, or contact us.`,
  };
}

function accountsFor(deps: PayoutDeps, accountId: string): AutoRepayAccounts | undefined {
  return deps.accounts.find((candidate) => candidate.owns(accountId));
}

async function firstBoundCard(q: Queryable, customerId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ card_id: string }>(
    `select card_id from customer_cards where customer_id = $1 and removed_at is null order by added_at, card_id limit 1`,
    [customerId],
  );
  return rows[0]?.card_id;
}

/**
 * Asks for a pay-out of money held on a loan or line and takes it to the provider at once. Refused with
 * nothing written (422, field and rule): an amount not positive, or more than is held less pay-outs still
 * waiting (`amount` / `within-held`); no bound card (`cardId` / `required`); a card not the customer's
 * (`cardId` / `bound-card`). The same idempotency key answers the first pay-out (a different amount or
 * card: IDEMPOTENCY_MISMATCH); one still waiting is asked about again.
 */
export async function requestPayout(deps: PayoutDeps, input: PayoutInput): Promise<PayoutOutcome> {
  parseIdempotencyKey(input.idempotencyKey);
  if (input.amount !== undefined && input.amount <= 0n)
    throw AppError.invalid('amount', 'positive', 'the amount to pay back must be more than 0');
  const accounts = accountsFor(deps, input.accountId);
  const found = accounts ? await accounts.find(deps.db, input.accountId) : undefined;
  if (!accounts || !found) throw AppError.notFound('account', input.accountId);
  const { customerId } = found;
  const recorded = await deps.db.transaction(async (tx) => {
    // One request at a time per account: what is held less what is already asked for is read under it.
    await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [`payout:${input.accountId}`]);
    const existing = await findPayoutByKey(tx, customerId, input.accountId, input.idempotencyKey);
    if (existing) {
      if (input.amount !== undefined && input.amount !== existing.amount)
        throw new AppError(
          'IDEMPOTENCY_MISMATCH',
          `idempotency key ${input.idempotencyKey} was used for a pay-out of ${toDecimalString(existing.amount)}`,
        );
      if (input.cardId !== undefined && input.cardId !== existing.cardId)
        throw new AppError(
          'IDEMPOTENCY_MISMATCH',
          `idempotency key ${input.idempotencyKey} was used for a pay-out to the card ending ${existing.cardLast4}`,
        );
      return { payout: existing, replayed: true };
    }
    const held = await accounts.held(tx, customerId, input.accountId, deps.clock.today());
    const waiting = await pendingPayoutTotal(tx, customerId, input.accountId);
    const available = subMoney(held, waiting);
    const amount = input.amount ?? available;
    if (amount <= 0n)
      throw AppError.invalid(
        'amount',
        'within-held',
        waiting > 0n
          ? `all that is held (${toDecimalString(held)}) is already being paid back`
          : 'nothing is held for the customer to pay back',
      );
    if (amount > available)
      throw AppError.invalid(
        'amount',
        'within-held',
        `at most ${toDecimalString(available)} can be paid back: ${toDecimalString(held)} is held${waiting > 0n ? `, ${toDecimalString(waiting)} of it already being paid back` : ''}`,
      );
    const mandate = await findMandate(tx, customerId, input.accountId);
    const cardId = input.cardId ?? mandate?.cardId ?? (await firstBoundCard(tx, customerId));
    if (!cardId)
      throw AppError.invalid('cardId', 'required', 'the customer has no bound bank card to pay back to');
    if ((await boundCardLast4(tx, customerId, cardId)) === undefined)
      throw AppError.invalid('cardId', 'bound-card', `${cardId} is not a bank card bound by this customer`);
    const payoutId = deps.ids.next('payout');
    await insertPayout(
      tx,
      {
        customerId,
        payoutId,
        accountId: input.accountId,
        product: accounts.product,
        amount,
        cardId,
        idempotencyKey: input.idempotencyKey,
        requestedBy: input.requestedBy,
      },
      deps.clock.now(),
    );
    // The money is set aside in the same transaction: it is never sent without being reserved, and no due
    // date, statement, purchase or write-off can use it while the provider has it.
    await accounts.reserveHeld(tx, { customerId, accountId: input.accountId, amount, payoutId });
    return { payout: (await findPayout(tx, customerId, payoutId)) as Payout, replayed: false };
  });
  if (recorded.payout.status === 'requested' || recorded.payout.status === 'unknown') {
    await settlePayout(deps, recorded.payout);
    const now = (await findPayout(deps.db, customerId, recorded.payout.payoutId)) as Payout;
    return { payout: now, replayed: recorded.replayed };
  }
  return recorded;
}

async function askProvider(deps: PayoutDeps, payout: Payout): Promise<PaymentStatus> {
  const send = async (): Promise<PaymentStatus> => {
    await countPayoutCall(deps.db, payout.customerId, payout.payoutId, deps.clock.now());
    const outcome = await deps.provider.payOut({
      paymentId: payout.payoutId,
      customerId: payout.customerId,
      cardId: payout.cardId,
      cardLast4: payout.cardLast4,
      amount: payout.amount,
    });
    if (outcome.outcome === 'timeout') return { status: 'pending' };
    return outcome.outcome === 'succeeded'
      ? { status: 'succeeded', providerRef: outcome.providerRef }
      : { status: 'failed', reason: outcome.reason, providerRef: outcome.providerRef };
  };
  // Sent before (a timeout, or a crash after the call was counted): ask first; only a pay-out the provider
  // never received is sent again, under the same id.
  if (payout.status === 'unknown' || payout.providerCalls > 0) {
    const status = await deps.provider.status(payout.payoutId);
    return status.status === 'not_found' ? send() : status;
  }
  return send();
}

/**
 * Takes one pay-out waiting for the provider to its next state. Confirmed: the product's payout event is
 * booked (idempotent by the payout id), then the pay-out is marked `paid` and the customer told, in one
 * transaction. Refused: `failed` with the reason, the customer told; the money stays held. No answer:
 * `unknown`. The money was reserved when the pay-out was recorded, so a confirmed pay-out is booked from
 * its reservation; one whose booking is still refused (recorded before reservations, migration 0440, and
 * its money used since) stays `unknown`, is retried by the next pass and reported as `unbooked`.
 */
export async function settlePayout(deps: PayoutDeps, payout: Payout): Promise<PayoutStatus | 'unbooked'> {
  const accounts = accountsFor(deps, payout.accountId);
  if (!accounts) throw new Error(`no payment adapter for ${payout.accountId}`);
  const answer = await askProvider(deps, payout);
  const now = deps.clock.now();
  if (answer.status === 'pending' || answer.status === 'not_found') {
    await resolvePayout(deps.db, payout.customerId, payout.payoutId, { status: 'unknown' }, now);
    return 'unknown';
  }
  if (answer.status === 'succeeded') {
    let seq: number;
    try {
      ({ seq } = await accounts.bookPayout({
        accountId: payout.accountId,
        amount: payout.amount,
        payoutId: payout.payoutId,
      }));
    } catch (error) {
      if (!isAppError(error)) throw error;
      await resolvePayout(deps.db, payout.customerId, payout.payoutId, { status: 'unknown' }, now);
      return 'unbooked';
    }
    await deps.db.transaction(async (tx) => {
      await resolvePayout(
        tx,
        payout.customerId,
        payout.payoutId,
        { status: 'paid', providerRef: answer.providerRef, bookedSeq: seq },
        now,
      );
      await deps.outbox?.write(tx, [
        {
          customerId: payout.customerId,
          subjectId: payout.accountId,
          occasion: `payout-${payout.payoutId}`,
          content: { kind: 'payout_sent', params: { text: payoutSentText(payout) } },
        },
      ]);
    });
    return 'paid';
  }
  await deps.db.transaction(async (tx) => {
    await resolvePayout(
      tx,
      payout.customerId,
      payout.payoutId,
      { status: 'failed', reason: answer.reason, providerRef: answer.providerRef },
      now,
    );
    // Refused: the reservation is freed with the refusal, and the money held is used from then on.
    await accounts.releaseHeld(tx, {
      customerId: payout.customerId,
      accountId: payout.accountId,
      payoutId: payout.payoutId,
    });
    await deps.outbox?.write(tx, [
      {
        customerId: payout.customerId,
        subjectId: payout.accountId,
        occasion: `payout-${payout.payoutId}`,
        content: { kind: 'payout_failed', params: { text: payoutFailedText(payout, answer.reason) } },
      },
    ]);
  });
  return 'failed';
}

export interface PayoutSettleReport {
  readonly paid: number;
  readonly failed: number;
  readonly unknown: number;
  /** Confirmed by the provider but not booked (the money held was used since): staff look at these. */
  readonly unbooked: number;
}

/** Asks the provider about every pay-out still waiting (the day-end's auto-repay step; `resolve`). */
export async function settlePayouts(deps: PayoutDeps): Promise<PayoutSettleReport> {
  const counts = { paid: 0, failed: 0, unknown: 0, unbooked: 0, requested: 0 };
  let afterId = '';
  for (;;) {
    const page = await unresolvedPayouts(deps.db, afterId, 200);
    if (page.length === 0) break;
    for (const payout of page) counts[await settlePayout(deps, payout)] += 1;
    afterId = (page[page.length - 1] as Payout).payoutId;
  }
  return { paid: counts.paid, failed: counts.failed, unknown: counts.unknown, unbooked: counts.unbooked };
}
