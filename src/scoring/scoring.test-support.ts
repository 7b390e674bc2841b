import { subsetDataset } from './dataset.ts';
import type { Scorecard } from './scorecard.ts';
import { seededUniform, syntheticCreditData } from './synthetic-data.ts';
import { DEFAULT_TRAINING, trainScorecard, type TrainingResult } from './train.ts';

let cached: TrainingResult | undefined;

/**
 * A real scorecard for tests: trained on 4,000 synthetic applicants (seed 11) with a 25% holdout, the
 * special value −1 of `ontime_rate_12m` and labels for two features. Deterministic; trained once per file.
 */
export function smallTraining(): TrainingResult {
  if (cached) return cached;
  const data = syntheticCreditData(4000, seededUniform(11));
  const rows = Array.from({ length: data.rows }, (_, i) => i);
  cached = trainScorecard(
    {
      train: subsetDataset(
        data,
        rows.filter((i) => i % 4 !== 0),
      ),
      holdout: subsetDataset(
        data,
        rows.filter((i) => i % 4 === 0),
      ),
      target: { column: 'bad', bad: '1', good: ['0'], chosen: 'given' },
      version: 'test-small',
      trainedAt: '2026-11-22T02:00:00.000Z',
    },
    {
      ...DEFAULT_TRAINING,
      features: {
        ontime_rate_12m: {
          special: [-1],
          label: { zh: '近12个月按时还款率', en: 'on-time repayment rate (12 months)' },
        },
        monthly_income: { label: { zh: '月收入', en: 'monthly income' } },
      },
    },
  );
  return cached;
}

export function smallCard(): Scorecard {
  return smallTraining().card;
}
