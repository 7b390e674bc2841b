// @ts-check
/**
 * Import boundaries of src/ (issue 18; the rules and the layers are explained in docs/architecture.md).
 * `npm run lint` runs `depcruise src` with this file and the baseline `.dependency-cruiser-known-violations.json`:
 * a violation listed there is tolerated until it is fixed (then regenerate the baseline with
 * `npm run lint:deps:baseline`, which only ever shrinks it); any new one fails the lint. A file renamed or moved
 * with a violation it already had shows up as new: fix it, or regenerate the baseline in the same commit and
 * say so. Never add a new violation to the baseline.
 */

/** Contexts: every top-level folder of src/ except the platform and the entry points. */
const CONTEXT = '^src/(?!platform/|cli/|http/)([^/]+)/';
/** Delivery: HTTP routes and their schemas, CLI commands, and the entry points. */
const DELIVERY = ['\\.(routes|dto|http|cli)\\.ts$', '^src/(cli|http)/'];
/** Adapters that open or query a database. */
const DATABASE_ADAPTERS = ['\\.(pg|repository)\\.ts$', '^src/platform/database/(open|pglite|postgres)\\.ts$'];

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles (type-only imports included: a cycle of types still ties the modules together).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-context',
      severity: 'error',
      comment:
        'src/platform is the lowest layer: it knows no context. A context hands its part to the root instead.',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'only-cli-opens-the-root',
      severity: 'error',
      comment:
        'src/app.ts is the composition root: only the CLI entry (src/cli) and the demo tooling open it. Routes and commands take the App / Services types from src/services.ts.',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/demo/'] },
      to: { path: '^src/app\\.ts$' },
    },
    {
      name: 'delivery-contract-only-above',
      severity: 'error',
      comment:
        'src/services.ts (App / Services types) and src/config.ts are the contract between the root and the delivery layer: no context core, use case or adapter depends on the whole application.',
      from: {
        path: '^src/',
        pathNot: [...DELIVERY, '^src/app\\.ts$', '^src/services\\.ts$', '^src/config\\.ts$', '^src/demo/'],
      },
      to: { path: ['^src/services\\.ts$', '^src/config\\.ts$'] },
    },
    {
      name: 'nothing-below-depends-on-delivery',
      severity: 'error',
      comment:
        'Routes, schemas (*.dto.ts, *.http.ts), commands and the entry points are the top layer under the root: core, use cases and adapters never import them.',
      from: { path: '^src/', pathNot: [...DELIVERY, '^src/app\\.ts$', '^src/demo/', '^src/platform/'] },
      to: { path: DELIVERY, pathNot: '^src/platform/' },
    },
    {
      name: 'contexts-import-no-demo',
      severity: 'error',
      comment:
        'Production code does not depend on demo code: no context, platform or HTTP module imports src/demo (synthetic population, personas, demo cases and scorecard, seeding, simulations). Only the composition root (demo mode), the CLI, benchmarks and tests do.',
      from: { path: '^src/', pathNot: ['^src/demo/', '^src/app\\.ts$', '^src/cli/'] },
      to: { path: '^src/demo/' },
    },
    {
      name: 'context-through-index',
      severity: 'error',
      comment:
        "A context enters another only through its index.ts (its public surface). The composition root wires adapters and is exempt; src/cli/main.ts loads each context's *.cli.ts lazily.",
      from: { path: CONTEXT },
      to: { path: '^src/(?!platform/|cli/|http/)[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'entry-points-through-index',
      severity: 'error',
      comment:
        "src/cli and src/http reach a context through its index.ts (main.ts loads each *.cli.ts module). `serve --demo` runs the demo's seeding, which opens the app and so is not on the demo's pure index.",
      from: { path: '^src/(cli|http)/' },
      to: {
        path: CONTEXT,
        pathNot: ['^src/[^/]+/index\\.ts$', '\\.cli\\.ts$', '^src/demo/(seeding|staff)/'],
      },
    },
    {
      name: 'core-below-use-cases',
      severity: 'error',
      comment:
        "A context's core (types, rules, *-ports.ts) does not depend on its use cases: the service factories (*-service.ts) sit above it. Ports are declared in the core and the use cases implement or take them.",
      from: {
        path: CONTEXT,
        pathNot: [...DELIVERY, '\\.(pg|repository|node)\\.ts$', '-service\\.ts$', '^src/demo/'],
      },
      to: { path: '-service\\.ts$' },
    },
    {
      name: 'index-opens-no-database',
      severity: 'error',
      comment:
        "A context's index.ts is its pure surface (types and pure functions): nothing it loads at run time opens or queries a database.",
      from: { path: '^src/[^/]+/index\\.ts$' },
      to: { path: DATABASE_ADAPTERS, reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '\\.test-support\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
