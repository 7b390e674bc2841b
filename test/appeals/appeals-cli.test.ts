import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/services.ts';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { systemClock } from '../../src/platform/time/system-clock.node.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { testScorecard } from '../decisions/scorecard.ts';
import { cliApp, runCli, type CliRun } from '../support/cli.ts';
import { createScriptedCustomer } from './support.ts';

/**
 * `credence appeals …` as a reviewer would run it: the appeal is seeded through the application (a
 * disputed overdue, queued after its re-check), then listed, shown, claimed, overturned above the
 * threshold, refused to its maker, approved by a second reviewer, and read back. The commands run in
 * process on that application (test/support/cli.ts).
 */
let app: App;
let appealId = '';
const secrets = { ana: '', bo: '' };

const run = (args: string[]): Promise<CliRun> => runCli(args, { app });

beforeAll(async () => {
  app = await cliApp();
  const { services } = app;
  await installDefaultPolicies(services.policies);
  const card = testScorecard(); // the demo scorecard, trained once for the run
  await services.models.register(card);
  await services.models.activate(card.version);
  const random = seededRandomBytes(7);
  secrets.ana = generateApiKeySecret('reviewer', random);
  secrets.bo = generateApiKeySecret('reviewer', random);
  await services.apiKeys.create({ name: 'Ana', role: 'reviewer', secret: secrets.ana });
  await services.apiKeys.create({ name: 'Bo', role: 'reviewer', secret: secrets.bo });
  const appKey = await services.apiKeys.create({
    name: 'app',
    role: 'app',
    secret: generateApiKeySecret('app', random),
  });
  const customerId = await createScriptedCustomer({ app, clock: systemClock }, 'disputed_overdue');
  const decision = await services.decisions.decide({ customerId, productCode: 'cash_loan' });
  const appeal = await services.appeals.file(
    { decisionId: decision.id, customerId, category: 'data_error', statement: 'the bank got it wrong' },
    { keyId: appKey.id, name: appKey.name, role: 'app' },
  );
  expect(appeal.status).toBe('queued');
  appealId = appeal.id;
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('credence appeals', () => {
  it('works a case from the queue to a second reviewer’s approval', async () => {
    const missing = await run(['appeals', 'list']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('--key');

    const listed = await run(['appeals', '--key', secrets.ana, 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(appealId);
    expect(listed.stdout).toContain('queued');

    const shown = await run(['appeals', '--key', secrets.ana, 'show', appealId]);
    expect(shown.stdout).toContain('original: declined');
    expect(shown.stdout).toContain('OVERDUE_ELSEWHERE');
    expect(shown.stdout).toContain('139****0002');

    expect((await run(['appeals', '--key', secrets.ana, 'claim', appealId])).stdout).toContain('in_review');
    const both = await run(['appeals', '--key', secrets.ana, 'decide', appealId, '--uphold', '--overturn']);
    expect(both.code).toBe(3);
    const proposed = await run([
      'appeals',
      '--key',
      secrets.ana,
      'decide',
      appealId,
      '--overturn',
      '--limit',
      '60000.00',
      '--apr',
      '0.1095',
      '--note',
      'bank letter',
    ]);
    expect(proposed.code).toBe(0);
    expect(proposed.stdout).toContain('a second reviewer must approve');
    const own = await run(['appeals', '--key', secrets.ana, 'approve', appealId]);
    expect(own.code).toBe(4);
    expect(own.stderr).toContain('maker-checker');
    const approved = await run(['appeals', '--key', secrets.bo, '--json', 'approve', appealId]);
    expect(approved.code).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ status: 'resolved', resolution: 'overturned' });

    const history = await run(['--json', 'appeals', '--key', secrets.bo, 'history', appealId]);
    const actions = (JSON.parse(history.stdout).events as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual([
      'filed',
      'notified',
      'rechecked',
      'queued',
      'notified',
      'assigned',
      'decided',
      'approved',
      'notified',
    ]);
    const stats = await run(['appeals', 'stats']);
    expect(stats.stdout).toContain('overturned 1');
  }, 120_000);
});
