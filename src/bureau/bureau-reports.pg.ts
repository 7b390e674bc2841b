import type { Queryable } from '../platform/database/database.ts';
import { moneyFromDb } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type {
  BureauReportStore,
  NegativeNotice,
  RecordDisposition,
  ReportRun,
  StoredReportRecord,
} from './bureau-ports.ts';
import type { AccountStatusCode } from './report-layout.ts';

/** Storage of reporting runs, their records and the advance notices (migration 0823). */

interface RunRow {
  month: string;
  layout_version: string;
  month_end: string;
  status: 'running' | 'reported';
  started_at: Date;
  finished_at: Date | null;
  file_name: string | null;
  file_sha256: string | null;
  records: number | null;
  held: number | null;
  without_consent: number | null;
}

const RUN_COLUMNS = `month, layout_version, month_end::text as month_end, status, started_at, finished_at, file_name,
  file_sha256, records, held, without_consent`;

const num = (value: number | null): number | null => (value === null ? null : Number(value));

function runOf(row: RunRow): ReportRun {
  return {
    month: row.month,
    layoutVersion: row.layout_version,
    monthEnd: row.month_end as LocalDate,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    records: num(row.records),
    held: num(row.held),
    withoutConsent: num(row.without_consent),
  };
}

interface RecordRow {
  customer_id: string;
  month: string;
  account_id: string;
  account_type: 'loan' | 'line';
  disposition: RecordDisposition;
  account_status: AccountStatusCode;
  balance: bigint;
  overdue_amount: bigint;
  days_past_due: number;
  notice_occasion: string | null;
}

const RECORD_COLUMNS = `customer_id, month, account_id, account_type, disposition, account_status, balance,
  overdue_amount, days_past_due, notice_occasion`;

function recordOf(row: RecordRow): StoredReportRecord {
  return {
    customerId: row.customer_id,
    month: row.month,
    accountId: row.account_id,
    accountType: row.account_type,
    disposition: row.disposition,
    accountStatus: row.account_status,
    balance: moneyFromDb(row.balance, 'bureau_report_records.balance'),
    overdueAmount: moneyFromDb(row.overdue_amount, 'bureau_report_records.overdue_amount'),
    daysPastDue: Number(row.days_past_due),
    noticeOccasion: row.notice_occasion,
  };
}

interface NoticeRow {
  customer_id: string;
  account_id: string;
  overdue_since: string;
  overdue_amount: bigint;
  notified_at: Date;
  report_not_before: string;
  notice_days: number;
}

const NOTICE_COLUMNS = `customer_id, account_id, overdue_since::text as overdue_since, overdue_amount, notified_at,
  report_not_before::text as report_not_before, notice_days`;

function noticeOf(row: NoticeRow): NegativeNotice {
  return {
    customerId: row.customer_id,
    accountId: row.account_id,
    overdueSince: row.overdue_since as LocalDate,
    overdueAmount: moneyFromDb(row.overdue_amount, 'bureau_negative_notices.overdue_amount'),
    notifiedAt: row.notified_at,
    reportNotBefore: row.report_not_before as LocalDate,
    noticeDays: Number(row.notice_days),
  };
}

export function createPgBureauReportStore(): BureauReportStore {
  return {
    async findRun(q, month) {
      const result = await q.query<RunRow>(`select ${RUN_COLUMNS} from bureau_report_runs where month = $1`, [
        month,
      ]);
      const [row] = result.rows;
      return row ? runOf(row) : undefined;
    },
    async listRuns(q) {
      const result = await q.query<RunRow>(
        `select ${RUN_COLUMNS} from bureau_report_runs order by month desc`,
      );
      return result.rows.map(runOf);
    },
    async startRun(q, run) {
      await q.query(
        `insert into bureau_report_runs (month, layout_version, month_end, status, started_at)
         values ($1, $2, $3, 'running', $4) on conflict (month) do nothing`,
        [run.month, run.layoutVersion, run.monthEnd, run.startedAt],
      );
      const result = await q.query<RunRow>(`select ${RUN_COLUMNS} from bureau_report_runs where month = $1`, [
        run.month,
      ]);
      const [row] = result.rows;
      if (!row) throw new Error(`bureau_report_runs: ${run.month} not found after insert`);
      return runOf(row);
    },
    async lockRun(tx, month) {
      const result = await tx.query<RunRow>(
        `select ${RUN_COLUMNS} from bureau_report_runs where month = $1 for update`,
        [month],
      );
      const [row] = result.rows;
      return row ? runOf(row) : undefined;
    },
    async finishRun(tx, month, r) {
      await tx.query(
        `update bureau_report_runs set status = 'reported', finished_at = $2, file_name = $3, file_sha256 = $4,
                records = $5, held = $6, without_consent = $7
          where month = $1 and status = 'running'`,
        [month, r.finishedAt, r.fileName, r.fileSha256, r.records, r.held, r.withoutConsent],
      );
    },
    async insertRecords(tx, records) {
      if (records.length === 0) return;
      const column = <T>(of: (record: StoredReportRecord) => T) => records.map(of);
      await tx.query(
        `insert into bureau_report_records (${RECORD_COLUMNS})
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                              $7::bigint[], $8::bigint[], $9::int[], $10::text[])`,
        [
          column((r) => r.customerId),
          column((r) => r.month),
          column((r) => r.accountId),
          column((r) => r.accountType),
          column((r) => r.disposition),
          column((r) => r.accountStatus),
          column((r) => r.balance.toString()),
          column((r) => r.overdueAmount.toString()),
          column((r) => r.daysPastDue),
          column((r) => r.noticeOccasion),
        ],
      );
    },
    async reportedBetween(q, accountIds, from, to) {
      if (accountIds.length === 0) return [];
      const result = await q.query<RecordRow>(
        `select ${RECORD_COLUMNS} from bureau_report_records
          where account_id = any($1::text[]) and month between $2 and $3 and disposition = 'reported'`,
        [accountIds, from, to],
      );
      return result.rows.map(recordOf);
    },
    async recordsOf(q, customerId) {
      const result = await q.query<RecordRow>(
        `select ${RECORD_COLUMNS} from bureau_report_records where customer_id = $1 order by month desc, account_id`,
        [customerId],
      );
      return result.rows.map(recordOf);
    },
    async findNotice(q, customerId, accountId, overdueSince) {
      const result = await q.query<NoticeRow>(
        `select ${NOTICE_COLUMNS} from bureau_negative_notices
          where customer_id = $1 and account_id = $2 and overdue_since = $3`,
        [customerId, accountId, overdueSince],
      );
      const [row] = result.rows;
      return row ? noticeOf(row) : undefined;
    },
    async insertNotice(tx, n) {
      const result = await tx.query(
        `insert into bureau_negative_notices
           (customer_id, account_id, overdue_since, overdue_amount, notified_at, report_not_before, notice_days)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
        [
          n.customerId,
          n.accountId,
          n.overdueSince,
          n.overdueAmount,
          n.notifiedAt,
          n.reportNotBefore,
          n.noticeDays,
        ],
      );
      return result.rowCount > 0;
    },
    async noticesOf(q: Queryable, customerId) {
      const result = await q.query<NoticeRow>(
        `select ${NOTICE_COLUMNS} from bureau_negative_notices where customer_id = $1 order by notified_at`,
        [customerId],
      );
      return result.rows.map(noticeOf);
    },
  };
}
