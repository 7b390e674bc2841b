import { createHash } from 'node:crypto';
import { AppError } from '../platform/errors/app-error.ts';
import { fen, toDecimalString } from '../platform/money/money.ts';
import {
  addDays,
  addMonths,
  businessDateOf,
  startOfBusinessDate,
  type LocalDate,
} from '../platform/time/local-date.ts';
import { BUREAU_EVENT_SOURCE, type BureauReport } from './bureau.ts';
import type { CreditBureau } from './bureau-ports.ts';

export const SANDBOX_BUREAU_NAME = 'sandbox-bureau';

/** The sandbox's history starts at this date for every person (so the same record is the same event). */
const ANCHOR: LocalDate = '2025-01-01' as LocalDate;

export interface SandboxBureauOptions {
  /** Customers for whom the bureau is down (UNAVAILABLE), like a payment processor's test cards. */
  readonly unavailable?: ReadonlySet<string>;
  /** Customers the bureau has no file for (an empty report). */
  readonly noFile?: ReadonlySet<string>;
}

/**
 * A deterministic credit bureau for tests and demos. Each person's file is a function of their customer
 * id alone: 0–3 other lenders (from the id's SHA-256), each with a loan application inquiry, a loan opened
 * on a date after 2025-01-01, monthly instalments (one lender in four pays one of them 12 days late) and,
 * for some, a revolving line. A report as of an instant holds the records dated up to it, so two reports
 * of the same person give the same records the same event ids and content (ingestion is idempotent).
 */
export function createSandboxCreditBureau(options: SandboxBureauOptions = {}): CreditBureau {
  return {
    name: SANDBOX_BUREAU_NAME,
    queryReport({ customerId, asOf }) {
      if (options.unavailable?.has(customerId))
        return Promise.reject(new AppError('UNAVAILABLE', 'the credit bureau is not answering (sandbox)'));
      const reportRef = `SBX-${createHash('sha256').update(`${customerId}|${asOf.toISOString()}`).digest('hex').slice(0, 20)}`;
      if (options.noFile?.has(customerId))
        return Promise.resolve({ provider: SANDBOX_BUREAU_NAME, reportRef, events: [] });
      return Promise.resolve(sandboxReport(customerId, asOf, reportRef));
    },
  };
}

function sandboxReport(customerId: string, asOf: Date, reportRef: string): BureauReport {
  const seed = createHash('sha256').update(customerId).digest();
  const byte = (i: number) => seed[i % seed.length] ?? 0;
  const today = businessDateOf(asOf);
  const events: Record<string, unknown>[] = [];
  const at = (date: LocalDate, hour = 10) =>
    new Date(startOfBusinessDate(date).getTime() + hour * 3_600_000).toISOString();
  const push = (id: string, date: LocalDate, fields: Record<string, unknown>) => {
    if (date > today) return;
    events.push({
      eventId: `sbx:${id}`,
      customerId,
      source: BUREAU_EVENT_SOURCE,
      occurredAt: at(date),
      ...fields,
    });
  };
  const lenders = byte(0) % 4;
  for (let i = 0; i < lenders; i += 1) {
    const lender = `Sandbox Bank ${String.fromCharCode(65 + (byte(i + 1) % 26))}`;
    const loanRef = `SBX-L${i + 1}-${seed.toString('hex').slice(0, 8)}`;
    const opened = addDays(ANCHOR, 30 + byte(i + 5) * 2);
    const principal = fen(BigInt((byte(i + 9) % 50) + 1) * 100_000n);
    const term = 12;
    const instalment = fen(principal / BigInt(term) + (principal * 15n) / 1200n);
    push(`${loanRef}:inquiry`, addDays(opened, -1), { type: 'inquiry', lender, kind: 'loan_application' });
    push(`${loanRef}:opened`, opened, {
      type: 'loan_opened',
      scope: 'elsewhere',
      lender,
      loanRef,
      principal: toDecimalString(principal),
    });
    const lateMonth = byte(i + 13) % 4 === 0 ? 1 + (byte(i + 17) % 6) : -1;
    for (let month = 1; month <= term; month += 1) {
      const dueDate = addMonths(opened, month);
      const paidDate = month === lateMonth ? addDays(dueDate, 12) : dueDate;
      // Reported once paid (or, unpaid, the day after it fell due).
      const reportedOn = paidDate <= today ? paidDate : addDays(dueDate, 1);
      push(`${loanRef}:due:${dueDate}`, reportedOn, {
        type: 'repayment',
        scope: 'elsewhere',
        lender,
        loanRef,
        dueDate,
        paidDate: paidDate <= today ? paidDate : null,
        amount: toDecimalString(instalment),
      });
    }
    const closed = addMonths(opened, term);
    push(`${loanRef}:closed`, closed, { type: 'loan_closed', scope: 'elsewhere', lender, loanRef });
    if (byte(i + 21) % 2 === 0) {
      const limit = fen(BigInt((byte(i + 25) % 20) + 1) * 500_000n);
      push(`${loanRef}:line`, addDays(opened, 10), {
        type: 'credit_line',
        scope: 'elsewhere',
        lender,
        lineRef: `${loanRef}-C`,
        limit: toDecimalString(limit),
        balance: toDecimalString(fen((limit * BigInt(byte(i + 29) % 100)) / 100n)),
      });
    }
  }
  events.sort((a, b) => (String(a.eventId) < String(b.eventId) ? -1 : 1));
  return { provider: SANDBOX_BUREAU_NAME, reportRef, events };
}
