import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { COMMAND_MODULES, commandIndex, main } from '../../src/cli/main.ts';

/**
 * The launcher loads only the module of the command it runs, found through the table in `src/cli/main.ts`:
 * a command missing there, or listed under the wrong module, would fall back to loading everything or
 * not be found. Each module must register exactly the commands the table lists for it.
 */
describe('the CLI command table', () => {
  it('lists, for each module, exactly the top-level commands it registers', async () => {
    for (const module of COMMAND_MODULES) {
      const program = new Command('credence');
      (await module.load())(program);
      expect(program.commands.map((command) => command.name())).toEqual(module.commands);
    }
  });

  it('indexes every command for --help with its usage and description, in table order', async () => {
    const index = await commandIndex();
    expect(index.map((entry) => entry.name)).toEqual(COMMAND_MODULES.flatMap((m) => m.commands));
    expect(index.find((entry) => entry.name === 'train')).toMatchObject({
      term: 'train [options]',
      description: expect.stringMatching(/^Train a scorecard/),
    });
  });

  it('runs a command named after a global option that takes a value', async () => {
    // `--data-dir train` is the option's value, not the command: help for ledger, exit 0.
    let printed = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    try {
      expect(await main(['--data-dir', 'train', 'ledger', '--help'])).toBe(0);
    } finally {
      out.mockRestore();
    }
    expect(printed).toMatch(/^Usage: credence ledger/);
    expect(printed).toMatch(/verify\s+Check that every journal balances/);
  });
});
