import { Type, type Static, type TObject, type TSchema, type TString } from 'typebox';
import { IdString, pathParam, StringEnum } from '../../platform/http/schemas.ts';
import type { HttpServer } from '../../platform/http/server.ts';
import { REVERSAL_REASONS, type ReversalReason } from './reversals.ts';

/** What the two products' reversal routes differ in: path, words, the product's use case and receipt. */
export interface ReversalRouteSpec {
  /** `loans` + `repayments`, `lines` + `payments`: the path is `/v1/{collection}/:id/{payments}/:seq/reversal`. */
  readonly collection: 'loans' | 'lines';
  readonly payments: 'repayments' | 'payments';
  /** What `IdString` names the contract's id (`loan`, `line`). */
  readonly idKind: 'loan' | 'line';
  readonly tag: string;
  readonly summary: string;
  /** The payment's name in the seq's description ("repayment", "payment"). */
  readonly paymentWord: string;
  readonly headers: TObject<{ 'idempotency-key': TString }>;
  readonly errors: Readonly<Record<number, TSchema>>;
  /** The product's reversal receipt schema (what `reverse` answers, checked on the way out). */
  readonly receipt: TObject;
  reverse(request: {
    contractId: string;
    paymentSeq: number;
    reason: ReversalReason;
    idempotencyKey: string;
  }): Promise<{ receipt: Static<TObject>; replayed: boolean }>;
}

/**
 * `POST /v1/loans/{loanId}/repayments/{seq}/reversal` and `POST /v1/lines/{lineId}/payments/{seq}/reversal`:
 * a payment that did not stand reversed (the contract restated as if it had never been received); 201 with
 * the product's receipt, a replay of the same key marked `idempotent-replayed`.
 */
export function registerReversalRoute(http: HttpServer, spec: ReversalRouteSpec): void {
  const idParam = `${spec.idKind}Id`;
  const Params = Type.Object(
    {
      [idParam]: IdString(spec.idKind),
      seq: Type.String({
        pattern: '^[1-9][0-9]{0,8}$',
        description: `The ${spec.paymentWord}'s number (seq).`,
      }),
    },
    { additionalProperties: false },
  );
  http.post(
    `/v1/${spec.collection}/:${idParam}/${spec.payments}/:seq/reversal`,
    {
      config: { roles: ['app', 'reviewer'] },
      schema: {
        tags: [spec.tag],
        summary: spec.summary,
        params: Params,
        headers: spec.headers,
        body: Type.Object({ reason: StringEnum(REVERSAL_REASONS) }, { additionalProperties: false }),
        response: { 201: spec.receipt, ...spec.errors },
      },
    },
    async (request, reply) => {
      const result = await spec.reverse({
        contractId: pathParam(request.params, idParam),
        paymentSeq: Number(pathParam(request.params, 'seq')),
        reason: request.body.reason,
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.receipt);
    },
  );
}
