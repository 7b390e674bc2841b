import { addDays, addMonths, compareDates, type LocalDate } from '../platform/time/local-date.ts';

/**
 * What keeps a person's data after they ask for it to be erased (pure). The lender's retention rules and
 * the legal holds staff place are data (`retention_rules`, `legal_holds`, migration 0803); this module
 * applies them to the facts about one customer on one business date and says which hold each fact makes,
 * through which date, citing the rule.
 */

export type RetentionBasis = 'open_credit' | 'closed_credit' | 'open_appeal';
export const RETENTION_BASES: readonly RetentionBasis[] = ['open_credit', 'closed_credit', 'open_appeal'];

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** A row of the rule book. `keepMonths` null: kept until the record closes (no date can be given). */
export interface RetentionRule {
  readonly id: string;
  readonly basis: RetentionBasis;
  readonly keepMonths: number | null;
  readonly citation: Bilingual;
  readonly effectiveFrom: LocalDate;
  /** Exclusive; null while in force. */
  readonly retiredOn: LocalDate | null;
}

/** A credit contract of the customer: a cash loan or a credit line. */
export interface CreditFact {
  readonly kind: 'loan' | 'line';
  readonly id: string;
  /** `active`, `closed`, `written_off` (loans), `open` / `closed` (lines). */
  readonly status: string;
  /** The business date it closed; null while open (a written-off loan is still owed: open). */
  readonly closedOn: LocalDate | null;
}

/** An appeal, or a correction request (异议: a dispute of the data), not yet resolved or withdrawn. */
export interface AppealFact {
  readonly kind?: 'appeal' | 'correction';
  readonly id: string;
  readonly status: string;
}

export interface LegalHoldFact {
  readonly id: string;
  readonly reason: string;
  readonly authority: string | null;
  /** The last day held (inclusive). */
  readonly heldUntil: LocalDate;
}

/** Everything about one customer the holds are decided on. */
export interface HoldFacts {
  readonly credit: readonly CreditFact[];
  /** Appeals not yet resolved or withdrawn. */
  readonly openAppeals: readonly AppealFact[];
  /** Legal holds not released. */
  readonly legalHolds: readonly LegalHoldFact[];
}

export type HoldKind = 'open_credit' | 'retention' | 'open_appeal' | 'legal_hold';

/** One reason the data is kept: which record, through which date (null: until an event), and why. */
export interface ErasureHold {
  readonly kind: HoldKind;
  /** The retention rule applied; null for a legal hold. */
  readonly ruleId: string | null;
  readonly subject: {
    readonly type: 'loan' | 'line' | 'appeal' | 'correction' | 'legal_hold';
    readonly id: string;
  };
  /** The last day the data is kept for this hold (inclusive); null while it lasts until something happens. */
  readonly heldThrough: LocalDate | null;
  /** For a retention period: the date it runs from (the contract's close). */
  readonly closedOn: LocalDate | null;
  /** The rule's citation; for a legal hold, the staff's reason and authority (staff views only). */
  readonly citation: Bilingual | null;
  readonly reason: string | null;
  readonly authority: string | null;
}

/** The rule of a basis in force on `today`: the longest if several are (the most careful reading). */
export function ruleInForce(
  rules: readonly RetentionRule[],
  basis: RetentionBasis,
  today: LocalDate,
): RetentionRule | undefined {
  const inForce = rules.filter(
    (rule) =>
      rule.basis === basis &&
      compareDates(rule.effectiveFrom, today) <= 0 &&
      (rule.retiredOn === null || compareDates(today, rule.retiredOn) < 0),
  );
  // Until-closed (null) outlasts any period; otherwise the longest period wins.
  return inForce.sort(
    (a, b) => (b.keepMonths ?? Infinity) - (a.keepMonths ?? Infinity) || a.id.localeCompare(b.id),
  )[0];
}

/** The holds that keep this customer's data on `today` (lapsed ones are left out), in a stable order. */
export function erasureHolds(
  facts: HoldFacts,
  rules: readonly RetentionRule[],
  today: LocalDate,
): ErasureHold[] {
  const holds: ErasureHold[] = [];
  const open = ruleInForce(rules, 'open_credit', today);
  const closed = ruleInForce(rules, 'closed_credit', today);
  for (const contract of facts.credit) {
    if (contract.closedOn === null) {
      if (open)
        holds.push({
          kind: 'open_credit',
          ruleId: open.id,
          subject: { type: contract.kind, id: contract.id },
          heldThrough: null,
          closedOn: null,
          citation: open.citation,
          reason: null,
          authority: null,
        });
      continue;
    }
    if (!closed || closed.keepMonths === null) continue;
    // Kept `keepMonths` from the close: through the day before the same date that many months later.
    const heldThrough = addDays(addMonths(contract.closedOn, closed.keepMonths), -1);
    if (compareDates(heldThrough, today) < 0) continue;
    holds.push({
      kind: 'retention',
      ruleId: closed.id,
      subject: { type: contract.kind, id: contract.id },
      heldThrough,
      closedOn: contract.closedOn,
      citation: closed.citation,
      reason: null,
      authority: null,
    });
  }
  const appealRule = ruleInForce(rules, 'open_appeal', today);
  if (appealRule) {
    for (const appeal of facts.openAppeals) {
      holds.push({
        kind: 'open_appeal',
        ruleId: appealRule.id,
        subject: { type: appeal.kind ?? 'appeal', id: appeal.id },
        heldThrough: null,
        closedOn: null,
        citation: appealRule.citation,
        reason: null,
        authority: null,
      });
    }
  }
  for (const hold of facts.legalHolds) {
    if (compareDates(hold.heldUntil, today) < 0) continue;
    holds.push({
      kind: 'legal_hold',
      ruleId: null,
      subject: { type: 'legal_hold', id: hold.id },
      heldThrough: hold.heldUntil,
      closedOn: null,
      citation: null,
      reason: hold.reason,
      authority: hold.authority,
    });
  }
  return holds;
}

/**
 * The first date the erasure can be carried out: the day after the last dated hold; null when nothing holds
 * (now) or when a hold lasts until an event (a loan closing, an appeal resolved) and no date can be given.
 */
export function erasableFrom(holds: readonly ErasureHold[]): LocalDate | null {
  if (holds.length === 0 || holds.some((hold) => hold.heldThrough === null)) return null;
  let last = holds[0]?.heldThrough as LocalDate;
  for (const hold of holds)
    if (hold.heldThrough && compareDates(hold.heldThrough, last) > 0) last = hold.heldThrough;
  return addDays(last, 1);
}
