import { describe, expect, it } from 'vitest';
import { REASON_CODES, REASON_STAGE } from '../policy/index.ts';
import { DECLINE_CODES, renderDeclineReasons } from './referral-texts.ts';

describe('decline reasons of a referral review come from the policies’ catalogue', () => {
  it('offers every knock-out of the catalogue, and nothing else', () => {
    expect([...DECLINE_CODES].sort()).toEqual(
      REASON_CODES.filter((code) => REASON_STAGE[code] === 'knockout').sort(),
    );
  });

  it('renders a reason with its typed parameters, as an automatic decline would read', () => {
    const [reason] = renderDeclineReasons([
      { code: 'SCORE_BELOW_CUTOFF', params: { score: 587, cutoff: 600 } },
    ]);
    expect(reason).toMatchObject({
      code: 'SCORE_BELOW_CUTOFF',
      kind: 'review',
      params: { score: 587, cutoff: 600 },
    });
    expect(reason?.text.en).toContain('587');
    expect(reason?.text.en).toContain('600');
  });

  it('names the field and the rule of a bad reason', () => {
    const issue = (inputs: Parameters<typeof renderDeclineReasons>[0]) => {
      try {
        renderDeclineReasons(inputs);
      } catch (error) {
        return (error as { issues: { field: string; rule: string }[] }).issues[0];
      }
      return undefined;
    };
    expect(issue([])).toMatchObject({ field: 'reasons', rule: 'count-1-4' });
    expect(issue([{ code: 'REFERRED_FOR_REVIEW' }])).toMatchObject({
      field: 'reasons[0].code',
      rule: 'catalogue',
    });
    expect(issue([{ code: 'THIN_FILE', params: { historyMonths: 3 } }])).toMatchObject({
      field: 'reasons[0].params.requiredMonths',
      rule: 'whole-number',
    });
    expect(issue([{ code: 'BLOCKLISTED', params: { why: 'x' } }])).toMatchObject({
      field: 'reasons[0].params.why',
      rule: 'unknown-param',
    });
    expect(issue([{ code: 'BLOCKLISTED' }, { code: 'BLOCKLISTED' }])).toMatchObject({
      field: 'reasons[1].code',
      rule: 'unique',
    });
  });
});
