import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { moneyFromJson } from '../../platform/money/money.ts';
import type { SandboxBook, SandboxBookEntry } from './sandbox-payment-provider.ts';

/**
 * The sandbox provider's book kept in a file, one JSON line per payment answered, written and synced before
 * the answer is returned (`CREDENCE_SANDBOX_PAYMENTS_FILE`). Our process can then be killed at any point —
 * after the provider moved the money and before we recorded its answer — and the next process finds the
 * payment by its id, as a real provider would: the kill -9 day-end test compares the provider's movements
 * of a killed and restarted run with an uninterrupted one. A torn last line (a kill mid-write) is ignored:
 * that payment's answer was never returned, as if the provider had not received it.
 */
export function fileSandboxBook(path: string): SandboxBook {
  return {
    load() {
      if (!existsSync(path)) return [];
      const entries: SandboxBookEntry[] = [];
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        let raw: {
          paymentId: string;
          customerId: string;
          direction: string;
          amount: string;
          status: unknown;
        };
        try {
          raw = JSON.parse(line) as typeof raw;
        } catch {
          continue;
        }
        entries.push({
          paymentId: raw.paymentId,
          customerId: raw.customerId,
          direction: raw.direction === 'payout' ? 'payout' : 'collect',
          amount: moneyFromJson(raw.amount, 'sandbox book amount'),
          status: raw.status as SandboxBookEntry['status'],
        });
      }
      return entries;
    },
    append(entry) {
      const fd = openSync(path, 'a');
      try {
        writeSync(fd, `${JSON.stringify({ ...entry, amount: entry.amount.toString() })}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}
