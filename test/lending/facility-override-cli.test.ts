import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { withSharedApp } from '../../src/cli/runtime.ts';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { decisionTestApp, type DecisionTestApp } from '../decisions/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Issue 12, item 1, from the command line: `credence loan facility set` called `openOrAdjustFacility`
 * directly — no decision check, no reasons, no second person. It now goes through the same override use
 * case as `PUT /v1/customers/{id}/facilities/{product}`, as the admin whose key it is given (`--key`, as
 * `credence appeals` takes a reviewer's), and refuses what the API refuses: 422 naming the field and the
 * rule (exit 3), 403 for a key that may not (exit 4), with nothing written.
 */

afterEach(() => vi.restoreAllMocks());

describe.each(storesUnderTest())('credence loan facility set | approve | reject ($name)', (store) => {
  let t: DecisionTestApp;
  let clean = '';
  let declinedCustomer = '';
  let approvedCash = '';
  let declinedCash = '';
  let secondAdmin = '';

  /** Runs the CLI in process on the test application's database, capturing what it prints. */
  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += chunk.toString();
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += chunk.toString();
      return true;
    });
    try {
      const code = await withSharedApp(t.app, () => main(args));
      return { code, stdout, stderr };
    } finally {
      vi.restoreAllMocks();
    }
  }

  const json = async (args: string[]) => {
    const result = await run([...args, '--json']);
    return { code: result.code, body: JSON.parse(result.code === 0 ? result.stdout : result.stderr) };
  };

  /** Every row an override could write. */
  async function rows(): Promise<string> {
    const parts: string[] = [];
    for (const table of ['credit_facilities', 'credit_facility_changes', 'credit_facility_overrides']) {
      const result = await t.app.db.query(`select * from ${table} order by 1, 2`);
      parts.push(
        JSON.stringify(result.rows, (_key, value: unknown) =>
          typeof value === 'bigint' ? String(value) : value,
        ),
      );
    }
    return parts.join('\n');
  }

  const set = (customer: string, decision: string, limit: string, apr: string, key = t.keys.admin) => [
    ...['loan', 'facility', 'set', '--customer', customer, '--product', 'cash_loan'],
    ...['--limit', limit, '--apr', apr, '--decision', decision],
    ...['--reason', 'complaint-resolution:complaint 2026-118: rate set in error', '--key', key],
  ];

  beforeAll(async () => {
    t = await decisionTestApp({ store });
    const { decisions, apiKeys } = t.app.services;
    clean = t.personas.get('clean_approval') ?? '';
    declinedCustomer = t.personas.get('low_score') ?? '';
    const cash = await decisions.decide({ customerId: clean, productCode: 'cash_loan' });
    const declined = await decisions.decide({ customerId: declinedCustomer, productCode: 'cash_loan' });
    expect([cash.outcome, declined.outcome]).toEqual(['approved', 'declined']);
    [approvedCash, declinedCash] = [cash.id, declined.id];
    secondAdmin = generateApiKeySecret('admin', seededRandomBytes(4343));
    await apiKeys.create({ name: 'Second Admin', role: 'admin', secret: secondAdmin });
  });

  afterAll(async () => {
    await t.app.stop();
  });

  it('an APR above the product and the legal cap → exit 3 naming apr/product-max-apr, nothing written', async () => {
    const before = await rows();
    const refused = await json(set(clean, approvedCash, '20000.00', '0.99'));
    expect(refused.code).toBe(3);
    expect(refused.body.error.errors).toEqual([
      expect.objectContaining({ field: 'apr', rule: 'product-max-apr' }),
    ]);
    expect(await rows()).toBe(before);
  });

  it('a declined decision → exit 3 naming decisionId/approved-decision, nothing written', async () => {
    const before = await rows();
    const refused = await json(set(declinedCustomer, declinedCash, '20000.00', '0.15'));
    expect(refused.code).toBe(3);
    expect(refused.body.error.errors).toEqual([
      expect.objectContaining({ field: 'decisionId', rule: 'approved-decision' }),
    ]);
    expect(await rows()).toBe(before);
  });

  it('no reason, no key, or a key that is not an admin → refused, nothing written', async () => {
    const before = await rows();
    const bare = set(clean, approvedCash, '20000.00', '0.15');
    const withoutReason = bare.filter(
      (_arg, index) => index < bare.indexOf('--reason') || index > bare.indexOf('--reason') + 1,
    );
    const noReason = await json(withoutReason);
    expect(noReason.code).toBe(3);
    expect(noReason.body.error.errors).toEqual([
      expect.objectContaining({ field: 'reasons', rule: 'required' }),
    ]);

    const noKey = await json(bare.slice(0, -2));
    expect(noKey.code).toBe(4);
    expect(noKey.body.error.errors).toEqual([expect.objectContaining({ field: '--key', rule: 'required' })]);

    const reviewer = await json(set(clean, approvedCash, '20000.00', '0.15', t.keys.reviewer));
    expect(reviewer.code).toBe(4);
    expect(reviewer.body.error).toMatchObject({
      code: 'FORBIDDEN',
      errors: [{ field: '--key', rule: 'role' }],
    });
    expect(await rows()).toBe(before);
  });

  it('within the rules at or below the threshold: applied at once, in the history with its maker and reasons', async () => {
    const applied = await run(set(clean, approvedCash, '20000.00', '0.15'));
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(
      /^override fov_\w+ applied \((opened|adjusted) fac_\w+: limit 20000\.00, used 0\.00, available 20000\.00, APR 15\.00 ?%\); made by test admin\n$/,
    );
    const history = await t.app.db.query<{
      change: string;
      override_id: string;
      made_by: string;
      reason: string;
    }>(
      `select change, override_id, made_by, reason from credit_facility_changes
        where customer_id = $1 order by version desc limit 1`,
      [clean],
    );
    expect(history.rows[0]).toMatchObject({
      change: 'override',
      override_id: expect.stringMatching(/^fov_/),
      made_by: expect.stringMatching(/^test admin \(/),
      reason: 'complaint-resolution: complaint 2026-118: rate set in error',
    });
  });

  it('above the threshold it waits, prints the command to approve; the maker may not approve; another admin does', async () => {
    const before = await rows();
    const pending = await json(set(clean, approvedCash, '60000.00', '0.15'));
    expect(pending.code).toBe(0);
    expect(pending.body).toMatchObject({
      change: 'pending',
      override: {
        status: 'pending',
        needsSecondPerson: true,
        limit: '60000.00',
        maker: { name: 'test admin' },
      },
      facility: { limit: '20000.00' },
    });
    const overrideId = pending.body.override.id as string;
    expect(await rows()).not.toBe(before);
    const facility = async () =>
      (
        await t.app.db.query<{ limit_amount: bigint }>(
          `select limit_amount from credit_facilities where customer_id = $1 and product = 'cash-loan'`,
          [clean],
        )
      ).rows[0]?.limit_amount;
    expect(await facility()).toBe(2_000_000n);

    // The same proposal again, as text: the one already waiting, and the command that approves it.
    const text = await run(set(clean, approvedCash, '60000.00', '0.15'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`override ${overrideId} waits for a second person`);
    expect(text.stdout).toContain(
      `credence loan facility approve ${overrideId} --customer ${clean} --product cash_loan --key <their admin key>`,
    );

    const approve = (key: string) =>
      json([
        'loan',
        'facility',
        'approve',
        overrideId,
        '--customer',
        clean,
        '--product',
        'cash_loan',
        '--key',
        key,
      ]);
    const byMaker = await approve(t.keys.admin);
    expect(byMaker.code).toBe(4);
    expect(byMaker.body.error.errors).toEqual([
      expect.objectContaining({ field: 'checker', rule: 'maker-checker' }),
    ]);
    expect(await facility()).toBe(2_000_000n);

    const bySecond = await approve(secondAdmin);
    expect(bySecond.code).toBe(0);
    expect(bySecond.body).toMatchObject({
      change: 'adjusted',
      override: { id: overrideId, status: 'applied', checker: { name: 'Second Admin' } },
      facility: { limit: '60000.00', apr: '0.15' },
    });
    expect(await facility()).toBe(6_000_000n);
    const again = await approve(secondAdmin);
    expect(again.code).toBe(6);
  });

  it('a pending override can be rejected; the facility keeps its terms', async () => {
    const pending = await json(set(clean, approvedCash, '70000.00', '0.15'));
    expect(pending.body.change).toBe('pending');
    const overrideId = pending.body.override.id as string;
    const rejected = await json([
      ...['loan', 'facility', 'reject', overrideId, '--customer', clean, '--product', 'cash_loan'],
      ...['--note', 'no evidence of the complaint', '--key', secondAdmin],
    ]);
    expect(rejected.code).toBe(0);
    expect(rejected.body.override).toMatchObject({
      status: 'rejected',
      decisionNote: 'no evidence of the complaint',
    });
    const limit = await t.app.db.query<{ limit_amount: bigint }>(
      `select limit_amount from credit_facilities where customer_id = $1 and product = 'cash-loan'`,
      [clean],
    );
    expect(limit.rows[0]?.limit_amount).toBe(6_000_000n);
  });
});
