import { Command, CommanderError } from 'commander';
import { registerKeysCommand } from './commands/keys.cli.ts';
import { registerMigrateCommand } from './commands/migrate.cli.ts';
import { registerServeCommand } from './commands/serve.cli.ts';
import { registerCustomerCommands } from '../customers/customers.cli.ts';
import { registerKycCommand } from '../identity/kyc.cli.ts';
import { registerScoringCommands } from '../scoring/scoring.cli.ts';
import { registerLedgerCommand } from '../ledger/ledger.cli.ts';
import { registerDayEndCommand } from '../lending/eod/day-end.cli.ts';
import { registerLoanCommands } from '../lending/loans/loans.cli.ts';
import { registerCreditLineCommands } from '../lending/credit-lines/credit-lines.cli.ts';
import { registerPolicyCommands } from '../policy/policy.cli.ts';
import { registerDecisionCommands } from '../decisions/decisions.cli.ts';
import { registerAppealCommands } from '../appeals/appeals.cli.ts';
import { registerMonitoringCommands } from '../monitoring/monitoring.cli.ts';
import { reportFailure } from './runtime.ts';

/** Builds the `credence` program; each context contributes its commands. */
export function buildProgram(): Command {
  const program = new Command('credence')
    .description('Credence — consumer-credit decisions with reasons, recourse, appeals and exact servicing.')
    .option('--json', 'print machine-readable JSON')
    .option('--data-dir <dir>', 'embedded database directory (default: CREDENCE_DATA_DIR or ./.credence)')
    .option('--database-url <url>', 'use PostgreSQL at this URL instead of the embedded database')
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerKeysCommand(program);
  registerKycCommand(program);
  registerCustomerCommands(program);
  registerScoringCommands(program);
  registerLoanCommands(program);
  registerCreditLineCommands(program);
  registerDayEndCommand(program);
  registerLedgerCommand(program);
  registerPolicyCommands(program);
  registerDecisionCommands(program);
  registerAppealCommands(program);
  registerMonitoringCommands(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 success, 1 unexpected fault, 2 usage error, 3 invalid input,
 * 4 not allowed, 5 not found, 6 conflict, 7 cannot be carried out, 8 database migration problem,
 * 9 a dependency is unavailable.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
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
    return reportFailure(error, argv.includes('--json'));
  }
}
