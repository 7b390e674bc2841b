import { assertSettingsWithinCostCap } from './settings-cost-cap.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import type { ChangeDeps } from './change-ports.ts';
import type { ChangeActor, ChangeRequest } from './change-requests.ts';
import { dryRunSettings, pendingChange, recordSubmission } from './record-change.ts';
import { describeSetting, settingsOfChange, type SettingsChangeRequest } from './settings-change.ts';

/** Asks for one dated lending setting; checked now as it will be on approval, applied from its date. */
export async function submitSettingsChange(
  deps: ChangeDeps,
  request: SettingsChangeRequest,
  by: ChangeActor,
): Promise<ChangeRequest> {
  const effectiveFrom: LocalDate = parseLocalDate(request.effectiveFrom, 'effectiveFrom');
  const today = deps.clock.today();
  if (effectiveFrom < today)
    throw AppError.invalid(
      'effectiveFrom',
      'not-in-past',
      `a change applies from today (${today}) or later, not ${effectiveFrom}`,
    );
  const settings = settingsOfChange(request.kind, effectiveFrom, request.setting);
  assertSettingsWithinCostCap(settings, await deps.policies.settings());
  await dryRunSettings(deps, settings);
  const described = describeSetting(request.kind, settings);
  const description = (request.description ?? '').trim().slice(0, 200);
  return recordSubmission(
    deps,
    pendingChange(
      deps,
      {
        kind: 'settings',
        subject: `${described.subject}@${effectiveFrom}`,
        scope: `${described.subject}@${effectiveFrom}`,
        summary: `${described.summary} from ${effectiveFrom}${description ? `: ${description}` : ''}`,
        payload: {
          settingsKind: request.kind,
          document: { [request.kind]: [{ ...request.setting, effectiveFrom }] },
        },
        effectiveFrom,
      },
      by,
    ),
  );
}
