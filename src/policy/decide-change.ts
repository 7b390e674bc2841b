import { assertSettingsWithinCostCap } from './settings-cost-cap.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { auditActorOf } from './change-audit.ts';
import type { ChangeDeps } from './change-ports.ts';
import {
  checkDecision,
  parseNote,
  type ChangeActor,
  type ChangeDecision,
  type ChangeRequest,
} from './change-requests.ts';
import * as repository from './change-requests.pg.ts';
import { parseLendingSettings } from './lending-settings.ts';
import { listLegalRateCaps, listProducts } from './policy.pg.ts';

/** Applies an approved settings change inside the deciding transaction. */
async function applySettingsChange(deps: ChangeDeps, tx: Queryable, change: ChangeRequest): Promise<void> {
  const today = deps.clock.today();
  if (change.payload.settingsKind !== 'document' && change.effectiveFrom < today)
    throw new AppError(
      'UNPROCESSABLE',
      `this setting was to apply from ${change.effectiveFrom}, which has passed (today is ${today}); reject it and submit it again from today or later`,
      {
        issues: [
          {
            field: 'effectiveFrom',
            rule: 'effective-date-passed',
            message: `${change.effectiveFrom} is before today (${today})`,
          },
        ],
      },
    );
  const settings = parseLendingSettings(change.payload.document);
  await deps.policies.applySettings(tx, settings);
  // Checked at submission against what was stored then; another change approved meanwhile (a lower cap)
  // may make this one unlawful. Read in this transaction, under the settings lock applySettings took.
  assertSettingsWithinCostCap(settings, {
    products: await listProducts(tx),
    legalRateCaps: await listLegalRateCaps(tx),
    riskAppetite: [],
    assignments: [],
  });
}

/** Applies an approved change inside the deciding transaction. */
async function applyChange(deps: ChangeDeps, tx: Queryable, change: ChangeRequest, at: Date): Promise<void> {
  switch (change.kind) {
    case 'policy':
      return deps.policies.approvePolicyChange(tx, change);
    case 'model':
      return deps.models.activate(tx, String(change.payload.version), at);
    case 'settings':
      return applySettingsChange(deps, tx, change);
  }
}

/** A refused self-decision is worth an audit line of its own, written after the transaction rolled back. */
async function auditRefusal(
  deps: ChangeDeps,
  error: unknown,
  id: string,
  decision: ChangeDecision,
  by: ChangeActor,
  requester: string | undefined,
): Promise<void> {
  if (!deps.audit || !(error instanceof AppError) || error.code !== 'FORBIDDEN' || requester === undefined)
    return;
  await deps.audit
    .record({
      actor: auditActorOf(by),
      action: `change.${decision}`,
      subject: { type: 'change', id },
      outcome: 'refused',
      details: { rule: 'maker-checker', requestedBy: requester },
    })
    .catch(() => undefined);
}

/**
 * Approves (and applies) or rejects a pending change; the decision and what it applies commit in one
 * transaction. FORBIDDEN (`maker-checker`) when `by` is the requester, CONFLICT (`final`) when already
 * decided; UNPROCESSABLE when an approval can no longer apply (its date passed, a check fails).
 */
export async function decideChange(
  deps: ChangeDeps,
  id: string,
  decision: ChangeDecision,
  by: ChangeActor,
  noteText: string | undefined,
): Promise<ChangeRequest> {
  const note = parseNote(noteText);
  const at = deps.clock.now();
  let requester: string | undefined;
  const decided = await deps.db
    .transaction(async (tx) => {
      const change = await repository.findChange(tx, id, { forUpdate: true });
      if (!change) throw AppError.notFound('change', id);
      requester = change.requestedBy.name;
      checkDecision(change, decision, by);
      if (decision === 'approve') await applyChange(deps, tx, change, at);
      const result = await repository.recordDecision(tx, id, {
        status: decision === 'approve' ? 'approved' : 'rejected',
        by,
        at,
        note,
      });
      await deps.audit?.record(
        {
          actor: auditActorOf(by),
          action: `${change.kind}.${decision}`,
          subject: { type: 'change', id },
          outcome: 'ok',
          details: {
            kind: change.kind,
            subject: change.subject,
            summary: change.summary,
            requestedBy: change.requestedBy.name,
            effectiveFrom: change.effectiveFrom,
            note,
          },
        },
        tx,
      );
      return result;
    })
    .catch(async (error: unknown) => {
      await auditRefusal(deps, error, id, decision, by, requester);
      throw error;
    });
  if (decided.status === 'approved') {
    deps.policies.forgetCaches();
    if (decided.kind === 'model') deps.models.forget();
  }
  return decided;
}
