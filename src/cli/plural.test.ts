import { describe, expect, it } from 'vitest';
import { counted } from './plural.ts';

describe('counted', () => {
  it('Given counts of 0, 1 and 2, When written, Then the noun agrees (no "(s)" / "(ies)")', () => {
    expect(counted(0, 'facility', 'facilities')).toBe('0 facilities');
    expect(counted(1, 'facility', 'facilities')).toBe('1 facility');
    expect(counted(2, 'row')).toBe('2 rows');
    expect(counted(1n, 'event')).toBe('1 event');
    expect(counted(12_000, 'customer')).toBe('12,000 customers');
  });
});
