import { assertSettingsWithinCostCap } from './settings-cost-cap.ts';
import { auditActorOf } from './change-audit.ts';
import type { ChangeDeps } from './change-ports.ts';
import { BOOTSTRAP_ACTOR, type ChangeActor, type ChangeRequest } from './change-requests.ts';
import * as repository from './change-requests.pg.ts';
import { parseLendingSettings, type LendingSettings } from './lending-settings.ts';
import { dryRunSettings, pendingChange, recordSubmission, type ChangeFields } from './record-change.ts';

/** The bootstrap: nothing is loaded, so nobody is lent to yet; the first settings load at once. */
async function bootstrapSettings(
  deps: ChangeDeps,
  settings: LendingSettings,
  fields: ChangeFields,
  by: ChangeActor,
): Promise<ChangeRequest> {
  const change: ChangeRequest = {
    ...pendingChange(deps, fields, by),
    status: 'approved',
    decidedBy: BOOTSTRAP_ACTOR,
    decidedAt: deps.clock.now(),
    note: 'bootstrap: the first lending settings of a fresh database take effect without a second person',
    bootstrap: true,
  };
  await deps.db.transaction(async (tx) => {
    await deps.policies.applySettings(tx, settings);
    await repository.insertChange(tx, change);
    await deps.audit?.record(
      {
        actor: auditActorOf(BOOTSTRAP_ACTOR),
        action: 'settings.bootstrap',
        subject: { type: 'change', id: change.id },
        outcome: 'ok',
        details: { requestedBy: by.name, summary: change.summary },
      },
      tx,
    );
  });
  deps.policies.forgetCaches();
  return change;
}

/**
 * Asks for a whole settings document (the shape of `policies/settings.json`, each entry dated); checked now
 * as on approval. On a fresh database (no setting loaded yet) it is the bootstrap: loaded at once.
 */
export async function submitSettingsDocument(
  deps: ChangeDeps,
  document: Readonly<Record<string, unknown>>,
  by: ChangeActor,
): Promise<{ readonly change: ChangeRequest; readonly loaded: LendingSettings | null }> {
  const settings = parseLendingSettings(document);
  assertSettingsWithinCostCap(settings, await deps.policies.settings());
  const today = deps.clock.today();
  const count =
    settings.products.length +
    settings.legalRateCaps.length +
    settings.riskAppetite.length +
    settings.assignments.length;
  const fields: ChangeFields = {
    kind: 'settings',
    subject: `document@${today}`,
    scope: `document@${today}`,
    summary: `lending settings document: ${settings.products.length} products, ${settings.legalRateCaps.length} legal caps, ${settings.riskAppetite.length} risk appetite, ${settings.assignments.length} assignments (${count} dated entries)`,
    payload: { settingsKind: 'document', document: { ...document } },
    effectiveFrom: today,
  };
  if ((await deps.policies.isFresh()).settings)
    return { change: await bootstrapSettings(deps, settings, fields, by), loaded: settings };
  await dryRunSettings(deps, settings);
  return { change: await recordSubmission(deps, pendingChange(deps, fields, by)), loaded: null };
}
