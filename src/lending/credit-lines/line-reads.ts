import { AppError } from '../../platform/errors/app-error.ts';
import type { CreditLineDeps, CreditLineService } from './credit-line-ports.ts';
import { findLine, findStatement, listLines as listLineRecords, listStatements } from './credit-lines.pg.ts';
import { lineViewAt, locate } from './line-command.ts';

/** One line's view. */
export async function getLine(
  deps: CreditLineDeps,
  lineId: Parameters<CreditLineService['getLine']>[0],
): ReturnType<CreditLineService['getLine']> {
  const where = await locate(deps.db, lineId);
  const record = await findLine(deps.db, where.customerId, lineId);
  if (!record) throw AppError.notFound('credit line', lineId);
  return lineViewAt(deps.db, record);
}

/** A customer's lines. */
export async function listLines(
  deps: CreditLineDeps,
  customerId: Parameters<CreditLineService['listLines']>[0],
): ReturnType<CreditLineService['listLines']> {
  const records = await listLineRecords(deps.db, customerId);
  return Promise.all(records.map((record) => lineViewAt(deps.db, record)));
}

/** A line's statements, oldest first. */
export async function lineStatements(
  deps: CreditLineDeps,
  lineId: Parameters<CreditLineService['statements']>[0],
): ReturnType<CreditLineService['statements']> {
  const where = await locate(deps.db, lineId);
  return listStatements(deps.db, where.customerId, lineId);
}

/** One statement of a line. */
export async function lineStatement(
  deps: CreditLineDeps,
  lineId: Parameters<CreditLineService['statement']>[0],
  seq: Parameters<CreditLineService['statement']>[1],
): ReturnType<CreditLineService['statement']> {
  const where = await locate(deps.db, lineId);
  const statement = await findStatement(deps.db, where.customerId, lineId, seq);
  if (!statement) throw AppError.notFound('statement', `${lineId}/${seq}`);
  return statement;
}
