import { computeFeaturesOf } from '../../../src/customers/features/compute.ts';
import { DEMO_PERSONAS, type DemoPersona } from '../../../src/demo/personas/customer-history.ts';
import { checkIdNumber } from '../../../src/identity/id-number.ts';
import { businessDateOf } from '../../../src/platform/time/local-date.ts';

export const CUSTOMER = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
/** 2026-11-22 10:00 in Shanghai. */
export const AS_OF = new Date('2026-11-22T02:00:00Z');

export function persona(key: DemoPersona['key']): DemoPersona {
  const found = DEMO_PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
}

/** A persona's features as of `at`, with the account opened `openedDaysAgo` days before AS_OF. */
export function personaFeatures(key: DemoPersona['key'], at: Date = AS_OF, openedDaysAgo = 400) {
  const p = persona(key);
  const id = checkIdNumber(p.idNumber, businessDateOf(AS_OF));
  if (!id.valid) throw new Error(`persona ${key} has an invalid ID number`);
  const events = p.history(CUSTOMER, AS_OF);
  return {
    events,
    ...computeFeaturesOf(
      events,
      { openedAtMs: AS_OF.getTime() - openedDaysAgo * 86_400_000, birthDate: id.birthDate },
      at,
    ),
  };
}
