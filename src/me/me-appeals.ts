import type { AppealCategory } from '../appeals/index.ts';
import { customerAppealView } from '../appeals/appeal-view.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { CustomerPrincipal } from '../platform/auth/customer-sessions.ts';
import { moneyFromJson, toDecimalString } from '../platform/money/money.ts';
import { customerAppeals, ownDecision } from './me-decisions.ts';
import type { MeDeps } from './me-deps.ts';
import { text } from './me-texts.ts';

/**
 * The customer's appeals: evidence, filing, following and reading the outcome. The appeals context records
 * who acted through a principal: for a customer it is their session (the audit trail shows the customer,
 * via the session id).
 */
export function sessionActor(session: CustomerPrincipal): Principal {
  return { keyId: session.sessionId, name: 'customer session', role: 'app' };
}

/** The appeal as the customer's API shows it: texts as `{ "zh-CN", en }`, money in yuan. */
export function meAppealView(view: ReturnType<typeof customerAppealView>) {
  return {
    appealId: view.appealId,
    decisionId: view.decisionId,
    category: view.category,
    categoryText: text(view.categoryText),
    status: view.status,
    resolution: view.resolution,
    statusText: text(view.statusText),
    slaDueDate: view.slaDueDate,
    granted: view.granted
      ? {
          decisionId: view.granted.decisionId,
          limit: toDecimalString(moneyFromJson(view.granted.limit, 'granted.limit')),
          apr: view.granted.apr,
        }
      : null,
    reasons: view.reasons.map((reason) => ({ code: reason.code, text: text(reason.text) })),
    message: view.message === null ? null : text(view.message),
    evidenceIds: view.evidenceIds,
    filedAt: view.filedAt,
    resolvedAt: view.resolvedAt,
    withdrawnAt: view.withdrawnAt,
  };
}

/** `GET /v1/me/appeals/{id}`: NOT_FOUND unless it is this customer's. */
export async function myAppeal(deps: MeDeps, customerId: string, appealId: string) {
  return meAppealView(customerAppealView(await deps.services.appeals.customerView(appealId, customerId)));
}

/** `GET /v1/me/appeals`, newest first. */
export async function myAppeals(deps: MeDeps, customerId: string) {
  const appeals = await customerAppeals(deps, customerId);
  return Promise.all(appeals.map((appeal) => myAppeal(deps, customerId, appeal.id)));
}

/** `POST /v1/me/decisions/{id}/appeals`. */
export async function fileAppeal(
  deps: MeDeps,
  session: CustomerPrincipal,
  decisionId: string,
  input: {
    readonly category: AppealCategory;
    readonly statement: string;
    readonly evidence?: readonly string[];
  },
) {
  await ownDecision(deps, session.customerId, decisionId);
  const appeal = await deps.services.appeals.file(
    {
      decisionId,
      customerId: session.customerId,
      category: input.category,
      statement: input.statement,
      evidenceIds: [...(input.evidence ?? [])],
    },
    sessionActor(session),
  );
  return myAppeal(deps, session.customerId, appeal.id);
}
