import { ACCOUNT_KINDS } from '../src/ledger/account.ts';
import type { JournalEntry } from '../src/ledger/journal.ts';
import { openAccounts, postJournals, verifyLedger } from '../src/ledger/ledger.pg.ts';
import type { Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import type { Money } from '../src/platform/money/money.ts';
import type { LocalDate } from '../src/platform/time/local-date.ts';
import { quantile, type BenchSuite, type Measurement } from './harness.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_ledger';
const CONTRACTS = 10_000;
const CONNECTIONS = 32;

let sequence = 0;

/** A balanced two-line entry on contract `index`: a repayment-like move between funding and a receivable. */
function entry(index: number, kind: string): JournalEntry {
  sequence += 1;
  const id = `jrn_${sequence.toString().padStart(26, '0')}`;
  return {
    id,
    customerId: `cus_${index}`,
    contractId: `k_${index}`,
    sourceKey: `${kind}:${id}`,
    kind,
    effectiveDate: '2026-11-22' as LocalDate,
    description: '',
    lines: [
      { kind: 'principal_receivable', side: 'D', amount: (1_000n + BigInt(sequence % 997)) as Money },
      { kind: 'funding', side: 'C', amount: (1_000n + BigInt(sequence % 997)) as Money },
    ],
  };
}

async function prepare(): Promise<Database> {
  const admin = await openPostgres({ connectionString: POSTGRES_URL, max: 1 });
  await admin.exec(`drop schema if exists ${SCHEMA} cascade`);
  await admin.close();
  const db = await openPostgres({ connectionString: POSTGRES_URL, schema: SCHEMA, max: CONNECTIONS + 2 });
  await migrate(db);
  const at = new Date();
  for (let offset = 0; offset < CONTRACTS; offset += 2000) {
    const contracts = Array.from({ length: 2000 }, (_, i) => ({
      customerId: `cus_${offset + i}`,
      contractId: `k_${offset + i}`,
    }));
    await openAccounts(db, contracts, ACCOUNT_KINDS, at);
  }
  return db;
}

/**
 * `connections` workers post single entries back to back for `ms`; returns entries/s and latencies. Each
 * worker picks a random contract, so concurrent postings mostly touch different accounts, as customers do.
 */
async function singlePostings(
  db: Database,
  ms: number,
  post: (e: JournalEntry) => Promise<void>,
): Promise<{ rate: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + ms;
  let random = 12345;
  const next = () => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random % CONTRACTS;
  };
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        await post(entry(next(), 'single'));
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  void db;
  return {
    rate: (latencies.length / elapsed) * 1000,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

const suite: BenchSuite = {
  name: 'ledger',
  description: 'journal postings on PostgreSQL: single entries over 32 connections, and batched',
  async run(log) {
    const db = await prepare();
    const at = new Date();
    try {
      // Warm up the pool, then let the planner see the tables as a running ledger's are (autovacuum would
      // analyse them soon; a fresh schema has no statistics and plans its first queries for empty tables).
      await singlePostings(db, 1500, (e) => postJournals(db, [e], at));
      await db.exec('analyze');

      // Ours: one statement per entry (journal and lines by data-modifying CTEs, balances by the statement trigger).
      const ours = await singlePostings(db, 10_000, (e) => postJournals(db, [e], at));
      log(
        `single, one statement: ${ours.rate.toFixed(0)}/s, p50 ${ours.p50.toFixed(1)} ms, p99 ${ours.p99.toFixed(1)} ms`,
      );

      // Peer: the textbook way — an explicit transaction, the journal row, each line, and a balance UPDATE per line.
      const peer = await singlePostings(db, 10_000, (e) =>
        db.transaction(async (tx) => {
          await tx.query(
            `insert into ledger_journals (customer_id, id, contract_id, source_key, kind, effective_date, posted_at)
             values ($1, $2, $3, $4, $5, $6, $7)`,
            [e.customerId, e.id, e.contractId, e.sourceKey, e.kind, e.effectiveDate, at],
          );
          for (const [index, line] of e.lines.entries()) {
            await tx.query(
              `insert into ledger_postings (customer_id, journal_id, line_no, contract_id, kind, side, amount, effective_date)
               values ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [
                e.customerId,
                e.id,
                index + 1,
                e.contractId,
                line.kind,
                line.side,
                line.amount,
                e.effectiveDate,
              ],
            );
          }
        }),
      );
      log(
        `single, statement by statement in a transaction: ${peer.rate.toFixed(0)}/s, p99 ${peer.p99.toFixed(1)} ms`,
      );

      // Batched: 1,000 entries per statement, four statements in flight.
      const batches = 40;
      const started = performance.now();
      for (let round = 0; round < batches / 4; round += 1) {
        await Promise.all(
          Array.from({ length: 4 }, (_, worker) =>
            postJournals(
              db,
              Array.from({ length: 1000 }, (_, i) =>
                entry((round * 4000 + worker * 1000 + i) % CONTRACTS, 'batch'),
              ),
              at,
            ),
          ),
        );
      }
      const batchedRate = ((batches * 1000) / (performance.now() - started)) * 1000;
      log(`batched: ${batchedRate.toFixed(0)} entries/s (${(batchedRate * 2).toFixed(0)} posting lines/s)`);

      const verification = await verifyLedger(db);
      log(
        `after the run: ${verification.journals} journals, ledger ${verification.ok ? 'sound' : 'NOT SOUND'}`,
      );

      const measurements: Measurement[] = [
        {
          metric: 'single postings, 32 connections',
          unit: 'entries/s',
          ours: ours.rate,
          peer: peer.rate,
          peerName: 'statement-by-statement transaction',
          higherIsBetter: true,
          target: '≥ 1,500/s',
          met: ours.rate >= 1500,
        },
        {
          metric: 'single postings, p99 latency',
          unit: 'ms',
          ours: ours.p99,
          peer: peer.p99,
          peerName: 'statement-by-statement transaction',
          higherIsBetter: false,
          target: '≤ 50 ms',
          met: ours.p99 <= 50,
        },
        {
          metric: 'batched postings (1,000 per statement)',
          unit: 'entries/s',
          ours: batchedRate,
          peer: ours.rate,
          peerName: 'single postings',
          higherIsBetter: true,
          target: '≥ 10,000/s',
          met: batchedRate >= 10_000,
        },
        {
          metric: 'ledger sound after the run',
          unit: 'ok',
          ours: verification.ok ? 1 : 0,
          higherIsBetter: true,
          target: 'every invariant',
          met: verification.ok,
        },
      ];
      return measurements;
    } finally {
      await db.exec(`drop schema if exists ${SCHEMA} cascade`).catch(() => undefined);
      await db.close();
    }
  },
};

export default suite;
