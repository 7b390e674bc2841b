import { DEMO_CASES, type DemoCaseKey } from '../cases/demo-cases.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IssuedSession } from '../../platform/auth/customer-sessions.ts';
import type { MeDeps } from '../../me/me-deps.ts';
import { text, type Text } from '../../me/index.ts';

/**
 * The demo sign-in (only under `credence serve --demo`): the nine demo customers, and a session for any of
 * them. Outside demo mode it does not exist (404, as an unknown route), and it never issues a session for
 * a customer who is not one of the demo's.
 */

export interface DemoCustomer {
  readonly customerId: string;
  readonly case: DemoCaseKey;
  readonly displayName: string;
  readonly product: 'cash_loan' | 'credit_line';
  readonly shows: Text;
  readonly story: Text;
}

/** Finds customer ids by external id (the demo's customers are created under fixed external ids). */
export type DemoCustomerLookup = (externalIds: readonly string[]) => Promise<Map<string, string>>;

function demoOnly(deps: MeDeps, path: string): void {
  if (!deps.demo) throw new AppError('NOT_FOUND', `no route ${path}`);
}

/** The demo customers seeded in this database, in the demo's case order. */
export async function listDemoCustomers(deps: MeDeps, lookup: DemoCustomerLookup): Promise<DemoCustomer[]> {
  demoOnly(deps, 'GET /v1/demo/customers');
  const ids = await lookup(DEMO_CASES.map((demo) => demo.externalId));
  const out: DemoCustomer[] = [];
  for (const demo of DEMO_CASES) {
    const customerId = ids.get(demo.externalId);
    if (!customerId) continue;
    const customer = await deps.services.customers.getCustomer(customerId);
    out.push({
      customerId,
      case: demo.key,
      displayName: customer.name,
      product: demo.product ?? 'cash_loan',
      shows: text(demo.shows),
      story: text(demo.story),
    });
  }
  return out;
}

/** A session for one of the demo customers; NOT_FOUND for anyone else. */
export async function demoSession(
  deps: MeDeps,
  lookup: DemoCustomerLookup,
  input: { readonly customerId: string; readonly ttlSeconds?: number },
): Promise<IssuedSession> {
  demoOnly(deps, 'POST /v1/demo/sessions');
  const ids = await lookup(DEMO_CASES.map((demo) => demo.externalId));
  if (![...ids.values()].includes(input.customerId))
    throw new AppError('NOT_FOUND', `customer ${input.customerId} is not one of the demo customers`, {
      details: { resource: 'demo customer', id: input.customerId },
    });
  return deps.services.customerSessions.issue({
    customerId: input.customerId,
    ttlSeconds: input.ttlSeconds ?? deps.settings.demoSessionSeconds,
    issuedBy: 'demo',
    demo: true,
  });
}
