import { AppError } from '../../platform/errors/app-error.ts';
import { moneyFromJson } from '../../platform/money/money.ts';
import { parseRate, toExactRateString } from '../../platform/money/rate.ts';
import { hardshipRequestStore, type HardshipRequestOf } from '../shared/hardship-requests.pg.ts';
import type { LineHardshipAsk } from './line-hardship.ts';

/**
 * A credit line's hardship requests (migrations 0540, 0550, 0551, 0552, 0905) in the one request store of both products
 * (`../shared/hardship-requests.pg.ts`; the rules and the threshold are the loans', `loan_hardship_rules`).
 */

/** A line's hardship request: the common fields and `lineId`. */
export type LineHardshipRequest = HardshipRequestOf<LineHardshipAsk, 'lineId'>;

/** The ask as stored: amounts in fen as strings. */
export function encodeLineAsk(ask: LineHardshipAsk): Record<string, unknown> {
  if (ask.tool === 'settlement') return { tool: ask.tool, amount: ask.amount.toString() };
  if (ask.tool === 'holiday') return { tool: ask.tool, statements: ask.statements };
  if (ask.tool === 're-age') return { tool: ask.tool };
  if (ask.tool === 'reschedule')
    return { tool: ask.tool, instalments: ask.instalments, rate: toExactRateString(ask.rate) };
  return {
    tool: ask.tool,
    interest: ask.interest.toString(),
    fees: ask.fees.toString(),
    lateFees: ask.lateFees.toString(),
  };
}

export function decodeLineAsk(json: Record<string, unknown>): LineHardshipAsk {
  const money = (key: string) => moneyFromJson(json[key], `hardship.${key}`);
  if (json.tool === 'settlement') return { tool: 'settlement', amount: money('amount') };
  if (json.tool === 'holiday' && typeof json.statements === 'number')
    return { tool: 'holiday', statements: json.statements };
  if (json.tool === 're-age') return { tool: 're-age' };
  if (json.tool === 'reschedule' && typeof json.instalments === 'number' && typeof json.rate === 'string')
    return { tool: 'reschedule', instalments: json.instalments, rate: parseRate(json.rate, 'hardship.rate') };
  if (json.tool !== 'waiver') throw new AppError('INTERNAL', 'stored line hardship ask has an unknown tool');
  return { tool: 'waiver', interest: money('interest'), fees: money('fees'), lateFees: money('lateFees') };
}

/** The lines' requests: `credit_line_hardship_requests`, keyed by `line_id`. */
export const lineHardshipRequests = hardshipRequestStore({
  table: 'credit_line_hardship_requests',
  subjectColumn: 'line_id',
  subjectKey: 'lineId',
  codec: { encode: encodeLineAsk, decode: decodeLineAsk },
});
