import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/services.ts';
import { cliApp, runCli } from '../support/cli.ts';

/** `credence privacy erase|hold|holds|requests|release-hold|run-erasures`: exit codes and JSON answers. */
describe('credence privacy erasure commands', () => {
  let app: App;
  let customerId: string;

  beforeAll(async () => {
    app = await cliApp();
    const { customer } = await app.services.customers.createCustomer({
      externalId: 'cli-erase-1',
      name: '韩梅梅',
      idNumber: '11010519491231002X',
      phone: '13800138000',
    });
    customerId = customer.customerId;
  }, 120_000);
  afterAll(async () => {
    await app.stop();
  });

  it('a legal hold blocks the erasure (exit 7, the hold and its date); released, run-erasures carries it out', async () => {
    const hold = await runCli(
      [
        '--json',
        'privacy',
        'hold',
        customerId,
        '--reason',
        'court order',
        '--until',
        '2099-12-31',
        '--authority',
        '(2026)沪0105民初1号',
      ],
      { app },
    );
    expect(hold.code, hold.stderr).toBe(0);
    const holdId = (JSON.parse(hold.stdout) as { id: string }).id;
    expect(holdId).toMatch(/^lgh_/);

    const noReason = await runCli(['privacy', 'erase', customerId], { app });
    expect(noReason.code).not.toBe(0);
    const blocked = await runCli(['--json', 'privacy', 'erase', customerId, '--reason', 'letter of 20 Nov'], {
      app,
    });
    expect(blocked.code).toBe(7);
    const view = JSON.parse(blocked.stdout) as {
      status: string;
      erasableFrom: string;
      holds: Array<{ kind: string; text: { en: string } }>;
    };
    expect(view.status).toBe('blocked');
    expect(view.erasableFrom).toBe('2100-01-01');
    expect(view.holds[0]?.kind).toBe('legal_hold');
    // Staff read the reason and the authority.
    expect(view.holds[0]?.text.en).toContain('(2026)沪0105民初1号');

    const queue = await runCli(['privacy', 'requests', '--kind', 'erasure', '--status', 'blocked'], { app });
    expect(queue.code).toBe(0);
    expect(queue.stdout).toContain(`customer ${customerId}`);
    const badStatus = await runCli(['privacy', 'requests', '--status', 'pending'], { app });
    expect(badStatus.code).toBe(3);

    const listed = await runCli(['--json', 'privacy', 'holds', '--customer', customerId, '--in-force'], {
      app,
    });
    expect((JSON.parse(listed.stdout) as { holds: Array<{ id: string }> }).holds.map((h) => h.id)).toEqual([
      holdId,
    ]);
    const released = await runCli(['privacy', 'release-hold', holdId, '--reason', 'order lifted'], { app });
    expect(released.code, released.stderr).toBe(0);
    const run = await runCli(['--json', 'privacy', 'run-erasures'], { app });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { erased: string[] }).erased).toHaveLength(1);
    const again = await runCli(['privacy', 'erase', customerId, '--reason', 'again'], { app });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('completed');
  });
});
