import { createApp } from '../../src/app.ts';
import type { App } from '../../src/services.ts';
import { DEFAULT_APPEAL_SETTINGS, type AppealSettings, type Notifier } from '../../src/appeals/index.ts';
import { eventToWire, type CustomerEvent } from '../../src/customers/index.ts';
import { CustomerHistory } from '../../src/demo/index.ts';
import { DEMO_SETTINGS } from '../../src/demo/cases/demo-cases.ts';
import { luhnCheckDigit } from '../../src/identity/bank-card.ts';
import { idCheckCharacter } from '../../src/identity/id-number.ts';
import { createSandboxVerificationProvider } from '../../src/identity/sandbox-verification-provider.ts';
import type { ProviderAnswer, VerificationProvider } from '../../src/identity/verification.ts';
import {
  generateApiKeySecret,
  hashApiKey,
  ROLES,
  type Principal,
  type Role,
} from '../../src/platform/auth/api-keys.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { addDays, businessDateOf, type LocalDate } from '../../src/platform/time/local-date.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { testScorecard } from '../decisions/scorecard.ts';
import { testConfig } from '../support/app.ts';
import { pgliteStore, type StoreUnderTest } from '../support/stores.ts';

/**
 * The sandbox identity provider with the two switches the appeal scenarios need, as a real provider's
 * answers would change: a mobile operator's real-name register the customer can complete (a phone listed
 * as unregistered answers "mismatch" until `register(phone)`), and an outage of the phone check
 * (`outage = true` answers "unavailable"). Everything else is the deterministic sandbox.
 */
export class OperatorRegister implements VerificationProvider {
  readonly name = 'sandbox-operator-register';
  private readonly sandbox = createSandboxVerificationProvider();
  private readonly unregistered = new Set<string>();
  outage = false;

  unregister(phone: string): this {
    this.unregistered.add(phone);
    return this;
  }

  register(phone: string): void {
    this.unregistered.delete(phone);
  }

  matchIdToName(claim: Parameters<VerificationProvider['matchIdToName']>[0]): Promise<ProviderAnswer> {
    return this.sandbox.matchIdToName(claim);
  }

  async matchPhoneToIdHolder(
    claim: Parameters<VerificationProvider['matchPhoneToIdHolder']>[0],
  ): Promise<ProviderAnswer> {
    if (this.outage) return { outcome: 'unavailable', detail: 'operator unreachable' };
    if (this.unregistered.has(claim.phone)) return { outcome: 'mismatch' };
    return this.sandbox.matchPhoneToIdHolder(claim);
  }

  matchCardToIdHolder(
    claim: Parameters<VerificationProvider['matchCardToIdHolder']>[0],
  ): Promise<ProviderAnswer> {
    return this.sandbox.matchCardToIdHolder(claim);
  }
}

export interface Reviewer {
  readonly principal: Principal;
  readonly secret: string;
  readonly auth: { authorization: string };
}

export interface AppealTestApp {
  readonly app: App;
  readonly clock: ManualClock;
  readonly provider: OperatorRegister;
  readonly keys: Readonly<Record<Role, string>>;
  auth(role: Role): { authorization: string };
  /** The principal of the app key (what the routes see for role app). */
  readonly appPrincipal: Principal;
  /** Two reviewers (maker and checker) and an admin. */
  readonly reviewers: { readonly ana: Reviewer; readonly bo: Reviewer; readonly admin: Reviewer };
  logLines(): string[];
}

function idNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

function cardNumber(payload: string): string {
  return `${payload}${luhnCheckDigit(payload)}`;
}

const day = (asOf: Date, days: number): LocalDate => addDays(businessDateOf(asOf), days);

/**
 * A whole app for appeals: a fresh schema, the clock at 2026-11-23 10:00 Shanghai (a Monday), the default
 * policies with the demo's tightening, the demo scorecard active, the operator-register provider, the
 * log notifier on an in-memory log, and API keys: one per role plus two named reviewers.
 */
export async function appealTestApp(
  options: {
    store?: StoreUnderTest;
    now?: Date;
    settings?: Partial<AppealSettings>;
    poolSize?: number;
    /** The customer notifier (default: the log notifier on the in-memory log). */
    notifier?: Notifier;
  } = {},
): Promise<AppealTestApp> {
  const store = options.store ?? pgliteStore;
  const db = await store.fresh(options.poolSize ? { poolSize: options.poolSize } : {});
  const clock = new ManualClock(options.now ?? new Date('2026-11-23T02:00:00Z'));
  const ids = createIdGenerator(clock, seededRandomBytes(20261123));
  const memory = createMemoryLogger('debug');
  const provider = new OperatorRegister();
  const app = await createApp({
    config: testConfig(),
    db,
    clock,
    ids,
    logger: memory.logger,
    verifier: provider,
    appeals: { ...DEFAULT_APPEAL_SETTINGS, ...options.settings },
    ...(options.notifier ? { notifier: options.notifier } : {}),
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
  const reviewer = async (name: string, role: Role): Promise<Reviewer> => {
    const secret = generateApiKeySecret(role, random);
    const record = await services.apiKeys.create({ name, role, secret });
    return {
      principal: { keyId: record.id, name: record.name, role: record.role },
      secret,
      auth: { authorization: `Bearer ${secret}` },
    };
  };
  const reviewers = {
    ana: await reviewer('Ana (reviewer)', 'reviewer'),
    bo: await reviewer('Bo (reviewer)', 'reviewer'),
    admin: await reviewer('Lead (admin)', 'admin'),
  };
  const appKey = await services.apiKeys.findActiveByHash(hashApiKey(keys.app));
  if (!appKey) throw new Error('no app key');
  return {
    app,
    clock,
    provider,
    keys,
    auth: (role) => ({ authorization: `Bearer ${keys[role]}` }),
    appPrincipal: { keyId: appKey.id, name: appKey.name, role: appKey.role },
    reviewers,
    logLines: memory.lines,
  };
}

/** An established borrower: loans elsewhere repaid on time, low utilisation, steady high income. */
function goodHistory(customerId: string, asOf: Date, prefix: string, salary = '52000.00'): CustomerHistory {
  return new CustomerHistory(customerId, prefix)
    .consentAll(CustomerHistory.at(day(asOf, -730)))
    .profile(CustomerHistory.at(day(asOf, -730)), { socialInsurance: true, housingFund: true })
    .salary(day(asOf, 0), 12, salary)
    .monthlySpending(day(asOf, 0), 12, 12, '480.00')
    .loan('elsewhere', 'lender-05', 'car-1', day(asOf, -420), 24, '48000.00', day(asOf, 0))
    .loan('elsewhere', 'lender-09', 'home-reno-1', day(asOf, -390), 24, '36000.00', day(asOf, 0))
    .creditLine(CustomerHistory.at(day(asOf, -15)), 'elsewhere', 'bank-cmb', 'cc-1', '60000.00', '3000.00');
}

export interface ScriptedCustomer {
  readonly key: 'phone_unregistered' | 'disputed_overdue' | 'outage' | 'declined_twice';
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly card: string;
  history(customerId: string, asOf: Date): CustomerEvent[];
}

/** The customers of the appeal scenarios (identifiers that pass every check; event ids under `appeal-`). */
export const APPEAL_CUSTOMERS: readonly ScriptedCustomer[] = [
  {
    key: 'phone_unregistered',
    externalId: 'appeal-phone-unregistered',
    name: '林晓',
    idNumber: idNumber('310104', '19880512', '026'),
    phone: '13912340001',
    card: cardNumber('622588000012340'),
    history: (customerId, asOf) => goodHistory(customerId, asOf, 'appeal-phone').eventsUntil(asOf),
  },
  {
    key: 'disputed_overdue',
    externalId: 'appeal-disputed-overdue',
    name: '何敏',
    idNumber: idNumber('330106', '19870303', '047'),
    phone: '13912340002',
    card: cardNumber('622260000012340'),
    // A bank reported an instalment of a third loan as unpaid; the customer says the bank got it wrong.
    history: (customerId, asOf) =>
      goodHistory(customerId, asOf, 'appeal-disputed')
        .loan('elsewhere', 'bank-abc', 'consumer-7', day(asOf, -100), 12, '12000.00', day(asOf, -5), {
          3: null,
        })
        .eventsUntil(asOf),
  },
  {
    key: 'outage',
    externalId: 'appeal-outage',
    name: '宋佳',
    idNumber: idNumber('320102', '19900705', '068'),
    phone: '13912340003',
    card: cardNumber('621661000012340'),
    history: (customerId, asOf) => goodHistory(customerId, asOf, 'appeal-outage').eventsUntil(asOf),
  },
  {
    key: 'declined_twice',
    externalId: 'appeal-declined-twice',
    name: '马超',
    idNumber: idNumber('440305', '19950101', '089'),
    phone: '13912340004',
    card: cardNumber('621226000012340'),
    // Overdue with another lender: stays declined on a re-check.
    history: (customerId, asOf) =>
      goodHistory(customerId, asOf, 'appeal-declined', '9000.00')
        .loan('elsewhere', 'bank-icbc', 'consumer-9', day(asOf, -100), 12, '24000.00', day(asOf, -5), {
          2: null,
          3: null,
        })
        .eventsUntil(asOf),
  },
];

/** Creates a scripted customer through the real use cases (card bound, verified, history ingested). */
export async function createScriptedCustomer(
  t: { readonly app: App; readonly clock: { now(): Date } },
  key: ScriptedCustomer['key'],
): Promise<string> {
  const script = APPEAL_CUSTOMERS.find((customer) => customer.key === key);
  if (!script) throw new Error(`no scripted customer ${key}`);
  const { customers } = t.app.services;
  const { customer } = await customers.createCustomer({
    externalId: script.externalId,
    name: script.name,
    idNumber: script.idNumber,
    phone: script.phone,
    profile: { occupation: 'engineer', residenceCity: '上海', incomeBand: 'gt50k', education: 'bachelor' },
  });
  await customers.addCard(customer.customerId, script.card);
  await customers.verify(customer.customerId);
  const report = await customers.ingestEvents(
    script.history(customer.customerId, t.clock.now()).map(eventToWire),
  );
  if (report.rejected.length > 0) throw new Error(`history refused: ${JSON.stringify(report.rejected[0])}`);
  return customer.customerId;
}

/** Minimal valid files of each accepted type, and one that is not. */
export const FILES = {
  pdf: new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
  png: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  jpeg: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
  exe: Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]),
} as const;
