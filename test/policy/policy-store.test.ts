import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { toExactRateString } from '../../src/platform/money/rate.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { parseLendingSettings } from '../../src/policy/lending-settings.ts';
import {
  installDefaultPolicies,
  DEFAULT_POLICY_FILE,
  readJsonFile,
} from '../../src/policy/policy-files.node.ts';
import { createChangeService } from '../../src/policy/change-service.ts';
import { createPolicyService, type PolicyLoadResult } from '../../src/policy/policy-service.ts';
import { storesUnderTest } from '../support/stores.ts';

const date = parseLocalDate;

async function faultOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no fault');
}

/** A copy of the default policy with the multi-head threshold raised from 6 to 8. */
async function looserPolicy(): Promise<unknown> {
  const content = structuredClone(await readJsonFile(DEFAULT_POLICY_FILE)) as {
    nodes: Array<{ id: string; content?: { rules?: Array<Record<string, string>> } }>;
  };
  const knockouts = content.nodes.find((node) => node.id === 'knockouts');
  const row = knockouts?.content?.rules?.find((rule) => rule._id === 'ko-multi-head');
  if (!row) throw new Error('fixture');
  row.ko_inq = '>= 8';
  row.ko_threshold = '7';
  return content;
}

for (const store of storesUnderTest()) {
  describe(`policy versions and lending settings on ${store.name}`, () => {
    async function service() {
      const db = await store.fresh();
      const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
      const ids = createIdGenerator(clock, seededRandomBytes(7));
      const policies = createPolicyService({ db, clock, ids, cacheMs: 0 });
      const changes = createChangeService({
        db,
        clock,
        ids,
        policies,
        models: {
          status: () => Promise.reject(new Error('no models here')),
          activate: () => Promise.reject(new Error('no models here')),
          forget: () => undefined,
        },
      });
      /** Four-eyes: a second person approves a submitted version. */
      const approve = async (loaded: PolicyLoadResult) => {
        await changes.approve(loaded.change?.id ?? '', { id: 'key_checker', name: 'second analyst' });
      };
      return { db, clock, policies, approve };
    }

    it('loads versions with effective dates, idempotently, and finds the one in force on a date', async () => {
      const { policies, approve } = await service();
      const installed = await installDefaultPolicies(policies);
      expect(installed.policy).toMatchObject({
        created: true,
        version: { name: 'default', version: 1, effectiveFrom: '2026-01-01' },
      });
      expect(installed.settings).toEqual({
        products: 2,
        legalRateCaps: 1,
        riskAppetite: 1,
        assignments: 2,
        collectionStrategies: 0,
      });
      const again = await installDefaultPolicies(policies);
      expect(again.policy).toMatchObject({ created: false, version: { id: installed.policy.version.id } });

      const second = await policies.load({
        name: 'default',
        effectiveFrom: date('2027-03-01'),
        content: await looserPolicy(),
        description: 'multi-head 8',
      });
      expect(second).toMatchObject({
        created: true,
        version: { version: 2, description: 'multi-head 8', status: 'pending_approval' },
      });
      // Submitted, not in force until a second person approves it.
      expect((await policies.inForce('default', date('2027-03-01')))?.version).toBe(1);
      await approve(second);
      expect((await policies.inForce('default', date('2027-02-28')))?.version).toBe(1);
      expect((await policies.inForce('default', date('2027-03-01')))?.version).toBe(2);
      expect(await policies.inForce('default', date('2025-12-31'))).toBeUndefined();
      expect((await policies.list()).map((version) => [version.name, version.version])).toEqual([
        ['default', 1],
        ['default', 2],
      ]);
      const stored = await policies.get(second.version.id);
      expect(stored.content).toEqual(await looserPolicy());
      expect(stored.warnings).toEqual(installed.policy.version.warnings);
    });

    it('diffs two stored versions', async () => {
      const { policies } = await service();
      const first = (await installDefaultPolicies(policies)).policy.version;
      const second = (
        await policies.load({
          name: 'default',
          effectiveFrom: date('2027-03-01'),
          content: await looserPolicy(),
        })
      ).version;
      const { diff } = await policies.diff(first.id, second.id);
      expect(diff.nodesChanged).toEqual([
        {
          id: 'knockouts',
          name: 'Knock-outs',
          kind: 'decisionTable',
          changes: [
            {
              change: 'row-changed',
              rowId: 'ko-multi-head',
              cells: [
                { columnId: 'ko_inq', columnName: 'Credit applications, 30 days', from: '>= 6', to: '>= 8' },
                { columnId: 'ko_threshold', columnName: 'Threshold', from: '5', to: '7' },
              ],
            },
          ],
        },
      ]);
    });

    it('refuses a policy outside the subset without writing anything', async () => {
      const { policies } = await service();
      const broken = structuredClone(await looserPolicy()) as { nodes: Array<{ type: string }> };
      broken.nodes.push({
        type: 'functionNode',
        id: 'js',
        name: 'Script',
        position: { x: 0, y: 0 },
      } as never);
      const fault = await faultOf(() =>
        policies.load({ name: 'default', effectiveFrom: date('2026-01-01'), content: broken }),
      );
      expect(fault.code).toBe('VALIDATION_FAILED');
      expect(fault.issues[0]).toMatchObject({ field: 'policy.nodes.js', rule: 'unsupported-node' });
      expect(await policies.list()).toEqual([]);
      expect((await faultOf(() => policies.get('pol_01JD3ZK6Q8W4M2X9T7B5N1R0AE'))).code).toBe('NOT_FOUND');
    });

    it('resolves product, arm, version, appetite and legal cap for a decision; champion/challenger by customer', async () => {
      const { policies, approve } = await service();
      await installDefaultPolicies(policies);
      await approve(
        await policies.load({
          name: 'loose',
          effectiveFrom: date('2026-01-01'),
          content: await looserPolicy(),
        }),
      );
      const resolved = await policies.resolve({
        productCode: 'cash_loan',
        customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
        date: date('2026-11-22'),
      });
      expect(resolved).toMatchObject({
        arm: 'champion',
        version: { name: 'default', version: 1 },
        product: { code: 'cash_loan' },
      });
      expect(toExactRateString(resolved.legalCap!.annualRate)).toBe('0.24');
      expect(resolved.appetite.name).toBe('normal');

      const settings = parseLendingSettings({
        riskAppetite: [
          { effectiveFrom: '2026-12-01', name: 'downturn', cutoffRaise: 40, limitScale: '0.75' },
        ],
        assignments: [
          {
            productCode: 'cash_loan',
            effectiveFrom: '2026-12-01',
            championPolicy: 'default',
            challengerPolicy: 'loose',
            challengerShareBps: 10000,
          },
        ],
      });
      await policies.loadSettings(settings);
      const later = await policies.resolve({
        productCode: 'cash_loan',
        customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
        date: date('2026-12-01'),
      });
      expect(later).toMatchObject({
        arm: 'challenger',
        version: { name: 'loose' },
        appetite: { name: 'downturn', cutoffRaise: 40 },
      });
      const before = await policies.resolve({
        productCode: 'cash_loan',
        customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
        date: date('2026-11-30'),
      });
      expect(before.arm).toBe('champion');

      expect(
        (
          await faultOf(() =>
            policies.resolve({ productCode: 'mortgage', customerId: 'cus_x', date: date('2026-11-22') }),
          )
        ).code,
      ).toBe('NOT_FOUND');
      const early = await faultOf(() =>
        policies.resolve({ productCode: 'cash_loan', customerId: 'cus_x', date: date('2025-06-01') }),
      );
      expect(early.code).toBe('NOT_FOUND'); // the product itself starts on 2026-01-01
    });

    it('refuses a later version dated in the past (it would rewrite the days already decided), not a repeat', async () => {
      const { policies, approve } = await service();
      const installed = await installDefaultPolicies(policies);
      const content = await looserPolicy();
      const refused = await faultOf(() =>
        policies.load({ name: 'default', effectiveFrom: date('2026-11-21'), content }),
      );
      expect(refused.code).toBe('VALIDATION_FAILED');
      expect(refused.issues).toEqual([
        {
          field: 'effectiveFrom',
          rule: 'not-in-past',
          message:
            'a new version of "default" takes effect today (2026-11-22) or later, not 2026-11-21: version 1 has been in force since 2026-01-01',
        },
      ]);
      expect((await policies.list()).map((version) => version.version)).toEqual([1]);
      // The installed version again (same graph, same date) is still the existing version, not a refusal.
      const again = await installDefaultPolicies(policies);
      expect(again.policy.version.id).toBe(installed.policy.version.id);
      // Today is allowed, and the new version is in force from now on.
      const today = await policies.load({ name: 'default', effectiveFrom: date('2026-11-22'), content });
      expect(today.version.version).toBe(2);
      await approve(today);
      expect((await policies.inForce('default', date('2026-11-22')))?.version).toBe(2);
      expect((await policies.inForce('default', date('2026-11-21')))?.version).toBe(1);
    });

    it('numbers concurrent loads of one name without gaps or duplicates', async () => {
      const { policies } = await service();
      const content = await readJsonFile(DEFAULT_POLICY_FILE);
      const results = await Promise.all(
        ['2026-12-01', '2027-01-01', '2027-02-01'].map((effective) =>
          policies.load({ name: 'default', effectiveFrom: date(effective), content }),
        ),
      );
      expect(results.map((result) => result.version.version).sort()).toEqual([1, 2, 3]);
    });
  });
}
