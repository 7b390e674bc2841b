import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { main } from '../../src/cli/main.ts';
import { trainDemoScorecard, DEMO_SCORECARD } from '../../src/decisions/demo-scorecard.ts';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { systemClock } from '../../src/platform/time/system-clock.node.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { createScriptedCustomer } from './support.ts';

/**
 * `credence appeals …` on a data directory, as a reviewer would run it: the appeal is seeded through the
 * application (a disputed overdue, queued after its re-check), then listed, shown, claimed, overturned
 * above the threshold, refused to its maker, approved by a second reviewer, and read back.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'credence-appeals-cli-'));
// The CLI reads DATABASE_URL from the environment; this test is about the embedded database of its data
// directory, so it is unset for the file (and restored after).
const savedDatabaseUrl = process.env.DATABASE_URL;
let appealId = '';
const secrets = { ana: '', bo: '' };

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await main(['--data-dir', dataDir, ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  const app = await createApp({
    config: loadConfig({ CREDENCE_DATA_DIR: dataDir }),
    logger: createLogger({ level: 'error', destination: process.stderr }),
  });
  try {
    const { services } = app;
    await installDefaultPolicies(services.policies);
    const { card } = trainDemoScorecard({ ...DEMO_SCORECARD, trainedAt: '2026-11-01T00:00:00.000Z' });
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
  } finally {
    await app.stop();
  }
}, 120_000);

afterAll(() => {
  if (savedDatabaseUrl !== undefined) process.env.DATABASE_URL = savedDatabaseUrl;
  rmSync(dataDir, { recursive: true, force: true });
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
