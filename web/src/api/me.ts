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

export type Home = Ok<'/v1/me', 'get'>;
export type ProductStatus = Home['products'][number];
/** The products in force (cash_loan, credit_line), as /v1/me names them. */
export type Product = ProductStatus['product'];
export type Verification = Ok<'/v1/me/verification', 'get'>;
/** Every product code /v1/me knows, checked both ways against the generated enum. */
const PRODUCTS = { cash_loan: true, credit_line: true } satisfies Record<Product, true>;
/** A decision names its product by a plain code (MeDecision['product'] is a string): one the app can apply for. */
export const isProduct = (code: string): code is Product => Object.hasOwn(PRODUCTS, code);
export type MeDecision = Ok<'/v1/me/decisions/{decisionId}', 'get'>;
export type DecisionSummary = Ok<'/v1/me/decisions', 'get'>['decisions'][number];
export type Quote = Ok<'/v1/me/loans/quote', 'post'>;
export type Loan = Ok<'/v1/me/loans/{loanId}', 'get'>;
export type AutoRepay = Ok<'/v1/me/loans/{loanId}/auto-repay', 'get'>;
export type AutoRepayChange =
  paths['/v1/me/loans/{loanId}/auto-repay']['put']['requestBody']['content']['application/json'];
export type Line = Ok<'/v1/me/lines', 'get'>['lines'][number];
export type Statement = Ok<'/v1/me/lines/{lineId}/statements', 'get'>['statements'][number];
export type Offer = Ok<'/v1/me/lines/{lineId}/offers', 'get'>['offers'][number];
export type Appeal = Ok<'/v1/me/appeals/{appealId}', 'get'>;
export type Message = Ok<'/v1/me/messages', 'get'>['messages'][number];
export type Evidence = Ok<'/v1/me/appeals/evidence', 'post'>;
export type Copy = Ok<'/v1/me/data/copies/{exportId}', 'get'>;
export type ErasureRequest = Ok<'/v1/me/erasure', 'post'>;
export type Correction = Ok<'/v1/me/data/corrections/{correctionId}', 'get'>;
export type CorrectionRequest = Body<'/v1/me/data/corrections'>;

const key = (idempotencyKey: string) => ({ 'idempotency-key': idempotencyKey });

export const me = {
  demoCustomers: () => unwrap(api.GET('/v1/demo/customers')),
  demoSession: (customerId: string) => unwrap(api.POST('/v1/demo/sessions', { body: { customerId } })),
  signOut: () => unwrap(api.DELETE('/v1/me/session')),
  home: (): Promise<Home> => {
    const prefetched = takePrefetchedHome();
    if (!prefetched) return unwrap(api.GET('/v1/me'));
    return unwrap(
      prefetched.then(async (response) => {
        if (response.status === 401) endSession('expired');
        const body: unknown = await response.json();
        // The same GET /v1/me, fetched before this client existed (prefetch.ts): its answer is the route's.
        return response.ok ? { data: body as Home, response } : { error: body, response };
      }),
    );
  },
  decisions: (product?: Product) =>
    unwrap(api.GET('/v1/me/decisions', { params: { query: product ? { product } : {} } })),
  decision: (decisionId: string) =>
    unwrap(api.GET('/v1/me/decisions/{decisionId}', { params: { path: { decisionId } } })),
  apply: (product: Product) => unwrap(api.POST('/v1/me/decisions', { body: { product } })),
  verification: () => unwrap(api.GET('/v1/me/verification')),
  bindCard: (cardNumber: string) => unwrap(api.POST('/v1/me/cards', { body: { cardNumber } })),
  quote: (body: LoanRequest) => unwrap(api.POST('/v1/me/loans/quote', { body })),
  drawdown: (body: LoanRequest, idempotencyKey: string) =>
    unwrap(api.POST('/v1/me/loans', { body, params: { header: key(idempotencyKey) } })),
  loans: () => unwrap(api.GET('/v1/me/loans')),
  loan: (loanId: string) => unwrap(api.GET('/v1/me/loans/{loanId}', { params: { path: { loanId } } })),
  autoRepay: (loanId: string) =>
    unwrap(api.GET('/v1/me/loans/{loanId}/auto-repay', { params: { path: { loanId } } })),
  setAutoRepay: (loanId: string, body: AutoRepayChange) =>
    unwrap(api.PUT('/v1/me/loans/{loanId}/auto-repay', { params: { path: { loanId } }, body })),
  repayLoan: (loanId: string, amount: string, idempotencyKey: string) =>
    unwrap(
      api.POST('/v1/me/loans/{loanId}/repayments', {
        body: { amount },
        params: { path: { loanId }, header: key(idempotencyKey) },
      }),
    ),
  lines: () => unwrap(api.GET('/v1/me/lines')),
  openLine: () => unwrap(api.POST('/v1/me/lines', { body: {} })),
  purchase: (lineId: string, body: Body<'/v1/me/lines/{lineId}/purchases'>, idempotencyKey: string) =>
    unwrap(
      api.POST('/v1/me/lines/{lineId}/purchases', {
        body,
        params: { path: { lineId }, header: key(idempotencyKey) },
      }),
    ),
  statements: (lineId: string) =>
    unwrap(api.GET('/v1/me/lines/{lineId}/statements', { params: { path: { lineId } } })),
  payLine: (lineId: string, body: LinePayment, idempotencyKey: string) =>
    unwrap(
      api.POST('/v1/me/lines/{lineId}/payments', {
        body,
        params: { path: { lineId }, header: key(idempotencyKey) },
      }),
    ),
  offers: (lineId: string, query: { purchase: string } | { statement: string }) =>
    unwrap(api.GET('/v1/me/lines/{lineId}/offers', { params: { path: { lineId }, query } })),
  convert: (lineId: string, body: Conversion, idempotencyKey: string) =>
    unwrap(
      api.POST('/v1/me/lines/{lineId}/conversions', {
        body,
        params: { path: { lineId }, header: key(idempotencyKey) },
      }),
    ),
  uploadEvidence: (file: File) =>
    unwrap(
      api.POST('/v1/me/appeals/evidence', {
        // The raw file is the body (JPEG, PNG or PDF), typed by its own content type.
        body: file as never,
        bodySerializer: (body: unknown) => body as File,
        headers: { 'content-type': file.type },
      }),
    ),
  fileAppeal: (decisionId: string, body: AppealRequest) =>
    unwrap(api.POST('/v1/me/decisions/{decisionId}/appeals', { body, params: { path: { decisionId } } })),
  appeals: () => unwrap(api.GET('/v1/me/appeals')),
  appeal: (appealId: string) =>
    unwrap(api.GET('/v1/me/appeals/{appealId}', { params: { path: { appealId } } })),
  messages: () => unwrap(api.GET('/v1/me/messages')),
  copies: () => unwrap(api.GET('/v1/me/data/copies')),
  erasures: () => unwrap(api.GET('/v1/me/erasure')),
  /** Erase my data: sent only after the person said yes in the dialog (`confirm: true`), with the intent's key. */
  requestErasure: (idempotencyKey: string) =>
    unwrap(api.POST('/v1/me/erasure', { body: { confirm: true }, params: { header: key(idempotencyKey) } })),
  requestCopy: () => unwrap(api.POST('/v1/me/data/copies', { body: {} })),
  /** A copy's file as a Blob (the bearer session goes with it; a link could not carry it). */
  copyFile: async (exportId: string, file: 'document' | 'summary'): Promise<Blob> => {
    const path =
      file === 'document'
        ? '/v1/me/data/copies/{exportId}/document'
        : '/v1/me/data/copies/{exportId}/summary';
    const { data, error } = await api.GET(path, { params: { path: { exportId } }, parseAs: 'blob' });
    if (error !== undefined || !(data instanceof Blob)) throw new Error('download failed');
    return data;
  },
  corrections: () => unwrap(api.GET('/v1/me/data/corrections')),
  fileCorrection: (body: CorrectionRequest) => unwrap(api.POST('/v1/me/data/corrections', { body })),
};
