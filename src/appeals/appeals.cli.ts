import type { Command } from 'commander';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import { counted } from '../cli/plural.ts';
import { actAsReviewer, parseReasonFlag } from '../cli/reviewer.ts';
import { integerInRange } from '../cli/numbers.ts';
import type { App } from '../services.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseId } from '../platform/ids/ids.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import { formatMoney, parseMoney } from '../platform/money/money.ts';
import { formatPercent, parseRate } from '../platform/money/rate.ts';
import { addDays, parseLocalDate, startOfBusinessDate } from '../platform/time/local-date.ts';
import { APPEAL_CATEGORIES, APPEAL_STATUSES, type AppealCategory, type AppealStatus } from './appeal.ts';
import type { CaseFile, QueueItem } from './appeal-ports.ts';
import { UPHOLD_CODES, type UpholdReasonInput } from './appeal-texts.ts';
import { appealView, auditEventView, caseFileView, queueItemView } from './appeal-view.ts';

/**
 * `credence appeals …` for reviewers and operations: list the queue, show a case, claim, assign, comment,
 * decide (uphold with reasons, or overturn with a limit and price), approve or send back a colleague's
 * overturn, read the history and the figures, run the recovery pass. (`appeals simulate`, a simulation over
 * a synthetic population, is the demo's: `src/demo/simulation/appeal-simulation.cli.ts`.)
 *
 * Reviewer commands act as an API key principal — the same person as over HTTP, so maker-checker holds
 * across both: pass the key with `--key` or `CREDENCE_API_KEY`.
 */

function queueLine(item: QueueItem): string {
  const a = item.appeal;
  return [
    a.id,
    a.status.padEnd(16),
    a.category.padEnd(12),
    `p${String(item.priority).padStart(3)}`,
    `due ${a.slaDueDate ?? '-'}${item.slaBreached ? ' BREACHED' : ''}`,
    a.assignee ? `held by ${a.assignee.name}` : '',
  ]
    .join('  ')
    .trimEnd();
}

function caseText(file: CaseFile, lang: string): string {
  const a = file.appeal;
  const view = caseFileView(file);
  const lines = [
    `${a.id}  ${a.status}${a.resolution ? ` (${a.resolution})` : ''}  ${a.category}  priority ${file.priority}  due ${a.slaDueDate ?? '-'}${file.slaBreached ? ' (SLA breached)' : ''}`,
    `customer ${a.customerId} (${file.customer.name}, ${file.customer.phone})   decision ${a.decisionId}`,
    `statement: ${view.appeal.statement}`,
    '',
    `original: ${file.original.outcome} limit ${formatMoney(file.original.limit, 'en')} score ${file.original.score ?? '-'}${file.original.fault ? ` fault ${file.original.fault.stage}/${file.original.fault.code}` : ''}`,
    ...file.original.reasons.map((r) => `  - ${r.code}: ${lang === 'zh' ? r.text.zh : r.text.en}`),
  ];
  if (file.recheck) {
    lines.push(
      `re-check ${file.recheck.id}: ${file.recheck.outcome} limit ${formatMoney(file.recheck.limit, 'en')} score ${file.recheck.score ?? '-'} — ${a.recheckDiff?.verdict ?? '-'}`,
    );
    for (const change of [...(a.recheckDiff?.outputs ?? []), ...(a.recheckDiff?.inputs ?? [])])
      lines.push(`  ~ ${change.field}: ${String(change.from)} → ${String(change.to)}`);
    for (const reason of a.recheckDiff?.reasons.removed ?? []) lines.push(`  - reason gone: ${reason.code}`);
    for (const reason of a.recheckDiff?.reasons.added ?? []) lines.push(`  + reason new: ${reason.code}`);
  } else lines.push(`re-check: not yet (${counted(a.recheckAttempts, 'attempt')})`);
  lines.push(
    `evidence: ${file.evidence.map((e) => `${e.evidenceId} ${e.mediaType} ${e.sizeBytes} B`).join('; ') || 'none'}`,
  );
  lines.push(
    `history: ${counted(file.history.decisions.length, 'decision')}, ${counted(file.history.appeals.length, 'other appeal')}, ${counted(file.history.loans.length, 'loan')}, ${counted(file.history.facilities.length, 'facility', 'facilities')}`,
  );
  if (a.proposal)
    lines.push(
      `proposal by ${a.proposal.maker.name}: ${formatMoney(a.proposal.terms.limit, 'en')} at ${formatPercent(a.proposal.terms.apr)} — ${scrubPii(a.proposal.note)}`,
    );
  return lines.join('\n');
}

/** `CODE` or `CODE:name=value,name=value` (numbers stay numbers). */
/**
 * `--reason CODE[:name=value,…]`. Amounts are in yuan here, like every other money flag of the CLI
 * (`--limit 60000.00`), and go to the service in fen as the API has them: `DEBT_STILL_OVERDUE:amount=2000.00`.
 */
export function parseReason(text: string): UpholdReasonInput {
  return parseReasonFlag(text, ['amount']);
}

function statuses(text: string | undefined): AppealStatus[] {
  const list = (text ?? 'filed,queued,in_review,pending_approval').split(',');
  for (const status of list)
    if (!(APPEAL_STATUSES as readonly string[]).includes(status))
      throw AppError.invalid('--status', 'one-of', `status must be one of ${APPEAL_STATUSES.join(', ')}`);
  return list as AppealStatus[];
}

export function registerAppealCommands(program: Command): void {
  const appeals = program
    .command('appeals')
    .description(
      'Appeals: the review queue, cases, decisions with maker-checker, history, figures, simulation.',
    )
    .option('--key <secret>', 'reviewer API key (or CREDENCE_API_KEY)');

  const act = actAsReviewer;

  appeals
    .command('list')
    .description('The queue, highest priority first (default: open appeals).')
    .option('--status <list>', 'comma-separated statuses')
    .option('--category <category>', APPEAL_CATEGORIES.join(' | '))
    .option('--mine', 'only appeals I hold')
    .option('--limit <n>', 'at most this many', '100')
    .action(
      async (
        options: { status?: string; category?: string; mine?: boolean; limit: string },
        command: Command,
      ) => {
        const items = await act(command, (app, principal) => {
          if (options.category && !(APPEAL_CATEGORIES as readonly string[]).includes(options.category))
            throw AppError.invalid(
              '--category',
              'one-of',
              `category must be one of ${APPEAL_CATEGORIES.join(', ')}`,
            );
          return app.services.appeals.list({
            statuses: statuses(options.status),
            ...(options.category ? { category: options.category as AppealCategory } : {}),
            ...(options.mine ? { assigneeId: principal.keyId } : {}),
            limit: integerInRange(options.limit, '--limit', 1, 1000),
          });
        });
        output(globalOptions(command), { appeals: items.map(queueItemView) }, () =>
          items.length === 0 ? 'the queue is empty' : items.map(queueLine).join('\n'),
        );
      },
    );

  appeals
    .command('show <id>')
    .description(
      'The case: original decision and reasons, re-check and diff, evidence, history (PII masked).',
    )
    .option('--lang <lang>', 'zh or en', 'en')
    .action(async (id: string, options: { lang: string }, command: Command) => {
      const file = await act(command, (app) => app.services.appeals.caseFile(parseId('appeal', id)));
      output(globalOptions(command), caseFileView(file), () => caseText(file, options.lang));
    });

  const simple = (
    name: string,
    description: string,
    run: (app: App, id: string, principal: Principal) => Promise<unknown>,
  ) =>
    appeals
      .command(`${name} <id>`)
      .description(description)
      .action(async (id: string, _options: unknown, command: Command) => {
        const appeal = await act(command, (app, principal) => run(app, parseId('appeal', id), principal));
        const view = appealView(appeal as Parameters<typeof appealView>[0]);
        output(
          globalOptions(command),
          view,
          () => `${view.appealId}: ${view.status}${view.resolution ? ` (${view.resolution})` : ''}`,
        );
      });

  simple('claim', 'Take an appeal (one reviewer at a time).', (app, id, principal) =>
    app.services.appeals.claim(id, principal),
  );
  simple('release', 'Give an appeal back to the queue.', (app, id, principal) =>
    app.services.appeals.release(id, principal),
  );
  simple('approve', 'Approve a colleague’s overturn (you cannot approve your own).', (app, id, principal) =>
    app.services.appeals.approve(id, principal),
  );

  appeals
    .command('claim-next')
    .description('Take the queued appeal with the highest priority.')
    .action(async (_options: unknown, command: Command) => {
      const appeal = await act(command, (app, principal) => app.services.appeals.claimNext(principal));
      output(globalOptions(command), { appeal: appeal ? appealView(appeal) : null }, () =>
        appeal ? `${appeal.id}: ${appeal.status}` : 'the queue is empty',
      );
    });

  appeals
    .command('assign <id>')
    .description('Assign an appeal to a reviewer (admins may take it from another).')
    .requiredOption('--to <keyId>', 'the reviewer’s API key id (key_…)')
    .action(async (id: string, options: { to: string }, command: Command) => {
      const appeal = await act(command, (app, principal) =>
        app.services.appeals.assign(parseId('appeal', id), options.to, principal),
      );
      output(
        globalOptions(command),
        appealView(appeal),
        () => `${appeal.id}: held by ${appeal.assignee?.name ?? '-'}`,
      );
    });

  appeals
    .command('comment <id>')
    .description('Add a comment to the record.')
    .requiredOption('--note <text>', 'the comment')
    .action(async (id: string, options: { note: string }, command: Command) => {
      const appeal = await act(command, (app, principal) =>
        app.services.appeals.comment(parseId('appeal', id), options.note, principal),
      );
      output(globalOptions(command), appealView(appeal), () => `${appeal.id}: comment recorded`);
    });

  appeals
    .command('reject <id>')
    .description('Send a colleague’s overturn back, saying why.')
    .requiredOption('--note <text>', 'why')
    .action(async (id: string, options: { note: string }, command: Command) => {
      const appeal = await act(command, (app, principal) =>
        app.services.appeals.reject(parseId('appeal', id), options.note, principal),
      );
      output(
        globalOptions(command),
        appealView(appeal),
        () => `${appeal.id}: back to ${appeal.assignee?.name ?? '-'}`,
      );
    });

  appeals
    .command('decide <id>')
    .description(
      `Uphold with reasons (--uphold --reason CODE[:name=value,…], codes: ${UPHOLD_CODES.join(', ')}) or overturn (--overturn --limit 8000.00 --apr 0.146 --note "…").`,
    )
    .option('--uphold', 'the decision stands')
    .option('--overturn', 'grant a limit and price')
    .option(
      '--reason <reason...>',
      'a reason the customer will read, amounts in yuan, e.g. DEBT_STILL_OVERDUE:amount=2000.00',
    )
    .option('--message-zh <text>', 'your own words to the customer, in Chinese (with --message-en)')
    .option('--message-en <text>', 'your own words to the customer, in English (with --message-zh)')
    .option('--limit <yuan>', 'the overriding limit in yuan')
    .option('--apr <rate>', 'the overriding annual rate, e.g. 0.146')
    .option('--note <text>', 'why (kept on the record)')
    .action(
      async (
        id: string,
        options: {
          uphold?: boolean;
          overturn?: boolean;
          reason?: string[];
          messageZh?: string;
          messageEn?: string;
          limit?: string;
          apr?: string;
          note?: string;
        },
        command: Command,
      ) => {
        if (Boolean(options.uphold) === Boolean(options.overturn))
          throw AppError.invalid(
            '--uphold/--overturn',
            'exactly-one',
            'give exactly one of --uphold or --overturn',
          );
        const appeal = await act(command, (app, principal) => {
          const appealId = parseId('appeal', id);
          if (options.uphold) {
            if ((options.messageZh === undefined) !== (options.messageEn === undefined))
              throw AppError.invalid('--message-en', 'both-languages', 'give the message in both zh and en');
            return app.services.appeals.decide(
              appealId,
              {
                outcome: 'uphold',
                reasons: (options.reason ?? []).map(parseReason),
                message:
                  options.messageZh !== undefined && options.messageEn !== undefined
                    ? { zh: options.messageZh, en: options.messageEn }
                    : null,
                note: options.note ?? '',
              },
              principal,
            );
          }
          if (!options.limit) throw AppError.invalid('--limit', 'required', 'an overturn needs --limit');
          if (!options.apr) throw AppError.invalid('--apr', 'required', 'an overturn needs --apr');
          return app.services.appeals.decide(
            appealId,
            {
              outcome: 'overturn',
              terms: { limit: parseMoney(options.limit, '--limit'), apr: parseRate(options.apr, '--apr') },
              note: options.note ?? '',
            },
            principal,
          );
        });
        output(globalOptions(command), appealView(appeal), () =>
          appeal.status === 'pending_approval'
            ? `${appeal.id}: overturn proposed; a second reviewer must approve it (above the maker-checker threshold)`
            : `${appeal.id}: ${appeal.status} (${appeal.resolution ?? '-'})${appeal.overrideDecisionId ? ` — override ${appeal.overrideDecisionId}` : ''}`,
        );
      },
    );

  appeals
    .command('history <id>')
    .description('The audit trail: every action with actor, time, status before and after.')
    .action(async (id: string, _options: unknown, command: Command) => {
      const events = await act(command, (app) => app.services.appeals.history(parseId('appeal', id)));
      output(globalOptions(command), { events: events.map(auditEventView) }, () =>
        events
          .map(
            (e) =>
              `${String(e.seq).padStart(3)}  ${e.at.toISOString()}  ${e.action.padEnd(10)} ${e.statusBefore ?? '-'} → ${e.statusAfter}  by ${e.actor.name} (${e.actor.id})${e.note ? `  “${scrubPii(e.note)}”` : ''}`,
          )
          .join('\n'),
      );
    });

  appeals
    .command('stats')
    .description(
      'By status, category and outcome; overturn rate; re-check share; SLA breaches; median time to resolution.',
    )
    .option('--from <date>', 'first filing date (inclusive)')
    .option('--to <date>', 'last filing date (inclusive)')
    .action(async (options: { from?: string; to?: string }, command: Command) => {
      const stats = await withApp(globalOptions(command), (app) =>
        app.services.appeals.stats({
          ...(options.from ? { from: startOfBusinessDate(parseLocalDate(options.from, '--from')) } : {}),
          ...(options.to ? { to: startOfBusinessDate(addDays(parseLocalDate(options.to, '--to'), 1)) } : {}),
        }),
      );
      output(globalOptions(command), stats, () =>
        [
          `appeals ${stats.total}: ${Object.entries(stats.byStatus)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
          `outcomes: ${
            Object.entries(stats.byResolution)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ') || 'none yet'
          }`,
          `overturn rate ${stats.overturnRate === null ? '-' : `${(stats.overturnRate * 100).toFixed(1)}%`}, resolved by re-check ${stats.recheckShare === null ? '-' : `${(stats.recheckShare * 100).toFixed(1)}%`}, overrides ${stats.overrides}`,
          `SLA breaches: ${stats.slaBreaches.resolvedLate} resolved late, ${stats.slaBreaches.openOverdue} open past due`,
          `median time to resolution: ${stats.medianHoursToResolution.all === null ? '-' : `${stats.medianHoursToResolution.all.toFixed(1)} h`}`,
        ].join('\n'),
      );
    });

  appeals
    .command('recover')
    .description(
      'Run the recovery pass now: due re-checks, undelivered notifications, SLA breaches not yet recorded.',
    )
    .action(async (_options: unknown, command: Command) => {
      const report = await withApp(globalOptions(command), (app) => app.services.appeals.recover());
      output(
        globalOptions(command),
        report,
        () =>
          `re-checks attempted ${report.attempted}: resolved ${report.resolved}, queued ${report.queued}, still waiting ${report.deferred}, failed ${report.failed}; notifications delivered ${report.notificationsDelivered}; SLA breaches recorded ${report.slaBreachesRecorded}`,
      );
    });
}
