import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { contractFor, DEFAULT_LOAN_PRODUCT } from './loan-contract.ts';
import { loanReminders } from './loan-messages.ts';
import { advance, initialState } from './servicing.ts';

describe('loan reminders: the amount is the one the system bills', () => {
  it('for any loan, basis and method, each reminder of the first due date names the instalment billed on it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 20_000_000 }),
        fc.constantFrom('0.0365', '0.0725', '0.18', '0.2399'),
        fc.constantFrom(3, 6, 12),
        fc.constantFrom('equal-installment' as const, 'equal-principal' as const, 'interest-first' as const),
        fc.constantFrom('daily' as const, 'monthly' as const),
        fc.integer({ min: 0, max: 364 }),
        (principal, apr, term, method, basis, offset) => {
          const contract = contractFor(
            { ...DEFAULT_LOAN_PRODUCT, basis },
            {
              loanId: 'ln_1',
              customerId: 'cus_1',
              facilityId: 'fac_1',
              principal: BigInt(principal) as Money,
              apr: parseRate(apr),
              term,
              method,
              startDate: addDays('2026-01-01' as LocalDate, offset),
            },
          );
          const due = contract.dueDates[0] as LocalDate;
          const billed = advance(contract, initialState(contract), due).state.instalments[0];
          expect(billed).toBeDefined();
          for (const [kind, days] of [
            ['due_in_3_days', 3],
            ['due_tomorrow', 1],
            ['due_today', 0],
          ] as const) {
            // The night before the notice day: the state through notice day − 1.
            const noticeDay = addDays(due, -days);
            const eve = advance(contract, initialState(contract), addDays(noticeDay, -1)).state;
            const [reminder] = loanReminders(contract, eve, noticeDay).filter((d) => d.content.kind === kind);
            expect(reminder?.content.params).toMatchObject({
              amountDue: (billed!.principal + billed!.interest) as Money,
              dueDate: due,
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
