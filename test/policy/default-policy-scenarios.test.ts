import { describe, expect, it } from 'vitest';
import { fen } from '../../src/platform/money/money.ts';
import { parseRate, toExactRateString } from '../../src/platform/money/rate.ts';
import { decideWithPolicy, type PolicyInput } from '../../src/policy/policy-inputs.ts';
import { renderPolicyReasons } from '../../src/policy/policy-reasons.ts';
import { applicant, defaultPolicy, normalAppetite, product } from './fixtures.ts';

/**
 * The default policy, case by case, with the exact figures worked out by hand from
 * `policies/default/credit-policy.json` (see docs/policy.md for the stages).
 */
function decide(input: PolicyInput) {
  const { result, evaluation } = decideWithPolicy(defaultPolicy, input);
  const reasons = renderPolicyReasons(input, result);
  return {
    outcome: result.outcome,
    limit: result.limit,
    computedLimit: result.computedLimit,
    apr: toExactRateString(result.apr),
    codes: result.reasons.map((reason) => reason.code),
    en: reasons.map((reason) => reason.text.en),
    zh: reasons.map((reason) => reason.text.zh),
    matched: Object.fromEntries(evaluation.trace.map((entry) => [entry.nodeId, entry.matched])),
  };
}

describe('default policy: an established applicant with a good score', () => {
  it('is approved for ¥30,000 at 10.95% (score band 700–750 × income ¥8,000–20,000)', () => {
    const decision = decide(applicant());
    expect(decision).toMatchObject({ outcome: 'approved', limit: fen(3_000_000n), apr: '0.1095', codes: [] });
    expect(decision.matched).toEqual({
      request: [],
      cutoffs: ['co-cash-loan'],
      prepare: [],
      knockouts: [],
      limits: ['lm-s4-i3'],
      pricing: ['pr-cash-loan-s4'],
      ramp: ['rp-established'],
      decide: [],
      'limit-reasons': [],
      decision: [],
    });
  });

  it('says what is less than asked for: ¥50,000 requested, ¥30,000 offered', () => {
    const decision = decide(applicant({ requestedAmount: fen(5_000_000n) }));
    expect(decision.outcome).toBe('approved');
    expect(decision.codes).toEqual(['LIMIT_BELOW_REQUEST']);
    expect(decision.en).toEqual(['You asked for CNY 50,000.00; we can offer CNY 30,000.00 for now.']);
    expect(decision.zh).toEqual(['您申请了¥50,000.00，目前我们能提供¥30,000.00。']);
  });
});

describe('default policy: knock-outs', () => {
  it('declines multi-head borrowing: 7 applications in 30 days against a maximum of 5', () => {
    const decision = decide(applicant({ inquiries30d: 7 }));
    expect(decision).toMatchObject({ outcome: 'declined', limit: fen(0n), computedLimit: fen(3_000_000n) });
    expect(decision.codes).toEqual(['MULTI_HEAD_BORROWING']);
    expect(decision.en).toEqual([
      'You made 7 applications for loans or credit cards in the last 30 days; we accept at most 5. Holding off on new applications helps.',
    ]);
    expect(decision.zh).toEqual([
      '近30天内您提交了7次贷款或信用卡申请，我们最多接受5次；暂停新的申请会有帮助。',
    ]);
    expect(decision.matched.knockouts).toEqual(['ko-multi-head']);
  });

  it('accepts exactly 5 applications (the threshold is >= 6)', () => {
    expect(decide(applicant({ inquiries30d: 5 })).outcome).toBe('approved');
    expect(decide(applicant({ inquiries30d: 6 })).codes).toEqual(['MULTI_HEAD_BORROWING']);
  });

  it('declines a low score: 580 against the cash loan cut-off of 600', () => {
    const decision = decide(applicant({ score: 580 }));
    expect(decision.outcome).toBe('declined');
    expect(decision.en).toEqual(['Your credit score is 580; this product currently needs at least 600.']);
    expect(decision.zh).toEqual(['您的信用评分为580，该产品目前要求至少600。']);
  });

  it('declines an unverified phone for the credit line (L1 against the required L2)', () => {
    const decision = decide(
      applicant({ productType: 'credit_line', product: product('credit_line'), verificationLevel: 1 }),
    );
    expect(decision.codes).toEqual(['VERIFICATION_LEVEL_TOO_LOW']);
    expect(decision.en).toEqual([
      'This product needs a phone number registered in your own name; so far you have had your ID number checked against your name. To go on, confirm a phone number registered in your own name.',
    ]);
  });

  it('declines a thin file for a first limit: 2 months of history against 3', () => {
    const decision = decide(applicant({ isNewUser: true, onTimeCycles: 0, historyMonths: 2 }));
    expect(decision.codes).toEqual(['THIN_FILE']);
    expect(decision.en).toEqual([
      'Your credit history covers 2 months so far; a first application needs at least 3 months.',
    ]);
  });

  it('declines overdue debt elsewhere, naming the amount', () => {
    const decision = decide(applicant({ overdueAmountElsewhere: fen(35_000n) }));
    expect(decision.codes).toEqual(['OVERDUE_ELSEWHERE']);
    expect(decision.en).toEqual([
      'Your credit report shows CNY 350.00 overdue with other lenders; once it is repaid you can apply again.',
    ]);
    expect(decision.zh).toEqual(['征信记录显示您在其他机构有¥350.00逾期未还，还清后可以重新申请。']);
  });

  it('declines an age outside the product range (17 against 18–60)', () => {
    const decision = decide(applicant({ age: 17 }));
    expect(decision.codes).toEqual(['AGE_OUTSIDE_RANGE']);
    expect(decision.en).toEqual(['This product is for people aged 18 to 60; you are 17.']);
  });

  it('ranks several knock-outs in the policy order: blocklist, hold, multi-head', () => {
    const decision = decide(applicant({ inquiries30d: 9, hasActiveHold: true, blocklisted: true }));
    expect(decision.codes).toEqual(['BLOCKLISTED', 'ACTIVE_RISK_HOLD', 'MULTI_HEAD_BORROWING']);
  });

  it('declines when nothing knocks out but the limit is below the product minimum (debts eat the income)', () => {
    const decision = decide(
      applicant({
        productType: 'credit_line',
        product: product('credit_line'),
        monthlyIncome: fen(300_000n),
        monthlyDebtPayments: fen(200_000n),
      }),
    );
    expect(decision).toMatchObject({ outcome: 'declined', computedLimit: fen(0n) });
    expect(decision.codes).toEqual(['LIMIT_BELOW_PRODUCT_MINIMUM']);
    expect(decision.en).toEqual([
      "The limit we can offer, CNY 0.00, is below this product's minimum of CNY 500.00.",
    ]);
  });
});

describe('default policy: tightened risk appetite (cut-off +40, limits × 0.75)', () => {
  const tightened = { ...normalAppetite, name: 'downturn', cutoffRaise: 40, limitScale: parseRate('0.75') };

  it('declines a score that passes the usual cut-off but not the tightened one', () => {
    const decision = decide(applicant({ score: 620, appetite: tightened }));
    expect(decision.codes).toEqual(['POLICY_TIGHTENED']);
    expect(decision.en).toEqual([
      'We have tightened our lending: this product now needs a credit score of at least 640 instead of 600, and yours is 620.',
    ]);
  });

  it('scales the limit: ¥30,000 × 0.75 = ¥22,500, and says why', () => {
    const decision = decide(applicant({ appetite: tightened }));
    expect(decision).toMatchObject({ outcome: 'approved', limit: fen(2_250_000n) });
    expect(decision.codes).toEqual(['LIMIT_REDUCED_BY_RISK_APPETITE']);
    expect(decision.en).toEqual([
      'We have tightened our lending: limits are set at 75% of the usual, giving you CNY 22,500.00.',
    ]);
  });
});

describe('default policy: limits', () => {
  it('starts a new user at the first-limit cap (¥5,000) and ramps with on-time cycles', () => {
    const ramp = [0, 3, 6, 12].map((cycles) =>
      decide(applicant({ isNewUser: true, onTimeCycles: cycles, historyMonths: 12 })),
    );
    expect(ramp.map((decision) => decision.limit)).toEqual([
      fen(500_000n),
      fen(1_000_000n),
      fen(2_000_000n),
      fen(3_000_000n),
    ]);
    expect(ramp.map((decision) => decision.codes)).toEqual([
      ['NEW_USER_RAMP'],
      ['NEW_USER_RAMP'],
      ['NEW_USER_RAMP'],
      [],
    ]);
    expect(ramp[0]?.en).toEqual([
      'New customers start with a limit of CNY 5,000.00; each month you repay on time helps it grow.',
    ]);
  });

  it('caps the limit by the debt-service ratio: (¥6,000 × 50% − ¥2,500) × 10 = ¥5,000', () => {
    const decision = decide(applicant({ monthlyIncome: fen(600_000n), monthlyDebtPayments: fen(250_000n) }));
    expect(decision).toMatchObject({ outcome: 'approved', limit: fen(500_000n) });
    expect(decision.codes).toEqual(['LIMIT_CAPPED_BY_DEBT_SERVICE']);
    expect(decision.en).toEqual([
      'With a monthly income of CNY 6,000.00 and CNY 2,500.00 of monthly repayments already, your limit is CNY 5,000.00.',
    ]);
  });

  it('refers a score in the 30-point band above the cut-off (615) for manual review, priced at 18.25%', () => {
    const decision = decide(applicant({ score: 615 }));
    expect(decision).toMatchObject({ outcome: 'referred', limit: fen(1_000_000n), apr: '0.1825' });
    expect(decision.codes).toEqual(['REFERRED_FOR_REVIEW']);
  });

  it('prices by score band within the product range: 7.3% at 800 for both products', () => {
    expect(decide(applicant({ score: 800 })).apr).toBe('0.073');
    expect(
      decide(applicant({ score: 800, productType: 'credit_line', product: product('credit_line') })).apr,
    ).toBe('0.073');
  });
});
