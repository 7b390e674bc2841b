import { api, unwrap } from './client.ts';
import { takePrefetchedHome } from './prefetch.ts';
import { endSession } from './session.ts';
import type { paths } from './schema';

/**
 * The customer's API (/v1/me, docs/customer-app.md "API") as the screens use it: every call through the one
 * client typed by the schema generated from /openapi.json, and every type below derived from it — a route
 * that changes shape fails the web typecheck, not the customer. Money actions take the Idempotency-Key of
 * the person's intent (intent.ts).
 */
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: infer R }
  ? R extends { 201: infer C }
    ? Json<C>
    : R extends { 200: infer C }
      ? Json<C>
      : never
  : never;
type Body<P extends keyof paths> = paths[P]['post'] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : paths[P]['post'] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;

export type LoanRequest = Body<'/v1/me/loans/quote'>;
export type Method = LoanRequest['method'];
export type LinePayment = Body<'/v1/me/lines/{lineId}/payments'>;
export type Conversion = Body<'/v1/me/lines/{lineId}/conversions'>;
export type AppealRequest = Body<'/v1/me/decisions/{decisionId}/appeals'>;
export type DemoCustomer = Ok<'/v1/demo/customers', 'get'>['customers'][number];

type Text = { 'zh-CN': string; en: string };

/*
 * The answers of /v1/me are open objects in the OpenAPI document today (their route schemas do not describe
 * them yet), so their shapes are written here from docs/customer-app.md, limited to what the screens read;
 * the requests (bodies, parameters, headers) are typed by the generated schema.
 */
export type Product = 'cash_loan' | 'credit_line';
export type ProductStatus = {
  product: Product;
  name: Text;
  status: 'can_borrow' | 'not_yet' | 'under_review' | 'not_applied';
  headline: Text;
  limitTotal: string | null;
  limitAvailable: string | null;
  apr: string | null;
  dailyRate: string | null;
  facilityStatus: 'active' | 'frozen' | 'suspended' | 'closed' | null;
  latestDecisionId: string | null;
  lineId?: string | null;
};
export type Verification = {
  level: number;
  levelName: Text;
  levelsNeeded: Partial<Record<Product, number>>;
  elements: { element: 'id_number' | 'phone' | 'bank_card'; verified: boolean }[];
  failures: { code: string; text: Text }[];
  nextStep: Text | null;
  cards: { cardId: string; cardNumber: string; issuer: string | null; addedAt: string }[];
};
export type Home = {
  customer: { id: string; maskedName: string };
  verification: Verification;
  score: {
    value: number;
    band: 'poor' | 'fair' | 'good' | 'excellent';
    asOf: string;
    dimensions: { key: string; score: number; label: Text }[];
  } | null;
  products: ProductStatus[];
};
export type MeDecision = {
  decisionId: string;
  product: Product;
  decidedAt: string;
  decisionDate: string;
  outcome: 'approved' | 'declined' | 'referred';
  overturned: {
    byDecisionId: string;
    on: string;
    originalOutcome: 'approved' | 'declined' | 'referred';
  } | null;
  headline: Text;
  limit: string;
  apr: string | null;
  dailyRate: string | null;
  reasons: { code: string; text: Text }[];
  plan: {
    steps: {
      code: string;
      text: Text;
      dueDate: string | null;
      done: boolean;
      progress: { done: number; total: number } | null;
    }[];
    reapplyOn: string | null;
    verifiedOutcome: 'approved' | 'referred' | null;
  } | null;
  noPlan: Text | null;
  referral: {
    kind: 'fault' | 'review';
    whatNext: Text;
    byWhen: string;
    byWhenDate: string;
    action: 'reapply' | 'appeal';
  } | null;
  appeal: { canAppeal: boolean; deadline: string | null; appealId: string | null };
};
export type DecisionSummary = {
  decisionId: string;
  product: Product;
  outcome: MeDecision['outcome'];
  decidedAt: string;
};
export type Quote = {
  amount: string;
  term: number;
  method: Method;
  apr: string;
  dailyRate: string;
  aprByIrr: string;
  upfrontFee: string;
  paidOut: string;
  totalInterest: string;
  totalFees: string;
  totalRepayment: string;
  rows: {
    period: number;
    dueDate: string;
    principal: string;
    interest: string;
    payment: string;
    balance: string;
  }[];
};
export type Loan = {
  id: string;
  status: 'active' | 'closed' | 'written_off';
  principal: string;
  apr: string;
  aprByIrr: string;
  term: number;
  method: Method;
  startDate: string;
  daysPastDue: number;
  outstanding: { principal: string; interest: string; penalty: string };
  nextDue: { dueDate: string; amount: string } | null;
  instalments: {
    period: number;
    dueDate: string;
    status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
    principal: string;
    interest: string;
    owed: string;
  }[];
  repayments?: { seq: number; effectiveDate: string; amount: string; intent: string; receivedAt: string }[];
  closedOn: string | null;
};
export type Line = {
  id: string;
  openedOn: string;
  statementDay: number;
  dailyRate: string;
  facility: { status: string; limit: string; used: string; available: string };
  daysPastDue: number;
  balances: { payoff: string };
  nextStatementDate: string;
  openStatements: {
    seq: number;
    statementDate: string;
    dueDate: string;
    minimumPayment: string;
    minimumOutstanding: string;
    owed: string;
    settledOn: string | null;
  }[];
  plans: {
    planId: string;
    principal: string;
    term: number;
    feePerPeriod: string;
    billedPeriods: number;
    status: string;
    aprByIrr: string;
  }[];
  onTimeCycles: number;
};
export type Statement = {
  seq: number;
  statementDate: string;
  dueDate: string;
  closingBalance: string;
  minimumPayment: string;
};
export type Offer = {
  amount: string;
  term: number;
  feePerPeriod: string;
  totalFees: string;
  aprByIrr: string;
};
export type Appeal = {
  appealId: string;
  decisionId: string;
  category: string;
  categoryText: Text;
  status: string;
  resolution: string | null;
  statusText: Text;
  slaDueDate: string | null;
  granted: { decisionId: string; limit: string; apr: string | null } | null;
  reasons: { code: string; text: Text }[];
  message: Text | null;
  filedAt: string;
  resolvedAt: string | null;
};
export type Message = {
  id: string;
  kind: 'decision' | 'appeal' | 'limit_change';
  at: string;
  title: Text;
  text: Text;
  link: { decisionId?: string; appealId?: string; lineId?: string };
};
export type Evidence = { evidenceId: string; mediaType: string; sizeBytes: number };

/** An answer the schema leaves open, read as the shape the contract documents. */
const as = <T>(answer: Promise<unknown>) => answer as Promise<T>;

const key = (idempotencyKey: string) => ({ 'idempotency-key': idempotencyKey });

export const me = {
  demoCustomers: () => unwrap(api.GET('/v1/demo/customers')),
  demoSession: (customerId: string) => unwrap(api.POST('/v1/demo/sessions', { body: { customerId } })),
  signOut: () => unwrap(api.DELETE('/v1/me/session')),
  home: () => {
    const prefetched = takePrefetchedHome();
    return as<Home>(
      unwrap(
        prefetched
          ? prefetched.then(async (response) => {
              if (response.status === 401) endSession('expired');
              const body: unknown = await response.json();
              return response.ok ? { data: body, response } : { error: body, response };
            })
          : api.GET('/v1/me'),
      ),
    );
  },
  decisions: (product?: Product) =>
    as<{ decisions: DecisionSummary[] }>(
      unwrap(api.GET('/v1/me/decisions', { params: { query: product ? { product } : {} } })),
    ),
  decision: (decisionId: string) =>
    as<MeDecision>(unwrap(api.GET('/v1/me/decisions/{decisionId}', { params: { path: { decisionId } } }))),
  apply: (product: Product) => as<MeDecision>(unwrap(api.POST('/v1/me/decisions', { body: { product } }))),
  verification: () => as<Verification>(unwrap(api.GET('/v1/me/verification'))),
  bindCard: (cardNumber: string) =>
    as<{ verification: Verification; verified: boolean }>(
      unwrap(api.POST('/v1/me/cards', { body: { cardNumber } })),
    ),
  quote: (body: LoanRequest) => as<Quote>(unwrap(api.POST('/v1/me/loans/quote', { body }))),
  drawdown: (body: LoanRequest, idempotencyKey: string) =>
    as<{ loan: Loan; paidOut: string; availableAfter: string }>(
      unwrap(api.POST('/v1/me/loans', { body, params: { header: key(idempotencyKey) } })),
    ),
  loans: () => as<{ loans: Loan[] }>(unwrap(api.GET('/v1/me/loans'))),
  loan: (loanId: string) =>
    as<Loan>(unwrap(api.GET('/v1/me/loans/{loanId}', { params: { path: { loanId } } }))),
  repayLoan: (loanId: string, amount: string, idempotencyKey: string) =>
    as<{ amount: string; effectiveDate: string }>(
      unwrap(
        api.POST('/v1/me/loans/{loanId}/repayments', {
          body: { amount },
          params: { path: { loanId }, header: key(idempotencyKey) },
        }),
      ),
    ),
  lines: () => as<{ lines: Line[] }>(unwrap(api.GET('/v1/me/lines'))),
  openLine: () => as<Line>(unwrap(api.POST('/v1/me/lines', { body: {} }))),
  purchase: (lineId: string, body: { amount: string; description: string }, idempotencyKey: string) =>
    as<{ purchaseId: string; amount: string; effectiveDate: string; availableAfter: string }>(
      unwrap(
        api.POST('/v1/me/lines/{lineId}/purchases', {
          body,
          params: { path: { lineId }, header: key(idempotencyKey) },
        }),
      ),
    ),
  statements: (lineId: string) =>
    as<{ statements: Statement[] }>(
      unwrap(api.GET('/v1/me/lines/{lineId}/statements', { params: { path: { lineId } } })),
    ),
  payLine: (lineId: string, body: LinePayment, idempotencyKey: string) =>
    as<{ amount: string; effectiveDate: string; availableAfter: string }>(
      unwrap(
        api.POST('/v1/me/lines/{lineId}/payments', {
          body,
          params: { path: { lineId }, header: key(idempotencyKey) },
        }),
      ),
    ),
  offers: (lineId: string, query: { purchase: string } | { statement: string }) =>
    as<{ offers: Offer[] }>(
      unwrap(api.GET('/v1/me/lines/{lineId}/offers', { params: { path: { lineId }, query } })),
    ),
  convert: (lineId: string, body: Conversion, idempotencyKey: string) =>
    as<{ planId: string }>(
      unwrap(
        api.POST('/v1/me/lines/{lineId}/conversions', {
          body,
          params: { path: { lineId }, header: key(idempotencyKey) },
        }),
      ),
    ),
  uploadEvidence: (file: File) =>
    as<Evidence>(
      unwrap(
        api.POST('/v1/me/appeals/evidence', {
          // The raw file is the body (JPEG, PNG or PDF), typed by its own content type.
          body: file as never,
          bodySerializer: (body: unknown) => body as File,
          headers: { 'content-type': file.type },
        }),
      ),
    ),
  fileAppeal: (decisionId: string, body: AppealRequest) =>
    as<Appeal>(
      unwrap(api.POST('/v1/me/decisions/{decisionId}/appeals', { body, params: { path: { decisionId } } })),
    ),
  appeals: () => as<{ appeals: Appeal[] }>(unwrap(api.GET('/v1/me/appeals'))),
  appeal: (appealId: string) =>
    as<Appeal>(unwrap(api.GET('/v1/me/appeals/{appealId}', { params: { path: { appealId } } }))),
  messages: () => as<{ messages: Message[] }>(unwrap(api.GET('/v1/me/messages'))),
};
