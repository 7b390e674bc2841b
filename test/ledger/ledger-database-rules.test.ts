import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_KINDS, type AccountKind } from '../../src/ledger/account.ts';
import { reversalOf, type JournalEntry } from '../../src/ledger/journal.ts';
import { contractBalances, openAccounts, postJournals, verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { MemoryLedger } from '../../src/ledger/memory-ledger.ts';
import type { Database } from '../../src/platform/database/database.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';

const at = new Date('2026-01-15T02:00:00Z');
const day = '2026-01-15' as LocalDate;

function entry(
  id: string,
  lines: [AccountKind, 'D' | 'C', bigint][],
  contractId = 'k1',
  customerId = 'c1',
): JournalEntry {
  return {
    id,
    customerId,
    contractId,
    sourceKey: `test:${id}`,
    kind: 'test',
    effectiveDate: day,
    description: '',
    lines: lines.map(([kind, side, amount]) => ({ kind, side, amount: amount as Money })),
  };
}

async function refused(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the database to refuse');
}

describe.each(storesUnderTest())('ledger rules enforced by the database ($name)', (store) => {
  async function fresh(): Promise<Database> {
    const db = await store.fresh();
    await openAccounts(db, [{ customerId: 'c1', contractId: 'k1' }], ACCOUNT_KINDS, at);
    await postJournals(
      db,
      [
        entry('j1', [
          ['principal_receivable', 'D', 100_000n],
          ['funding', 'C', 100_000n],
        ]),
      ],
      at,
    );
    return db;
  }

  it('refuses updates, deletes and truncation of journals and postings: corrections are reversals', async () => {
    const db = await fresh();
    expect(await refused(() => db.query('update ledger_postings set amount = 1'))).toMatch(/append-only/);
    expect(await refused(() => db.query('delete from ledger_postings'))).toMatch(/append-only/);
    expect(await refused(() => db.query('update ledger_journals set description = $1', ['x']))).toMatch(
      /append-only/,
    );
    expect(await refused(() => db.query('delete from ledger_journals'))).toMatch(/append-only/);
    expect(await refused(() => db.exec('truncate ledger_postings cascade'))).toMatch(/append-only/);
    const original = entry('j1', [
      ['principal_receivable', 'D', 100_000n],
      ['funding', 'C', 100_000n],
    ]);
    await postJournals(
      db,
      [reversalOf(original, { id: 'j2', sourceKey: 'test:j2', effectiveDate: day, description: 'undo' })],
      at,
    );
    expect(await contractBalances(db, 'c1', 'k1')).toEqual({});
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it('refuses an unbalanced journal at commit and postings added to a journal later', async () => {
    const db = await fresh();
    const unbalanced = await refused(() =>
      db.transaction(async (tx) => {
        await tx.query(
          `insert into ledger_journals (customer_id, id, contract_id, source_key, kind, effective_date, posted_at)
           values ('c1', 'jx', 'k1', 'x', 't', '2026-01-15', now())`,
        );
        await tx.query(
          `insert into ledger_postings values ('c1', 'jx', 1, 'k1', 'funding', 'D', 5, '2026-01-15')`,
        );
      }),
    );
    // The balance check is a deferred trigger that runs at commit; on Citus it runs on the shard at the
    // commit Citus sends it, whose refusal reaches the client as Citus's own message (docs/citus.md). Either
    // way the transaction is rolled back: the journal is not there.
    expect(unbalanced).toMatch(
      store.name === 'citus' ? /could not commit transaction for shard/ : /does not balance/,
    );
    expect(
      (await db.query(`select 1 from ledger_journals where customer_id = 'c1' and id = 'jx'`)).rows,
    ).toEqual([]);
    const late = await refused(() =>
      db.query(
        `insert into ledger_postings values ('c1', 'j1', 3, 'k1', 'funding', 'D', 5, '2026-01-15'),
                                           ('c1', 'j1', 4, 'k1', 'fee_income', 'C', 5, '2026-01-15')`,
      ),
    );
    expect(late).toMatch(/transaction that created it/);
    const orphan = await refused(() =>
      db.query(
        `insert into ledger_postings values ('c1', 'nope', 1, 'k1', 'funding', 'D', 5, '2026-01-15'),
                                           ('c1', 'nope', 2, 'k1', 'fee_income', 'C', 5, '2026-01-15')`,
      ),
    );
    expect(orphan).toMatch(/transaction that created it/);
    const noAccount = await refused(() =>
      postJournals(
        db,
        [
          entry(
            'j5',
            [
              ['funding', 'D', 5n],
              ['fee_income', 'C', 5n],
            ],
            'no-such-contract',
          ),
        ],
        at,
      ),
    );
    expect(noAccount).toMatch(/account that does not exist/);
    const badKind = await refused(() =>
      db.query(
        `insert into ledger_accounts (customer_id, contract_id, kind, normal_side, created_at) values ('c1', 'k9', 'funding', 'C', now())`,
      ),
    );
    expect(badKind).toMatch(/not an account kind with normal side C/);
    expect((await verifyLedger(db)).journals).toBe(1);
  });

  it('refuses cached balances edited directly, a receivable going negative, and a source booked twice', async () => {
    const db = await fresh();
    expect(await refused(() => db.query('update ledger_accounts set balance = 0, debit_total = 0'))).toMatch(
      /only by posting/,
    );
    expect(
      await refused(() =>
        postJournals(
          db,
          [
            entry('j3', [
              ['funding', 'D', 100_001n],
              ['principal_receivable', 'C', 100_001n],
            ]),
          ],
          at,
        ),
      ),
    ).toMatch(/below zero/);
    expect(
      await refused(() =>
        postJournals(
          db,
          [
            {
              ...entry('j4', [
                ['funding', 'D', 1n],
                ['fee_income', 'C', 1n],
              ]),
              sourceKey: 'test:j1',
            },
          ],
          at,
        ),
      ),
    ).toMatch(/already booked/);
    expect(await contractBalances(db, 'c1', 'k1')).toEqual({
      principal_receivable: 100_000n,
      funding: -100_000n,
    });
  });

  it('refuses an account opened with balances and any edit of the chart of kinds (else the audit is fooled)', async () => {
    const db = await fresh();
    const seeded = await refused(() =>
      db.query(
        `insert into ledger_accounts (customer_id, contract_id, kind, normal_side, debit_total, credit_total,
                                      balance, posting_count, created_at)
         values ('c1', 'k2', 'principal_receivable', 'D', 1000, 0, 1000, 1, now())`,
      ),
    );
    expect(seeded).toMatch(/opens at zero/);
    // With non_negative switched off, a receivable could go below zero and verifyLedger (which reads the
    // same table) would not notice: the rules of a kind are fixed once inserted.
    expect(
      await refused(() =>
        db.query(`update ledger_account_kinds set non_negative = false where kind = 'principal_receivable'`),
      ),
    ).toMatch(/append-only/);
    expect(
      await refused(() => db.query(`delete from ledger_account_kinds where kind = 'fee_income'`)),
    ).toMatch(/append-only/);
    expect(await refused(() => db.exec('truncate ledger_account_kinds'))).toMatch(/append-only/);
    expect(await refused(() => db.exec('truncate loan_events'))).toMatch(/append-only/);
    expect(await refused(() => db.exec('truncate credit_facility_changes'))).toMatch(/append-only/);
    // A product may still add a kind of its own.
    await db.query(
      `insert into ledger_account_kinds (kind, normal_side, non_negative, description)
       values ('late_fee_receivable', 'D', true, 'late fees charged, not yet paid')`,
    );
    expect(
      await refused(() =>
        postJournals(
          db,
          [
            entry('j6', [
              ['funding', 'D', 100_001n],
              ['principal_receivable', 'C', 100_001n],
            ]),
          ],
          at,
        ),
      ),
    ).toMatch(/below zero/);
    expect(await verifyLedger(db)).toMatchObject({ ok: true, cacheMismatches: [], negativeBalances: [] });
  });

  it('property: random workloads leave the database equal to the reference ledger, every invariant intact', async () => {
    const kinds = fc.constantFrom(...ACCOUNT_KINDS);
    const line = fc.record({ debit: kinds, credit: kinds, amount: fc.bigInt({ min: 1n, max: 50_000n }) });
    const op = fc.record({
      contract: fc.constantFrom('k1', 'k2'),
      customer: fc.constantFrom('c1', 'c2'),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      corrupt: fc.constantFrom(false, false, false, true),
    });
    // One migrated schema for every run (a new one per run migrated from scratch, ≈ 1 s of CPU each): each
    // run books its own customers (`r<run>-c1`, `r<run>-c2`), so it sees only its own accounts, and the
    // whole ledger — every earlier run's journals too — must still verify after each of its postings.
    const db = await store.fresh();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        run += 1;
        const customerOf = (customer: string) => `r${run}-${customer}`;
        const reference = new MemoryLedger();
        await openAccounts(
          db,
          ['c1', 'c2'].flatMap((customer) =>
            ['k1', 'k2'].map((contractId) => ({ customerId: customerOf(customer), contractId })),
          ),
          ACCOUNT_KINDS,
          at,
        );
        for (const [index, o] of ops.entries()) {
          const lines: [AccountKind, 'D' | 'C', bigint][] = o.lines.flatMap((l) => [
            [l.debit, 'D', l.amount] as [AccountKind, 'D', bigint],
            [l.credit, 'C', l.amount + (o.corrupt ? 1n : 0n)] as [AccountKind, 'C', bigint],
          ]);
          const candidate = entry(`r${run}j${index}`, lines, o.contract, customerOf(o.customer));
          let memoryOk = true;
          try {
            reference.post([candidate]);
          } catch {
            memoryOk = false;
          }
          let databaseOk = true;
          try {
            await db.transaction((tx) => postJournals(tx, [candidate], at));
          } catch {
            databaseOk = false;
          }
          // The database refuses exactly what the reference refuses.
          expect(databaseOk).toBe(memoryOk);
          const verification = await verifyLedger(db);
          expect(verification.ok).toBe(true);
        }
        for (const customer of ['c1', 'c2']) {
          for (const contract of ['k1', 'k2']) {
            expect(await contractBalances(db, customerOf(customer), contract)).toEqual(
              reference.contractBalances(customerOf(customer), contract),
            );
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
