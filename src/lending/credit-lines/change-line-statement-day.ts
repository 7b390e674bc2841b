import {
  lifecycleCommand,
  bringUpToDate,
  type LineChangeResult,
  type LineLifecycleDeps,
  type Requester,
} from './line-lifecycle-command.ts';
import { saveLineTerms } from './credit-lines.pg.ts';
import { changeStatementDay, currentStatementDay, dueDateOf } from './line-terms.ts';

/**
 * A new statement day (customer or staff; `changeStatementDay` in `line-terms.ts`): the cycle in flight is
 * cut on the old day; the next ends on the first new-day date after that statement's due date; then monthly
 * on the new day. At most once in 6 months. The day steps up to today are booked first, so "in flight" is
 * today's cycle.
 */
export function changeLineStatementDay(
  deps: LineLifecycleDeps,
  request: { lineId: string; statementDay: number; idempotencyKey: string; requester: Requester },
): Promise<LineChangeResult> {
  return lifecycleCommand(
    deps,
    { ...request, scope: 'line.statement-day', request: { statementDay: request.statementDay } },
    async ({ tx, facility, record, today }) => {
      const state = await bringUpToDate(tx, deps, facility, record, today);
      const from = currentStatementDay(record.terms);
      const { terms, change, firstOnNewDay } = changeStatementDay(
        record.terms,
        state.nextStatementDate,
        request.statementDay,
        today,
      );
      await saveLineTerms(tx, terms, deps.clock.now());
      return {
        kind: 'statement-day',
        detail: {
          from,
          to: change.day,
          lastOnOldDay: change.fromCut,
          itsDueDate: dueDateOf(change.fromCut, terms.due),
          firstOnNewDay,
          firstOnNewDayDue: dueDateOf(firstOnNewDay, terms.due),
        },
        reason: null,
        facility,
        customerLimitCap: record.customerLimitCap,
        closedOn: null,
      };
    },
  );
}
