import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FacilityProduct } from '../../src/lending/facilities/facility.ts';
import { parseMoney } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { parseLendingSettings } from '../../src/policy/index.ts';
import { DEFAULT_SETTINGS_FILE } from '../../src/policy/policy-files.node.ts';
import type { TestApp } from '../support/app.ts';

/**
 * The set-up HTTP suites of loans and lines need: the shipped products and legal cap (without the policy
 * assignments), which a drawdown and a line's opening check again, and a facility opened as an approved decision opens it
 * (in process — `PUT …/facilities/{product}` is an audited override of a recorded decision, not a set-up
 * shortcut).
 */
export async function openFacilityForTest(
  t: TestApp,
  input: { customerId: string; product: FacilityProduct; limit: string; apr: string; decisionId: string },
): Promise<void> {
  const settings = JSON.parse(readFileSync(DEFAULT_SETTINGS_FILE, 'utf8')) as Record<string, unknown>;
  await t.app.services.policies.loadSettings(parseLendingSettings({ ...settings, assignments: [] }));
  await t.app.services.facilities.openOrAdjustFacility({
    customerId: input.customerId,
    product: input.product,
    limit: parseMoney(input.limit, 'limit'),
    apr: parseRate(input.apr, 'apr'),
    decisionId: input.decisionId,
  });
}

/**
 * The shipped settings' products and legal cap, without the policy assignments (which need the default
 * policy loaded first), as a file for `credence policy settings load` in CLI suites.
 */
export function productsOnlySettingsFile(): string {
  const settings = JSON.parse(readFileSync(DEFAULT_SETTINGS_FILE, 'utf8')) as Record<string, unknown>;
  const path = join(mkdtempSync(join(tmpdir(), 'credence-settings-')), 'settings.json');
  writeFileSync(path, JSON.stringify({ ...settings, assignments: [] }));
  return path;
}

/**
 * A customer row (when none) and a bound card ending `last4` for a customer id used without the customers
 * service: pay-outs of money held go to a bound card through the provider (the sandbox: …1234 succeeds).
 */
export async function bindCardForTest(
  db: Pick<TestApp['app']['db'], 'query'>,
  customerId: string,
  cardId: string,
  last4 = '1234',
): Promise<void> {
  const at = new Date('2026-01-01T00:00:00Z');
  await db.query(
    `insert into customers (customer_id, external_id, name_enc, name_key_id, id_number_enc, id_number_key_id,
       id_number_bidx, phone_enc, phone_key_id, phone_bidx, birth_date, sex, region_code, created_at)
     values ($1, $1, '\\x00', 'k1', '\\x00', 'k1', repeat('a', 64), '\\x00', 'k1', repeat('b', 64),
       '1990-01-01', 'female', '110105', $2)
     on conflict do nothing`,
    [customerId, at],
  );
  await db.query(
    `insert into customer_cards (customer_id, card_id, card_enc, card_key_id, card_bidx, last4, added_at)
     values ($1, $2, '\\x00', 'k1', repeat('c', 64), $3, $4)`,
    [customerId, cardId, last4, at],
  );
}
