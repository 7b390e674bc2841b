import type { CustomerSnapshot, CustomerView } from '../customers/index.ts';
import type {
  DecisionRecord,
  DecisionRequest,
  DecisionSummary,
  OverrideRequest,
} from '../decisions/index.ts';
import type { Facility } from '../lending/facilities/facility.ts';
import type { LoanView } from '../lending/index.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { LegalRateCap, Product, ProductType } from '../policy/index.ts';
import type { Actor } from './appeal.ts';
import type { AppealSettings } from './appeal-settings.ts';
import type { EvidenceCipher } from './evidence.ts';
import type { Notifier } from './notifier.ts';

/** The other contexts' types the appeals use cases work with, named once here (this file is their door). */
export type { CustomerSnapshot, CustomerView } from '../customers/index.ts';
export type { DecisionRecord, DecisionSummary } from '../decisions/index.ts';
export type { Facility } from '../lending/facilities/facility.ts';
export type { LoanView } from '../lending/index.ts';

/**
 * The appeals context's ports: what its use cases need from the other contexts (`AppealPorts`, wired by
 * the composition root through `appealPortsFrom`), and the dependencies every use case is handed
 * (`AppealDeps`). A use case takes the part of `AppealDeps` it uses.
 */

/** What the appeals context needs from the others; the composition root wires them. */
export interface AppealPorts {
  /** A decision with its evidence (NOT_FOUND when there is none). */
  decision(decisionId: string): Promise<DecisionRecord>;
  /** A customer's decisions, newest first, paged by id. */
  decisions(customerId: string, options: { limit: number; before?: string }): Promise<DecisionSummary[]>;
  /** Decides again: the re-check (`kind: 'recheck'`, linked to the appeal). */
  decide(request: DecisionRequest): Promise<DecisionRecord>;
  /** Records a person's override inside the caller's transaction (with the facility change). */
  recordOverride(tx: Queryable, request: OverrideRequest): Promise<DecisionRecord>;
  /** Re-runs identity verification through the provider and records the result (customers context). */
  verify(customerId: string): Promise<unknown>;
  /** The customer, masked. */
  customer(customerId: string): Promise<CustomerView>;
  /** The customer's snapshot now (features, holds, verification). */
  snapshot(customerId: string): Promise<CustomerSnapshot>;
  loans(customerId: string): Promise<readonly LoanView[]>;
  facilities(customerId: string): Promise<readonly Facility[]>;
  /** The product's bounds and the legal caps in force on a date (policy context). */
  productTerms(request: {
    productCode: string;
    customerId: string;
    date: LocalDate;
  }): Promise<{ product: Product; legalRateCaps: readonly LegalRateCap[] }>;
  /** Opens or adjusts the facility inside the caller's transaction, for a re-check that resolves an appeal. */
  applyToFacility(
    tx: Queryable,
    input: {
      customerId: string;
      productType: ProductType;
      limit: Money;
      apr: Rate;
      decisionId: string;
      reason: string;
    },
  ): Promise<'opened' | 'adjusted' | 'unchanged'>;
  /** An active reviewer (or admin) key by id, for assignment; undefined when unknown. */
  reviewer(keyId: string): Promise<Actor | undefined>;
}

/** Points where tests inject a crash (a thrown error stands for the process dying there). */
export interface AppealHooks {
  /** After the appeal is filed (committed), before its re-check starts. */
  afterFiled?(appealId: string): void | Promise<void>;
  /** After the re-check decision is recorded, before the appeal is settled. */
  afterRecheckDecision?(appealId: string): void | Promise<void>;
}

/** What `createAppealService` is given by the composition root. */
export interface AppealServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: AppealSettings;
  readonly notifier: Notifier;
  readonly ports: AppealPorts;
  /** Seals evidence at rest with the PII keys (the identity context's vault). */
  readonly evidenceCipher: EvidenceCipher;
  readonly hooks?: AppealHooks;
  /** Faults swallowed where the request must still succeed (an inline re-check, a delivery): report them. */
  readonly onError?: (error: unknown, context: string) => void;
}

/** Everything an appeals use case may take: the service's dependencies and the SLA calendar built once. */
export interface AppealDeps extends AppealServiceDeps {
  /** The business calendar of the SLA (`appealCalendar(settings)`). */
  readonly calendar: BusinessCalendar;
}
