import { samePerson } from '../../appeals/index.ts';
import type { IdempotencyStore } from '../../ledger/index.ts';
import { actorOfPrincipal, type AuditActor, type AuditLog } from '../../platform/audit/audit-log.ts';
import type { Database, Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Money } from '../../platform/money/money.ts';
import type { MessageContent, MessageDraft, MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { HardshipActor, HardshipRequestOf, HardshipRequestStore } from './hardship-requests.pg.ts';

/**
 * The port through which the one hardship-request layer (issue 18: `request-hardship.ts`, `decide-hardship.ts`,
 * `preview-hardship.ts` here) works on either product. The layer owns the request: its reasons, idempotency,
 * the second-person threshold, maker-checker, its storage and the audit of each step. The product owns its
 * subject: where it is, how a tool is planned on it today under its pure rules, and how a planned change is
 * booked and told to the customer. A new tool for a product is a change to its pure rules and to its `plan` /
 * `apply` dispatch; nothing here names a tool.
 */

/** What the layer takes from the composition root, whatever the product. */
export interface HardshipLayerDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly idempotency: IdempotencyStore;
  readonly audit?: Pick<AuditLog, 'record'>;
  /** Where the customer's message of an applied change is written (in the same transaction). */
  readonly outbox?: MessageOutbox;
}

/** A request planned on the locked subject today, as far as the layer reads it. */
export interface PlannedHardship<View> {
  readonly plan: {
    /** What the threshold is compared with. */
    readonly moneyEffect: Money;
    /** The subject before and after, as the product shows it (a loan's schedule, a line's figures). */
    readonly before: View;
    readonly after: View;
    readonly change: { readonly tool: string };
  };
  /** The lender's hardship rules in force today (one threshold for both products). */
  readonly rules: { readonly secondPersonAbove: Money };
  readonly today: LocalDate;
}

/** Plans a request on the subject, locked in `tx` (lock order and refusals are the product's). */
export type HardshipPlanner<Ask, Planned> = (
  tx: Queryable,
  where: { readonly customerId: string; readonly facilityId: string },
  subjectId: string,
  ask: Ask,
  requestId: string,
) => Promise<Planned>;

export interface HardshipProduct<
  Ask extends { readonly tool: string },
  Key extends string,
  View,
  Replay,
  Planned extends PlannedHardship<View>,
> {
  /** The audit log's name of the product: actions `<name>.hardship-request|apply|reject`, subject type. */
  readonly auditName: 'loan' | 'credit-line';
  /** The idempotency scope of a request (`loan.hardship`, `line.hardship`). */
  readonly idempotencyScope: string;
  readonly idKind: 'hardshipRequest' | 'lineHardshipRequest';
  /** The request id a preview plans under: never stored. */
  readonly previewId: string;
  readonly store: HardshipRequestStore<Ask, Key>;
  /** What an outcome shows before and after on a replay (the plan of the first request is not kept). */
  readonly replayView: Replay;
  /** The subject's customer and facility (404 naming the subject when there is none). */
  locate(q: Queryable, subjectId: string): Promise<{ customerId: string; facilityId: string }>;
  /**
   * The planner, with whatever it reads before the transaction opens (a loan's cost cap in force: PGlite has one
   * connection, so nothing outside `tx` is read inside it).
   */
  planner(): Promise<HardshipPlanner<Ask, Planned>>;
  /**
   * Carries a planned request out on the locked subject: its event appended and booked, the state saved; and
   * what the customer is told of it. The layer writes the message, the request's decision and the audit entry
   * in the same transaction.
   */
  apply(tx: Queryable, request: HardshipRequestOf<Ask, Key>, planned: Planned): Promise<AppliedHardship>;
  /**
   * What the customer would be told of the planned change, for the preview — the very message `apply` writes,
   * when it follows from the plan alone (a line's does). Absent when it needs the state booking writes (a
   * loan's message reads the booked schedule), so the preview of that product shows no message.
   */
  previewMessage?(subjectId: string, planned: Planned): MessageContent;
}

/** A request carried out: the product's event, its journals, the customer's message. */
export interface AppliedHardship {
  readonly seq: number;
  readonly journalIds: readonly string[];
  readonly message: MessageDraft;
}

/** The fields of a product's `hardship` event every product has (a product adds its own). */
export function hardshipEvent<Change>(
  seq: number,
  effectiveDate: LocalDate,
  requestId: string,
  change: Change,
) {
  return { seq, kind: 'hardship' as const, effectiveDate, requestId, change };
}

/** What staff give to ask for a change, besides the subject: the tool, why, who asks, the idempotency key. */
export interface HardshipAskInput<Ask> {
  readonly ask: Ask;
  readonly reasons: readonly { code: string; note: string }[];
  readonly maker: HardshipActor;
  readonly idempotencyKey: string;
}

/** What a request answers: the request as it stands and — when just made or applied — the subject before and after. */
export interface HardshipOutcomeOf<Request, View> {
  readonly request: Request;
  readonly before: View;
  readonly after: View;
  readonly journalIds: readonly string[];
}

/** Who acted, for the audit log: a staff user (console session) or an API key. */
export function auditActorOf(by: HardshipActor): AuditActor {
  return actorOfPrincipal({ keyId: by.keyId, name: by.name, role: 'reviewer' });
}

/**
 * The checker must be another person than the maker: another key, under another name — the appeals'
 * `samePerson`, as facility overrides use it — answered as a settings change request answers it:
 * 403 `maker-checker` (the act is forbidden to this person, not an invalid field), naming `checker`.
 */
export function checkSecondPerson(
  request: { readonly id: string; readonly maker: HardshipActor },
  checker: HardshipActor,
): void {
  const person = (actor: HardshipActor) => ({ kind: 'reviewer' as const, id: actor.keyId, name: actor.name });
  if (!samePerson(person(request.maker), person(checker))) return;
  throw new AppError(
    'FORBIDDEN',
    'the person who asked for a hardship change cannot approve it; another person (another key, under another name) must',
    {
      issues: [
        {
          field: 'checker',
          rule: 'maker-checker',
          message: `${request.maker.name} asked for this change and cannot approve it (four-eyes)`,
        },
      ],
      details: { requestId: request.id, maker: request.maker.name },
    },
  );
}

/**
 * Carries a request out (`product.apply`), tells the customer, and writes the audit entry of it: who applied
 * it (the maker, within the threshold, or the checker), the money effect, the event and its journals.
 */
export async function carryOutHardship<
  Ask extends { readonly tool: string },
  Key extends string,
  View,
  Planned extends PlannedHardship<View>,
>(
  deps: HardshipLayerDeps,
  product: HardshipProduct<Ask, Key, View, unknown, Planned>,
  tx: Queryable,
  request: HardshipRequestOf<Ask, Key>,
  planned: Planned,
  by: HardshipActor,
): Promise<AppliedHardship> {
  const done = await product.apply(tx, request, planned);
  if (deps.outbox) await deps.outbox.write(tx, [done.message]);
  await deps.audit?.record(
    {
      actor: auditActorOf(by),
      action: `${product.auditName}.hardship-apply`,
      subject: { type: product.auditName, id: request[product.store.spec.subjectKey] },
      outcome: 'ok',
      details: {
        requestId: request.id,
        tool: planned.plan.change.tool,
        moneyEffectFen: planned.plan.moneyEffect.toString(),
        makerKeyId: request.maker.keyId,
        checkerKeyId: by.keyId === request.maker.keyId ? null : by.keyId,
        eventSeq: done.seq,
        journalIds: [...done.journalIds],
      },
    },
    tx,
  );
  return done;
}
