import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { parseDeclineReason } from '../../src/referrals/referrals.cli.ts';
import { runCli } from '../support/cli.ts';
import { referralTestApp, type ReferralTestApp } from './referral-support.ts';

/**
 * `credence referrals …` as a reviewer runs it, in process on one application: a referred application's
 * case is listed, shown, claimed, refused to a second reviewer, approved above the maker's authority,
 * refused to its maker, approved by a second person, and read back.
 */
let t: ReferralTestApp;
const secrets = { ana: '', bo: '' };
let referralId = '';

const run = (args: string[]) => runCli(args, { app: t.app });

beforeAll(async () => {
  t = await referralTestApp();
  const random = seededRandomBytes(7);
  secrets.ana = generateApiKeySecret('reviewer', random);
  secrets.bo = generateApiKeySecret('reviewer', random);
  await t.app.services.apiKeys.create({ name: 'Cai', role: 'reviewer', secret: secrets.ana });
  await t.app.services.apiKeys.create({ name: 'Du', role: 'reviewer', secret: secrets.bo });
  const { customerId, decisionId } = await t.referredCustomer('outage');
  const referral = await t.app.services.referrals.caseOfDecision(customerId, decisionId);
  referralId = referral?.id ?? '';
}, 600_000);

afterAll(async () => {
  await t?.app.stop();
});

describe('credence referrals', () => {
  it('works a case from the queue to a second person’s approval', async () => {
    const noKey = await run(['referrals', 'list']);
    expect(noKey.code).toBe(4);
    expect(noKey.stderr).toContain('--key');

    const listed = await run(['referrals', '--key', secrets.ana, 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${referralId}  open`);
    expect(listed.stdout).toContain('SYSTEM_UNAVAILABLE');

    const shown = await run(['referrals', '--key', secrets.ana, 'show', referralId]);
    expect(shown.stdout).toContain('why referred:');
    expect(shown.stdout).toContain('fault: provider/PROVIDER_UNAVAILABLE');

    expect((await run(['referrals', '--key', secrets.ana, 'claim', referralId])).stdout).toContain(
      'held by Cai',
    );
    const taken = await run(['referrals', '--key', secrets.bo, 'claim', referralId]);
    expect(taken.code).toBe(6);
    expect(taken.stderr).toContain('Cai holds this referral');

    const above = await run([
      'referrals',
      '--key',
      secrets.ana,
      'decide',
      referralId,
      '--approve',
      '--limit',
      '60000.00',
      '--apr',
      '0.146',
      '--note',
      'income verified by phone',
    ]);
    expect(above.code).toBe(0);
    expect(above.stdout).toContain('a second person must approve it');

    const own = await run(['referrals', '--key', secrets.ana, 'approve', referralId]);
    expect(own.code).toBe(4);
    expect(own.stderr).toContain('second person');

    const approved = await run(['--json', 'referrals', '--key', secrets.bo, 'approve', referralId]);
    expect(approved.code).toBe(0);
    const body = JSON.parse(approved.stdout) as {
      case: { status: string; closedBy: string };
      decision: { kind: string; limit: string; apr: string; facilityChange: string };
    };
    expect(body.case).toMatchObject({ status: 'decided', closedBy: 'review' });
    expect(body.decision).toMatchObject({
      kind: 'manual_review',
      limit: '60000.00',
      apr: '0.146',
      facilityChange: 'opened',
    });

    const history = await run(['referrals', '--key', secrets.bo, 'show', referralId]);
    expect(history.stdout).toMatch(/proposed .*by Cai/);
    expect(history.stdout).toMatch(/approved .*by Du/);
    expect(history.stdout).toContain('result: dec_');
  });

  it('--reason takes the decline catalogue amounts in yuan and passes them on in fen', () => {
    expect(parseDeclineReason('LIMIT_BELOW_PRODUCT_MINIMUM:limit=500.00,minimum=1000.00')).toEqual({
      code: 'LIMIT_BELOW_PRODUCT_MINIMUM',
      params: { limit: '50000', minimum: '100000' },
    });
    expect(parseDeclineReason('THIN_FILE:historyMonths=3,requiredMonths=6')).toEqual({
      code: 'THIN_FILE',
      params: { historyMonths: 3, requiredMonths: 6 },
    });
    expect(() => parseDeclineReason('OVERDUE_ELSEWHERE:amount=12x')).toThrow(
      /--reason OVERDUE_ELSEWHERE amount/,
    );
  });
});
