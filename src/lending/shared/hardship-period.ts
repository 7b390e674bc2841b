import { AppError } from '../../platform/errors/app-error.ts';
import { addMonths, type LocalDate } from '../../platform/time/local-date.ts';

/** An event of a loan or a line, as far as the hardship period rule reads it. */
interface ContractEvent {
  readonly kind: string;
  readonly effectiveDate: LocalDate;
}

function isHardship(
  event: ContractEvent,
): event is ContractEvent & { readonly change: { readonly tool: string } } {
  return event.kind === 'hardship' && 'change' in event;
}

/** The latest hardship change of `tool` among a contract's events (loans and lines alike), if any. */
export function lastHardshipOf(events: readonly ContractEvent[], tool: string): LocalDate | undefined {
  let last: LocalDate | undefined;
  for (const event of events)
    if (isHardship(event) && event.change.tool === tool && (!last || event.effectiveDate > last))
      last = event.effectiveDate;
  return last;
}

/**
 * The rules' "at most one in `months` months" for a tool (a holiday, a re-age), for either product: refused
 * (`field` / `once-per-period`) when the contract's latest change of `tool` is less than `months` months before
 * `today`; `months` 0 sets no limit. `happened` says what the last one was, in the refusal ("this loan had a
 * holiday", "this line was re-aged").
 */
export function checkOncePerPeriod(
  contract: { readonly events: readonly ContractEvent[]; readonly today: LocalDate },
  tool: string,
  months: number,
  field: string,
  happened: string,
): void {
  const last = lastHardshipOf(contract.events, tool);
  if (!last || months === 0) return;
  const next = addMonths(last, months);
  if (contract.today < next)
    throw AppError.invalid(
      field,
      'once-per-period',
      `${happened} on ${last}; the rules allow one in ${months} months (the next from ${next})`,
    );
}
