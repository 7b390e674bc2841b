/**
 * The customer's own API (`/v1/me/…`, see docs/customer-app.md) as other modules may use it: its texts and
 * its settings, all pure. The API itself — routes, sessions, and the reads and commands that delegate to the
 * other contexts' services (`MeDeps`) — is wired by the composition root and is not part of this surface;
 * its HTTP schemas (`me.dto.ts`) belong to the delivery layer.
 */
export {
  decisionHeadline,
  DIMENSION_LABELS,
  failureText,
  FAILURE_TEXTS,
  HEADLINES,
  LEVEL_NAMES,
  MESSAGE_TITLES,
  NEXT_STEPS,
  overturnedNote,
  percentBoth,
  PRODUCT_NAMES,
  productName,
  REFERRAL_TEXTS,
  RETRY_VERIFICATION,
  text,
  type Text,
} from './me-texts.ts';
export { DEFAULT_ME_SETTINGS, parseMeSettings, type MeSettings } from './me-settings.ts';
