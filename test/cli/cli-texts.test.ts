import { describe, expect, it } from 'vitest';
import { failureText } from '../../src/cli/runtime.ts';
import { parseReason } from '../../src/appeals/appeals.cli.ts';
import { renderUpholdReasons } from '../../src/appeals/appeal-texts.ts';
import { asOfText } from '../../src/customers/customers.cli.ts';
import { validateValue, validationText } from '../../src/identity/kyc.cli.ts';
import { AppError } from '../../src/platform/errors/app-error.ts';

describe('CLI texts', () => {
  it('Given a refusal whose one issue repeats its message, When printed, Then the words appear once, with the rule', () => {
    expect(failureText(AppError.invalid('--role', 'one-of', 'role must be one of app, reviewer'))).toBe(
      'error [VALIDATION_FAILED]: --role: role must be one of app, reviewer (one-of)\n',
    );
    const conflict = new AppError('CONFLICT', 'an appeal that is queued cannot be decided', {
      issues: [{ field: 'status', rule: 'status', message: 'an appeal that is queued cannot be decided' }],
    });
    expect(failureText(conflict)).toBe(
      'error [CONFLICT]: an appeal that is queued cannot be decided (status)\n',
    );
    // Issues the message does not state are still listed, one a line.
    const two = new AppError('VALIDATION_FAILED', 'the request has 2 problems', {
      issues: [
        { field: 'a', rule: 'r1', message: 'first' },
        { field: 'b', rule: 'r2', message: 'second' },
      ],
    });
    expect(failureText(two)).toBe(
      'error [VALIDATION_FAILED]: the request has 2 problems\n  - a: first (r1)\n  - b: second (r2)\n',
    );
  });

  it('kyc validate without --json prints a line a person reads', () => {
    expect(validationText(validateValue('id', '11010519491231002X', false))).toBe(
      'ID number 110105********002X: valid (born 1949-12-31, female)',
    );
    expect(validationText(validateValue('phone', '+86 138 1234 5678', false))).toBe(
      'phone 138****5678: valid',
    );
    expect(validationText(validateValue('card', '4111111111111112', false))).toBe(
      'bank card: invalid — CARD_CHECKSUM_INVALID',
    );
  });

  it('features states its as-of as a Shanghai business date, not a UTC instant', () => {
    // --as-of 2026-05-01 means the end of that business date in Shanghai: 15:59:59.999Z.
    expect(asOfText(new Date('2026-05-01T15:59:59.999Z'))).toBe('the end of 2026-05-01 (Asia/Shanghai)');
    expect(asOfText(new Date('2026-05-01T04:00:00Z'))).toBe('2026-05-01 12:00:00 Asia/Shanghai');
  });

  it('--reason amounts are yuan like --limit, sent in fen; a missing amount is named as missing', () => {
    expect(parseReason('DEBT_STILL_OVERDUE:amount=2000.00')).toEqual({
      code: 'DEBT_STILL_OVERDUE',
      params: { amount: '200000' },
    });
    expect(parseReason('IDENTITY_NOT_VERIFIED:current=1,required=3')).toEqual({
      code: 'IDENTITY_NOT_VERIFIED',
      params: { current: 1, required: 3 },
    });
    expect(() => parseReason('DEBT_STILL_OVERDUE:amount=200000x')).toThrow(
      /--reason DEBT_STILL_OVERDUE amount/,
    );
    const missing = (() => {
      try {
        renderUpholdReasons([{ code: 'DEBT_STILL_OVERDUE', params: {} }]);
      } catch (error) {
        return error as AppError;
      }
      return undefined;
    })();
    expect(missing?.issues).toEqual([
      {
        field: 'reasons[0].params.amount',
        rule: 'required',
        message: 'the overdue amount is missing: give params.amount in fen, e.g. "200000" for ¥2,000.00',
      },
    ]);
    expect(missing?.message).not.toContain('"" is not an integer number of fen');
  });
});
