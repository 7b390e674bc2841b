import type { LocalDate } from './platform/time/local-date.ts';
import { randomFillSync } from 'node:crypto';

import { readFileSync } from 'node:fs';

import { registerPlatformRoutes } from './http/platform.routes.ts';

import type { App, DayEndRuns, Services } from './services.ts';

import { registerWebAppRoutes } from './http/web-app.routes.ts';

import { cachedApiKeyStore } from './platform/auth/api-key-cache.ts';

import { createPgApiKeyStore } from './platform/auth/api-keys.pg.ts';

import { createPgAuditLog } from './platform/audit/audit-log.pg.ts';

import { createStaffAuth, type StaffSettings } from './platform/auth/staff-auth.ts';
import { createPgStaffStore } from './platform/auth/staff-store.pg.ts';

import { registerStaffRoutes } from './staff/staff.routes.ts';

import { createCustomerSessions } from './platform/auth/customer-sessions.ts';
import { createPgCustomerSessionStore } from './platform/auth/customer-sessions.pg.ts';

import type { Config } from './config.ts';

import type { Database } from './platform/database/database.ts';

import { migrate, migrationStatus } from './platform/database/migrate.ts';

import { openDatabase } from './platform/database/open.ts';

import {
  createIdGenerator,
  pooledRandomBytes,
  type IdGenerator,
  type RandomBytes,
} from './platform/ids/ids.ts';

import { createHttpServer, type HttpServer, type ReadinessReport } from './platform/http/server.ts';

import { createLogger, type Logger } from './platform/logging/logger.ts';

import type { Clock, MonotonicClock } from './platform/time/clock.ts';

import { systemClock, systemMonotonicClock } from './platform/time/system-clock.node.ts';

import { createCustomerService } from './customers/customer-service.ts';
import { registerCustomerRoutes } from './customers/customers.routes.ts';

import { createDataKeyring } from './privacy/data-keyring.ts';
import { registerErasureRoutes } from './privacy/erasure.routes.ts';
import { DATA_KEY_ID } from './privacy/index.ts';
import { createPrivacyService } from './privacy/privacy-service.ts';

import { createSandboxVerificationProvider } from './identity/sandbox-verification-provider.ts';

import type { VerificationProvider } from './identity/verification.ts';

import { createDayEndService, type DayEndProcessor, type DayEndService } from './lending/eod/day-end.ts';
import {
  createQueuedDayEndService,
  DAY_END_PARTITION_JOB,
  dayEndRunProgress,
  runDayEndPartition,
  takeOverSilentPartitions,
  type DayEndJobsDeps,
} from './lending/eod/day-end-jobs.ts';
import { dayEndJobStore } from './lending/eod/day-end-jobs.pg.ts';
import { registerDayEndRoutes } from './lending/eod/day-end.routes.ts';
import { createInProcessQueue, type InProcessQueue } from './platform/jobs/in-process-queue.ts';
import { createJobHandlers, type JobQueue } from './platform/jobs/jobs.ts';
import { createPgBossQueue } from './platform/jobs/pg-boss-queue.pg.ts';
import { AppError } from './platform/errors/app-error.ts';
import { passHandler, scheduleRecurringJobs, type RecurringJob } from './platform/jobs/recurring.ts';
import { createPgDayEndRunLog } from './lending/eod/day-end-runs.pg.ts';

import { createFacilityService } from './lending/facilities/facility-service.ts';
import { createFacilityOverrideService } from './lending/facilities/facility-override-service.ts';
import { facilityOverridePortsFrom, termsInForceFrom } from './lending/facilities/facility-override-ports.ts';

import { DEFAULT_LOAN_PRODUCT } from './lending/loans/loan-contract.ts';

import { createLoanDayEndProcessor } from './lending/loans/loan-day-end.ts';

import { createLoanReminderProcessor } from './lending/loans/loan-reminders.pg.ts';

import { createLineReminderProcessor } from './lending/credit-lines/line-reminders.pg.ts';

import { withMessageDelivery } from './lending/eod/day-end-delivery.ts';

import { createCollectionsProcessor } from './lending/eod/collections-processor.pg.ts';

import { createCollectionsDay } from './collections/collections-day.ts';
import { createCollectionsService } from './collections/collections-service.ts';
import { registerCollectionRoutes } from './collections/collections.routes.ts';
import {
  DEFAULT_COLLECTION_STRATEGY,
  withStoredStrategies,
  type CollectionStrategy,
  type StrategySource,
} from './collections/index.ts';

import { routeChannels, type MessageChannel } from './platform/notifications/channel.ts';

import { createLogChannel } from './platform/notifications/log-channel.node.ts';

import { createNotifications } from './platform/notifications/notifications.ts';
import type { MessageOutbox } from './platform/notifications/index.ts';
import { registerNotificationRoutes } from './platform/notifications/notifications.routes.ts';

import { createLoanService } from './lending/loans/loan-service.ts';
import { createAutoRepayService } from './lending/payments/auto-repay-service.ts';
import { createAutoRepayProcessor } from './lending/payments/auto-repay-processor.ts';
import {
  DEFAULT_AUTO_REPAY_SCHEDULES,
  parseAutoRepaySchedules,
  type AutoRepaySchedule,
} from './lending/payments/auto-repay.ts';
import { lineAutoRepayAccounts } from './lending/payments/line-auto-repay.ts';
import { loanAutoRepayAccounts } from './lending/payments/loan-auto-repay.ts';
import { registerAutoRepayRoutes } from './lending/payments/auto-repay.routes.ts';
import type { PaymentProvider } from './lending/payments/payment-provider.ts';
import { createSandboxPaymentProvider } from './lending/payments/sandbox-payment-provider.ts';
import { fileSandboxBook } from './lending/payments/sandbox-payment-book.node.ts';
import { registerLoanRoutes } from './lending/loans/loans.routes.ts';
import { createPgIdempotencyStore } from './ledger/idempotency.pg.ts';
import { createPgLedger } from './ledger/ledger.pg.ts';
import { createLoanHardshipService } from './lending/loans/hardship-service.ts';
import { registerHardshipRoutes } from './lending/loans/hardship.routes.ts';
import { registerLineHardshipRoutes } from './lending/credit-lines/line-hardship.routes.ts';

import { registerCreditLineRoutes } from './lending/credit-lines/credit-lines.routes.ts';

import { createCreditLineDayEndProcessor } from './lending/credit-lines/credit-line-day-end.ts';

import { createCreditLineService } from './lending/credit-lines/credit-line-service.ts';
import { createLineHardshipService } from './lending/credit-lines/line-hardship-service.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from './lending/credit-lines/line-terms.ts';

import {
  createLimitReviewService,
  limitReviewPortsOf,
  withLimitReviews,
} from './lending/credit-lines/limit-review-service.ts';
import { activateModel, createPgModelRegistry } from './scoring/model-registry.pg.ts';

import { registerScoringRoutes } from './scoring/scoring.routes.ts';

import { createPolicyService } from './policy/policy-service.ts';
import { registerPolicyRoutes } from './policy/policy.routes.ts';

import { registerApprovalRoutes } from './policy/approvals.routes.ts';

import { createChangeService } from './policy/change-service.ts';
import { compilePolicy } from './policy/policy-compiler.ts';

import { createPolicySimulations } from './policy/policy-simulations.ts';
import { createPgSimulationStore } from './policy/policy-simulations.pg.ts';

import { backtestReportView, createMonitoringService, DEFAULT_DAYS } from './monitoring/index.ts';
import { registerMonitoringRoutes } from './monitoring/monitoring.routes.ts';
import { createPgDecisionReadModel } from './decisions/decision-read-model.pg.ts';
import { createPgShadowReadModel } from './decisions/shadow-decisions.pg.ts';
import { createModelBacktests } from './scoring/backtest-jobs.ts';
import { registerBacktestRoutes } from './scoring/backtest.routes.ts';
import { BacktestReportDto } from './monitoring/backtest-report.dto.ts';
import { createPgBacktestStore } from './scoring/backtests.pg.ts';
import { createPgPortfolioReadModel } from './lending/portfolio-read-model.pg.ts';
import { createPgReceivablesReadModel } from './ledger/receivables-read-model.pg.ts';

import { createDecisionService } from './decisions/decision-service.ts';
import { createFacilityWriter, facilityTermsAlongside } from './lending/facilities/facility-writer.pg.ts';
import { registerDecisionRoutes } from './decisions/decisions.routes.ts';

import { registerDecisionSearchRoutes } from './decisions/decision-search.routes.ts';

import { DEFAULT_APPEAL_SETTINGS, type AppealSettings, type Notifier } from './appeals/index.ts';
import { createAppealService } from './appeals/appeal-service.ts';
import { appealPortsFrom } from './appeal-wiring.ts';
import { withAppealRecovery } from './appeals/appeal-day-end.ts';
import { createOutboxNotifier } from './appeals/outbox-notifier.ts';

import { registerAppealRoutes } from './appeals/appeals.routes.ts';

import { appealCalendar } from './appeals/appeal-settings.ts';

import { createReferralCaseOpener, createReferralService } from './referrals/referral-service.ts';
import { parseReferralSettings, type ReferralSettings } from './referrals/referral-settings.ts';

import { registerReferralRoutes } from './referrals/referrals.routes.ts';

import { findDemoCustomerIds } from './demo/sign-in/demo-customers.pg.ts';

import { createPgLinePaymentRequestStore } from './me/line-payment-requests.pg.ts';

import { registerMeRoutes } from './me/me.routes.ts';
import { createCopyService } from './privacy/copy-service.ts';
import { createGzipArchive, gunzipBytes } from './privacy/export-archive.node.ts';
import { featuresForCopy } from './privacy/export-features.ts';
import { createPgExportSources } from './privacy/export-sources.pg.ts';
import { createPgExportStore } from './privacy/export-store.pg.ts';
import { registerPrivacyRoutes } from './privacy/export.routes.ts';
import { registerCorrectionRoutes } from './privacy/correction.routes.ts';
import { createCorrectionService } from './privacy/correction-service.ts';
import { createPgCorrectionStore } from './privacy/correction-store.pg.ts';
import { parsePrivacySettings, type PrivacySettings } from './privacy/privacy-settings.ts';
import { createPgBureauQueryLog } from './bureau/bureau.pg.ts';
import { createPgBureauReportStore } from './bureau/bureau-reports.pg.ts';
import { registerBureauRoutes } from './bureau/bureau.routes.ts';
import { createBureauService } from './bureau/bureau-service.ts';
import {
  createSandboxCreditBureau,
  parseBureauSettings,
  type BureauReporter,
  type BureauSettings,
  type CreditBureau,
} from './bureau/index.ts';
import { createSandboxBureauReporter } from './bureau/sandbox-bureau-reporter.node.ts';
import { purposeConsentAt, isConsentPurpose } from './identity/index.ts';
import { createPgReportableAccounts } from './lending/bureau-accounts.pg.ts';
import { createPgConsentNoticeReader } from './identity/consent-notices.pg.ts';
import { registerConsentNoticeRoutes } from './identity/consent-notices.routes.ts';

import { parseMeSettings, type MeSettings } from './me/me-settings.ts';

import { registerSessionRoutes } from './me/sessions.routes.ts';
import { registerDemoSignInRoutes } from './demo/sign-in/demo-sign-in.routes.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface CreateAppOptions {
  readonly config: Config;
  /** Injected by tests; otherwise opened from the config. The app closes it on stop. */
  readonly db?: Database;
  readonly clock?: Clock;
  /** Durations and timeouts; the process's monotonic clock unless a test passes a manual one. */
  readonly monotonic?: MonotonicClock;
  readonly ids?: IdGenerator;
  readonly logger?: Logger;
  /** Identity verification; the deterministic sandbox unless a real provider's adapter is passed. */
  readonly verifier?: VerificationProvider;
  /** Apply pending migrations at start (default true). */
  readonly migrate?: boolean;
  /** Appeal window, SLA, holidays, maker-checker threshold, evidence limits (defaults: DEFAULT_APPEAL_SETTINGS). */
  readonly appeals?: AppealSettings;
  /** How customers hear about their appeals and referral reviews; handed to the customer-message outbox unless an adapter is passed. */
  readonly notifier?: Notifier;
  /** How customer messages (reminders, payments, statements) leave: sms/push/email, logged unless passed. */
  readonly messageChannel?: MessageChannel;
  /** Milliseconds between the server's delivery passes of customer messages (default 30,000; 0: none). */
  readonly messageDeliveryIntervalMs?: number;
  /**
   * Caps one wait of a copy or backtest left running by a stopped process before it is looked at again
   * (default: until it has been silent long enough to be taken over). Tests with a manual clock set it low.
   */
  readonly staleRecheckMs?: number;
  /** Customers whose decoded events the snapshot keeps in memory (default 10,000; 0: none, every read cold). */
  readonly snapshotCacheSize?: number;
  /** Demo mode (`credence serve --demo`): the demo sign-in and demo purchases are offered (404 otherwise). */
  readonly demo?: boolean;
  /** The customer's API: fault-referral retry minutes, demo session lifetime (defaults: DEFAULT_ME_SETTINGS). */
  readonly me?: Partial<MeSettings>;
  /** Staff sessions and lock-out: idle/absolute expiry, attempts, lock minutes, scrypt cost (defaults: DEFAULT_STAFF_SETTINGS). */
  readonly staff?: Partial<StaffSettings>;
  /** The referral queue: SLA in business hours, working day, claim length (defaults: DEFAULT_REFERRAL_SETTINGS). */
  readonly referrals?: Partial<ReferralSettings>;
  /** Data rights: a copy's expiry in days, the correction SLA, attempts, page size (defaults: DEFAULT_PRIVACY_SETTINGS). */
  readonly privacy?: Partial<PrivacySettings>;
  /** The credit bureau asked for reports; the deterministic sandbox unless a real adapter is passed. */
  readonly creditBureau?: CreditBureau;
  /** Where the monthly bureau file goes; the sandbox (validates, keeps it in memory) unless passed. */
  readonly bureauReporter?: BureauReporter;
  /** Notice period before negative information is reported, lender code (defaults: DEFAULT_BUREAU_SETTINGS). */
  readonly bureau?: Partial<BureauSettings>;
  /** Where customers' data keys come from (256-bit); `node:crypto` randomness unless a test pins it. */
  readonly dataKeySource?: RandomBytes;
  /** The dated collections strategies (default: the config's `CREDENCE_COLLECTIONS_FILE`, else DEFAULT_COLLECTION_STRATEGY). */
  readonly collections?: readonly CollectionStrategy[];
  /** Collections from and payouts to customers' cards; the deterministic sandbox unless a real adapter is passed. */
  readonly paymentProvider?: PaymentProvider;
  /** The dated auto-repay try days after a due date (validated; default DEFAULT_AUTO_REPAY_SCHEDULES: day 0, +1, +3). */
  readonly autoRepay?: readonly AutoRepaySchedule[];
}

/** The composition root: reads nothing but the config it is given, builds adapters, wires the contexts. */
/**
 * The day-end's collections step wired to its adapters (the demo history runs it beside the products' steps,
 * on its own clock, so the console's collections queue has cases).
 */
export function createCollectionsStep(deps: Parameters<typeof createCollectionsDay>[0]) {
  return createCollectionsProcessor({ collections: createCollectionsDay(deps) });
}

/**
 * The products' day-end steps booking on the ledger's PostgreSQL adapter, in the batch's order — cash loans,
 * then credit lines (the root's batch runs them; the demo history runs them beside the collections step, on
 * its own clock and ids).
 */
export function createProductDayEndSteps(deps: {
  clock: Clock;
  ids: IdGenerator;
  outbox?: MessageOutbox;
}): DayEndProcessor[] {
  const ledger = createPgLedger();
  return [
    createLoanDayEndProcessor({ clock: deps.clock, ids: deps.ids, ledger }),
    createCreditLineDayEndProcessor({ ...deps, ledger }),
  ];
}

/**
 * The background work's jobs (issue 16, item 4): each a pass that finds what is due in the database. Run by
 * each API node itself (`CREDENCE_BACKGROUND_WORK=node`, the default) or by `credence worker` processes.
 */
export const BACKGROUND_JOBS = {
  /** A delivery pass of customer messages (`notifications.deliver`). */
  deliverMessages: 'deliver-messages',
  /** The appeals' recovery pass: re-checks due, undelivered notifications, SLA breaches. */
  recoverAppeals: 'recover-appeals',
  /** The monthly limit reviews of credit lines that are due. */
  limitReviews: 'limit-reviews',
} as const;

export async function createApp(options: CreateAppOptions): Promise<App> {
  const { config } = options;
  const backgroundWork = config.backgroundWork ?? 'node';
  const clock = options.clock ?? systemClock;
  const monotonic = options.monotonic ?? systemMonotonicClock;
  // Ids draw their random part from the CSPRNG a block at a time (one system call per ~400 ids).
  const ids =
    options.ids ??
    createIdGenerator(
      clock,
      pooledRandomBytes((into) => randomFillSync(into)),
    );
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const db = options.db ?? (await openDatabase(config, { now: clock.now() }));
  try {
    if (backgroundWork === 'workers' && !(db.dialect === 'postgres' && config.databaseUrl)) {
      throw AppError.invalid(
        'CREDENCE_BACKGROUND_WORK',
        'workers-need-postgres',
        'CREDENCE_BACKGROUND_WORK=workers needs PostgreSQL (DATABASE_URL): the embedded database has one process, which runs the background work itself',
      );
    }
    if (options.migrate !== false) await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }

  // Everything personal at rest (customers' identifiers, cards, appeal evidence) is sealed under each
  // customer's own data key, wrapped by the lender's PII keys; the lender's vault gives the blind indexes.
  const keyring = createDataKeyring({
    config: config.pii,
    clock,
    random: options.dataKeySource ?? ((length) => randomFillSync(new Uint8Array(length))),
  });
  const vault = keyring.lender;
  const customers = createCustomerService({
    db,
    clock,
    ids,
    vault,
    keyring,
    verifier: options.verifier ?? createSandboxVerificationProvider(),
    notices: createPgConsentNoticeReader(db),
    ...(options.snapshotCacheSize !== undefined ? { snapshotCacheSize: options.snapshotCacheSize } : {}),
  });
  // The books every money command writes: the ledger's journals and the commands' idempotency records, both
  // in the command's own transaction (the products take them as ports; only the root knows the adapters).
  const ledger = createPgLedger();
  const idempotency = createPgIdempotencyStore();
  const facilities = createFacilityService(db, { clock, ids, idempotency });
  const models = createPgModelRegistry(db, clock);
  // One audit log for the whole application: policies record their changes in it like every other context.
  const audit = createPgAuditLog(db, ids, clock);
  // One outbox for what servicing tells customers; the log channel stands in for every channel by default.
  const logChannel = createLogChannel(logger);
  const notifications = createNotifications({
    db,
    clock,
    ids,
    channel:
      options.messageChannel ?? routeChannels({ sms: logChannel, push: logChannel, email: logChannel }),
    logger,
  });
  // One notifier for the whole system: appeals and referrals hand their notifications to the same outbox.
  const notifier = options.notifier ?? createOutboxNotifier({ db, outbox: notifications.outbox, logger });
  const policies = createPolicyService({ db, clock, ids, audit });
  const termsInForce = termsInForceFrom(policies);
  // Referred applications open their review case in the decision's transaction; the SLA counts business
  // hours on the appeals' calendar (one calendar for every promise made to customers).
  const referralSettings = parseReferralSettings(options.referrals);
  const referralCalendar = appealCalendar(options.appeals ?? config.appeals ?? DEFAULT_APPEAL_SETTINGS);
  const referralCases = createReferralCaseOpener({
    ids,
    settings: referralSettings,
    calendar: referralCalendar,
  });
  const configuredStrategies = options.collections ?? config.collections ?? [DEFAULT_COLLECTION_STRATEGY];
  // The collections strategy in force: the configured one until the first strategy approved through a
  // four-eyes settings change (stored), then the stored ones (the policy's settings cache: a few seconds).
  const collectionStrategies: StrategySource = async (q) =>
    withStoredStrategies(configuredStrategies, await policies.collectionStrategies(q));
  const loans = createLoanService({
    db,
    clock,
    ids,
    product: DEFAULT_LOAN_PRODUCT,
    termsInForce,
    outbox: notifications.outbox,
    ledger,
    idempotency,
  });
  const creditLines = createCreditLineService({
    db,
    clock,
    ids,
    product: DEFAULT_CREDIT_LINE_PRODUCT,
    termsInForce,
    audit,
    outbox: notifications.outbox,
    ledger,
    idempotency,
  });
  // Auto-repay: the provider is called outside the transactions that book; collections book through the
  // loans' repayment use case and the lines' payment use case, idempotent by the payment id.
  const autoRepayDeps = {
    db,
    clock,
    ids,
    provider:
      options.paymentProvider ??
      createSandboxPaymentProvider(
        config.sandboxPaymentsFile ? fileSandboxBook(config.sandboxPaymentsFile) : undefined,
      ),
    accounts: [loanAutoRepayAccounts(loans), lineAutoRepayAccounts(creditLines)],
    schedules: parseAutoRepaySchedules(options.autoRepay ?? DEFAULT_AUTO_REPAY_SCHEDULES),
    outbox: notifications.outbox,
  };
  const dayEndDeps = {
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [
      ...createProductDayEndSteps({ clock, ids, outbox: notifications.outbox }),
      // Reminders after every product's day steps, so they read the accounts as of the date.
      createLoanReminderProcessor({ clock, outbox: notifications.outbox }),
      createLineReminderProcessor({ clock, outbox: notifications.outbox }),
      // Auto-repay after the reminders (they speak of what is due before the collection) and before
      // collections, so a case sees the account as the collection left it.
      createAutoRepayProcessor(autoRepayDeps),
      // Collections after the reminders: cases follow the accounts as the products' steps left them.
      createCollectionsStep({ clock, ids, outbox: notifications.outbox, strategies: collectionStrategies }),
    ],
    elapsed: () => monotonic.nowMs(),
  };
  const base: Omit<
    Services,
    | 'bureau'
    | 'appeals'
    | 'lineReviews'
    | 'facilityOverrides'
    | 'referrals'
    | 'staff'
    | 'changes'
    | 'policySimulations'
    | 'copies'
    | 'privacy'
    | 'collections'
    | 'corrections'
    | 'modelBacktests'
    | 'dayEndRuns'
  > = {
    apiKeys: cachedApiKeyStore(createPgApiKeyStore(db, ids, clock), { elapsedMs: () => monotonic.nowMs() }),
    audit,
    customerSessions: createCustomerSessions({
      store: createPgCustomerSessionStore(db),
      clock,
      ids,
      randomBytes: (length) => randomFillSync(new Uint8Array(length)),
      customerExists: async (customerId) => {
        await customers.getCustomer(customerId);
      },
    }),
    customers,
    facilities,
    notifications,
    loans,
    autoRepay: createAutoRepayService(autoRepayDeps),
    loanHardship: createLoanHardshipService({
      db,
      clock,
      ids,
      product: DEFAULT_LOAN_PRODUCT,
      termsInForce,
      audit,
      outbox: notifications.outbox,
      ledger,
      idempotency,
    }),
    creditLines,
    lineHardship: createLineHardshipService({
      db,
      clock,
      ids,
      product: DEFAULT_CREDIT_LINE_PRODUCT,
      termsInForce,
      audit,
      outbox: notifications.outbox,
      ledger,
      idempotency,
    }),
    dayEnd: createDayEndService(dayEndDeps),
    models,
    policies,
    decisions: createDecisionService({
      db,
      clock,
      ids,
      referralCases,
      // Approvals open or adjust the facility through lending's adapter, in the decision's transaction.
      facilities: createFacilityWriter({ clock, ids, idempotency }),
      ports: {
        snapshot: (customerId, asOf) => customers.getSnapshot(customerId, asOf),
        facility: async (customerId, product) => {
          const facility = await facilities.getFacility(customerId, product);
          return facility
            ? {
                openedAt: facility.openedAt,
                status: facility.status,
                limit: facility.limit,
                apr: facility.apr,
              }
            : null;
        },
        // One round trip for both: the snapshot's probe of the customer carries lending's facility read.
        snapshotWithFacility: async (customerId, asOf, product) => {
          const read = await customers.getSnapshotWith(customerId, asOf, facilityTermsAlongside(product));
          return { snapshot: read.snapshot, facility: read.alongside };
        },
        scorer: (version) => models.scorer(version),
        resolvePolicy: (request) => policies.resolve(request),
        compiledPolicy: (id) => policies.compiled(id),
        policyVersion: (id) => policies.get(id),
        policyInForce: async (name, date) => {
          const version = await policies.inForce(name, date);
          return version ? { version, policy: await policies.compiled(version.id) } : undefined;
        },
      },
      // Shadow mode: shadows run after their decision is recorded; one that cannot be written is logged.
      elapsedMs: () => monotonic.nowMs(),
      onShadowError: (error, decisionId) =>
        logger.warn({ err: error, decisionId }, 'shadow mode: the shadow could not be recorded'),
    }),
    monitoring: createMonitoringService({
      clock,
      decisions: createPgDecisionReadModel(db),
      portfolio: createPgPortfolioReadModel(db),
      receivables: createPgReceivablesReadModel(db),
      shadows: createPgShadowReadModel(db),
      models,
      policies,
      elapsed: () => monotonic.nowMs(),
    }),
  };
  const appeals = createAppealService({
    db,
    clock,
    ids,
    settings: options.appeals ?? config.appeals ?? DEFAULT_APPEAL_SETTINGS,
    notifier,
    ports: appealPortsFrom({ clock, ids, idempotency, ...base }),
    evidenceCipher: {
      customerKeyId: DATA_KEY_ID,
      open: (q, customerId, openOptions) => keyring.open(q, customerId, openOptions),
    },
    onError: (error, context) =>
      logger.warn({ err: error, context }, 'appeals: deferred to the recovery pass'),
  });
  const referrals = createReferralService({
    db,
    clock,
    ids,
    settings: referralSettings,
    calendar: referralCalendar,
    secondPersonAbove: appeals.settings.secondReviewerAbove,
    notifier,
    audit: base.audit,
    ports: {
      decision: (decisionId) => base.decisions.get(decisionId),
      decide: (request) => base.decisions.decide(request),
      recordManualReview: (tx, request) => base.decisions.recordManualReview(request, { tx }),
      verify: (customerId) => customers.verify(customerId),
      productTerms: async (request) => {
        const resolved = await policies.resolve(request);
        return { product: resolved.product, legalRateCaps: resolved.legalRateCaps };
      },
    },
    onError: (error, context) =>
      logger.warn({ err: error, context }, 'referrals: deferred to the recovery pass'),
  });
  const lineReviews = createLimitReviewService({
    db,
    clock,
    monotonic,
    ids,
    ports: limitReviewPortsOf(base),
    outbox: notifications.outbox,
    idempotency,
  });
  const facilityOverrides = createFacilityOverrideService({
    db,
    clock,
    ids,
    ports: facilityOverridePortsFrom(base),
    // One threshold for a second person, whether a change of terms comes from an appeal or by hand.
    secondPersonAbove: appeals.settings.secondReviewerAbove,
  });
  const privacySettings = parsePrivacySettings(options.privacy);
  // Copies of one's data: read every customer table a page at a time, sealed at rest under the PII vault.
  const copies = createCopyService(
    {
      db,
      clock,
      ids,
      audit,
      store: createPgExportStore(),
      sources: createPgExportSources(db, privacySettings.pageSize),
      settings: privacySettings,
      identity: (customerId, mode) => customers.revealIdentity(customerId, mode),
      features: async (customerId, asOf) => featuresForCopy(await customers.getSnapshot(customerId, asOf)),
      archive: createGzipArchive,
      gunzip: gunzipBytes,
      seal: (bytes, owner) => vault.encryptBytes('data_export', bytes, owner),
      open: (sealed, owner) => vault.decryptBytes('data_export', sealed, owner),
    },
    options.staleRecheckMs !== undefined ? { recheckMs: options.staleRecheckMs } : {},
  );
  // Corrections: a dispute is answered within its SLA; an upheld one appends a correcting event.
  const corrections = createCorrectionService({
    db,
    clock,
    ids,
    audit,
    store: createPgCorrectionStore(),
    settings: privacySettings,
    outbox: notifications.outbox,
    appendEvents: async (rows) => {
      const report = await customers.ingestEvents(rows);
      return {
        rejected: report.rejected.map((r) => ({ field: r.field, reason: r.reason })),
      };
    },
    customerExists: async (customerId) => {
      await customers.getCustomer(customerId);
    },
  });
  const privacy = createPrivacyService({ db, clock, ids, keyring, audit: base.audit });
  // Credit-bureau queries (consent checked, every use logged), advance notices and the monthly report.
  const bureau = createBureauService({
    db,
    clock,
    ids,
    audit: base.audit,
    bureau: options.creditBureau ?? createSandboxCreditBureau(),
    consents: {
      async inForce(customerId, purpose, at) {
        if (!isConsentPurpose(purpose)) return undefined;
        const { history } = await customers.listConsents(customerId);
        return purposeConsentAt(history, purpose, at);
      },
    },
    ingest: { ingest: (tx, rows) => customers.ingestEvents(rows, { within: tx }) },
    log: createPgBureauQueryLog(),
    store: createPgBureauReportStore(),
    accounts: createPgReportableAccounts(db),
    reporter: options.bureauReporter ?? createSandboxBureauReporter(null),
    outbox: notifications.outbox,
    settings: parseBureauSettings(options.bureau),
  });
  // After the batch: in `node` mode the monthly limit reviews, the appeals' recovery pass and a delivery pass
  // run here, in the process that ran the batch; in `workers` mode the limit reviews are enqueued for the
  // workers (who also run the other two on their intervals). Then, here in both, the purges and erasures.
  const reviewsAndPasses = (batch: DayEndService): DayEndService =>
    backgroundWork === 'workers'
      ? withDayStep(
          batch,
          'credit-line-review (queued)',
          async () => ((await jobs.enqueue(BACKGROUND_JOBS.limitReviews, {})) ? 1 : 0),
          () => monotonic.nowMs(),
        )
      : withMessageDelivery(
          withAppealRecovery(
            withLimitReviews(batch, lineReviews, () => monotonic.nowMs()),
            appeals,
            () => monotonic.nowMs(),
          ),
          () => notifications.deliver(),
          () => monotonic.nowMs(),
        );
  const afterBatch = (batch: DayEndService): DayEndService =>
    withDayStep(
      withDayStep(
        reviewsAndPasses(batch),
        'data-copies',
        async () => (await copies.purgeExpired()).purged,
        () => monotonic.nowMs(),
      ),
      'erasures',
      async (through) => (await privacy.runErasures({ businessDate: through })).erased.length,
      () => monotonic.nowMs(),
    );
  // The day-end as jobs: partitions on the queue (pg-boss on PostgreSQL, in this process on PGlite), the
  // same processors, then the same steps after the batch, once, in the process that asked for the run.
  const jobHandlers = createJobHandlers();
  const jobs: JobQueue =
    db.dialect === 'postgres' && config.databaseUrl
      ? createPgBossQueue({
          connectionString: config.databaseUrl,
          // Beside the schema Credence works in: a test's schema gets a queue of its own.
          schema: async () => {
            const current = await db.query<{ schema: string }>('select current_schema() as schema');
            const name = current.rows[0]?.schema ?? 'public';
            return name === 'public' ? 'pgboss' : `${name}_jobs`;
          },
          handlers: jobHandlers,
          ...(config.jobs?.expireSeconds ? { expireInSeconds: config.jobs.expireSeconds } : {}),
          onError: (error, context) => logger.error({ err: error, context }, 'jobs: queue error'),
        })
      : createInProcessQueue({
          handlers: jobHandlers,
          nextId: () => ids.next('batch'),
          onError: (error, job) => logger.error({ err: error, job }, 'jobs: a job failed'),
        });
  const dayEndJobsDeps: DayEndJobsDeps = {
    ...dayEndDeps,
    queue: jobs,
    ids,
    heartbeatMs: config.jobs?.heartbeatMs ?? 2_000,
    staleMs: config.jobs?.staleMs ?? 30_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    every: (ms, beat) => {
      const timer = setInterval(beat, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  jobHandlers.register(DAY_END_PARTITION_JOB, (payload, context) =>
    runDayEndPartition(dayEndJobsDeps, payload, context),
  );
  // The background work as passes, one job each: every pass finds what is due in the database and claims it
  // row by row (a message under its lease, an appeal's re-check under its lease, a limit review by its
  // review key), so passes running at once in several processes do each item once.
  jobHandlers.register(
    BACKGROUND_JOBS.deliverMessages,
    passHandler(
      {
        name: BACKGROUND_JOBS.deliverMessages,
        label: 'customer messages: delivery pass',
        run: () => notifications.deliver(),
        worthLogging: (report) => report.delivered + report.failed + report.retrying > 0,
      },
      logger,
    ),
  );
  jobHandlers.register(
    BACKGROUND_JOBS.recoverAppeals,
    passHandler(
      {
        name: BACKGROUND_JOBS.recoverAppeals,
        label: 'appeals: recovery pass',
        run: () => appeals.recover(),
        worthLogging: (report) =>
          report.attempted + report.notificationsDelivered + report.slaBreachesRecorded > 0,
      },
      logger,
    ),
  );
  jobHandlers.register(
    BACKGROUND_JOBS.limitReviews,
    passHandler(
      {
        name: BACKGROUND_JOBS.limitReviews,
        label: 'credit lines: limit reviews due',
        run: () => lineReviews.runDue(),
        worthLogging: (report) => report.reviewed + report.failed > 0,
      },
      logger,
    ),
  );
  const deliveryEveryMs = options.messageDeliveryIntervalMs ?? config.messageDeliveryMs ?? 30_000;
  // `node` mode: this process runs its own passes through a queue in this process — the recovery pass at
  // start, a delivery pass every interval (skipped while one is still running), as the server always did.
  const nodeQueue: InProcessQueue | undefined =
    backgroundWork === 'node'
      ? createInProcessQueue({
          handlers: jobHandlers,
          nextId: () => ids.next('batch'),
          retries: 0,
          onError: (error, job) => logger.error({ err: error, job }, 'jobs: a job failed'),
        })
      : undefined;
  const nodeSchedule: readonly RecurringJob[] = [
    { name: BACKGROUND_JOBS.recoverAppeals, everyMs: 0, atStart: true },
    { name: BACKGROUND_JOBS.deliverMessages, everyMs: deliveryEveryMs },
  ];
  // A `credence worker`'s schedule: each pass at start and on its interval, on the shared queue.
  const workerSchedule: readonly RecurringJob[] = [
    { name: BACKGROUND_JOBS.deliverMessages, everyMs: deliveryEveryMs, atStart: deliveryEveryMs > 0 },
    {
      name: BACKGROUND_JOBS.recoverAppeals,
      everyMs: config.jobs?.appealRecoveryMs ?? 60_000,
      atStart: true,
    },
    { name: BACKGROUND_JOBS.limitReviews, everyMs: config.jobs?.limitReviewsMs ?? 600_000, atStart: true },
  ];
  const unrefEvery = (ms: number, beat: () => void): (() => void) => {
    const timer = setInterval(beat, ms);
    timer.unref();
    return () => clearInterval(timer);
  };
  const scheduleOn = (queue: JobQueue, schedule: readonly RecurringJob[]): (() => void) =>
    scheduleRecurringJobs(
      {
        queue,
        every: unrefEvery,
        onError: (error, name) => logger.error({ err: error, job: name }, 'jobs: could not enqueue'),
      },
      schedule,
    );
  const dayEndRuns: DayEndRuns = {
    service: (serviceOptions) => afterBatch(createQueuedDayEndService(dayEndJobsDeps, serviceOptions)),
    progress: (runId) => dayEndRunProgress(db, runId),
    recent: (limit) => dayEndJobStore.recentRuns(db, limit),
    takeOver: () => takeOverSilentPartitions(dayEndJobsDeps),
    takeOverEveryMs: (config.jobs?.heartbeatMs ?? 2_000) * 2,
  };
  const services: Services = {
    ...base,
    copies,
    bureau,
    privacy,
    corrections,
    staff: createStaffAuth({
      store: createPgStaffStore(db),
      audit: base.audit,
      clock,
      ids,
      randomBytes: (length) => randomFillSync(new Uint8Array(length)),
      ...(options.staff || config.staff ? { settings: { ...config.staff, ...options.staff } } : {}),
    }),
    facilityOverrides,
    lineReviews,
    // The day-end batch ends with the monthly limit reviews of credit lines, then the appeals' recovery
    // pass (due re-checks, undelivered notifications), then a delivery pass of customer messages.
    // Then copies of people's data past their expiry are purged, and last the erasures whose holds have
    // lapsed on that business date are carried out (a loan closed today starts its retention period).
    dayEnd: afterBatch(base.dayEnd),
    dayEndRuns,
    appeals,
    referrals,
    collections: createCollectionsService({
      db,
      clock,
      ids,
      audit: base.audit,
      strategies: collectionStrategies,
    }),
    changes: createChangeService({
      db,
      clock,
      ids,
      policies,
      audit: base.audit,
      models: {
        status: async (version) => (await models.get(version)).status,
        activate: async (tx, version, at) => {
          await activateModel(tx, version, at);
        },
        forget: () => models.forgetActive?.(),
      },
    }),
    policySimulations: createPolicySimulations({
      clock,
      ids,
      policies,
      store: createPgSimulationStore(db, clock),
      check: (graph) => void compilePolicy(graph),
      simulate: async (request, onProgress) =>
        (await base.monitoring.simulate(request, { onProgress })).report,
    }),
    modelBacktests: createModelBacktests({
      clock,
      ids,
      models,
      store: createPgBacktestStore(db, clock),
      ...(options.staleRecheckMs !== undefined ? { recheckMs: options.staleRecheckMs } : {}),
      checkWindow: async (window) => {
        await base.monitoring.window(window, DEFAULT_DAYS.backtest);
      },
      run: async (request, onProgress, resume) =>
        backtestReportView(
          await base.monitoring.backtest(request, { onProgress, ...(resume ? { resume } : {}) }),
        ),
    }),
  };

  const readiness = async (): Promise<ReadinessReport> => {
    const checks: Record<string, { ok: boolean; detail?: string }> = {};
    try {
      await db.ping();
      checks.database = { ok: true, detail: db.dialect };
    } catch (error) {
      checks.database = { ok: false, detail: error instanceof Error ? error.message : 'unreachable' };
      return { ready: false, checks };
    }
    try {
      const status = await migrationStatus(db);
      const current = status.pending.length === 0 && status.changed.length === 0;
      checks.migrations = {
        ok: current,
        detail: current
          ? `${status.applied.length} applied`
          : `pending: ${status.pending.join(', ') || 'none'}; changed: ${status.changed.join(', ') || 'none'}`,
      };
    } catch (error) {
      checks.migrations = { ok: false, detail: error instanceof Error ? error.message : 'unknown' };
    }
    return { ready: Object.values(checks).every((check) => check.ok), checks };
  };

  const http = await createHttpServer({
    logger,
    ids,
    clock,
    monotonic,
    apiKeys: services.apiKeys,
    customerSessions: services.customerSessions,
    staffAuth: services.staff,
    readiness,
    bodyLimit: config.bodyLimit,
    version: VERSION,
    ...(config.rateLimits ? { rateLimits: config.rateLimits } : {}),
  });
  registerRoutes(http, services);
  registerReferralRoutes(http, services, clock);
  // The collectors' queue, cases, contacts and promises (/v1/collections).
  registerCollectionRoutes(http, services, clock);
  // Staff read a customer's messages with their delivery status (GET /v1/customers/{id}/messages).
  registerNotificationRoutes(http, services);
  // The analysts' decision search reads across customers (GET /v1/decisions).
  registerDecisionSearchRoutes(http, { db });
  // The customer's own API (/v1/me, customer sessions, the demo sign-in in demo mode).
  const meDeps = {
    services,
    clock,
    settings: parseMeSettings(options.me),
    linePayments: createPgLinePaymentRequestStore(db),
    demo: options.demo === true,
  };
  registerSessionRoutes(http, meDeps);
  registerDemoSignInRoutes(http, meDeps, (externalIds) => findDemoCustomerIds(db, externalIds));
  registerMeRoutes(http, meDeps);
  // A person's data rights: copies (/v1/me/data/copies, /v1/customers/{id}/data/copies).
  registerPrivacyRoutes(http, { copies, clock });
  // Versioned consent notices (admin publishes, GET /v1/consent-notices reads).
  registerConsentNoticeRoutes(http, { db, clock, audit });
  registerCorrectionRoutes(http, { corrections, clock });

  let stopped = false;
  // `node` mode: this node's schedule of background passes (the appeals' recovery pass at start, delivery on
  // an interval); stop() ends it and waits for the passes queued or running.
  let unscheduleNode: (() => void) | undefined;
  // The start-up passes still run by every node: copies, backtests, referrals; stop() waits for them.
  let recovering: Promise<void> = Promise.resolve();
  return {
    config,
    db,
    clock,
    monotonic,
    ids,
    logger,
    services,
    http,
    jobs,
    background: {
      mode: backgroundWork,
      schedule: () => scheduleOn(jobs, workerSchedule),
    },
    version: VERSION,
    async start() {
      const url = await http.listen({ port: config.port, host: config.host });
      db.announce?.(url);
      // Appeal re-checks a crash or an outage left behind, and customer messages: this node's own passes in
      // `node` mode (through its in-process queue); `credence worker` processes' in `workers` mode.
      if (nodeQueue) {
        await nodeQueue.work({ concurrency: nodeSchedule.length, worker: 'in-process' });
        unscheduleNode = scheduleOn(nodeQueue, nodeSchedule);
      }
      // Copies of people's data left unfinished by a process that stopped are made again.
      recovering = copies.recover().then(
        (report) => logger.info({ report }, 'privacy: copies resumed'),
        (error: unknown) => logger.error({ err: error }, 'privacy: resuming copies failed'),
      );
      // Backtests left unfinished by a process that stopped go on from their checkpoint.
      recovering = recovering.then(() =>
        services.modelBacktests.recover().then(
          (report) => logger.info({ report }, 'backtests: resumed'),
          (error: unknown) => logger.error({ err: error }, 'backtests: resuming failed'),
        ),
      );
      // Referred decisions without a case (recorded before migration 0370) get one; undelivered
      // notifications go out.
      recovering = recovering.then(() =>
        services.referrals.recover().then(
          (report) => logger.info({ report }, 'referrals: start-up recovery pass'),
          (error: unknown) => logger.error({ err: error }, 'referrals: start-up recovery pass failed'),
        ),
      );
      return url;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unscheduleNode?.();
      // The passes queued or running finish first (the start-up recovery pass included).
      if (nodeQueue) {
        await nodeQueue.idle();
        await nodeQueue.stop();
      }
      await recovering;
      copies.close();
      await copies.idle();
      services.modelBacktests.close();
      await http.close();
      // Shadows already queued are recorded before the database closes (they never hold up a decision).
      await services.decisions.shadows.idle();
      // Jobs running in this process finish (or are handed back to the queue) before the database closes.
      await jobs.stop();
      await db.close();
    },
  };
}

function registerRoutes(http: HttpServer, services: Services): void {
  registerPlatformRoutes(http, services);
  registerStaffRoutes(http, services);
  registerCustomerRoutes(http, services);
  registerLoanRoutes(http, services);
  registerHardshipRoutes(http, services);
  registerLineHardshipRoutes(http, services);
  registerAutoRepayRoutes(http, services.autoRepay);
  registerDayEndRoutes(http, services);
  registerCreditLineRoutes(http, services);
  registerScoringRoutes(http, services);
  registerBacktestRoutes(http, services, { report: BacktestReportDto });
  registerPolicyRoutes(http, services);
  registerApprovalRoutes(http, services);
  registerMonitoringRoutes(http, services);
  registerDecisionRoutes(http, services);
  registerAppealRoutes(http, services);
  registerBureauRoutes(http, services.bureau);
  registerErasureRoutes(http, services.privacy);
  registerWebAppRoutes(http);
}

/** Adds one step after the day-end batch: `step()` returns the items it handled (reported under `product`). */
function withDayStep(
  dayEnd: Services['dayEnd'],
  product: string,
  step: (through: LocalDate) => Promise<number>,
  elapsed: () => number,
): Services['dayEnd'] {
  return {
    products: [...dayEnd.products, product],
    async run(options) {
      const report = await dayEnd.run(options);
      const began = elapsed();
      const items = await step(options.through);
      return {
        ...report,
        dates: [...report.dates, { product, date: options.through, items, milliseconds: elapsed() - began }],
      };
    },
  };
}
