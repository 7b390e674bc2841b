import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/customers/features/definitions.ts';
import { populationFeatureTable } from '../../src/demo/population/population-features.ts';
import { generatePopulation, populationEvents } from '../../src/demo/population/population.ts';
import { checkCardNumber } from '../../src/identity/bank-card.ts';
import { checkIdNumber } from '../../src/identity/id-number.ts';
import { checkName } from '../../src/identity/person-name.ts';
import { checkPhone } from '../../src/identity/phone.ts';
import { parseEvent, eventToWire } from '../../src/customers/events/customer-event.ts';
import { auc, designMatrix, fitLogistic, scores, type Design } from '../customers/support/logistic.ts';

const AS_OF = new Date('2026-04-30T16:00:00Z'); // end of 2026-04-30 in Shanghai: 6 months before the history ends

function rows(design: Design, parity: number): Design {
  const picked: number[] = [];
  for (let r = parity; r < design.rows; r += 2) picked.push(r);
  const x = new Float64Array(picked.length * design.width);
  const y = new Uint8Array(picked.length);
  picked.forEach((r, i) => {
    x.set(design.x.subarray(r * design.width, (r + 1) * design.width), i * design.width);
    y[i] = design.y[r] ?? 0;
  });
  return { rows: picked.length, width: design.width, x, y };
}

describe('synthetic population', () => {
  const population = generatePopulation({ customers: 6000, months: 24, seed: 11 });

  it('is the same for the same seed and different for another', () => {
    const again = generatePopulation({ customers: 200, months: 24, seed: 11 });
    const first = generatePopulation({ customers: 200, months: 24, seed: 11 });
    expect(again.customers.map((c) => c.customerId)).toEqual(first.customers.map((c) => c.customerId));
    expect(Array.from(again.columns.time.subarray(0, again.columns.length))).toEqual(
      Array.from(first.columns.time.subarray(0, first.columns.length)),
    );
    const other = generatePopulation({ customers: 200, months: 24, seed: 12 });
    expect(other.customers[0]?.customerId).not.toBe(first.customers[0]?.customerId);
  });

  it('makes identities that pass every check, and events that parse back', () => {
    for (const customer of population.customers.slice(0, 300)) {
      expect(checkIdNumber(customer.idNumber, '2026-11-01' as never).valid).toBe(true);
      expect(checkPhone(customer.phone).valid).toBe(true);
      expect(checkName(customer.name).valid).toBe(true);
      for (const card of customer.cards) expect(checkCardNumber(card.cardNumber).valid).toBe(true);
      for (const event of populationEvents(population, customer)) {
        const parsed = parseEvent(eventToWire(event), { now: population.end, trusted: true });
        expect(parsed.ok, JSON.stringify(eventToWire(event))).toBe(true);
      }
    }
  });

  it('has the documented mix: thin files, multi-head borrowers and fraud-like customers behave as such', () => {
    const table = populationFeatureTable(population, { asOf: AS_OF });
    const bySegment = new Map(population.customers.map((c) => [c.customerId, c.segment]));
    const mean = (name: string, segment: string) => {
      const column = table.numeric[name] ?? new Float64Array();
      let sum = 0;
      let n = 0;
      table.customerIds.forEach((id, i) => {
        const v = column[i] ?? NaN;
        if (bySegment.get(id) === segment && !Number.isNaN(v)) {
          sum += v;
          n += 1;
        }
      });
      return sum / n;
    };
    expect(mean('distinct_lenders_180d', 'multi_head')).toBeGreaterThan(
      2 * mean('distinct_lenders_180d', 'regular'),
    );
    expect(mean('credit_history_months', 'thin_file')).toBeLessThan(mean('credit_history_months', 'regular'));
    expect(mean('risk_holds_active', 'fraud_like')).toBeGreaterThanOrEqual(0);
    const badRate = (segment: string) => {
      let bad = 0;
      let n = 0;
      table.customerIds.forEach((id, i) => {
        if (bySegment.get(id) === segment) {
          n += 1;
          bad += table.bad[i] ?? 0;
        }
      });
      return bad / n;
    };
    expect(badRate('fraud_like')).toBeGreaterThan(0.5);
    expect(badRate('regular')).toBeLessThan(0.2);
    const overall = table.bad.reduce((s, b) => s + b, 0) / table.bad.length;
    expect(overall).toBeGreaterThan(0.08);
    expect(overall).toBeLessThan(0.25);
  });

  it('the label is learnable but not trivially: a logistic scorecard reaches a holdout AUC of 0.75–0.88', () => {
    const table = populationFeatureTable(population, { asOf: AS_OF });
    const names = FEATURES.filter((f) => f.unit !== 'category').map((f) => f.name);
    const design = designMatrix(table, names);
    const weights = fitLogistic(rows(design, 0), 250);
    const holdout = rows(design, 1);
    const area = auc(scores(holdout, weights), holdout.y);
    expect(area).toBeGreaterThan(0.75);
    expect(area).toBeLessThan(0.88);
  });
});
