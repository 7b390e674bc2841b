import type { Command } from 'commander';
import type { App } from '../services.ts';
import { actAsReviewer, parseReasonFlag } from '../cli/reviewer.ts';
import { slaBreached } from '../appeals/index.ts';
import { globalOptions, output, withApp } from '../cli/runtime.ts';
import { decisionView, type DecisionRecord } from '../decisions/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseId } from '../platform/ids/ids.ts';
import { formatMoney, parseMoney } from '../platform/money/money.ts';
import { formatPercent, parseRate } from '../platform/money/rate.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import { REFERRAL_STATUSES, type ReferralCase, type ReferralStatus } from './referral.ts';
import type { CaseView } from './referral-ports.ts';
import { DECLINE_CODES, type DeclineReasonInput } from './referral-texts.ts';
import { caseView, referralCaseView } from './referral-view.ts';

/**
 * `credence referrals …` for reviewers: the queue, a case, claim, release, re-run, decide (approve with a
 * limit and APR, or decline with catalogue reasons), approve or send back a colleague's decision above
 * their authority, and the recovery pass. Reviewer commands act as an API key principal (`--key` or
 * CREDENCE_API_KEY), the same person as over HTTP, so maker-checker holds across both.
 */

/** The decline catalogue's money parameters (yuan on the command line, fen to the service). */
const MONEY_PARAMS = ['amount', 'limit', 'minimum'];

/** `--reason CODE[:name=value,…]`, amounts in yuan: `OVERDUE_ELSEWHERE:amount=1200.00`. */
export function parseDeclineReason(text: string): DeclineReasonInput {
  return parseReasonFlag(text, MONEY_PARAMS);
}

function statuses(text: string | undefined): ReferralStatus[] {
  const list = (text ?? 'open,claimed,pending_approval').split(',');
  for (const status of list)
    if (!(REFERRAL_STATUSES as readonly string[]).includes(status))
      throw AppError.invalid('--status', 'one-of', `status must be one of ${REFERRAL_STATUSES.join(', ')}`);
  return list as ReferralStatus[];
}

function caseLine(referral: ReferralCase, now: Date): string {
  const breached = slaBreached(referral.slaDueAt, referral.decidedAt, now);
  return [
    referral.id,
    referral.status.padEnd(16),
    referral.productCode.padEnd(12),
    referral.reasonCodes.join(',').padEnd(20),
    `due ${referral.slaDueAt.toISOString()}${breached ? ' BREACHED' : ''}`,
    referral.claimedBy ? `held by ${referral.claimedBy.name}` : '',
    referral.resultDecisionId ? `→ ${referral.outcome ?? '-'} ${referral.resultDecisionId}` : '',
  ]
    .join('  ')
    .trimEnd();
}

function caseText(view: CaseView, lang: 'zh' | 'en', now: Date): string {
  const { referral, decision } = view;
  const lines = [
    caseLine(referral, now),
    `customer ${referral.customerId}   decision ${decision.id} (${decision.outcome}, ${decision.decidedAt.toISOString()})`,
    'why referred:',
    ...decision.reasons.map((reason) => `  - ${reason.code}: ${reason.text[lang]}`),
  ];
  if (decision.fault)
    lines.push(`  fault: ${decision.fault.stage}/${decision.fault.code} — ${decision.fault.message}`);
  lines.push(
    `score ${decision.score ?? '-'}  model ${decision.modelVersion ?? '-'}  policy ${decision.policyVersionId ?? '-'}`,
  );
  if (referral.proposal)
    lines.push(
      `proposal by ${referral.proposal.maker.name}: ${formatMoney(referral.proposal.limit, 'en')} at ${formatPercent(referral.proposal.apr)} — ${scrubPii(referral.proposal.note)} (a second person approves)`,
    );
  if (view.result) lines.push(`result: ${resultLine(view.result)}`);
  lines.push('history:');
  for (const event of view.history)
    lines.push(
      `  ${String(event.seq).padStart(3)}  ${event.at.toISOString()}  ${event.action.padEnd(9)} ${event.statusBefore ?? '-'} → ${event.statusAfter}  by ${event.actor.name}${event.note ? `  “${scrubPii(event.note)}”` : ''}`,
    );
  return lines.join('\n');
}

function resultLine(decision: DecisionRecord): string {
  return decision.outcome === 'approved' && decision.apr
    ? `${decision.id} approved ${formatMoney(decision.limit, 'en')} at ${formatPercent(decision.apr)}`
    : `${decision.id} ${decision.outcome}`;
}

export function registerReferralCommands(program: Command): void {
  const referrals = program
    .command('referrals')
    .description(
      'Referral reviews: the queue of referred applications, cases, re-run, decisions with maker-checker.',
    )
    .option('--key <secret>', 'reviewer API key (or CREDENCE_API_KEY)');

  referrals
    .command('list')
    .description('The queue, newest first (default: open, claimed and pending approval).')
    .option('--status <list>', `comma-separated: ${REFERRAL_STATUSES.join(', ')}`)
    .option('--product <code>', 'cash_loan, credit_line, …')
    .option('--mine', 'only cases I hold')
    .option('--limit <n>', 'at most this many (1–500)', '50')
    .option('--before <id>', 'cases older than this one (the next page)')
    .action(
      async (
        options: { status?: string; product?: string; mine?: boolean; limit: string; before?: string },
        command: Command,
      ) => {
        const { items, now } = await actAsReviewer(command, async (app, principal) => ({
          items: await app.services.referrals.list({
            statuses: statuses(options.status),
            ...(options.product ? { productCode: options.product } : {}),
            ...(options.mine ? { claimedBy: principal.keyId } : {}),
            ...(options.before ? { before: parseId('referral', options.before) } : {}),
            limit: Number(options.limit),
          }),
          now: app.clock.now(),
        }));
        output(globalOptions(command), { items: items.map((item) => referralCaseView(item, now)) }, () =>
          items.length === 0 ? 'the queue is empty' : items.map((item) => caseLine(item, now)).join('\n'),
        );
      },
    );

  referrals
    .command('show <id>')
    .description(
      'The case: why it was referred, the decision with its reasons and evidence, the SLA, the history.',
    )
    .option('--lang <lang>', 'zh or en', 'en')
    .action(async (id: string, options: { lang: string }, command: Command) => {
      const { view, now } = await actAsReviewer(command, async (app) => ({
        view: await app.services.referrals.get(parseId('referral', id)),
        now: app.clock.now(),
      }));
      output(globalOptions(command), caseView(view, now), () =>
        caseText(view, options.lang === 'zh' ? 'zh' : 'en', now),
      );
    });

  const simple = (
    name: string,
    description: string,
    run: (app: App, id: string, principal: Principal) => Promise<ReferralCase>,
  ) =>
    referrals
      .command(`${name} <id>`)
      .description(description)
      .action(async (id: string, _options: unknown, command: Command) => {
        const { referral, now } = await actAsReviewer(command, async (app, principal) => ({
          referral: await run(app, parseId('referral', id), principal),
          now: app.clock.now(),
        }));
        output(globalOptions(command), referralCaseView(referral, now), () => caseLine(referral, now));
      });

  simple('claim', 'Take a case (one reviewer at a time; the claim runs out).', (app, id, principal) =>
    app.services.referrals.claim(id, principal),
  );
  simple('release', 'Give a case back to the queue.', (app, id, principal) =>
    app.services.referrals.release(id, principal),
  );

  const withDecision = (result: { referral: ReferralCase; decision: DecisionRecord | null }, now: Date) => ({
    case: referralCaseView(result.referral, now),
    decision: result.decision ? decisionView(result.decision) : null,
  });
  const decidedText = (result: { referral: ReferralCase; decision: DecisionRecord | null }) =>
    result.referral.status === 'pending_approval'
      ? `${result.referral.id}: above your authority — a second person must approve it (credence referrals approve ${result.referral.id})`
      : `${result.referral.id}: ${result.referral.status}${result.decision ? ` — ${resultLine(result.decision)}` : ''}`;

  referrals
    .command('rerun <id>')
    .description('Decide again now on current data; a result that no longer refers closes the case with it.')
    .action(async (id: string, _options: unknown, command: Command) => {
      const { result, now } = await actAsReviewer(command, async (app, principal) => ({
        result: await app.services.referrals.rerun(parseId('referral', id), principal),
        now: app.clock.now(),
      }));
      output(globalOptions(command), withDecision(result, now), () => decidedText(result));
    });

  referrals
    .command('decide <id>')
    .description(
      `Approve (--approve --limit 8000.00 --apr 0.146 --note "…") within the product range, the legal cap and your authority, or decline (--decline --reason CODE[:name=value,…] --note "…", codes: ${DECLINE_CODES.join(', ')}).`,
    )
    .option('--approve', 'grant a limit and price')
    .option('--decline', 'decline with reasons the customer will read')
    .option('--limit <yuan>', 'the limit in yuan')
    .option('--apr <rate>', 'the annual rate, e.g. 0.146')
    .option(
      '--reason <reason...>',
      'a catalogue reason, amounts in yuan, e.g. OVERDUE_ELSEWHERE:amount=1200.00',
    )
    .requiredOption('--note <text>', 'why (kept on the record)')
    .action(
      async (
        id: string,
        options: {
          approve?: boolean;
          decline?: boolean;
          limit?: string;
          apr?: string;
          reason?: string[];
          note: string;
        },
        command: Command,
      ) => {
        if (Boolean(options.approve) === Boolean(options.decline))
          throw AppError.invalid(
            '--approve/--decline',
            'exactly-one',
            'give exactly one of --approve or --decline',
          );
        const { result, now } = await actAsReviewer(command, async (app, principal) => {
          const referralId = parseId('referral', id);
          if (options.decline)
            return {
              result: await app.services.referrals.decide(
                referralId,
                {
                  outcome: 'declined',
                  reasons: (options.reason ?? []).map(parseDeclineReason),
                  note: options.note,
                },
                principal,
              ),
              now: app.clock.now(),
            };
          if (!options.limit) throw AppError.invalid('--limit', 'required', 'an approval needs --limit');
          if (!options.apr) throw AppError.invalid('--apr', 'required', 'an approval needs --apr');
          return {
            result: await app.services.referrals.decide(
              referralId,
              {
                outcome: 'approved',
                limit: parseMoney(options.limit, '--limit'),
                apr: parseRate(options.apr, '--apr'),
                note: options.note,
              },
              principal,
            ),
            now: app.clock.now(),
          };
        });
        output(globalOptions(command), withDecision(result, now), () => decidedText(result));
      },
    );

  referrals
    .command('approve <id>')
    .description('Approve a colleague’s decision above their authority (you cannot approve your own).')
    .action(async (id: string, _options: unknown, command: Command) => {
      const { result, now } = await actAsReviewer(command, async (app, principal) => ({
        result: await app.services.referrals.approve(parseId('referral', id), principal),
        now: app.clock.now(),
      }));
      output(globalOptions(command), withDecision(result, now), () => decidedText(result));
    });

  referrals
    .command('reject <id>')
    .description('Send a colleague’s proposed decision back to the queue, saying why.')
    .requiredOption('--note <text>', 'why')
    .action(async (id: string, options: { note: string }, command: Command) => {
      const { referral, now } = await actAsReviewer(command, async (app, principal) => ({
        referral: await app.services.referrals.reject(parseId('referral', id), options.note, principal),
        now: app.clock.now(),
      }));
      output(globalOptions(command), referralCaseView(referral, now), () => caseLine(referral, now));
    });

  referrals
    .command('recover')
    .description(
      'Run the recovery pass now: cases for referred decisions without one, superseded cases, notifications.',
    )
    .action(async (_options: unknown, command: Command) => {
      const report = await withApp(globalOptions(command), (app) => app.services.referrals.recover());
      output(
        globalOptions(command),
        report,
        () =>
          `cases opened ${report.opened}; superseded ${report.superseded}; notifications delivered ${report.notificationsDelivered}`,
      );
    });
}
