import { Type } from 'typebox';
import { ProblemSchema, StringEnum, Text } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { upholdCatalogue, UPHOLD_CODES } from './appeal-texts.ts';
import { previewUphold } from './preview-uphold.ts';

const ParamSpec = Type.Union([
  Type.Object({
    name: Type.String(),
    kind: Type.Literal('source'),
    options: Type.Array(Type.Object({ code: Type.String(), text: Text })),
  }),
  Type.Object({ name: Type.String(), kind: Type.Literal('fen') }),
  Type.Object({
    name: Type.String(),
    kind: Type.Literal('level'),
    min: Type.Literal(0),
    max: Type.Literal(3),
  }),
]);

const ReasonInput = Type.Object(
  {
    code: StringEnum(UPHOLD_CODES),
    params: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  { additionalProperties: false },
);

const RenderedReason = Type.Object({
  code: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  text: Text,
});

/**
 * The uphold-reason catalogue for a reviewer's form, and the preview of what the customer will read — the
 * status line, each reason and the reviewer's own message, in both languages — rendered by the same
 * templates and checks as the decision itself (`renderUpholdReasons`), so the preview is the text sent.
 * Nothing is written.
 */
export function registerUpholdReasonRoutes(http: HttpServer): void {
  http.get(
    '/v1/appeals/uphold-reasons',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['appeals'],
        summary: 'The reasons a reviewer may give for upholding a decision, with the parameters each needs.',
        description:
          'Give one to four. `fen` parameters are integer fen as a string ("200000" is ¥2,000.00); `level` parameters a verification level 0–3; `source` one of the options.',
        response: {
          200: Type.Object({
            minReasons: Type.Literal(1),
            maxReasons: Type.Literal(4),
            reasons: Type.Array(
              Type.Object({ code: StringEnum(UPHOLD_CODES), params: Type.Array(ParamSpec) }),
            ),
          }),
        },
      },
    },
    async () => ({
      minReasons: 1 as const,
      maxReasons: 4 as const,
      reasons: upholdCatalogue().map((reason) => ({
        code: reason.code,
        params: reason.params.map((param) =>
          param.kind === 'source' ? { ...param, options: [...param.options] } : { ...param },
        ),
      })),
    }),
  );

  http.post(
    '/v1/appeals/uphold-reasons/preview',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['appeals'],
        summary:
          'What the customer will read if the appeal is upheld with these reasons (zh and en); nothing is written.',
        description:
          'The same checks as POST /v1/appeals/{id}/decision: a bad parameter is refused (422) naming reasons[i].params.<name> and the rule.',
        body: Type.Object(
          {
            reasons: Type.Array(ReasonInput, { minItems: 1, maxItems: 4 }),
            message: Type.Optional(Text),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            statusText: Text,
            reasons: Type.Array(RenderedReason),
            message: Type.Union([Text, Type.Null()]),
          }),
          400: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request) =>
      previewUphold({
        reasons: request.body.reasons.map((reason) => ({
          code: reason.code,
          ...(reason.params ? { params: reason.params as Record<string, unknown> } : {}),
        })),
        message: request.body.message ?? null,
      }),
  );
}
