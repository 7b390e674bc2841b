import { Type } from 'typebox';
import { FenString, MoneyString, Nullable } from '../platform/http/schemas.ts';

const Share = Nullable(Type.String({ description: 'A share, decimal rounded half-even to 6 places.' }));
const Row = Type.Object({ approved: Type.Integer(), declined: Type.Integer(), referred: Type.Integer() });
const PdPair = Type.Object({
  champion: Nullable(Type.Number({ description: 'Mean PD by the champion’s model.' })),
  challenger: Nullable(
    Type.Number({ description: 'Mean PD by the challenger’s (shadow’s, candidate’s) model.' }),
  ),
});
const Bucket = Type.Object({
  from: Nullable(Type.Number({ description: 'Lower bound (inclusive); null: open below.' })),
  to: Nullable(Type.Number({ description: 'Upper bound (exclusive); null: open above.' })),
  count: Type.Integer(),
});

/** The comparison both shadow mode and backtests report (`comparison.ts`). */
export const ComparisonProps = {
  records: Type.Integer({ description: 'Decisions compared (both sides have an outcome).' }),
  matrix: Type.Object(
    { approved: Row, declined: Row, referred: Row },
    { description: 'Rows: the champion’s outcome; columns: the challenger’s.' },
  ),
  agreed: Type.Integer(),
  agreementRate: Share,
  approvalRate: Type.Object({ champion: Share, challenger: Share }),
  swapIns: Type.Object(
    { count: Type.Integer(), expectedBadRate: PdPair },
    {
      description:
        'Approved by the challenger, not by the champion; expected bad rate = mean PD of each model.',
    },
  ),
  swapOuts: Type.Object(
    { count: Type.Integer(), expectedBadRate: PdPair },
    { description: 'Approved by the champion, not by the challenger.' },
  ),
  expectedBadRate: Type.Object(
    {
      champion: Nullable(Type.Number({ description: 'Mean champion PD over the champion’s approvals.' })),
      challenger: Nullable(
        Type.Number({ description: 'Mean challenger PD over the challenger’s approvals.' }),
      ),
    },
    { description: 'Each side’s approved set, by its own model.' },
  ),
  approvedBoth: Type.Object(
    {
      count: Type.Integer(),
      limitHigher: Type.Integer(),
      limitLower: Type.Integer(),
      limitSame: Type.Integer(),
      meanLimitDifference: Nullable(MoneyString('Mean of challenger − champion limits, yuan.')),
      meanLimitDifferenceFen: Nullable(FenString('The same, integer fen.')),
      limitDifferenceBuckets: Type.Array(Bucket, {
        description:
          'Limit differences (challenger − champion) in whole yuan, cut at −10,000, −1,000, 0, 1, 1,000, 10,000.',
      }),
      priceHigher: Type.Integer(),
      priceLower: Type.Integer(),
      priceSame: Type.Integer(),
      priceDifferenceBuckets: Type.Array(Bucket, {
        description:
          'APR differences (challenger − champion) in basis points, cut at −200, −50, 0, 1, 50, 200.',
      }),
    },
    { description: 'Among the decisions both sides approve.' },
  ),
};
