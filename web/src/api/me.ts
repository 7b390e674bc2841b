import type { Text } from '../i18n/index.ts';
import { api, unwrap } from './client.ts';

/**
 * The customer's API (/v1/me, docs/customer-app.md "API"), as the screens use it. Every call goes through
 * the one typed client; money actions take the Idempotency-Key of the person's intent (see intent.ts).
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
  verifiedAt: string | null;
};
export type Home = {
  customer: { id: string; maskedName: string; maskedPhone?: string | null };
  asOf: string;
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
  kind: string;
  decidedAt: string;
  decisionDate: string;
  outcome: 'approved' | 'declined' | 'referred';
  overturned: {
    byDecisionId: string;
    on: string;
    originalOutcome: 'declined' | 'referred' | 'approved';
  } | null;
  headline: Text;
  limit: string;
  requestedAmount: string | null;
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
  decisionDate: string;
  headline: Text;
};
export type Method = 'equal-installment' | 'equal-principal' | 'interest-first';
export type Quote = {
  principal: string;
  termMonths: number;
  method: Method;
  apr: string;
  dailyRate: string;
  aprByIrr: string;
  upfrontFee: string;
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
  loanId: string;
  status: 'active' | 'closed' | 'written_off';
  principal: string;
  apr: string;
  aprByIrr: string;
  termMonths: number;
  method: Method;
  startDate: string;
  daysPastDue: number;
  outstanding: { principal: string; interest: string; penalty: string; total: string };
  nextDue: { dueDate: string; amount: string } | null;
  instalments: {
    period: number;
    dueDate: string;
    status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
    principal: string;
    interest: string;
    penalty: string;
    paid: string;
    owed: string;
    daysPastDue: number;
    settledOn: string | null;
  }[];
  repayments?: { date: string; amount: string; intent: string; receivedAt: string }[];
  closedOn: string | null;
};
export type Line = {
  lineId: string;
  openedOn: string;
  statementDay: number;
  limit: string;
  used: string;
  available: string;
  apr: string;
  dailyRate: string;
  facilityStatus: string;
  daysPastDue: number;
  owed: string;
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
    termMonths: number;
    feePerPeriod: string;
    billedPeriods: number;
    status: string;
    aprByIrr: string;
    principalOwed: string;
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
  termMonths: number;
  principal: string;
  feePerPeriod: string;
  totalFees: string;
  instalments: string[];
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
  evidenceIds: string[];
  filedAt: string;
  resolvedAt: string | null;
  withdrawnAt: string | null;
};
export type Message = {
  id: string;
  kind: 'decision' | 'appeal' | 'limit_change';
  at: string;
  title: Text;
  text: Text;
  link: { decisionId?: string; appealId?: string; lineId?: string };
};
export type DemoCustomer = {
  customerId: string;
  case: string;
  displayName: string;
  product: Product;
  shows: Text;
  story: Text;
};
export type SessionAnswer = { token: string; sessionId: string; customerId: string; expiresAt: string };

// Until the /v1/me routes are in the generated schema, calls go through the client untyped by path.
type Loose = {
  GET(path: string, init?: unknown): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST(path: string, init?: unknown): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  DELETE(path: string, init?: unknown): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};
const loose = api as unknown as Loose;
const get = <T>(path: string, params?: unknown) => unwrap(loose.GET(path, { params })) as Promise<T>;
const post = <T>(path: string, body: unknown, params?: unknown, key?: string) =>
  unwrap(
    loose.POST(path, { body, params, ...(key ? { headers: { 'idempotency-key': key } } : {}) }),
  ) as Promise<T>;

export const me = {
  demoCustomers: () => get<{ customers: DemoCustomer[] }>('/v1/demo/customers'),
  demoSession: (customerId: string) => post<SessionAnswer>('/v1/demo/sessions', { customerId }),
  signOut: () => unwrap(loose.DELETE('/v1/me/session')),
  home: () => get<Home>('/v1/me'),
  decisions: (product?: Product) =>
    get<{ decisions: DecisionSummary[] }>('/v1/me/decisions', { query: product ? { product } : {} }),
  decision: (decisionId: string) => get<MeDecision>(`/v1/me/decisions/${encodeURIComponent(decisionId)}`),
  apply: (product: Product) => post<MeDecision>('/v1/me/decisions', { product }),
  verification: () => get<Verification>('/v1/me/verification'),
  bindCard: (cardNumber: string) =>
    post<{ verification: Verification; verified: boolean }>('/v1/me/cards', { cardNumber }),
  quote: (body: { principal: string; termMonths: number; method: Method }) =>
    post<Quote>('/v1/me/loans/quote', body),
  drawdown: (body: { principal: string; termMonths: number; method: Method }, key: string) =>
    post<{ loan: Loan; paidOut: string; availableAfter: string }>('/v1/me/loans', body, undefined, key),
  loans: () => get<{ loans: Loan[] }>('/v1/me/loans'),
  loan: (loanId: string) => get<Loan>(`/v1/me/loans/${encodeURIComponent(loanId)}`),
  repayLoan: (loanId: string, amount: string, key: string) =>
    post<{ amount: string; loan: Loan }>(
      `/v1/me/loans/${encodeURIComponent(loanId)}/repayments`,
      { amount },
      undefined,
      key,
    ),
  lines: () => get<{ lines: Line[] }>('/v1/me/lines'),
  openLine: () => post<Line>('/v1/me/lines', {}),
  purchase: (lineId: string, body: { amount: string; description: string }, key: string) =>
    post<{ purchaseId: string; amount: string; effectiveDate: string; availableAfter: string }>(
      `/v1/me/lines/${encodeURIComponent(lineId)}/purchases`,
      body,
      undefined,
      key,
    ),
  statements: (lineId: string) =>
    get<{ statements: Statement[] }>(`/v1/me/lines/${encodeURIComponent(lineId)}/statements`),
  payLine: (lineId: string, body: { kind: 'full' | 'minimum' | 'amount'; amount?: string }, key: string) =>
    post<{ amount: string; effectiveDate: string; line: Line }>(
      `/v1/me/lines/${encodeURIComponent(lineId)}/payments`,
      body,
      undefined,
      key,
    ),
  offers: (lineId: string, query: { purchase: string } | { statement: number }) =>
    get<{ offers: Offer[] }>(`/v1/me/lines/${encodeURIComponent(lineId)}/offers`, { query }),
  convert: (
    lineId: string,
    body: ({ purchaseId: string } | { statementSeq: number }) & { termMonths: number },
    key: string,
  ) =>
    post<{ planId: string; offer: Offer; line: Line }>(
      `/v1/me/lines/${encodeURIComponent(lineId)}/conversions`,
      body,
      undefined,
      key,
    ),
  uploadEvidence: async (file: File) => {
    return unwrap(
      loose.POST('/v1/me/appeals/evidence', {
        body: file,
        bodySerializer: (body: File) => body,
        headers: { 'content-type': file.type },
      }),
    ) as Promise<{ evidenceId: string; mediaType: string; bytes: number }>;
  },
  fileAppeal: (decisionId: string, body: { category: string; statement: string; evidence?: string[] }) =>
    post<Appeal>(`/v1/me/decisions/${encodeURIComponent(decisionId)}/appeals`, body),
  appeals: () => get<{ appeals: Appeal[] }>('/v1/me/appeals'),
  appeal: (appealId: string) => get<Appeal>(`/v1/me/appeals/${encodeURIComponent(appealId)}`),
  messages: () => get<{ messages: Message[] }>('/v1/me/messages'),
};
