import { createApp, type App } from '../../src/app.ts';
import { DEFAULT_APPEAL_SETTINGS } from '../../src/appeals/index.ts';
import type { CustomerNotification, Notifier } from '../../src/appeals/notifier.ts';
import { DEMO_SETTINGS } from '../../src/decisions/demo-cases.ts';
import { generateApiKeySecret, ROLES, type Principal, type Role } from '../../src/platform/auth/api-keys.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { createScriptedCustomer, OperatorRegister, type ScriptedCustomer } from '../appeals/support.ts';
import { testConfig } from '../support/app.ts';
import { pgliteStore, type StoreUnderTest } from '../support/stores.ts';
import { testScorecard } from './scorecard.ts';

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
 * A whole app for the referral queue: a fresh schema, the clock at Monday 2026-11-23 10:00 Shanghai, the
 * default policies with the demo's tightening, the demo scorecard active, the appeals' operator-register
 * provider (its outage switch refers an application for a provider fault), a capturing notifier, one API
 * key per role and three reviewer keys: Ana, Bo, and a second key issued to Ana (the same person).
 */
export async function referralTestApp(options: { store?: StoreUnderTest } = {}): Promise<ReferralTestApp> {
  const db = await (options.store ?? pgliteStore).fresh();
  const clock = new ManualClock(new Date('2026-11-23T02:00:00Z'));
  const ids = createIdGenerator(clock, seededRandomBytes(20261123));
  const provider = new OperatorRegister();
  const notifier = new CapturingNotifier();
  const app = await createApp({
    config: testConfig({ logLevel: 'warn' }),
    db,
    clock,
    ids,
    logger: createMemoryLogger('warn').logger,
    verifier: provider,
    notifier,
    appeals: DEFAULT_APPEAL_SETTINGS,
  });
  const { services } = app;
  await installDefaultPolicies(services.policies);
  const scorecard = testScorecard();
  await services.models.register(scorecard);
  await services.models.activate(scorecard.version);
  await services.policies.loadSettings(DEMO_SETTINGS);
  const random = seededRandomBytes(99);
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) {
    const secret = generateApiKeySecret(role, random);
    await services.apiKeys.create({ name: `test ${role}`, role, secret });
    keys[role] = secret;
  }
  const reviewer = async (name: string): Promise<Reviewer> => {
    const secret = generateApiKeySecret('reviewer', random);
    const record = await services.apiKeys.create({ name, role: 'reviewer', secret });
    return {
      principal: { keyId: record.id, name: record.name, role: record.role },
      auth: { authorization: `Bearer ${secret}` },
    };
  };
  const reviewers = {
    ana: await reviewer('Ana'),
    bo: await reviewer('Bo'),
    anaAgain: await reviewer(' ana '),
  };
  const t = { app, clock };
  return {
    app,
    clock,
    provider,
    notifier,
    auth: (role) => ({ authorization: `Bearer ${keys[role]}` }),
    reviewers,
    async referredCustomer(key) {
      provider.outage = true;
      const customerId = await createScriptedCustomer(t, key);
      provider.outage = false;
      const decision = await services.decisions.decide({ customerId, productCode: 'cash_loan' });
      if (decision.outcome !== 'referred') throw new Error(`expected a referral, got ${decision.outcome}`);
      return { customerId, decisionId: decision.id };
    },
    async customerAuth(customerId) {
      const response = await app.http.inject({
        method: 'POST',
        url: `/v1/customers/${customerId}/sessions`,
        headers: { authorization: `Bearer ${keys.app}` },
        payload: {},
      });
      if (response.statusCode !== 201) throw new Error(`session: ${response.statusCode} ${response.body}`);
      return { authorization: `Bearer ${(response.json() as { token: string }).token}` };
    },
  };
}
