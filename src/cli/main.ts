import { readFileSync } from 'node:fs';
import { Command, CommanderError, type Help } from 'commander';

/** Adds one context's commands to the program. */
type Register = (program: Command) => void;

/**
 * Where each top-level command lives. A run imports only the module of the command it runs (the others,
 * and the application behind them, are never loaded); `credence --help` reads the names and descriptions
 * from the index the build writes (`dist/cli/command-index.json`), so it loads no command module at all.
 * Order is the order of `--help`. `test/platform/cli-command-table.test.ts` checks that every module
 * registers exactly the commands listed here.
 */
export const COMMAND_MODULES: ReadonlyArray<{
  readonly commands: readonly string[];
  load(): Promise<Register>;
}> = [
  { commands: ['serve'], load: async () => (await import('./commands/serve.cli.ts')).registerServeCommand },
  {
    commands: ['worker'],
    load: async () => (await import('./commands/worker.cli.ts')).registerWorkerCommand,
  },
  {
    commands: ['migrate'],
    load: async () => (await import('./commands/migrate.cli.ts')).registerMigrateCommand,
  },
  { commands: ['keys'], load: async () => (await import('./commands/keys.cli.ts')).registerKeysCommand },
  { commands: ['users'], load: async () => (await import('../staff/users.cli.ts')).registerUsersCommand },
  { commands: ['kyc'], load: async () => (await import('../identity/kyc.cli.ts')).registerKycCommand },
  {
    commands: ['import', 'features'],
    load: async () => (await import('../customers/customers.cli.ts')).registerCustomerCommands,
  },
  {
    commands: ['demo-data'],
    load: async () => (await import('../demo/population/demo-data.cli.ts')).registerDemoDataCommand,
  },
  {
    commands: ['train', 'evaluate', 'score', 'report'],
    load: async () => (await import('../scoring/scoring.cli.ts')).registerScoringCommands,
  },
  {
    commands: ['models'],
    load: async () => (await import('../scoring/backtest.cli.ts')).registerModelCommands,
  },
  {
    commands: ['loan'],
    load: async () => (await import('../lending/loans/loans.cli.ts')).registerLoanCommands,
  },
  {
    commands: ['line'],
    load: async () =>
      (await import('../lending/credit-lines/credit-lines.cli.ts')).registerCreditLineCommands,
  },
  {
    commands: ['payments'],
    load: async () => (await import('../lending/payments/payments.cli.ts')).registerPaymentCommands,
  },
  {
    commands: ['eod'],
    load: async () => (await import('../lending/eod/day-end.cli.ts')).registerDayEndCommand,
  },
  { commands: ['ledger'], load: async () => (await import('../ledger/ledger.cli.ts')).registerLedgerCommand },
  {
    commands: ['policy'],
    load: async () => (await import('../policy/policy.cli.ts')).registerPolicyCommands,
  },
  {
    commands: ['decide', 'decision'],
    load: async () => (await import('../decisions/decisions.cli.ts')).registerDecisionCommands,
  },
  {
    // `appeals simulate` is the demo's (src/demo/simulation), added to the reviewers' `appeals` command.
    commands: ['appeals'],
    load: async () => {
      const [{ registerAppealCommands }, { registerAppealSimulationCommand }] = await Promise.all([
        import('../appeals/appeals.cli.ts'),
        import('../demo/simulation/appeal-simulation.cli.ts'),
      ]);
      return (program) => {
        registerAppealCommands(program);
        registerAppealSimulationCommand(program);
      };
    },
  },
  {
    commands: ['referrals'],
    load: async () => (await import('../referrals/referrals.cli.ts')).registerReferralCommands,
  },
  {
    commands: ['collections'],
    load: async () => (await import('../collections/collections.cli.ts')).registerCollectionCommands,
  },
  {
    commands: ['bureau'],
    load: async () => (await import('../bureau/bureau.cli.ts')).registerBureauCommands,
  },
  {
    commands: ['monitor', 'simulate'],
    load: async () => (await import('../monitoring/monitoring.cli.ts')).registerMonitoringCommands,
  },
  {
    // Copies (`privacy export`) and erasure (`privacy erase`, `run-erasures`, legal holds) share one command.
    commands: ['privacy'],
    load: async () => {
      const [{ registerPrivacyCommands }, { registerErasureCommands }] = await Promise.all([
        import('../privacy/privacy.cli.ts'),
        import('../privacy/erasure.cli.ts'),
      ]);
      return (program) => {
        registerPrivacyCommands(program);
        registerErasureCommands(program);
      };
    },
  },
];

/** One line of `credence --help`: the command as help shows it (`serve [options]`) and its description. */
export interface CommandIndexEntry {
  readonly name: string;
  readonly term: string;
  readonly description: string;
}

/** The program with its global options and no commands yet. */
function rootProgram(): Command {
  return new Command('credence')
    .description('Credence — consumer-credit decisions with reasons, recourse, appeals and exact servicing.')
    .option('--json', 'print machine-readable JSON')
    .option('--data-dir <dir>', 'embedded database directory (default: CREDENCE_DATA_DIR or ./.credence)')
    .option('--database-url <url>', 'use PostgreSQL at this URL instead of the embedded database')
    .showHelpAfterError()
    .exitOverride();
}

/** Builds the whole `credence` program: every context's commands (loads every command module). */
export async function buildProgram(): Promise<Command> {
  const program = rootProgram();
  for (const module of COMMAND_MODULES) (await module.load())(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** What `credence --help` lists, from the whole program; the build writes it next to the compiled main. */
export async function commandIndex(): Promise<CommandIndexEntry[]> {
  const program = await buildProgram();
  const help = program.createHelp();
  return program.commands.map((command) => ({
    name: command.name(),
    term: help.subcommandTerm(command),
    description: help.subcommandDescription(command),
  }));
}

/** The index written by the build, when running compiled code; undefined from the TypeScript sources. */
function readCommandIndex(): CommandIndexEntry[] | undefined {
  try {
    return JSON.parse(
      readFileSync(new URL('./command-index.json', import.meta.url), 'utf8'),
    ) as CommandIndexEntry[];
  } catch {
    return undefined;
  }
}

/**
 * The top-level command named on the command line (`help <command>` names one too), skipping the global
 * options and their values; undefined when there is none (`credence`, `credence --help`).
 */
function commandNamed(program: Command, argv: readonly string[]): string | undefined {
  const takesValue = new Set(
    program.options.filter((option) => option.required || option.optional).map((option) => option.long),
  );
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (token === '--') return argv[i + 1];
    if (token.startsWith('-')) {
      if (takesValue.has(token)) i += 1;
      continue;
    }
    if (token === 'help') {
      const next = argv.slice(i + 1).find((item) => !item.startsWith('-'));
      return next ?? undefined;
    }
    return token;
  }
  return undefined;
}

/**
 * The program for this command line, loading as little as it can: the module of the command named; for
 * help or an unknown command, placeholders from the build's index (names and descriptions only — enough
 * for help, and for commander to refuse an unknown command and suggest a near one); without an index
 * (running from the sources), every module.
 */
async function programFor(argv: readonly string[]): Promise<Command> {
  const program = rootProgram();
  const name = commandNamed(program, argv);
  const modules = name === undefined ? [] : COMMAND_MODULES.filter((m) => m.commands.includes(name));
  const index = modules.length === 0 ? readCommandIndex() : undefined;
  if (modules.length > 0) {
    for (const module of modules) (await module.load())(program);
  } else if (index) {
    const terms = new Map(index.map((entry) => [entry.name, entry.term]));
    for (const entry of index) program.command(entry.name).description(entry.description);
    const standard = program.createHelp();
    program.configureHelp({
      subcommandTerm: (command: Command) => terms.get(command.name()) ?? standard.subcommandTerm(command),
    } as Partial<Help>);
  } else {
    for (const module of COMMAND_MODULES) (await module.load())(program);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 success, 1 unexpected fault, 2 usage error, 3 invalid input,
 * 4 not allowed, 5 not found, 6 conflict, 7 cannot be carried out (or a check failed, e.g. `monitor alerts
 * --fail-on`, `decision replay`), 8 database migration problem, 9 a dependency is unavailable.
 *
 * This is the one path an exit code takes: a command that ends with a code other than 0 throws (a
 * `CliExit` or an `AppError`), and the launcher sets `process.exitCode` from what this returns. No command
 * sets `process.exitCode` itself (the launcher would overwrite it).
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const program = await programFor(argv);
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version print and exit 0; usage errors were already explained by commander.
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : 2;
    }
    // Loaded only on failure: the runtime brings in the application.
    const { reportFailure } = await import('./runtime.ts');
    return reportFailure(error, argv.includes('--json'));
  }
}
