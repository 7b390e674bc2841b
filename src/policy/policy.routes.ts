import { Type } from 'typebox';
import { parseLocalDate } from '../platform/time/local-date.ts';
import {
  AnyObject,
  DateString,
  IdString,
  InstantString,
  ProblemSchema,
  StringEnum,
} from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import { changeActorOf, ChangeDto, changeDto } from './approvals.routes.ts';
import { SETTINGS_CHANGE_KINDS, type ChangeService } from './change-service.ts';
import type { PolicyIssue } from './jdm.ts';
import { type LendingSettings } from './lending-settings.ts';
import type { PolicyService } from './policy-ports.ts';
import type { PolicyVersionSummary } from './policy-version.ts';
import { POLICY_VERSION_STATUSES } from './policy-version.ts';
import { SimulationReportDto } from './policy-simulation-view.http.ts';
import { SIMULATION_STATUSES, type PolicySimulation, type PolicySimulations } from './policy-simulations.ts';
import { legalRateCapToJson, productToJson } from './products.ts';

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
  status: StringEnum(POLICY_VERSION_STATUSES, {
    description:
      'pending_approval until a second person approves; in force from effectiveFrom once approved.',
  }),
  changeId: Type.Union([IdString('changeRequest'), Type.Null()], {
    description: 'Its four-eyes change (null for versions loaded before four-eyes).',
  }),
});

const RefusalDto = Type.Object(
  {
    nodeId: Type.Union([Type.String(), Type.Null()]),
    nodeName: Type.Union([Type.String(), Type.Null()]),
    row: Type.Union([Type.String(), Type.Null()], { description: 'The decision-table rule id.' }),
    column: Type.Union([Type.String(), Type.Null()], {
      description: 'The input or output field of the column (applicant.age, limit), else its name.',
    }),
    field: Type.String({ description: 'policy.nodes.<node>.rules.<row>.<column>' }),
    rule: Type.String(),
    message: Type.String(),
  },
  { additionalProperties: false },
);

const SimulationDto = Type.Object(
  {
    simulationId: IdString('policySimulation'),
    status: StringEnum(SIMULATION_STATUSES),
    done: Type.Integer({ description: 'Decision records read so far.' }),
    total: Type.Integer({ description: 'Decision records in the window.' }),
    requestedBy: Type.String(),
    createdAt: InstantString(),
    finishedAt: Type.Union([InstantString(), Type.Null()]),
    report: Type.Optional(SimulationReportDto),
    error: Type.Optional(
      Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

function simulationDto(simulation: PolicySimulation) {
  return {
    simulationId: simulation.id,
    status: simulation.status,
    done: simulation.done,
    total: simulation.total,
    requestedBy: simulation.requestedBy,
    createdAt: simulation.createdAt.toISOString(),
    finishedAt: simulation.finishedAt?.toISOString() ?? null,
    ...(simulation.report ? { report: simulation.report } : {}),
    ...(simulation.error ? { error: simulation.error } : {}),
  };
}

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
    status: version.status,
    changeId: version.changeId,
  };
}

function settingsDto(settings: LendingSettings) {
  return {
    products: settings.products.map((entry) => ({
      effectiveFrom: entry.effectiveFrom,
      ...productToJson(entry.product),
    })),
    legalRateCaps: settings.legalRateCaps.map(legalRateCapToJson),
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

/**
 * A legal rate cap entry as in policies/settings.json: exactly one of `annualRate` and `lprMultiple` (the
 * parser refuses neither or both with `legal-cap-form`, and reads the decimals exactly, naming the field).
 */
const LegalRateCapDto = Type.Object(
  {
    effectiveFrom: DateString(),
    annualRate: Type.Optional(
      Type.String({ description: 'A fixed annual rate as a decimal string ("0.24"); or give lprMultiple.' }),
    ),
    lprMultiple: Type.Optional(
      Type.String({
        description:
          'A multiple of the one-year LPR ("4"), resolved against the LPR in force on each day; or give annualRate.',
      }),
    ),
    basis: Type.String({ description: 'Where the cap comes from, for the audit trail.' }),
  },
  {
    additionalProperties: false,
    description: 'A legal rate cap: a fixed annual rate or a multiple of the LPR.',
  },
);

const LendingSettingsDto = Type.Object(
  {
    products: Type.Array(AnyObject('A product.')),
    legalRateCaps: Type.Array(LegalRateCapDto),
    riskAppetite: Type.Array(AnyObject('A risk appetite setting.')),
    assignments: Type.Array(AnyObject('A policy assignment.')),
  },
  { description: 'Amounts in integer fen as strings, rates as decimal strings.' },
);

const ROLES = ['analyst'] as const;

/**
 * Policy versions and lending settings over HTTP (analysts and admins): load a JDM graph with an effective
 * date (refused with node, row and column when outside the subset), list, show, diff; read and load the
 * dated products, legal rate cap, risk appetite and champion/challenger assignments.
 */
export function registerPolicyRoutes(
  http: HttpServer,
  services: {
    readonly policies: PolicyService;
    readonly changes: ChangeService;
    readonly policySimulations: PolicySimulations;
  },
): void {
  const { policies, changes, policySimulations } = services;

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
        summary: 'Submit a policy version (a GoRules JDM graph) with an effective date, pending approval.',
        description:
          'Four-eyes: the version is stored as pending_approval (202) and takes effect from its date only when a second person approves it at POST /v1/approvals/{changeId}/approve. The graph is compiled and statically checked first: anything outside the supported subset, and rows no input can reach, refuse it (422, one error per problem naming node, row and column); gaps and overlaps are returned as warnings. The same graph with the same date again returns the existing version (200). The first policy of a fresh database takes effect at once (201, bootstrap).',
        body: Type.Object(
          {
            name: Type.String({ pattern: POLICY_NAME_PATTERN }),
            effectiveFrom: DateString(),
            description: Type.Optional(Type.String({ maxLength: 500 })),
            content: AnyObject('The JDM decision graph.'),
            simulationId: Type.Optional(IdString('policySimulation')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            policy: PolicyDto,
            created: Type.Boolean(),
            change: Type.Union([ChangeDto, Type.Null()]),
          }),
          201: Type.Object({
            policy: PolicyDto,
            created: Type.Boolean(),
            change: Type.Union([ChangeDto, Type.Null()]),
          }),
          202: Type.Object({
            policy: PolicyDto,
            created: Type.Boolean(),
            change: Type.Union([ChangeDto, Type.Null()]),
          }),
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      if (request.body.simulationId !== undefined) await policySimulations.get(request.body.simulationId);
      const result = await policies.load({
        name: request.body.name,
        effectiveFrom: parseLocalDate(request.body.effectiveFrom, 'effectiveFrom'),
        content: request.body.content,
        requestedBy: changeActorOf(request.principal),
        ...(request.body.description !== undefined ? { description: request.body.description } : {}),
        ...(request.body.simulationId !== undefined ? { simulationId: request.body.simulationId } : {}),
      });
      const status = !result.created ? 200 : result.version.status === 'approved' ? 201 : 202;
      return reply.status(status).send({
        policy: toDto(result.version),
        created: result.created,
        change: result.change ? changeDto(result.change) : null,
      });
    },
  );

  http.post(
    '/v1/policies/compile',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'Compile and check a graph as a submission would, without storing anything.',
        description:
          'Every refusal located where the editor shows it: node, row (the decision-table rule id) and column (the field it reads or writes), with the rule and a message. Product ranges are those of the products `name` (default `default`) decides on `effectiveFrom` (default today).',
        body: Type.Object(
          {
            graph: AnyObject('The JDM decision graph.'),
            name: Type.Optional(Type.String({ pattern: POLICY_NAME_PATTERN })),
            effectiveFrom: Type.Optional(DateString()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            refusals: Type.Array(RefusalDto),
            warnings: Type.Array(RefusalDto),
          }),
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const result = await policies.compile(request.body.graph, {
        ...(request.body.name !== undefined ? { name: request.body.name } : {}),
        ...(request.body.effectiveFrom !== undefined
          ? { effectiveFrom: parseLocalDate(request.body.effectiveFrom, 'effectiveFrom') }
          : {}),
      });
      return { ok: result.ok, refusals: [...result.refusals], warnings: [...result.warnings] };
    },
  );

  http.post(
    '/v1/policies/simulations',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'Start a simulation of a candidate graph (or a stored version) over past decisions.',
        description:
          'Runs in the background (at most two at once; the rest wait in order): poll GET /v1/policies/simulations/{id} for progress and the report. A graph outside the subset is refused at once (422).',
        body: Type.Object(
          {
            graph: Type.Optional(AnyObject('A candidate JDM graph.')),
            policyId: Type.Optional(IdString('policy')),
            from: Type.Optional(DateString()),
            to: Type.Optional(DateString()),
            product: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({
            simulationId: IdString('policySimulation'),
            status: StringEnum(SIMULATION_STATUSES),
          }),
          404: ProblemSchema,
          422: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const simulation = await policySimulations.start(request.body, changeActorOf(request.principal).name);
      return reply.status(202).send({ simulationId: simulation.id, status: simulation.status });
    },
  );

  http.get(
    '/v1/policies/simulations/:id',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary: 'Progress of a simulation (records done of total) and, when done, its report.',
        params: Type.Object({ id: IdString('policySimulation') }, { additionalProperties: false }),
        response: { 200: SimulationDto, 404: ProblemSchema },
      },
    },
    async (request) => simulationDto(await policySimulations.get(request.params.id)),
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
            diff: AnyObject('See docs/policy.md for the shape.'),
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
          200: Type.Object({ policy: PolicyDto, content: AnyObject('The JDM decision graph.') }),
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
        response: { 200: LendingSettingsDto },
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
          'Submit dated lending settings (the shape of policies/settings.json) for approval; existing future dates are replaced.',
        description:
          'Four-eyes: checked now as on approval (422 naming each entry and rule), then pending (202) until a second person approves it at POST /v1/approvals/{changeId}/approve. On a fresh database (no setting yet) it is the bootstrap and loads at once (200).',
        body: Type.Object(
          {
            description: Type.Optional(Type.String()),
            products: Type.Optional(Type.Array(AnyObject('A product.'))),
            legalRateCaps: Type.Optional(Type.Array(LegalRateCapDto)),
            riskAppetite: Type.Optional(Type.Array(AnyObject('A risk appetite setting.'))),
            assignments: Type.Optional(Type.Array(AnyObject('A policy assignment.'))),
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
            change: ChangeDto,
          }),
          202: Type.Object({ changeId: IdString('changeRequest'), change: ChangeDto }),
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { change, loaded } = await changes.submitSettingsDocument(
        request.body,
        changeActorOf(request.principal),
      );
      if (!loaded) return reply.status(202).send({ changeId: change.id, change: changeDto(change) });
      return reply.status(200).send({
        loaded: {
          products: loaded.products.length,
          legalRateCaps: loaded.legalRateCaps.length,
          riskAppetite: loaded.riskAppetite.length,
          assignments: loaded.assignments.length,
        },
        change: changeDto(change),
      });
    },
  );

  http.post(
    '/v1/lending-settings/changes',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['policy'],
        summary:
          'Submit one dated setting — a product, the legal rate cap, the risk appetite or a champion/challenger assignment — for approval.',
        description:
          'Four-eyes: checked now as on approval, applied from effectiveFrom (today or later) once a second person approves it. `setting` is the entry as in policies/settings.json without its date.',
        body: Type.Object(
          {
            kind: StringEnum(SETTINGS_CHANGE_KINDS),
            effectiveFrom: DateString(),
            setting: AnyObject('The entry, as in policies/settings.json, without effectiveFrom.'),
            description: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({ changeId: IdString('changeRequest'), change: ChangeDto }),
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { kind, effectiveFrom, setting, description } = request.body;
      const change = await changes.submitSettingsChange(
        {
          kind,
          effectiveFrom,
          setting: setting as Record<string, unknown>,
          ...(description !== undefined ? { description } : {}),
        },
        changeActorOf(request.principal),
      );
      return reply.status(202).send({ changeId: change.id, change: changeDto(change) });
    },
  );
}
