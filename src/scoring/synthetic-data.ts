import type { Column, Dataset } from './dataset.ts';

/**
 * A synthetic applicant population with a known risk structure, for the benchmark and for tests that
 * need more rows than the real data has. Ten characteristics named as the customer-data context names
 * them, with missing values, a special value, a rare category and non-linear effects (a U-shaped debt
 * ratio), so every part of the binning is exercised. Deterministic for a given random source.
 */

/** A seeded uniform [0, 1) source (mulberry32): deterministic, and never `Math.random`. */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  // Box–Muller; 1 − u avoids log(0).
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function pick<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = random() * total;
  for (let k = 0; k < items.length; k += 1) {
    u -= weights[k] ?? 0;
    if (u < 0) return items[k] as T;
  }
  return items[items.length - 1] as T;
}

export const SYNTHETIC_COLUMNS = [
  'monthly_income',
  'age',
  'inquiries_30d',
  'ontime_rate_12m',
  'utilisation',
  'tenure_months',
  'debt_ratio',
  'home',
  'job',
  'city_tier',
] as const;

const HOMES = ['owner', 'rent', 'parents', 'other', 'company'] as const;
const HOME_WEIGHTS = [40, 35, 15, 9.5, 0.5];
const JOBS = ['fixed', 'freelance', 'partime', 'retired', 'unemployed'] as const;
const JOB_WEIGHTS = [55, 20, 12, 8, 5];
const TIERS = ['tier1', 'tier2', 'tier3', 'tier4', 'tier5'] as const;

/** `rows` synthetic applicants; the target is drawn from a logistic model of the characteristics. */
export function syntheticCreditData(rows: number, random: () => number): Dataset {
  const income = new Float64Array(rows);
  const age = new Float64Array(rows);
  const inquiries = new Float64Array(rows);
  const ontime = new Float64Array(rows);
  const utilisation = new Float64Array(rows);
  const tenure = new Float64Array(rows);
  const debtRatio = new Float64Array(rows);
  const home = new Int32Array(rows);
  const job = new Int32Array(rows);
  const tier = new Int32Array(rows);
  const target = new Uint8Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const a = Math.round(Math.min(70, Math.max(18, 38 + 11 * normal(random))));
    const j = pick(random, [0, 1, 2, 3, 4], JOB_WEIGHTS);
    const inc = Math.round(Math.exp(8.6 + 0.5 * normal(random) + (j === 0 ? 0.25 : j === 4 ? -0.8 : 0)));
    const inq = Math.min(20, Math.floor(-Math.log(1 - random()) * (j === 4 ? 3 : 1.4)));
    const noHistory = random() < 0.05;
    const ot = noHistory
      ? -1
      : Math.round(
          Math.min(1, Math.max(0, 1 - Math.abs(0.08 * normal(random)) - (inq > 4 ? 0.1 : 0))) * 1000,
        ) / 1000;
    const util = Math.round(Math.min(1.5, Math.max(0, 0.35 + 0.3 * normal(random))) * 1000) / 1000;
    const ten = Math.round(Math.min(240, Math.max(0, (a - 18) * 4 * random())));
    const dr = Math.round(Math.max(0, 0.45 + 0.25 * normal(random)) * 1000) / 1000;
    const h = pick(random, [0, 1, 2, 3, 4], HOME_WEIGHTS);
    const t = pick(random, [0, 1, 2, 3, 4], [15, 25, 30, 20, 10]);
    const logit =
      -1.2 -
      0.9 * (Math.log(inc) - 8.6) +
      0.25 * inq -
      (noHistory ? -0.4 : 6 * (ot - 0.92)) +
      1.4 * Math.max(0, util - 0.6) +
      2.2 * (dr - 0.45) ** 2 -
      0.004 * ten -
      0.015 * (a - 38) +
      ([-0.35, 0.15, 0.05, 0.3, 0.6][h] ?? 0) +
      ([0, 0.3, 0.45, -0.2, 0.9][j] ?? 0) +
      0.08 * t +
      0.6 * normal(random);
    target[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    income[i] = random() < 0.08 ? Number.NaN : inc;
    age[i] = a;
    inquiries[i] = inq;
    ontime[i] = ot;
    utilisation[i] = util;
    tenure[i] = ten;
    debtRatio[i] = dr;
    home[i] = random() < 0.01 ? -1 : h;
    job[i] = j;
    tier[i] = t;
  }
  const columns: Column[] = [
    { kind: 'numeric', name: 'monthly_income', values: income },
    { kind: 'numeric', name: 'age', values: age },
    { kind: 'numeric', name: 'inquiries_30d', values: inquiries },
    { kind: 'numeric', name: 'ontime_rate_12m', values: ontime },
    { kind: 'numeric', name: 'utilisation', values: utilisation },
    { kind: 'numeric', name: 'tenure_months', values: tenure },
    { kind: 'numeric', name: 'debt_ratio', values: debtRatio },
    { kind: 'categorical', name: 'home', codes: home, levels: [...HOMES] },
    { kind: 'categorical', name: 'job', codes: job, levels: [...JOBS] },
    { kind: 'categorical', name: 'city_tier', codes: tier, levels: [...TIERS] },
  ];
  return { rows, columns, target };
}
