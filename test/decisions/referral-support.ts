import type { App } from '../../src/services.ts';
import type { CustomerNotification, Notifier } from '../../src/appeals/notifier.ts';
import { generateApiKeySecret, type Principal, type Role } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import type { ManualClock } from '../../src/platform/time/clock.ts';
import {
  appealTestApp,
  createScriptedCustomer,
  type OperatorRegister,
  type ScriptedCustomer,
} from '../appeals/support.ts';
import type { StoreUnderTest } from '../support/stores.ts';

/** A notifier that keeps what it was given (the customer's notifications, in order). */
export class CapturingNotifier implements Notifier {
  readonly sent: CustomerNotification[] = [];
  async send(notification: CustomerNotification): Promise<void> {
    this.sent.push(notification);
  }
}

export interface Reviewer {
  readonly principal: Principal;
  readonly auth: { authorization: string };
}

export interface ReferralTestApp {
  readonly app: App;
  readonly clock: ManualClock;
  readonly provider: OperatorRegister;
  readonly notifier: CapturingNotifier;
  auth(role: Role): { authorization: string };
  readonly reviewers: { readonly ana: Reviewer; readonly bo: Reviewer; readonly anaAgain: Reviewer };
  /** A scripted customer whose phone check hit a provider outage: their application is referred. */
  referredCustomer(key: ScriptedCustomer['key']): Promise<{ customerId: string; decisionId: string }>;
  /** A customer session token's header for /v1/me. */
  customerAuth(customerId: string): Promise<{ authorization: string }>;
}

/**
 * A whole app for the referral queue: the appeals' test app (a fresh schema, the clock at Monday 2026-11-23
 * 10:00 Shanghai, the default policies with the demo's tightening, the demo scorecard active, the
 * operator-register provider whose outage switch refers an application for a provider fault, one API key
 * per role) with a capturing notifier, and three reviewer keys: Ana, Bo, and a second key issued to Ana
 * (the same person).
 */
export async function referralTestApp(options: { store?: StoreUnderTest } = {}): Promise<ReferralTestApp> {
  const notifier = new CapturingNotifier();
  const base = await appealTestApp({ ...options, notifier });
  const { app, clock, provider } = base;
  const random = seededRandomBytes(20261124);
  const reviewer = async (name: string): Promise<Reviewer> => {
    const secret = generateApiKeySecret('reviewer', random);
    const record = await app.services.apiKeys.create({ name, role: 'reviewer', secret });
    return {
      principal: { keyId: record.id, name: record.name, role: record.role },
      auth: { authorization: `Bearer ${secret}` },
    };
  };
  return {
    app,
    clock,
    provider,
    notifier,
    auth: base.auth,
    reviewers: { ana: await reviewer('Ana'), bo: await reviewer('Bo'), anaAgain: await reviewer(' ana ') },
    async referredCustomer(key) {
      provider.outage = true;
      const customerId = await createScriptedCustomer({ app, clock }, key);
      provider.outage = false;
      const decision = await app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      if (decision.outcome !== 'referred') throw new Error(`expected a referral, got ${decision.outcome}`);
      return { customerId, decisionId: decision.id };
    },
    async customerAuth(customerId) {
      const response = await app.http.inject({
        method: 'POST',
        url: `/v1/customers/${customerId}/sessions`,
        headers: base.auth('app'),
        payload: {},
      });
      if (response.statusCode !== 201) throw new Error(`session: ${response.statusCode} ${response.body}`);
      return { authorization: `Bearer ${(response.json() as { token: string }).token}` };
    },
  };
}
