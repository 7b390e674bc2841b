/**
 * The appeals context's public surface. See docs/appeals.md.
 *
 * - `services.appeals` (`AppealService`): file, re-check, queue, review, decide, approve, withdraw, history,
 *   stats; `recover()` at start-up and in the day-end batch.
 * - Nothing loaded from here opens a database: the factory `createAppealService` (`appeal-service.ts`) and the
 *   day-end hook `withAppealRecovery` (`appeal-day-end.ts`) are for the composition root, which imports them
 *   from their files; the ports' wiring `appealPortsFrom` is the root's own (`src/appeal-wiring.ts`).
 * - Pure core: the status machine (`transition`, `EDGES`), the SLA clock and priority, the reviewer's
 *   authority, the re-check comparison, evidence checks, texts.
 */
export * from './appeal.ts';
export type {
  AppealListFilter,
  AppealPorts,
  AppealService,
  AppealServiceDeps,
  AppealStats,
  CaseFile,
  CustomerAppealView,
  FileAppealInput,
  QueueItem,
  RecoveryReport,
  ReviewerDecision,
} from './appeal-ports.ts';
export {
  DEFAULT_APPEAL_SETTINGS,
  parseAppealSettings,
  appealCalendar,
  type AppealSettings,
} from './appeal-settings.ts';
export { EDGES, samePerson, transition, type AppealCommand } from './appeal-status.ts';
export { slaDue, slaBreached, appealPriority } from './appeal-sla.ts';
export { checkOverrideAuthority } from './appeal-authority.ts';
export { reviewerActor } from './appeal-rules.ts';
export {
  compareTerms,
  recheckDiff,
  outcomeRank,
  type RecheckDiff,
  type Verdict,
} from './recheck-comparison.ts';
export { checkEvidence, sniffMediaType, EVIDENCE_MEDIA_TYPES, type EvidenceInfo } from './evidence.ts';
export type { CustomerNotification, Notifier } from './notifier.ts';
