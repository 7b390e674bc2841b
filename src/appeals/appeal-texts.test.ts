import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { customerStatusText, renderUpholdReasons, windowClosedText } from './appeal-texts.ts';

const base = { resolution: null, slaDueDate: null, recheckAttempts: 0, upholdReasons: null } as const;

describe('what the customer reads', () => {
  it('words each status, with the date it will be answered by', () => {
    expect(customerStatusText({ ...base, status: 'filed' }, null).en).toBe(
      'We have received your appeal and are re-assessing it automatically with your latest details.',
    );
    expect(customerStatusText({ ...base, status: 'filed', recheckAttempts: 1 }, null).zh).toBe(
      '我们的系统暂时无法完成重新评估，恢复后会自动继续，您无需重新提交。',
    );
    expect(
      customerStatusText({ ...base, status: 'queued', slaDueDate: parseLocalDate('2026-11-26') }, null),
    ).toEqual({
      zh: '您的申诉已转人工复核，我们会在2026年11月26日前给您答复。',
      en: 'A person will review your appeal; you will have our answer by 26 Nov 2026.',
    });
    expect(
      customerStatusText(
        { ...base, status: 'resolved', resolution: 'overturned' },
        {
          limit: fen(6_000_000n),
          apr: parseRate('0.1095'),
        },
      ),
    ).toEqual({
      zh: '好消息：申诉成功。您已获批额度¥60,000.00，年化利率10.95%。',
      en: 'Good news: your appeal succeeded. You are approved for CNY 60,000.00 at 10.95% a year.',
    });
    expect(customerStatusText({ ...base, status: 'withdrawn' }, null).en).toBe('You withdrew your appeal.');
  });

  it('renders the reasons an appeal was upheld from typed parameters, refusing unknown codes and bad parameters', () => {
    const reasons = renderUpholdReasons([
      { code: 'DEBT_STILL_OVERDUE', params: { amount: '100000' } },
      { code: 'IDENTITY_NOT_VERIFIED', params: { current: 1, required: 3 } },
      { code: 'RECORD_CONFIRMED_BY_SOURCE', params: { source: 'credit_bureau' } },
    ]);
    expect(reasons.map((r) => r.text.en)).toEqual([
      'When we reviewed it, CNY 1,000.00 was still overdue. You can apply again once it is repaid.',
      'This product needs a bank card in your own name linked to your account; so far you have had your ID number checked against your name. To go on, confirm a phone number registered in your own name, then link a bank card in your own name (we check your name, ID number, card number and the phone number your bank holds); you can apply again once that is done.',
      'We checked with the credit bureau, who confirmed the record is correct.',
    ]);
    expect(reasons[0]?.text.zh).toBe('截至复核时，仍有¥1,000.00逾期未还。还清后可以重新申请。');
    expect(reasons[0]?.params).toEqual({ amount: '100000' });
    const issue = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        if (error instanceof AppError) return error.issues[0];
      }
      return undefined;
    };
    expect(issue(() => renderUpholdReasons([{ code: 'BECAUSE' }]))).toMatchObject({
      field: 'reasons[0].code',
      rule: 'uphold-reason',
    });
    expect(
      issue(() => renderUpholdReasons([{ code: 'DEBT_STILL_OVERDUE', params: { amount: '10.00' } }])),
    ).toMatchObject({
      field: 'reasons[0].params.amount',
      rule: 'integer-fen',
    });
    expect(issue(() => renderUpholdReasons([]))).toMatchObject({ field: 'reasons', rule: 'count-1-4' });
    // The same reason with the same parameters twice is refused; with other parameters it is another reason.
    expect(
      issue(() =>
        renderUpholdReasons([
          { code: 'ORIGINAL_REASONS_STAND' },
          { code: 'EVIDENCE_INSUFFICIENT' },
          { code: 'ORIGINAL_REASONS_STAND', params: {} },
        ]),
      ),
    ).toEqual({
      field: 'reasons[2]',
      rule: 'unique',
      message: 'repeats reasons[0] (ORIGINAL_REASONS_STAND with the same parameters)',
    });
    expect(
      issue(() =>
        renderUpholdReasons([
          { code: 'DEBT_STILL_OVERDUE', params: { amount: '100000' } },
          { code: 'DEBT_STILL_OVERDUE', params: { amount: 100000 } },
        ]),
      ),
    ).toMatchObject({ field: 'reasons[1]', rule: 'unique' });
    expect(
      renderUpholdReasons([
        { code: 'RECORD_CONFIRMED_BY_SOURCE', params: { source: 'credit_bureau' } },
        { code: 'RECORD_CONFIRMED_BY_SOURCE', params: { source: 'lender' } },
      ]).map((reason) => reason.code),
    ).toEqual(['RECORD_CONFIRMED_BY_SOURCE', 'RECORD_CONFIRMED_BY_SOURCE']);
  });

  it('says when the appeal window closed', () => {
    expect(windowClosedText(parseLocalDate('2026-10-01'), parseLocalDate('2026-10-31'), 30).en).toBe(
      'This decision was made on 1 Oct 2026; appeals were open for 30 days, until 31 Oct 2026. You can apply again instead.',
    );
  });
});
