import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import { CliExit } from '../cli/runtime.ts';
import { verifyLedger } from './ledger.pg.ts';

/** `credence ledger verify`: re-derives every ledger invariant from the raw postings (an audit). */
export function registerLedgerCommand(program: Command): void {
  const ledger = program.command('ledger').description('The double-entry ledger.');
  ledger
    .command('verify')
    .description(
      'Check that every journal balances, Σ debits = Σ credits, cached balances = Σ postings, no receivable is negative.',
    )
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const result = await verifyLedger(app.db);
        output(global, result, () =>
          [
            `${result.journals} journals, ${result.postings} postings; debits ${result.totalDebits}, credits ${result.totalCredits} (fen)`,
            `unbalanced journals: ${result.unbalancedJournals.length}; cache mismatches: ${result.cacheMismatches.length}; negative balances: ${result.negativeBalances.length}`,
            result.ok ? 'ledger OK' : 'LEDGER NOT SOUND',
          ].join('\n'),
        );
        if (!result.ok) throw new CliExit(1, '');
      });
    });
}
