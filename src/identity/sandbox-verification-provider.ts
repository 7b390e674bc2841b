import type { ProviderAnswer, VerificationProvider } from './verification.ts';

/**
 * The deterministic sandbox provider: like a payment processor's test cards, documented test values give
 * documented answers, and everything else matches.
 *
 * | element | test value | answer |
 * | --- | --- | --- |
 * | ID number | sequence digits (positions 15–17) `999`, e.g. `110105199001019998` | ID not registered to this name (`ID_NAME_MISMATCH`) |
 * | phone | starts with `170` | registered to someone else (`PHONE_NOT_OWNED_BY_ID_HOLDER`) |
 * | phone | starts with `174` | the operator is unreachable (`PROVIDER_UNAVAILABLE`) |
 * | card | ends with `0000` | issued in another name (`CARD_NAME_MISMATCH`) |
 * | anything else | | match |
 */
export function createSandboxVerificationProvider(): VerificationProvider {
  const match: ProviderAnswer = { outcome: 'match' };
  return {
    name: 'sandbox',
    async matchIdToName({ idNumber }) {
      return idNumber.slice(14, 17) === '999' ? { outcome: 'mismatch' } : match;
    },
    async matchPhoneToIdHolder({ phone }) {
      if (phone.startsWith('170')) return { outcome: 'mismatch' };
      if (phone.startsWith('174')) return { outcome: 'unavailable', detail: 'sandbox: operator unreachable' };
      return match;
    },
    async matchCardToIdHolder({ cardNumber }) {
      return cardNumber.endsWith('0000') ? { outcome: 'mismatch' } : match;
    },
  };
}
