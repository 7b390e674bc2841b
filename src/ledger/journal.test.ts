import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { ACCOUNT_KINDS, balanceEffect } from './account.ts';
import { canonicalJson, requestHash } from './idempotency.ts';
import { linesForBalanceChange, reversalOf, validateEntry, type JournalEntry } from './journal.ts';
import { MemoryLedger } from './memory-ledger.ts';

const base = (lines: JournalEntry['lines'], id = 'j1'): JournalEntry => ({
  id,
  customerId: 'c',
  contractId: 'k',
  sourceKey: id,
  kind: 'test',
  effectiveDate: '2026-01-01' as LocalDate,
  description: '',
  lines,
});
const m = (value: bigint) => value as Money;

describe('journal entries', () => {
  it('refuses fewer than two lines, non-positive amounts and unbalanced entries, naming the rule', () => {
    expect(() => validateEntry(base([{ kind: 'funding', side: 'D', amount: m(1n) }]))).toThrow(
      /at least two lines/,
    );
    expect(() =>
      validateEntry(
        base([
          { kind: 'funding', side: 'D', amount: m(0n) },
          { kind: 'fee_income', side: 'C', amount: m(0n) },
        ]),
      ),
    ).toThrow(/above zero/);
    expect(() =>
      validateEntry(
        base([
          { kind: 'funding', side: 'D', amount: m(2n) },
          { kind: 'fee_income', side: 'C', amount: m(1n) },
        ]),
      ),
    ).toThrow(/does not balance/);
  });

  it('a reversal undoes the original exactly', () => {
    const ledger = new MemoryLedger();
    const original = base([
      { kind: 'principal_receivable', side: 'D', amount: m(500n) },
      { kind: 'funding', side: 'C', amount: m(500n) },
    ]);
    ledger.post([original]);
    ledger.post([
      reversalOf(original, {
        id: 'j2',
        sourceKey: 'j2',
        effectiveDate: original.effectiveDate,
        description: '',
      }),
    ]);
    expect(ledger.contractBalances('c', 'k')).toEqual({});
    expect(ledger.totals()).toEqual({ debits: 1000n, credits: 1000n });
  });

  it('a refused batch changes nothing in the memory ledger, and a source is booked once', () => {
    const ledger = new MemoryLedger();
    const good = base([
      { kind: 'principal_receivable', side: 'D', amount: m(5n) },
      { kind: 'funding', side: 'C', amount: m(5n) },
    ]);
    const overdraw = base(
      [
        { kind: 'funding', side: 'D', amount: m(6n) },
        { kind: 'principal_receivable', side: 'C', amount: m(6n) },
      ],
      'j2',
    );
    expect(() => ledger.post([good, overdraw])).toThrow(/below zero/);
    expect(ledger.journals).toHaveLength(0);
    ledger.post([good]);
    expect(() => ledger.post([good])).toThrow(/already booked/);
    expect(ledger.checkCache()).toEqual([]);
  });

  it('property: lines for any change of balances that keeps the identity always balance and reproduce the change', () => {
    const balances = fc.record(
      Object.fromEntries(ACCOUNT_KINDS.map((kind) => [kind, fc.bigInt({ min: 0n, max: 10n ** 12n })])),
    );
    fc.assert(
      fc.property(balances, balances, (a, b) => {
        // Make both sides satisfy Σ debit-normal = Σ credit-normal by adjusting funding (not constrained ≥ 0).
        const fix = (x: Record<string, bigint>) => {
          let net = 0n;
          for (const kind of ACCOUNT_KINDS)
            if (kind !== 'funding') net += balanceEffect(kind, 'D', x[kind] ?? 0n);
          return { ...x, funding: -net } as unknown as Record<string, Money>;
        };
        const before = fix(a);
        const after = fix(b);
        const lines = linesForBalanceChange(before, after);
        if (lines.length > 0) validateEntry(base(lines));
        const moved: Record<string, bigint> = {};
        for (const line of lines)
          moved[line.kind] = (moved[line.kind] ?? 0n) + balanceEffect(line.kind, line.side, line.amount);
        for (const kind of ACCOUNT_KINDS)
          expect((before[kind] ?? 0n) + (moved[kind] ?? 0n)).toBe(after[kind] ?? 0n);
      }),
    );
  });
});

describe('idempotency request hashes', () => {
  it('are equal whatever the key order and carry bigints exactly', () => {
    expect(canonicalJson({ b: 1n, a: [2n, { d: 'x', c: null }] })).toBe(
      '{"a":["2",{"c":null,"d":"x"}],"b":"1"}',
    );
    expect(requestHash({ amount: 100n, term: 3 })).toBe(requestHash({ term: 3, amount: 100n }));
    expect(requestHash({ amount: 100n })).not.toBe(requestHash({ amount: 101n }));
  });
});
