import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import { counted } from '../cli/plural.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { cliActorOfThisProcess } from '../platform/audit/cli-actor.node.ts';
import type { App } from '../services.ts';
import type { ChangeActor, ChangeRequest } from './change-requests.ts';
import { issueLocation, type PolicyIssue } from './jdm.ts';
import { parseLendingSettings } from './lending-settings.ts';
import { compilePolicy } from './policy-compiler.ts';
import type { NodeChange } from './policy-diff.ts';
import { installDefaultPolicies, readJsonFile } from './policy-files.node.ts';
import type { PolicyVersionSummary } from './policy-service.ts';

function line(version: PolicyVersionSummary): string {
  const warnings = version.warnings.length > 0 ? `  ${counted(version.warnings.length, 'warning')}` : '';
  return `${version.id}  ${version.name} v${version.version}  from ${version.effectiveFrom}  ${version.checksum.slice(0, 12)}${warnings}  ${version.description}`;
}

/**
 * Who runs a four-eyes command at the terminal: the person named by `--as` (the approver must be someone
 * else), or the operating-system user when none is given.
 */
function cliPerson(as: string | undefined): ChangeActor {
  const name = as?.trim() || cliActorOfThisProcess().name.replace(/^cli:/, '');
  return { id: `cli:${name}`, name };
}

function changeLine(change: ChangeRequest): string {
  const decided = change.decidedBy
    ? `, ${change.status} by ${change.decidedBy.name}${change.note ? ` (${change.note})` : ''}`
    : '';
  return `${change.id}  ${change.status}  ${change.kind}  ${change.summary}  from ${change.effectiveFrom}  asked by ${change.requestedBy.name}${decided}`;
}

/** A change request by its id, or the one that submitted a policy version (`pol_…`). */
async function changeOf(app: App, id: string): Promise<string> {
  if (!id.startsWith('pol_')) return id;
  const version = await app.services.policies.get(id);
  return version.changeId ?? id;
}

function issueLines(issues: readonly PolicyIssue[]): string[] {
  return issues.map(
    (issue) => `  ${issue.severity} [${issue.code}] ${issueLocation(issue)}: ${issue.message}`,
  );
}

function changeText(change: NodeChange): string {
  switch (change.change) {
    case 'renamed':
      return `renamed "${change.from}" → "${change.to}"`;
    case 'setting':
      return `${change.setting}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`;
    case 'column-added':
    case 'column-removed':
      return `${change.change.replace('-', ' ')} (${change.side}) ${change.column.id} "${change.column.name}" ${change.column.field ?? '(expression)'}`;
    case 'column-changed':
      return `column ${change.columnId} (${change.side}): "${change.from.name}" ${change.from.field ?? '-'} → "${change.to.name}" ${change.to.field ?? '-'}`;
    case 'row-added':
    case 'row-removed':
      return `${change.change.replace('-', ' ')} ${change.rowId}: ${Object.entries(change.cells)
        .filter(([, text]) => text !== '')
        .map(([column, text]) => `${column}=${text}`)
        .join(', ')}`;
    case 'row-changed':
      return `row ${change.rowId}: ${change.cells.map((cell) => `${cell.columnName} ${JSON.stringify(cell.from)} → ${JSON.stringify(cell.to)}`).join('; ')}`;
    case 'row-moved':
      return `row ${change.rowId} moved from position ${change.fromIndex + 1} to ${change.toIndex + 1}`;
    case 'expression-added':
    case 'expression-removed':
      return `${change.change.replace('-', ' ')} ${change.key} = ${change.value}`;
    case 'expression-changed':
      return `expression ${change.from.key} = ${change.from.value} → ${change.to.key} = ${change.to.value}`;
    case 'statement-added':
    case 'statement-removed':
      return `${change.change.replace('-', ' ')} ${change.id}: ${change.condition}`;
    case 'statement-changed':
      return `statement ${change.id}: ${change.from} → ${change.to}`;
  }
}

/** `credence policy check|load|list|show|diff|settings|install-defaults`. */
export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command('policy')
    .description('Credit policies (GoRules JDM graphs): check, load, list, show, diff; lending settings.');

  registerSubmissionCommands(policy);
  registerVersionCommands(policy);
  registerSettingsCommands(policy);
}

/** `policy check`, `policy load`, `policy approve|reject` and the four-eyes inbox (`policy approvals`). */
function registerSubmissionCommands(policy: Command): void {
  policy
    .command('check')
    .description('Compile and statically check a policy file without loading it (no database).')
    .argument('<file>', 'a JDM decision graph (JSON)')
    .action(async (file: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const compiled = compilePolicy(await readJsonFile(file));
      const nodes = compiled.graph.nodes.length;
      output(
        global,
        { ok: true, nodes, warnings: compiled.warnings, thresholds: Object.fromEntries(compiled.thresholds) },
        () =>
          [
            `${file}: accepted (${counted(nodes, 'node')}, ${counted(compiled.warnings.length, 'warning')})`,
            ...issueLines(compiled.warnings),
          ].join('\n'),
      );
    });

  policy
    .command('load')
    .description(
      'Submit a policy file as a new version with an effective date, pending a second person’s approval (refused with node, row and column when outside the subset). The first policy of a fresh database takes effect at once (bootstrap).',
    )
    .argument('<file>', 'a JDM decision graph (JSON)')
    .requiredOption('--name <name>', 'the policy name, e.g. default')
    .requiredOption('--effective <date>', 'the date it takes effect, YYYY-MM-DD')
    .option('--description <text>', 'what changed', '')
    .option('--as <person>', 'who submits it (default: the operating-system user)')
    .action(
      async (
        file: string,
        options: { name: string; effective: string; description: string; as?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const effectiveFrom = parseLocalDate(options.effective, '--effective');
        const content = await readJsonFile(file);
        await withApp(global, async (app) => {
          const result = await app.services.policies.load({
            name: options.name,
            effectiveFrom,
            content,
            description: options.description,
            requestedBy: cliPerson(options.as),
          });
          const status = !result.created
            ? `already submitted (${result.version.status})`
            : result.version.status === 'approved'
              ? 'loaded (bootstrap: the first policy of a fresh database)'
              : `submitted, pending approval (${result.change?.id}; another person runs: credence policy approve ${result.change?.id} --as <name>)`;
          output(global, result, () =>
            [`${status}: ${line(result.version)}`, ...issueLines(result.version.warnings)].join('\n'),
          );
        });
      },
    );

  for (const decision of ['approve', 'reject'] as const) {
    policy
      .command(decision)
      .description(
        decision === 'approve'
          ? 'Approve a four-eyes change (a policy version, a model activation, lending settings): it takes effect. The approver must not be the requester.'
          : 'Reject a four-eyes change: nothing is applied. Not by the requester.',
      )
      .argument('<id>', 'the change (chg_…) or the policy version it submitted (pol_…)')
      .requiredOption('--as <person>', 'who decides (must differ from who asked)')
      .option('--note <text>', 'why', '')
      .action(async (id: string, options: { as: string; note: string }, command: Command) => {
        const global = globalOptions(command);
        await withApp(global, async (app) => {
          const changeId = await changeOf(app, id);
          const change =
            decision === 'approve'
              ? await app.services.changes.approve(changeId, cliPerson(options.as), options.note)
              : await app.services.changes.reject(changeId, cliPerson(options.as), options.note);
          output(global, change, () => changeLine(change));
        });
      });
  }

  policy
    .command('approvals')
    .description(
      'The four-eyes inbox: changes waiting for a second person (or --status approved|rejected|superseded).',
    )
    .option('--status <status>', 'pending, approved, rejected or superseded', 'pending')
    .action(async (options: { status: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const status = ['pending', 'approved', 'rejected', 'superseded'].find((s) => s === options.status);
        if (!status)
          throw AppError.invalid('--status', 'one-of', 'pending, approved, rejected or superseded');
        const changes = await app.services.changes.list({ status: status as ChangeRequest['status'] });
        output(global, { items: changes }, () =>
          changes.length === 0 ? `no ${status} changes` : changes.map(changeLine).join('\n'),
        );
      });
    });
}

/** `policy list`, `policy show`, `policy diff`: the stored versions. */
function registerVersionCommands(policy: Command): void {
  policy
    .command('list')
    .description('List policy versions.')
    .option('--name <name>', 'only versions of this policy')
    .action(async (options: { name?: string }, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const versions = await app.services.policies.list(options.name ? { name: options.name } : {});
        output(global, { policies: versions }, () =>
          versions.length === 0 ? 'no policy versions' : versions.map(line).join('\n'),
        );
      });
    });

  policy
    .command('show')
    .description('Show one policy version (with --json, its graph too).')
    .argument('<id>', 'the version id (pol_…)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const version = await app.services.policies.get(id);
        const compiled = await app.services.policies.compiled(id);
        output(global, version, () =>
          [
            line(version),
            ...compiled.graph.nodes.map((node) => {
              const detail =
                node.kind === 'decisionTable'
                  ? `${node.hitPolicy}, ${node.inputs.length} in / ${node.outputs.length} out, ${node.rows.length} rows`
                  : node.kind === 'expression'
                    ? `${node.expressions.length} expressions`
                    : node.kind === 'switch'
                      ? `${node.hitPolicy}, ${node.statements.length} branches`
                      : '';
              return `  ${node.id.padEnd(16)} ${node.kind.padEnd(13)} ${node.name}${detail ? `  (${detail})` : ''}`;
            }),
            ...issueLines(version.warnings),
          ].join('\n'),
        );
      });
    });

  policy
    .command('diff')
    .description('Structured diff of two policy versions.')
    .argument('<from>', 'the older version id')
    .argument('<to>', 'the newer version id')
    .action(async (from: string, to: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const result = await app.services.policies.diff(from, to);
        const { diff } = result;
        output(global, result, () => {
          if (diff.identical) return `${line(result.from)}\n${line(result.to)}\nno differences`;
          return [
            `--- ${line(result.from)}`,
            `+++ ${line(result.to)}`,
            ...diff.nodesAdded.map((node) => `+ node ${node.id} (${node.kind}) "${node.name}"`),
            ...diff.nodesRemoved.map((node) => `- node ${node.id} (${node.kind}) "${node.name}"`),
            ...diff.nodesChanged.flatMap((node) => [
              `~ node ${node.id} "${node.name}"`,
              ...node.changes.map((change) => `    ${changeText(change)}`),
            ]),
            ...diff.edgesAdded.map(
              (edge) =>
                `+ edge ${edge.sourceId} → ${edge.targetId}${edge.sourceHandle ? ` [${edge.sourceHandle}]` : ''}`,
            ),
            ...diff.edgesRemoved.map(
              (edge) =>
                `- edge ${edge.sourceId} → ${edge.targetId}${edge.sourceHandle ? ` [${edge.sourceHandle}]` : ''}`,
            ),
          ].join('\n');
        });
      });
    });
}

/** `policy settings load|show|install-defaults`: the lending settings. */
function registerSettingsCommands(policy: Command): void {
  const settings = policy
    .command('settings')
    .description('Lending settings: products, legal rate caps, risk appetite, policy assignments.');

  settings
    .command('load')
    .description(
      'Submit dated lending settings from a file such as policies/settings.json, pending a second person’s approval; on a fresh database they load at once (bootstrap).',
    )
    .argument('<file>', 'settings JSON')
    .option('--as <person>', 'who submits them (default: the operating-system user)')
    .action(async (file: string, options: { as?: string }, command: Command) => {
      const global = globalOptions(command);
      const document = await readJsonFile(file);
      // Checked before opening the database: a malformed file names its field.
      parseLendingSettings(document);
      await withApp(global, async (app) => {
        const { change, loaded } = await app.services.changes.submitSettingsDocument(
          document as Record<string, unknown>,
          cliPerson(options.as),
        );
        const report = loaded
          ? {
              products: loaded.products.length,
              legalRateCaps: loaded.legalRateCaps.length,
              riskAppetite: loaded.riskAppetite.length,
              assignments: loaded.assignments.length,
            }
          : null;
        output(global, { ...(report ?? {}), change }, () =>
          report
            ? `loaded (bootstrap) ${counted(report.products, 'product')}, ${counted(report.legalRateCaps, 'legal rate cap')}, ${counted(report.riskAppetite, 'risk appetite setting')}, ${counted(report.assignments, 'assignment')}`
            : `submitted, pending approval: ${changeLine(change)}`,
        );
      });
    });

  settings
    .command('show')
    .description('Show the lending settings in the database.')
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const current = await app.services.policies.settings();
        output(
          global,
          current,
          () =>
            [
              ...current.products.map(
                ({ effectiveFrom, product }) =>
                  `product ${product.code} (${product.type}) from ${effectiveFrom}: limits ${product.minLimit}–${product.maxLimit} fen, APR ${toExactRateString(product.minApr)}–${toExactRateString(product.maxApr)}, terms ${product.terms.join('/')}, first limit ≤ ${product.firstLimitCap} fen, verification ≥ L${product.requiredVerificationLevel}, age ${product.minAge}–${product.maxAge}`,
              ),
              ...current.legalRateCaps.map(
                (cap) =>
                  `legal cap from ${cap.effectiveFrom}: ${cap.lprMultiple !== undefined ? `${toExactRateString(cap.lprMultiple)} × the one-year LPR` : toExactRateString(cap.annualRate)} (${cap.basis})`,
              ),
              ...current.riskAppetite.map(
                (setting) =>
                  `risk appetite from ${setting.effectiveFrom}: ${setting.name}, cut-offs +${setting.cutoffRaise}, limits × ${toExactRateString(setting.limitScale)}`,
              ),
              ...current.assignments.map(
                (assignment) =>
                  `assignment ${assignment.productCode} from ${assignment.effectiveFrom}: champion ${assignment.championPolicy}${assignment.challengerPolicy ? `, challenger ${assignment.challengerPolicy} at ${assignment.challengerShareBps / 100}%` : ''}`,
              ),
            ].join('\n') || 'no lending settings',
        );
      });
    });

  policy
    .command('install-defaults')
    .description(
      'Load the shipped default policy (as "default", from 2026-01-01) and policies/settings.json. Idempotent.',
    )
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const result = await installDefaultPolicies(app.services.policies);
        output(global, result, () =>
          [
            `${result.policy.created ? 'loaded' : 'already loaded'}: ${line(result.policy.version)}`,
            `settings: ${counted(result.settings.products, 'product')}, ${counted(result.settings.legalRateCaps, 'legal rate cap')}, ${counted(result.settings.riskAppetite, 'risk appetite setting')}, ${counted(result.settings.assignments, 'assignment')}`,
          ].join('\n'),
        );
      });
    });
}
