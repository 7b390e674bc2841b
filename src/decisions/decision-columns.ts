import { AppError } from '../platform/errors/app-error.ts';
import type { Arm } from '../policy/index.ts';
import { DECISION_KINDS, type DecisionKind } from './decision.ts';
import type { Outcome } from './evaluate-decision.ts';

/**
 * Decoders of the `decisions` table's closed text columns, shared by every adapter that reads the table
 * (`decisions.pg.ts`, `decision-read-model.pg.ts`). A value outside the set is a fault of the
 * store, never of a request.
 */

/** The `kind` column. */
export function decisionKindOf(value: string): DecisionKind {
  if (!(DECISION_KINDS as readonly string[]).includes(value))
    throw new AppError('INTERNAL', `decisions holds an unknown kind "${value}"`);
  return value as DecisionKind;
}

/** The `outcome` column. */
export function decisionOutcomeOf(value: string): Outcome {
  if (value !== 'approved' && value !== 'declined' && value !== 'referred')
    throw new AppError('INTERNAL', `decisions holds an unknown outcome "${value}"`);
  return value;
}

/** The `arm` column (null when the product had no champion/challenger split). */
export function decisionArmOf(value: string | null): Arm | null {
  if (value !== null && value !== 'champion' && value !== 'challenger')
    throw new AppError('INTERNAL', `decisions holds an unknown arm "${value}"`);
  return value;
}
