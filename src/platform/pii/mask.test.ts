import { describe, expect, it } from 'vitest';
import { containsRawPii, maskCard, maskIdNumber, maskPhone, scrubPii } from './mask.ts';

describe('PII masking', () => {
  it('masks each identifier to its documented shape', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskCard('6222 0202 0011 2233 445')).toBe('**** 3445');
  });

  it('scrubs identifiers out of free text, and leaves decimals and ordinary numbers alone', () => {
    const text = 'id=11010519491231002X phone 13812345678, card 6222020200112233445.';
    expect(scrubPii(text)).toBe('id=110105********002X phone 138****5678, card **** 3445.');
    expect(containsRawPii(text)).toBe(true);
    const numbers = 'ratio 0.4444444444444444 pd 0.13812345678 amount 123456789012 ts 1795392000000';
    expect(scrubPii(numbers)).toBe(numbers);
    expect(containsRawPii(numbers)).toBe(false);
  });
});
