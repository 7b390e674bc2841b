import { toJson, type Queryable } from '../platform/database/database.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { MonitoringWindow, ShadowReadModel, ShadowRecord } from '../monitoring/index.ts';
import { decisionOutcomeOf } from './decision-columns.ts';
import type { ShadowDecision } from './shadow-decision.ts';

/**
 * Shadow mode's table (`shadow_decisions`, migration 0831): one row per shadowed decision, written after
 * the decision committed, append-only. Writing again for the same decision does nothing.
 */
export async function insertShadowDecision(q: Queryable, shadow: ShadowDecision): Promise<void> {
  const { champion, result } = shadow;
  await q.query(
    `insert into shadow_decisions (customer_id, decision_id, kind, product_code, decision_date, decided_at,
       champion_outcome, champion_limit, champion_apr, champion_score, champion_pd, champion_reasons,
       champion_policy_version_id, champion_model_version,
       shadow_policy_version_id, shadow_policy_checksum, shadow_model_version, shadow_model_hash,
       outcome, limit_amount, apr, daily_rate, score, pd, reasons, error, elapsed_ms, recorded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16, $17, $18,
       $19, $20, $21, $22, $23, $24, $25::jsonb, $26::jsonb, $27, $28)
     on conflict (customer_id, decision_id) do nothing`,
    [
      shadow.customerId,
      shadow.decisionId,
      shadow.kind,
      shadow.productCode,
      shadow.decisionDate,
      shadow.decidedAt,
      champion.outcome,
      champion.limit,
      champion.apr,
      champion.score,
      champion.pd,
      toJson(champion.reasonCodes),
      champion.policyVersionId,
      champion.modelVersion,
      shadow.shadowPolicy?.versionId ?? null,
      shadow.shadowPolicy?.checksum ?? null,
      shadow.shadowModel?.version ?? null,
      shadow.shadowModel?.contentHash ?? null,
      result.ok ? result.outcome : null,
      result.ok ? result.limit : null,
      result.ok ? result.apr : null,
      result.ok ? result.dailyRate : null,
      result.ok ? result.score : null,
      result.ok ? result.pd : null,
      result.ok ? toJson(result.reasons) : null,
      result.ok ? null : toJson(result.error),
      shadow.elapsedMs,
      shadow.recordedAt,
    ],
  );
}

interface ShadowRow {
  decision_id: string;
  customer_id: string;
  decision_date: string;
  product_code: string;
  kind: string;
  champion_outcome: string;
  champion_limit: bigint;
  champion_apr: string | null;
  champion_score: number | null;
  champion_pd: number | null;
  champion_reasons: string[];
  shadow_policy_version_id: string | null;
  shadow_model_version: string | null;
  outcome: string | null;
  limit_amount: bigint | null;
  apr: string | null;
  score: number | null;
  pd: number | null;
  reason_codes: string[] | null;
  error: { stage: string; code: string; message: string } | null;
  elapsed_ms: number;
}

const COLUMNS = `decision_id, customer_id, decision_date::text as decision_date, product_code, kind,
  champion_outcome, champion_limit, champion_apr, champion_score, champion_pd, champion_reasons,
  shadow_policy_version_id, shadow_model_version, outcome, limit_amount, apr, score, pd,
  jsonb_path_query_array(reasons, '$[*].code') as reason_codes, error, elapsed_ms`;

function recordOf(row: ShadowRow): ShadowRecord {
  return {
    decisionId: row.decision_id,
    customerId: row.customer_id,
    decisionDate: row.decision_date as LocalDate,
    productCode: row.product_code,
    kind: row.kind,
    champion: {
      outcome: decisionOutcomeOf(row.champion_outcome),
      limit: fen(row.champion_limit),
      apr: row.champion_apr === null ? null : parseRate(row.champion_apr, 'champion_apr'),
      score: row.champion_score,
      pd: row.champion_pd,
      reasonCodes: row.champion_reasons,
    },
    shadow:
      row.outcome === null
        ? null
        : {
            outcome: decisionOutcomeOf(row.outcome),
            limit: fen(row.limit_amount ?? 0n),
            apr: row.apr === null ? null : parseRate(row.apr, 'apr'),
            score: row.score,
            pd: row.pd,
            reasonCodes: row.reason_codes ?? [],
          },
    error: row.error === null ? null : { stage: row.error.stage, code: row.error.code },
    shadowPolicyVersionId: row.shadow_policy_version_id,
    shadowModelVersion: row.shadow_model_version,
    elapsedMs: Number(row.elapsed_ms),
  };
}

/** Pages through a window's shadow records in (decision_date, decision_id) order (index shadow_decisions_by_date). */
async function* shadowPages(
  q: Queryable,
  window: MonitoringWindow,
  pageSize: number,
): AsyncGenerator<ShadowRecord[]> {
  let after = { date: window.from as string, id: '' };
  for (;;) {
    const result = await q.query<ShadowRow>(
      `select ${COLUMNS} from shadow_decisions
        where decision_date between $1::date and $2::date and ($3::text is null or product_code = $3)
          and (decision_date, decision_id) > ($4::date, $5::text)
        order by decision_date, decision_id limit $6`,
      [window.from, window.to, window.product, after.date, after.id, pageSize],
    );
    if (result.rows.length > 0) yield result.rows.map(recordOf);
    const last = result.rows[result.rows.length - 1];
    if (!last || result.rows.length < pageSize) return;
    after = { date: last.decision_date, id: last.decision_id };
  }
}

/** Monitoring's `ShadowReadModel` over `shadow_decisions`. */
export function createPgShadowReadModel(q: Queryable): ShadowReadModel {
  return { shadowPages: (window, pageSize) => shadowPages(q, window, pageSize) };
}

/** One decision's shadow record (tests and the decision's evidence), or undefined. */
export async function findShadowDecision(
  q: Queryable,
  customerId: string,
  decisionId: string,
): Promise<ShadowRecord | undefined> {
  const result = await q.query<ShadowRow>(
    `select ${COLUMNS} from shadow_decisions where customer_id = $1 and decision_id = $2`,
    [customerId, decisionId],
  );
  const row = result.rows[0];
  return row ? recordOf(row) : undefined;
}
