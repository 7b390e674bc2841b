import { appealCaseFile } from './appeal-case-file.ts';
import { appealHistory } from './appeal-history.ts';
import { appealNotifications } from './appeal-notifications.ts';
import type { AppealDeps, AppealService, AppealServiceDeps } from './appeal-ports.ts';
import { appealCalendar } from './appeal-settings.ts';
import { appealStats } from './appeal-stats.ts';
import { approveOverturn } from './approve-overturn.ts';
import { assignAppeal } from './assign-appeal.ts';
import { claimAppeal } from './claim-appeal.ts';
import { claimNextAppeal } from './claim-next-appeal.ts';
import { commentOnAppeal } from './comment-on-appeal.ts';
import { customerAppealView } from './customer-appeal-view.ts';
import { decideAppeal } from './decide-appeal.ts';
import { appealEvidenceContent } from './evidence-content.ts';
import { fileAppeal } from './file-appeal.ts';
import { getAppeal } from './get-appeal.ts';
import { listAppeals } from './list-appeals.ts';
import { recheckAppeal } from './recheck-appeal.ts';
import { recordSlaBreaches } from './record-sla-breaches.ts';
import { recoverAppeals } from './recover-appeals.ts';
import { reencryptAppealEvidence } from './reencrypt-evidence.ts';
import { rejectOverturn } from './reject-overturn.ts';
import { releaseAppeal } from './release-appeal.ts';
import { uploadEvidence } from './upload-evidence.ts';
import { withdrawAppeal } from './withdraw-appeal.ts';

/** The use cases' dependencies: the service's, with the SLA calendar built once from the settings. */
export function appealDeps(deps: AppealServiceDeps): AppealDeps {
  return { ...deps, calendar: appealCalendar(deps.settings) };
}

/**
 * Binds the appeals use cases to their dependencies (`AppealService`, declared in `appeal-ports.ts`). Loads
 * every use case and so the appeals store: the composition root imports it from this file, not the index.
 */
export function createAppealService(serviceDeps: AppealServiceDeps): AppealService {
  const deps = appealDeps(serviceDeps);
  return {
    calendar: deps.calendar,
    settings: deps.settings,
    uploadEvidence: (input) => uploadEvidence(deps, input),
    file: (input, by) => fileAppeal(deps, { ...input, by }),
    recheck: (appealId) => recheckAppeal(deps, { appealId }),
    recover: (options) => recoverAppeals(deps, options),
    recordSlaBreaches: (options) => recordSlaBreaches(deps, options),
    withdraw: (appealId, customerId, by) => withdrawAppeal(deps, { appealId, customerId, by }),
    customerView: (appealId, customerId) => customerAppealView(deps, { appealId, customerId }),
    get: (appealId) => getAppeal(deps, { appealId }),
    list: (filter) => listAppeals(deps, filter),
    caseFile: (appealId) => appealCaseFile(deps, { appealId }),
    claim: (appealId, by) => claimAppeal(deps, { appealId, by }),
    claimNext: (by) => claimNextAppeal(deps, { by }),
    assign: (appealId, reviewerKeyId, by) => assignAppeal(deps, { appealId, reviewerKeyId, by }),
    release: (appealId, by) => releaseAppeal(deps, { appealId, by }),
    comment: (appealId, note, by) => commentOnAppeal(deps, { appealId, note, by }),
    decide: (appealId, decision, by) => decideAppeal(deps, { appealId, decision, by }),
    approve: (appealId, by) => approveOverturn(deps, { appealId, by }),
    reject: (appealId, note, by) => rejectOverturn(deps, { appealId, note, by }),
    history: (appealId) => appealHistory(deps, { appealId }),
    notifications: (appealId) => appealNotifications(deps, { appealId }),
    evidenceContent: (appealId, evidenceId) => appealEvidenceContent(deps, { appealId, evidenceId }),
    reencryptEvidence: (options) => reencryptAppealEvidence(deps, options),
    stats: (range) => appealStats(deps, range),
  };
}
