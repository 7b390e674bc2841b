import { describe, expect, it } from 'vitest';
import { createPiiVault } from '../../src/identity/pii-vault.ts';
import { toFeatureRecord } from '../../src/customers/features/compute.ts';
import { parseLabelWindow } from '../../src/customers/features/feature-table.ts';
import { populationFeatureTable } from '../../src/demo/population/population-features.ts';
import { FEATURES } from '../../src/customers/features/definitions.ts';
import { generatePopulation } from '../../src/demo/population/population.ts';
import { storePopulation } from '../../src/demo/population/population-store.ts';
import { testPiiConfig } from '../../src/platform/config/config.ts';
import { pgliteStore } from '../support/stores.ts';
import { customerServiceOn } from './support/service.ts';

/**
 * One code path: a population written to the database and read back gives the same features through the
 * snapshot (serving) and the training rows (training) as the in-memory table computed from the columns.
 */
describe('serving equals training', () => {
  it('snapshot, database training rows and the in-memory table agree for every customer and feature', async () => {
    const population = generatePopulation({ customers: 24, months: 12, seed: 5 });
    const { service, db } = await customerServiceOn(pgliteStore);
    await storePopulation(db, createPiiVault(testPiiConfig()), population, {
      receivedAt: new Date('2026-11-01T00:00:00Z'),
    });
    const asOf = new Date('2026-06-30T08:00:00Z');
    const window = parseLabelWindow('3m');
    const table = populationFeatureTable(population, { asOf, labelWindow: window });

    const fromDb = new Map<string, { features: Record<string, unknown>; bad: number }>();
    const written = await service.trainingRows(asOf, window, (customerId, vector, bad) => {
      fromDb.set(customerId, { features: toFeatureRecord(vector), bad });
    });
    expect(written).toBe(table.customerIds.length);
    expect(written).toBeGreaterThan(10);

    for (const [row, customerId] of table.customerIds.entries()) {
      const expected: Record<string, unknown> = {};
      for (const feature of FEATURES) {
        if (feature.unit === 'category')
          expected[feature.name] = table.categorical[feature.name]?.[row] ?? null;
        else {
          const value = table.numeric[feature.name]?.[row] ?? NaN;
          expected[feature.name] = Number.isNaN(value) ? null : value;
        }
      }
      expect(fromDb.get(customerId)).toEqual({ features: expected, bad: table.bad[row] });
      const snapshot = await service.getSnapshot(customerId, asOf);
      expect(snapshot.features).toEqual(expected);
    }
  });
});
