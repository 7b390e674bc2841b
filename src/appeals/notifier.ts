import type { LocalizedText } from '../platform/i18n/localized.ts';

/**
 * What the customer is told, through whichever channel the adapter uses: an appeal's notifications
 * (`appealId`) and a referral's (`referralId`, with the decision that answered it) share one port.
 */
export interface CustomerNotification {
  readonly id: string;
  readonly customerId: string;
  /** `received`, `queued`, `resolved`, `withdrawn` (appeals); `referral_decided` (referrals). */
  readonly kind: string;
  readonly text: LocalizedText;
  readonly createdAt: Date;
  readonly appealId?: string;
  readonly referralId?: string;
  readonly decisionId?: string;
}

/**
 * The port through which customers hear about their appeals and referrals (SMS, push, in-app inbox — an
 * adapter's business). Notifications are recorded in the transaction of the change first and handed to the
 * notifier after it commits; one that fails stays undelivered and is retried by the recovery pass, so a
 * delivery may be repeated — adapters should de-duplicate by `notification.id`.
 */
export interface Notifier {
  /** Delivers one notification; throws when it could not (it will be retried). */
  send(notification: CustomerNotification): Promise<void>;
}
