import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import { auditActorOf } from './change-audit.ts';
import {
  BOOTSTRAP_ACTOR,
  checkDecision,
  parseNote,
  type ChangeActor,
  type ChangeDecision,
  type ChangeKind,
  type ChangeRequest,
  type ChangeStatus,
} from './change-requests.ts';
import * as repository from './change-requests.repository.ts';
import { assertSettingsWithinCostCap } from '../lending/shared/settings-cost-cap.ts';
import { parseLendingSettings, type LendingSettings } from './lending-settings.ts';
import { describeLegalRateCap } from './products.ts';
import type { PolicyService } from './policy-service.ts';
import { listLegalRateCaps, listProducts } from './policy.repository.ts';

/**
 * The four-eyes use cases: one inbox of change requests (policy versions, model activations, dated lending
 * settings), approve and reject by a second person. A decision and what it applies commit in one
 * transaction: an approved model is active, an approved setting stored, an approved policy version in force
 * from its date — or nothing changed. Every submission, approval and rejection is audited.
 */

/** What the registry of scoring models offers this service (a port: the policy context owns no models). */
export interface ModelActivationPort {
  /** The model's status; NOT_FOUND when there is no such version. */
  status(version: string): Promise<'candidate' | 'active' | 'retired'>;
  /** Activates the model (retiring the active one) inside the deciding transaction. */
  activate(tx: Queryable, version: string, at: Date): Promise<void>;
  /** Forgets any cached active scorer once the decision has committed. */
  forget(): void;
}

/** The dated lending settings a change request may set, by the key of `policies/settings.json`. */
export const SETTINGS_CHANGE_KINDS = ['products', 'legalRateCaps', 'riskAppetite', 'assignments'] as const;
export type SettingsChangeKind = (typeof SETTINGS_CHANGE_KINDS)[number];

export interface SettingsChangeRequest {
  readonly kind: SettingsChangeKind;
  readonly effectiveFrom: string;
  /** The entry as in `policies/settings.json`, without its `effectiveFrom`. */
  readonly setting: Readonly<Record<string, unknown>>;
  readonly description?: string;
}

export interface ChangeService {
  /** Asks for a model to become the active one; it does on approval. */
  submitModelActivation(version: string, by: ChangeActor): Promise<ChangeRequest>;
  /** Asks for one dated lending setting; checked now as it will be on approval, applied from its date. */
  submitSettingsChange(request: SettingsChangeRequest, by: ChangeActor): Promise<ChangeRequest>;
  /**
   * Asks for a whole settings document (the shape of `policies/settings.json`, each entry dated); checked now
   * as on approval. On a fresh database (no setting loaded yet) it is the bootstrap: loaded at once.
   */
  submitSettingsDocument(
    document: Readonly<Record<string, unknown>>,
    by: ChangeActor,
  ): Promise<{ readonly change: ChangeRequest; readonly loaded: LendingSettings | null }>;
  list(filter?: {
    readonly status?: ChangeStatus;
    readonly kind?: ChangeKind;
    readonly limit?: number;
  }): Promise<ChangeRequest[]>;
  /** NOT_FOUND when there is no such request. */
  get(id: string): Promise<ChangeRequest>;
  /**
   * Approves and applies a pending change. FORBIDDEN (`maker-checker`) when `by` is the requester, CONFLICT
   * (`final`) when already decided; UNPROCESSABLE when it can no longer apply (its date passed, a check fails).
   */
  approve(id: string, by: ChangeActor, note?: string): Promise<ChangeRequest>;
  /** Rejects a pending change (nothing is applied); the same refusals as approve. */
  reject(id: string, by: ChangeActor, note?: string): Promise<ChangeRequest>;
}

export interface ChangeServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policies: PolicyService;
  readonly models: ModelActivationPort;
  readonly audit?: AuditLog;
}

const ROLLED_BACK = Symbol('dry run');

/** The settings document of one settings change (validated as the settings file is). */
export function settingsOfChange(
  kind: SettingsChangeKind,
  effectiveFrom: string,
  setting: unknown,
): LendingSettings {
  if (typeof setting !== 'object' || setting === null || Array.isArray(setting))
    throw AppError.invalid('setting', 'object', 'the setting must be a JSON object');
  try {
    return parseLendingSettings({ [kind]: [{ ...(setting as Record<string, unknown>), effectiveFrom }] });
  } catch (error) {
    // The settings parser names `products[0].minLimit`; here the entry is `setting`.
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      const rename = (field: string) => field.replace(new RegExp(`^${kind}\\[0\\]\\.?`), 'setting.');
      throw new AppError(
        'VALIDATION_FAILED',
        error.message.replace(new RegExp(`${kind}\\[0\\]\\.?`, 'g'), 'setting.'),
        {
          issues: error.issues.map((issue) => ({
            ...issue,
            field: issue.field === 'setting.effectiveFrom' ? 'effectiveFrom' : rename(issue.field),
          })),
        },
      );
    }
    throw error;
  }
}

function describeSetting(
  kind: SettingsChangeKind,
  settings: LendingSettings,
): { subject: string; summary: string } {
  switch (kind) {
    case 'products': {
      const entry = settings.products[0];
      return { subject: `product:${entry?.product.code}`, summary: `product ${entry?.product.code}` };
    }
    case 'legalRateCaps': {
      const cap = settings.legalRateCaps[0];
      return {
        subject: 'legal-rate-cap',
        summary: `legal rate cap ${cap ? describeLegalRateCap(cap) : 'none'}`,
      };
    }
    case 'riskAppetite': {
      const setting = settings.riskAppetite[0];
      return {
        subject: 'risk-appetite',
        summary: `risk appetite "${setting?.name}" (cut-off +${setting?.cutoffRaise})`,
      };
    }
    case 'assignments': {
      const assignment = settings.assignments[0];
      return {
        subject: `assignment:${assignment?.productCode}`,
        summary: `${assignment?.productCode}: champion ${assignment?.championPolicy}${
          assignment?.challengerPolicy
            ? `, challenger ${assignment.challengerPolicy} ${assignment.challengerShareBps / 100}%`
            : ''
        }`,
      };
    }
  }
}

/** Builds the four-eyes service. */
export function createChangeService(deps: ChangeServiceDeps): ChangeService {
  const { db, clock, ids, policies, models, audit } = deps;

  const submit = async (change: ChangeRequest): Promise<ChangeRequest> => {
    await db.transaction(async (tx) => {
      await repository.insertChange(tx, change);
      await audit?.record(
        {
          actor: auditActorOf(change.requestedBy),
          action: `${change.kind}.submit`,
          subject: { type: 'change', id: change.id },
          outcome: 'ok',
          details: {
            kind: change.kind,
            subject: change.subject,
            effectiveFrom: change.effectiveFrom,
            summary: change.summary,
          },
        },
        tx,
      );
    });
    return change;
  };

  const newChange = (
    fields: Pick<ChangeRequest, 'kind' | 'subject' | 'scope' | 'summary' | 'payload' | 'effectiveFrom'>,
    by: ChangeActor,
  ): ChangeRequest => ({
    ...fields,
    id: ids.next('changeRequest'),
    requestedBy: by,
    requestedAt: clock.now(),
    simulationId: null,
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    note: '',
    bootstrap: false,
  });

  /**
   * Checks settings now exactly as on approval, in a transaction that is rolled back: a change that cannot
   * apply is refused to its author, not to the approver.
   */
  const dryRun = async (settings: LendingSettings): Promise<void> => {
    await db
      .transaction(async (tx) => {
        await policies.applySettings(tx, settings);
        throw ROLLED_BACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLED_BACK) throw error;
      });
  };

  /** Applies an approved change inside the deciding transaction. */
  const apply = async (tx: Queryable, change: ChangeRequest, at: Date): Promise<void> => {
    switch (change.kind) {
      case 'policy':
        return policies.approvePolicyChange(tx, change);
      case 'model':
        return models.activate(tx, String(change.payload.version), at);
      case 'settings': {
        const today = clock.today();
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
        await policies.applySettings(tx, settings);
        // Checked at submission against what was stored then; another change approved meanwhile (a lower cap)
        // may make this one unlawful. Read in this transaction, under the settings lock applySettings took.
        assertSettingsWithinCostCap(settings, {
          products: await listProducts(tx),
          legalRateCaps: await listLegalRateCaps(tx),
          riskAppetite: [],
          assignments: [],
        });
        return;
      }
    }
  };

  const decide = async (
    id: string,
    decision: ChangeDecision,
    by: ChangeActor,
    noteText: string | undefined,
  ): Promise<ChangeRequest> => {
    const note = parseNote(noteText);
    const at = clock.now();
    let requester: string | undefined;
    const decided = await db
      .transaction(async (tx) => {
        const change = await repository.findChange(tx, id, { forUpdate: true });
        if (!change) throw AppError.notFound('change', id);
        requester = change.requestedBy.name;
        checkDecision(change, decision, by);
        if (decision === 'approve') await apply(tx, change, at);
        const result = await repository.recordDecision(tx, id, {
          status: decision === 'approve' ? 'approved' : 'rejected',
          by,
          at,
          note,
        });
        await audit?.record(
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
        // A refused self-decision is worth an audit line of its own, written after the transaction rolled back.
        if (audit && error instanceof AppError && error.code === 'FORBIDDEN' && requester !== undefined)
          await audit
            .record({
              actor: auditActorOf(by),
              action: `change.${decision}`,
              subject: { type: 'change', id },
              outcome: 'refused',
              details: { rule: 'maker-checker', requestedBy: requester },
            })
            .catch(() => undefined);
        throw error;
      });
    if (decided.status === 'approved') {
      policies.forgetCaches();
      if (decided.kind === 'model') models.forget();
    }
    return decided;
  };

  return {
    async submitModelActivation(version, by) {
      const status = await models.status(version);
      if (status === 'active')
        throw new AppError('CONFLICT', `model ${version} is already the active model`, {
          issues: [{ field: 'version', rule: 'already-active', message: 'already active' }],
        });
      const today = clock.today();
      return submit(
        newChange(
          {
            kind: 'model',
            subject: version,
            scope: 'active-model',
            summary: `activate scoring model ${version}`,
            payload: { version },
            effectiveFrom: today,
          },
          by,
        ),
      );
    },

    async submitSettingsChange(request, by) {
      const effectiveFrom: LocalDate = parseLocalDate(request.effectiveFrom, 'effectiveFrom');
      const today = clock.today();
      if (effectiveFrom < today)
        throw AppError.invalid(
          'effectiveFrom',
          'not-in-past',
          `a change applies from today (${today}) or later, not ${effectiveFrom}`,
        );
      const settings = settingsOfChange(request.kind, effectiveFrom, request.setting);
      assertSettingsWithinCostCap(settings, await policies.settings());
      await dryRun(settings);
      const described = describeSetting(request.kind, settings);
      const description = (request.description ?? '').trim().slice(0, 200);
      return submit(
        newChange(
          {
            kind: 'settings',
            subject: `${described.subject}@${effectiveFrom}`,
            scope: `${described.subject}@${effectiveFrom}`,
            summary: `${described.summary} from ${effectiveFrom}${description ? `: ${description}` : ''}`,
            payload: {
              settingsKind: request.kind,
              document: { [request.kind]: [{ ...request.setting, effectiveFrom }] },
            },
            effectiveFrom,
          },
          by,
        ),
      );
    },

    async submitSettingsDocument(document, by) {
      const settings = parseLendingSettings(document);
      assertSettingsWithinCostCap(settings, await policies.settings());
      const today = clock.today();
      const count =
        settings.products.length +
        settings.legalRateCaps.length +
        settings.riskAppetite.length +
        settings.assignments.length;
      const fields = {
        kind: 'settings' as const,
        subject: `document@${today}`,
        scope: `document@${today}`,
        summary: `lending settings document: ${settings.products.length} products, ${settings.legalRateCaps.length} legal caps, ${settings.riskAppetite.length} risk appetite, ${settings.assignments.length} assignments (${count} dated entries)`,
        payload: { settingsKind: 'document', document: { ...document } },
        effectiveFrom: today,
      };
      if ((await policies.isFresh()).settings) {
        // The bootstrap: nothing is loaded, so nobody is lent to yet; the first settings load at once.
        const change: ChangeRequest = {
          ...newChange(fields, by),
          status: 'approved',
          decidedBy: BOOTSTRAP_ACTOR,
          decidedAt: clock.now(),
          note: 'bootstrap: the first lending settings of a fresh database take effect without a second person',
          bootstrap: true,
        };
        await db.transaction(async (tx) => {
          await policies.applySettings(tx, settings);
          await repository.insertChange(tx, change);
          await audit?.record(
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
        policies.forgetCaches();
        return { change, loaded: settings };
      }
      await dryRun(settings);
      return { change: await submit(newChange(fields, by)), loaded: null };
    },

    list: (filter = {}) =>
      repository.listChanges(db, {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        limit: filter.limit ?? 100,
      }),

    async get(id) {
      const change = await repository.findChange(db, id);
      if (!change) throw AppError.notFound('change', id);
      return change;
    },

    approve: (id, by, note) => decide(id, 'approve', by, note),
    reject: (id, by, note) => decide(id, 'reject', by, note),
  };
}
