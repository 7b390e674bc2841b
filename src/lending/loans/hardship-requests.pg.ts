import { toJson, type Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { moneyFromJson } from '../../platform/money/money.ts';
import { hardshipRequestStore, type HardshipRequestOf } from '../shared/hardship-requests.pg.ts';
import { parseHardshipRules, type HardshipAsk, type HardshipRules } from './hardship.ts';
import { HARDSHIP_TOOLS, type HardshipTool } from './loan-state.ts';

/**
 * A cash loan's hardship requests (migration 0420) in the one request store of both products
 * (`../shared/hardship-requests.pg.ts`), and the lender's dated hardship rules (`loan_hardship_rules`, the
 * threshold and limits credit lines are held to as well). Functions take the caller's transaction.
 */

export type { HardshipActor, HardshipStatus } from '../shared/hardship-requests.pg.ts';

/** A loan's hardship request: the common fields and `loanId`. */
export type HardshipRequest = HardshipRequestOf<HardshipAsk, 'loanId'>;

/** The ask as stored: amounts in fen as strings. */
export function encodeAsk(ask: HardshipAsk): Record<string, unknown> {
  switch (ask.tool) {
    case 'reschedule':
      return {
        tool: ask.tool,
        ...(ask.instalments !== undefined ? { instalments: ask.instalments } : {}),
        ...(ask.maxInstalment !== undefined ? { maxInstalment: ask.maxInstalment.toString() } : {}),
      };
    case 're-age':
      return { tool: ask.tool };
    case 'holiday':
      return { tool: ask.tool, instalments: ask.instalments };
    case 'waiver':
      return {
        tool: ask.tool,
        interest: ask.interest.toString(),
        penalty: ask.penalty.toString(),
        fees: ask.fees.toString(),
      };
    case 'settlement':
      return { tool: ask.tool, amount: ask.amount.toString() };
  }
}

export function decodeAsk(json: Record<string, unknown>): HardshipAsk {
  const tool = json.tool as HardshipTool;
  if (!(HARDSHIP_TOOLS as readonly string[]).includes(tool))
    throw new AppError('INTERNAL', 'stored hardship ask has an unknown tool');
  const money = (key: string) => moneyFromJson(json[key], `hardship.${key}`);
  switch (tool) {
    case 'reschedule':
      return {
        tool,
        ...(json.instalments !== undefined ? { instalments: Number(json.instalments) } : {}),
        ...(json.maxInstalment !== undefined ? { maxInstalment: money('maxInstalment') } : {}),
      };
    case 're-age':
      return { tool };
    case 'holiday':
      return { tool, instalments: Number(json.instalments) };
    case 'waiver':
      return { tool, interest: money('interest'), penalty: money('penalty'), fees: money('fees') };
    case 'settlement':
      return { tool, amount: money('amount') };
  }
}

/** The loans' requests: `loan_hardship_requests`, keyed by `loan_id`. */
export const loanHardshipRequests = hardshipRequestStore({
  table: 'loan_hardship_requests',
  subjectColumn: 'loan_id',
  subjectKey: 'loanId',
  codec: { encode: encodeAsk, decode: decodeAsk },
});

/** Every dated rules entry (few: the lender's changes), oldest first. */
export async function listHardshipRules(q: Queryable): Promise<HardshipRules[]> {
  const result = await q.query<{ effective_from: string; rules: Record<string, unknown> }>(
    'select effective_from::text as effective_from, rules from loan_hardship_rules order by effective_from',
  );
  return result.rows.map((row) => parseHardshipRules({ ...row.rules, effectiveFrom: row.effective_from }));
}

export async function insertHardshipRules(
  tx: Queryable,
  rules: HardshipRules,
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `insert into loan_hardship_rules (effective_from, rules, recorded_by, recorded_at) values ($1, $2, $3, $4)`,
    [
      rules.effectiveFrom,
      toJson({
        secondPersonAbove: rules.secondPersonAbove.toString(),
        rescheduleMaxInstalments: rules.rescheduleMaxInstalments,
        holidayMaxInstalments: rules.holidayMaxInstalments,
        holidayOncePerMonths: rules.holidayOncePerMonths,
        reAgeMinConsecutivePaid: rules.reAgeMinConsecutivePaid,
        reAgeOncePerMonths: rules.reAgeOncePerMonths,
      }),
      by,
      at,
    ],
  );
}
