import { Type } from 'typebox';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { DateString, IdString, InstantString, ProblemSchema, StringEnum } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import type { PolicyIssue } from './jdm.ts';
import { parseLendingSettings, type LendingSettings } from './lending-settings.ts';
import type { PolicyService, PolicyVersionSummary } from './policy-service.ts';
import { productToJson } from './products.ts';

const POLICY_NAME_PATTERN = '^[a-z][a-z0-9_-]{0,63}$';

const IssueDto = Type.Object({
  severity: StringEnum(['error', 'warning'] as const),
  code: Type.String(),
  message: Type.String(),
  nodeId: Type.Optional(Type.String()),
  nodeName: Type.Optional(Type.String()),
  rowId: Type.Optional(Type.String()),
  columnId: Type.Optional(Type.String()),
  columnName: Type.Optional(Type.String()),
});

const PolicyDto = Type.Object({
  id: IdString('policy'),
  name: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  effectiveFrom: DateString(),
  description: Type.String(),
  checksum: Type.String({ description: 'SHA-256 of the graph as canonical JSON.' }),
  warnings: Type.Array(IssueDto, {
    description: 'Findings of the static checks that did not refuse the file.',
  }),
  loadedAt: InstantString(),
});

function toDto(version: PolicyVersionSummary) {
  return {
    id: version.id,
    name: version.name,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    description: version.description,
    checksum: version.checksum,
    warnings: version.warnings.map((issue: PolicyIssue) => ({ ...issue })),
    loadedAt: version.loadedAt.toISOString(),
  };
}

function settingsDto(settings: LendingSettings) {
  return {
    products: settings.products.map((entry) => ({
      effectiveFrom: entry.effectiveFrom,
      ...productToJson(entry.product),
    })),
    legalRateCaps: settings.legalRateCaps.map((cap) => ({
      effectiveFrom: cap.effectiveFrom,
      annualRate: toExactRateString(cap.annualRate),
      basis: cap.basis,
    })),
    riskAppetite: settings.riskAppetite.map((setting) => ({
      effectiveFrom: setting.effectiveFrom,
      name: setting.name,
      cutoffRaise: setting.cutoffRaise,
      limitScale: toExactRateString(setting.limitScale),
      note: setting.note,
    })),
    assignments: settings.assignments.map((assignment) => ({ ...assignment })),
  };
}

const JsonObject = (description: string) => Type.Object({}, { additionalProperties: true, description });

const ROLES = ['analyst'] as const;

/**
 * Policy versions and lending settings over HTTP (analysts and admins): load a JDM graph with an effective
 * date (refused with node, row and column when outside the subset), list, show, diff; read and load the
 * dated products, legal rate cap, risk appetite and champion/challenger assignments.
 */
export function registerPolicyRoutes(http: HttpServer, services: { readonly policies: PolicyService }): void {
  const { policies } = services;

  http.get(
    '/v1/policies',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'List policy versions.',
        querystring: Type.Object(
          {
            name: Type.Optional(
              Type.String({ pattern: POLICY_NAME_PATTERN, description: 'Only versions of this policy.' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ policies: Type.Array(PolicyDto) }) },
      },
    },
    async (request) => ({
      policies: (await policies.list(request.query.name ? { name: request.query.name } : {})).map(toDto),
    }),
  );

  http.post(
    '/v1/policies',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'Load a policy version (a GoRules JDM graph) with an effective date.',
        description:
          'The graph is compiled and statically checked first: anything outside the supported subset, and rows no input can reach, refuse it (422, one error per problem naming node, row and column); gaps and overlaps are returned as warnings. Loading the same graph with the same date again returns the existing version (200).',
        body: Type.Object(
          {
            name: Type.String({ pattern: POLICY_NAME_PATTERN }),
            effectiveFrom: DateString(),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            content: JsonObject('The JDM decision graph.'),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ policy: PolicyDto, created: Type.Boolean() }),
          201: Type.Object({ policy: PolicyDto, created: Type.Boolean() }),
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await policies.load({
        name: request.body.name,
        effectiveFrom: parseLocalDate(request.body.effectiveFrom, 'effectiveFrom'),
        content: request.body.content,
        ...(request.body.description !== undefined ? { description: request.body.description } : {}),
      });
      return reply
        .status(result.created ? 201 : 200)
        .send({ policy: toDto(result.version), created: result.created });
    },
  );

  http.get(
    '/v1/policies/diff',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary:
          'Structured diff of two policy versions: nodes, columns, rows (cell by cell, moves), expressions, edges.',
        querystring: Type.Object(
          { from: IdString('policy'), to: IdString('policy') },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            from: PolicyDto,
            to: PolicyDto,
            diff: JsonObject('See docs/policy.md for the shape.'),
          }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const result = await policies.diff(request.query.from, request.query.to);
      return { from: toDto(result.from), to: toDto(result.to), diff: result.diff };
    },
  );

  http.get(
    '/v1/policies/:id',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'One policy version with its graph.',
        params: Type.Object({ id: IdString('policy') }, { additionalProperties: false }),
        response: {
          200: Type.Object({ policy: PolicyDto, content: JsonObject('The JDM decision graph.') }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const version = await policies.get(request.params.id);
      return { policy: toDto(version), content: version.content as Record<string, unknown> };
    },
  );

  http.get(
    '/v1/lending-settings',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'Products, legal rate caps, risk appetite and policy assignments, with their dates.',
        response: { 200: JsonObject('Amounts in integer fen as strings, rates as decimal strings.') },
      },
    },
    async () => settingsDto(await policies.settings()),
  );

  http.post(
    '/v1/lending-settings',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary:
          'Load dated lending settings (the shape of policies/settings.json); existing dates are replaced.',
        body: Type.Object(
          {
            description: Type.Optional(Type.String()),
            products: Type.Optional(Type.Array(JsonObject('A product.'))),
            legalRateCaps: Type.Optional(Type.Array(JsonObject('A legal rate cap.'))),
            riskAppetite: Type.Optional(Type.Array(JsonObject('A risk appetite setting.'))),
            assignments: Type.Optional(Type.Array(JsonObject('A policy assignment.'))),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            loaded: Type.Object({
              products: Type.Integer(),
              legalRateCaps: Type.Integer(),
              riskAppetite: Type.Integer(),
              assignments: Type.Integer(),
            }),
          }),
          422: ProblemSchema,
        },
      },
    },
    async (request) => ({ loaded: await policies.loadSettings(parseLendingSettings(request.body)) }),
  );
}
