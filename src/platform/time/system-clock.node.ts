import type { Clock } from './clock.ts';
import { businessDateOf, type LocalDate } from './local-date.ts';

/** The real clock, used by the composition root only. */
export const systemClock: Clock = {
  now: (): Date => new Date(),
  today: (): LocalDate => businessDateOf(new Date()),
};
