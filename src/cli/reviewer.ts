import type { Command } from 'commander';
import type { App } from '../services.ts';
import { hashApiKey, type Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseMoney } from '../platform/money/money.ts';
import { globalOptions, withApp, type GlobalOptions } from './runtime.ts';

/**
 * What the reviewers' commands share (`credence appeals …`, `credence referrals …`): acting as the reviewer an
 * API key names — the same person as over HTTP, so maker-checker holds across both — and reading a
 * `--reason` flag. Kept in the CLI's own kit so each context's commands take it from here, not from the other's.
 */

interface KeyOption {
  key?: string;
}

/** The reviewer (or admin) an API key names (`--key` or CREDENCE_API_KEY); the referrals CLI acts the same way. */
async function principalOf(app: App, options: KeyOption): Promise<Principal> {
  const secret = options.key ?? process.env.CREDENCE_API_KEY;
  if (!secret)
    throw new AppError('UNAUTHENTICATED', 'pass a reviewer API key with --key or CREDENCE_API_KEY', {
      issues: [{ field: '--key', rule: 'required', message: 'a reviewer key is required' }],
    });
  const record = await app.services.apiKeys.findActiveByHash(hashApiKey(secret));
  if (!record) throw new AppError('UNAUTHENTICATED', 'the API key is unknown or revoked');
  if (record.role !== 'reviewer' && record.role !== 'admin')
    throw new AppError('FORBIDDEN', `role "${record.role}" may not review appeals or referrals`);
  return { keyId: record.id, name: record.name, role: record.role };
}

/** Runs a reviewer command: opens the app, names the key's principal, hands both to `work` (appeals, referrals). */
export function actAsReviewer<T>(
  command: Command,
  work: (app: App, principal: Principal, global: GlobalOptions) => Promise<T>,
): Promise<T> {
  const global = globalOptions(command);
  const keyOptions = command.optsWithGlobals<KeyOption>();
  return withApp(global, async (app) => work(app, await principalOf(app, keyOptions), global));
}

/**
 * A reviewer's `--reason CODE[:name=value,…]` (appeals and referrals): the parameters named in
 * `moneyParams` are yuan on the command line and go on in fen, as the API has them; whole numbers stay
 * numbers, the rest strings.
 */
export function parseReasonFlag(
  text: string,
  moneyParams: readonly string[],
): { code: string; params: Record<string, unknown> } {
  const [code = '', rest] = text.split(':', 2);
  const params: Record<string, unknown> = {};
  for (const pair of (rest ?? '').split(',').filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=', 2);
    if (moneyParams.includes(name)) params[name] = parseMoney(value, `--reason ${code} ${name}`).toString();
    else params[name] = /^\d+$/.test(value) ? Number(value) : value;
  }
  return { code, params };
}
