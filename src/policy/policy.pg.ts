import type { Queryable } from '../platform/database/database.ts';
import { toJson } from '../platform/database/database.ts';
import { parseRate, toExactRateString } from '../platform/money/rate.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import type { PolicyAssignment } from './champion-challenger.ts';
import type { PolicyIssue } from './jdm.ts';
import type { DatedProduct } from './lending-settings.ts';
import { parseProduct, productToJson, type LegalRateCap, type RiskAppetite } from './products.ts';
import type { CollectionStrategy } from '../collections/index.ts';
import type { PolicyVersion, PolicyVersionSummary } from './policy-version.ts';

/**
 * Storage of policy versions and lending settings. Every function takes the executor (database or
 * transaction); the use cases in `policy-service.ts` own the transactions. Rows are mapped to domain types
 * here and never leave this file.
 */

interface PolicyVersionRow {
  id: string;
  name: string;
  version: number;
  effective_from: string;
  description: string;
  checksum: string;
  warnings: unknown;
  loaded_at: Date;
  change_id: string | null;
  change_status: string | null;
  content?: unknown;
}

function parseJsonColumn(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

function toSummary(row: PolicyVersionRow): PolicyVersionSummary {
  return {
    id: row.id,
    name: row.name,
    version: Number(row.version),
    effectiveFrom: parseLocalDate(row.effective_from),
    description: row.description,
    checksum: row.checksum,
    warnings: parseJsonColumn(row.warnings) as PolicyIssue[],
    loadedAt: row.loaded_at,
    status:
      row.change_status === null || row.change_status === 'approved'
        ? 'approved'
        : row.change_status === 'pending'
          ? 'pending_approval'
          : row.change_status === 'rejected'
            ? 'rejected'
            : 'superseded',
    changeId: row.change_id,
  };
}

function toVersion(row: PolicyVersionRow): PolicyVersion {
  return { ...toSummary(row), content: parseJsonColumn(row.content) };
}

/** The version's change request (at most one: a version is submitted once). */
const CHANGE_OF_VERSION = `(select c.%s from change_requests c where c.kind = 'policy' and c.subject = v.id
  order by c.requested_at desc limit 1)`;

const SUMMARY_COLUMNS = `v.id, v.name, v.version, v.effective_from::text as effective_from, v.description,
  v.checksum, v.warnings, v.loaded_at, ${CHANGE_OF_VERSION.replace('%s', 'id')} as change_id,
  ${CHANGE_OF_VERSION.replace('%s', 'status')} as change_status`;

/** In force only when approved, or loaded before four-eyes (no change request). */
const APPROVED = `not exists (select 1 from change_requests c where c.kind = 'policy' and c.subject = v.id
  and c.status <> 'approved')`;

/** Serialises concurrent loads of one policy name inside a transaction (version numbers stay gap-free). */
export async function lockPolicyName(q: Queryable, name: string): Promise<void> {
  await q.query(`select pg_advisory_xact_lock(hashtext('policy:' || $1))`, [name]);
}

export async function nextPolicyVersion(q: Queryable, name: string): Promise<number> {
  const result = await q.query<{ next: number }>(
    'select coalesce(max(version), 0) + 1 as next from policy_versions where name = $1',
    [name],
  );
  return Number(result.rows[0]?.next ?? 1);
}

export async function insertPolicyVersion(q: Queryable, version: PolicyVersion): Promise<void> {
  await q.query(
    `insert into policy_versions (id, name, version, effective_from, description, content, checksum, warnings, loaded_at)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9)`,
    [
      version.id,
      version.name,
      version.version,
      version.effectiveFrom,
      version.description,
      toJson(version.content),
      version.checksum,
      toJson(version.warnings),
      version.loadedAt,
    ],
  );
}

/** The version of `name` with this checksum and effective date, if one was loaded already (idempotent loads). */
export async function findSamePolicyVersion(
  q: Queryable,
  name: string,
  checksum: string,
  effectiveFrom: LocalDate,
): Promise<PolicyVersionSummary | undefined> {
  const result = await q.query<PolicyVersionRow>(
    `select ${SUMMARY_COLUMNS} from policy_versions v where v.name = $1 and v.checksum = $2
      and v.effective_from = $3 and not exists (select 1 from change_requests c where c.kind = 'policy'
      and c.subject = v.id and c.status in ('rejected', 'superseded'))
      order by v.version desc limit 1`,
    [name, checksum, effectiveFrom],
  );
  const row = result.rows[0];
  return row ? toSummary(row) : undefined;
}

export async function findPolicyVersion(q: Queryable, id: string): Promise<PolicyVersion | undefined> {
  const result = await q.query<PolicyVersionRow>(
    `select ${SUMMARY_COLUMNS}, v.content from policy_versions v where v.id = $1`,
    [id],
  );
  const row = result.rows[0];
  return row ? toVersion(row) : undefined;
}

export async function listPolicyVersions(q: Queryable, name?: string): Promise<PolicyVersionSummary[]> {
  const result = name
    ? await q.query<PolicyVersionRow>(
        `select ${SUMMARY_COLUMNS} from policy_versions v where v.name = $1 order by v.name, v.version`,
        [name],
      )
    : await q.query<PolicyVersionRow>(
        `select ${SUMMARY_COLUMNS} from policy_versions v order by v.name, v.version`,
      );
  return result.rows.map(toSummary);
}

/**
 * The version of `name` in force on `date`: among approved versions, the latest effective date on or before
 * it, then the highest version.
 */
export async function policyVersionInForce(
  q: Queryable,
  name: string,
  date: LocalDate,
): Promise<PolicyVersionSummary | undefined> {
  const result = await q.query<PolicyVersionRow>(
    `select ${SUMMARY_COLUMNS} from policy_versions v where v.name = $1 and v.effective_from <= $2
      and ${APPROVED} order by v.effective_from desc, v.version desc limit 1`,
    [name, date],
  );
  const row = result.rows[0];
  return row ? toSummary(row) : undefined;
}

// -------------------------------------------------------------------------------------------------
// Lending settings. Each load upserts by (key, effective date): reloading the same file changes nothing.

export async function upsertProduct(q: Queryable, entry: DatedProduct, loadedAt: Date): Promise<void> {
  await q.query(
    `insert into lending_products (code, effective_from, definition, loaded_at) values ($1, $2, $3::jsonb, $4)
     on conflict (code, effective_from) do update set definition = excluded.definition, loaded_at = excluded.loaded_at`,
    [entry.product.code, entry.effectiveFrom, toJson(productToJson(entry.product)), loadedAt],
  );
}

export async function listProducts(q: Queryable): Promise<DatedProduct[]> {
  const result = await q.query<{ code: string; effective_from: string; definition: unknown }>(
    'select code, effective_from::text as effective_from, definition from lending_products order by code, effective_from',
  );
  return result.rows.map((row) => ({
    effectiveFrom: parseLocalDate(row.effective_from),
    product: parseProduct(parseJsonColumn(row.definition), `lending_products.${row.code}`),
  }));
}

export async function upsertCollectionStrategy(
  q: Queryable,
  strategy: CollectionStrategy,
  loadedAt: Date,
): Promise<void> {
  await q.query(
    `insert into collection_strategies (effective_from, strategy, loaded_at) values ($1, $2::jsonb, $3)
     on conflict (effective_from) do update set strategy = excluded.strategy, loaded_at = excluded.loaded_at`,
    [strategy.effectiveFrom, JSON.stringify(strategy), loadedAt],
  );
}

/** The stored collections strategies, oldest first (each was validated before it was stored). */
export async function listCollectionStrategies(q: Queryable): Promise<CollectionStrategy[]> {
  const result = await q.query<{ strategy: unknown }>(
    'select strategy from collection_strategies order by effective_from',
  );
  return result.rows.map((row) => parseJsonColumn(row.strategy) as CollectionStrategy);
}

export async function upsertLegalRateCap(q: Queryable, cap: LegalRateCap, loadedAt: Date): Promise<void> {
  await q.query(
    `insert into legal_rate_caps (effective_from, annual_rate, lpr_multiple, basis, loaded_at) values ($1, $2, $3, $4, $5)
     on conflict (effective_from) do update set annual_rate = excluded.annual_rate, lpr_multiple = excluded.lpr_multiple,
       basis = excluded.basis, loaded_at = excluded.loaded_at`,
    [
      cap.effectiveFrom,
      cap.annualRate === undefined ? null : toExactRateString(cap.annualRate),
      cap.lprMultiple === undefined ? null : toExactRateString(cap.lprMultiple),
      cap.basis,
      loadedAt,
    ],
  );
}

export async function listLegalRateCaps(q: Queryable): Promise<LegalRateCap[]> {
  const result = await q.query<{
    effective_from: string;
    annual_rate: string | null;
    lpr_multiple: string | null;
    basis: string;
  }>(
    'select effective_from::text as effective_from, annual_rate, lpr_multiple, basis from legal_rate_caps order by effective_from',
  );
  // The table's check holds exactly one of the two set.
  return result.rows.map((row) => {
    const effectiveFrom = parseLocalDate(row.effective_from);
    return row.lpr_multiple === null
      ? {
          effectiveFrom,
          annualRate: parseRate(row.annual_rate ?? '', 'legal_rate_caps.annual_rate'),
          basis: row.basis,
        }
      : {
          effectiveFrom,
          lprMultiple: parseRate(row.lpr_multiple, 'legal_rate_caps.lpr_multiple'),
          basis: row.basis,
        };
  });
}

export async function upsertRiskAppetite(q: Queryable, setting: RiskAppetite, loadedAt: Date): Promise<void> {
  await q.query(
    `insert into risk_appetite_settings (effective_from, name, cutoff_raise, limit_scale, note, loaded_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (effective_from) do update set name = excluded.name, cutoff_raise = excluded.cutoff_raise,
       limit_scale = excluded.limit_scale, note = excluded.note, loaded_at = excluded.loaded_at`,
    [
      setting.effectiveFrom,
      setting.name,
      setting.cutoffRaise,
      toExactRateString(setting.limitScale),
      setting.note,
      loadedAt,
    ],
  );
}

export async function listRiskAppetite(q: Queryable): Promise<RiskAppetite[]> {
  const result = await q.query<{
    effective_from: string;
    name: string;
    cutoff_raise: number;
    limit_scale: string;
    note: string;
  }>(
    'select effective_from::text as effective_from, name, cutoff_raise, limit_scale, note from risk_appetite_settings order by effective_from',
  );
  return result.rows.map((row) => ({
    effectiveFrom: parseLocalDate(row.effective_from),
    name: row.name,
    cutoffRaise: Number(row.cutoff_raise),
    limitScale: parseRate(row.limit_scale, 'risk_appetite_settings.limit_scale'),
    note: row.note,
  }));
}

export async function upsertAssignment(
  q: Queryable,
  assignment: PolicyAssignment,
  loadedAt: Date,
): Promise<void> {
  const shadow = assignment.shadow ?? null;
  await q.query(
    `insert into policy_assignments (product_code, effective_from, champion_policy, challenger_policy, challenger_share_bps,
       shadow_policy, shadow_model, shadow_share_bps, shadow_until, loaded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (product_code, effective_from) do update set champion_policy = excluded.champion_policy,
       challenger_policy = excluded.challenger_policy, challenger_share_bps = excluded.challenger_share_bps,
       shadow_policy = excluded.shadow_policy, shadow_model = excluded.shadow_model,
       shadow_share_bps = excluded.shadow_share_bps, shadow_until = excluded.shadow_until,
       loaded_at = excluded.loaded_at`,
    [
      assignment.productCode,
      assignment.effectiveFrom,
      assignment.championPolicy,
      assignment.challengerPolicy,
      assignment.challengerShareBps,
      shadow?.policy ?? null,
      shadow?.model ?? null,
      shadow?.shareBps ?? 0,
      shadow?.until ?? null,
      loadedAt,
    ],
  );
}

export async function listAssignments(q: Queryable): Promise<PolicyAssignment[]> {
  const result = await q.query<{
    product_code: string;
    effective_from: string;
    champion_policy: string;
    challenger_policy: string | null;
    challenger_share_bps: number;
    shadow_policy: string | null;
    shadow_model: string | null;
    shadow_share_bps: number;
    shadow_until: string | null;
  }>(
    `select product_code, effective_from::text as effective_from, champion_policy, challenger_policy, challenger_share_bps,
            shadow_policy, shadow_model, shadow_share_bps, shadow_until::text as shadow_until
       from policy_assignments order by product_code, effective_from`,
  );
  return result.rows.map((row) => {
    const assignment: PolicyAssignment = {
      productCode: row.product_code,
      effectiveFrom: parseLocalDate(row.effective_from),
      championPolicy: row.champion_policy,
      challengerPolicy: row.challenger_policy,
      challengerShareBps: Number(row.challenger_share_bps),
    };
    // An assignment without a shadow reads as it did before shadow mode (no `shadow` key).
    if (row.shadow_policy === null && row.shadow_model === null && Number(row.shadow_share_bps) === 0)
      return assignment;
    return {
      ...assignment,
      shadow: {
        policy: row.shadow_policy,
        model: row.shadow_model,
        shareBps: Number(row.shadow_share_bps),
        until: row.shadow_until === null ? null : parseLocalDate(row.shadow_until),
      },
    };
  });
}

/** Whether any policy version is approved (in force on some date): false on a fresh database. */
export async function anyApprovedPolicy(q: Queryable): Promise<boolean> {
  const result = await q.query<{ found: boolean }>(
    `select exists (select 1 from policy_versions v where ${APPROVED}) as found`,
  );
  return Boolean(result.rows[0]?.found);
}

/** Whether an approved version of `name` exists. */
export async function anyApprovedVersionOf(q: Queryable, name: string): Promise<boolean> {
  const result = await q.query<{ found: boolean }>(
    `select exists (select 1 from policy_versions v where v.name = $1 and ${APPROVED}) as found`,
    [name],
  );
  return Boolean(result.rows[0]?.found);
}

/** Whether any lending setting is loaded: false on a fresh database. */
export async function anySettings(q: Queryable): Promise<boolean> {
  const result = await q.query<{ found: boolean }>(
    `select exists (select 1 from lending_products) or exists (select 1 from legal_rate_caps)
        or exists (select 1 from risk_appetite_settings) or exists (select 1 from policy_assignments) as found`,
  );
  return Boolean(result.rows[0]?.found);
}
