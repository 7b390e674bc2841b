import type { Command } from 'commander';
import { migrate, migrationStatus } from '../../platform/database/migrate.ts';
import { globalOptions, openDatabaseFor, output } from '../runtime.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending SQL migrations (each in its own transaction); --status only reports.')
    .option('--status', 'show applied and pending migrations without applying anything')
    .action(async (options: { status?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const { db, close } = await openDatabaseFor(global);
      try {
        if (options.status) {
          const status = await migrationStatus(db);
          output(global, status, () =>
            [
              `database: ${db.dialect}`,
              `applied: ${status.applied.length}`,
              `pending: ${status.pending.join(', ') || 'none'}`,
              ...(status.changed.length ? [`CHANGED since applied: ${status.changed.join(', ')}`] : []),
              ...(status.unknown.length ? [`unknown to this build: ${status.unknown.join(', ')}`] : []),
            ].join('\n'),
          );
          return;
        }
        const applied = await migrate(db, {
          onApply: (file, index, total) =>
            process.stderr.write(`applying ${file.name} (${index + 1}/${total})\n`),
          onDistribute: (placement) =>
            process.stderr.write(`citus: ${placement.table} made a ${placement.how} table\n`),
        });
        output(global, { applied }, () =>
          applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'up to date',
        );
      } finally {
        await close();
      }
    });
}
