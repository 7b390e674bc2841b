import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { LendingSettings } from './lending-settings.ts';
import * as repository from './policy.pg.ts';
import type { PolicyDeps, SettingsLoadReport } from './policy-ports.ts';
import { settingsLoadIssues } from './settings-checks.ts';

/**
 * Checks and stores dated settings in an open transaction (existing dates of the future are replaced):
 * the loader of `loadLendingSettings` and of an approved settings change.
 */
export async function applyLendingSettings(
  deps: Pick<PolicyDeps, 'clock'>,
  tx: Queryable,
  value: LendingSettings,
): Promise<void> {
  const loadedAt = deps.clock.now();
  // One settings load at a time, so the checks below see what the writes will replace.
  await repository.lockPolicyName(tx, ':lending-settings');
  // In turn: one transaction is one connection.
  const products = await repository.listProducts(tx);
  const legalRateCaps = await repository.listLegalRateCaps(tx);
  const riskAppetite = await repository.listRiskAppetite(tx);
  const assignments = await repository.listAssignments(tx);
  const collectionStrategies = await repository.listCollectionStrategies(tx);
  // Only approved versions decide: an assignment may not name a policy still waiting for its approval.
  const versions = (await repository.listPolicyVersions(tx)).filter(
    (version) => version.status === 'approved',
  );
  const issues = settingsLoadIssues(
    { products, legalRateCaps, riskAppetite, assignments, collectionStrategies },
    value,
    versions,
    deps.clock.today(),
  );
  if (issues.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `lending settings refused (${issues.length} error${issues.length === 1 ? '' : 's'}): ${issues
        .slice(0, 5)
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join('; ')}`,
      { issues },
    );
  }
  for (const entry of value.products) await repository.upsertProduct(tx, entry, loadedAt);
  for (const cap of value.legalRateCaps) await repository.upsertLegalRateCap(tx, cap, loadedAt);
  for (const setting of value.riskAppetite) await repository.upsertRiskAppetite(tx, setting, loadedAt);
  for (const assignment of value.assignments) await repository.upsertAssignment(tx, assignment, loadedAt);
  for (const strategy of value.collectionStrategies ?? [])
    await repository.upsertCollectionStrategy(tx, strategy, loadedAt);
}

/** Loads lending settings in a transaction of their own (the settings file, the demo) and forgets the cache. */
export async function loadLendingSettings(
  deps: PolicyDeps,
  value: LendingSettings,
): Promise<SettingsLoadReport> {
  await deps.db.transaction((tx) => applyLendingSettings(deps, tx, value));
  deps.caches.clear();
  return {
    products: value.products.length,
    legalRateCaps: value.legalRateCaps.length,
    riskAppetite: value.riskAppetite.length,
    assignments: value.assignments.length,
    collectionStrategies: value.collectionStrategies?.length ?? 0,
  };
}
