/**
 * The bureau context's public surface: credit-bureau queries and their use log, advance notices of negative
 * information, and the monthly report (docs/bureau.md). Pure code and ports only; the storage adapters
 * (`bureau.pg.ts`, `bureau-reports.pg.ts`) and the sandbox reporter's file writer are wired by the
 * composition root.
 *
 * - A customer's copy of their data lists the bureau use with `listBureauUse(deps, customerId)` (bound
 *   as `services.bureau.useOf(customerId)`; the service factory is `bureau-service.ts`): every query (purpose, consent relied on, who asked, when, report
 *   hash and size), every advance notice, every record reported or held.
 * - The lending context implements `ReportableAccounts`.
 */
export * from './bureau.ts';
export type {
  AccountMonth,
  BureauQueryLog,
  BureauReporter,
  BureauReportStore,
  ConsentLookup,
  CreditBureau,
  EventIngest,
  NegativeNotice,
  RecordDisposition,
  ReportableAccounts,
  ReportRun,
  StoredReportRecord,
} from './bureau-ports.ts';
export { listBureauUse, type BureauUseOfCustomer } from './list-bureau-use.ts';
export { DEFAULT_BUREAU_SETTINGS, parseBureauSettings, type BureauSettings } from './bureau-settings.ts';
export {
  createSandboxCreditBureau,
  SANDBOX_BUREAU_NAME,
  type SandboxBureauOptions,
} from './sandbox-credit-bureau.ts';
export {
  decodeReportFile,
  encodeReportFile,
  fileSha256,
  HISTORY_MONTHS,
  LAYOUT_VERSION,
  type ReportFile,
  type ReportRecord,
} from './report-layout.ts';
