import { userInfo } from 'node:os';
import { cliActor, type AuditActor } from './audit-log.ts';

/** The audit actor of a CLI run: the operating-system user who ran `credence …` (or `cli` when unknown). */
export function cliActorOfThisProcess(): AuditActor {
  try {
    return cliActor(userInfo().username);
  } catch {
    // No passwd entry (some containers): the run is still recorded, as `cli:cli`.
    return cliActor(undefined);
  }
}
