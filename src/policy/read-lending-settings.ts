import type { LocalDate } from '../platform/time/local-date.ts';
import { productOn, type LendingSettings } from './lending-settings.ts';
import * as repository from './policy.pg.ts';
import type { PolicyDeps } from './policy-ports.ts';
import type { Product } from './products.ts';

/** The lending settings (every dated product, cap, appetite and assignment), cached for a few seconds. */
export async function lendingSettings(deps: Pick<PolicyDeps, 'db' | 'caches'>): Promise<LendingSettings> {
  const { db } = deps;
  return deps.caches.settings(async () => {
    const [products, legalRateCaps, riskAppetite, assignments, collectionStrategies] = await Promise.all([
      repository.listProducts(db),
      repository.listLegalRateCaps(db),
      repository.listRiskAppetite(db),
      repository.listAssignments(db),
      repository.listCollectionStrategies(db),
    ]);
    return { products, legalRateCaps, riskAppetite, assignments, collectionStrategies };
  });
}

/**
 * The products a policy version effective from `date` will decide: those whose assignment (from that
 * date on) names it as champion or challenger, in force on that date; every product when none does yet.
 */
export async function productsDecidedBy(
  deps: Pick<PolicyDeps, 'db' | 'caches'>,
  name: string,
  date: LocalDate,
): Promise<Product[]> {
  const current = await lendingSettings(deps);
  const assigned = new Set(
    current.assignments
      .filter((assignment) => assignment.championPolicy === name || assignment.challengerPolicy === name)
      .map((assignment) => assignment.productCode),
  );
  const codes = [...new Set(current.products.map((entry) => entry.product.code))].filter(
    (code) => assigned.size === 0 || assigned.has(code),
  );
  const products: Product[] = [];
  for (const code of codes) {
    const entry = productOn(current.products, code, date);
    if (entry) products.push(entry.product);
  }
  return products;
}
