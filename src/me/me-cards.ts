import { checkCardNumber } from '../identity/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { levelsNeeded, verificationView, type VerificationView } from './me-home.ts';
import type { MeDeps } from './me-deps.ts';
import { failureText } from './me-texts.ts';

/**
 * `POST /v1/me/cards`: bind a bank card in one's own name. The card is bound, then the four-element check
 * (name, ID number, the phone verified with us, the card) runs through the verification provider; the
 * customer's level is L3 exactly when a card in their own name answers. Each failure is said precisely: a
 * mistyped number (nothing is bound), a phone not yet verified (nothing is bound: the card check needs it),
 * a card in someone else's name or unknown to the bank (422), the provider not answering (503).
 */
export async function bindCard(
  deps: MeDeps,
  customerId: string,
  cardNumber: string,
): Promise<{ card: VerificationView['cards'][number]; verification: VerificationView; verified: true }> {
  const check = checkCardNumber(cardNumber);
  if (!check.valid) {
    throw new AppError('VALIDATION_FAILED', `cardNumber: ${check.message}`, {
      issues: [{ field: 'cardNumber', rule: check.reason, message: check.message }],
      details: { reason: check.reason, text: failureText(check.reason) },
    });
  }
  const { customers } = deps.services;
  const before = await customers.getSnapshot(customerId);
  if (before.verification.level < 2 && !before.verification.failures.includes('PROVIDER_UNAVAILABLE')) {
    throw new AppError('UNPROCESSABLE', 'your phone number must be verified before a card can be checked', {
      issues: [
        {
          field: 'cardNumber',
          rule: 'phone-not-verified',
          message: 'the four-element check needs a verified phone first',
        },
      ],
      details: {
        reason: 'PHONE_NOT_VERIFIED',
        text: {
          'zh-CN': '请先完成手机号核验，才能核验银行卡',
          en: 'Your phone number needs to be verified before we can check a card',
        },
      },
    });
  }
  const card = await customers.addCard(customerId, cardNumber);
  const result = await customers.verify(customerId);
  const [customer, needed] = await Promise.all([
    customers.getCustomer(customerId),
    levelsNeeded(deps, deps.clock.now()),
  ]);
  const verification = verificationView(
    customer,
    {
      level: result.level,
      failures: result.failures,
      provider: result.provider,
      verifiedAt: result.verifiedAt,
    },
    needed,
  );
  if (result.level < 3) {
    const code = result.failures.includes('PROVIDER_UNAVAILABLE')
      ? 'PROVIDER_UNAVAILABLE'
      : result.failures.includes('CARD_NAME_MISMATCH')
        ? 'CARD_NAME_MISMATCH'
        : (result.failures[0] ?? 'CARD_NOT_BOUND');
    const message =
      code === 'PROVIDER_UNAVAILABLE'
        ? 'the verification service did not answer; try again later'
        : code === 'CARD_NAME_MISMATCH'
          ? 'the bank says this card is not in your name'
          : `the card could not be verified (${code})`;
    throw new AppError(code === 'PROVIDER_UNAVAILABLE' ? 'UNAVAILABLE' : 'UNPROCESSABLE', message, {
      issues: [{ field: 'cardNumber', rule: code, message }],
      details: { reason: code, text: failureText(code), cardId: card.cardId, level: result.level },
    });
  }
  const bound = verification.cards.find((c) => c.cardId === card.cardId);
  if (!bound) throw new AppError('INTERNAL', 'a bound card is missing from the customer');
  return { card: bound, verification, verified: true };
}
