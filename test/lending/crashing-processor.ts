import type { DayEndProcessor } from '../../src/lending/eod/day-end.ts';

/**
 * A day-end processor that dies in its `inChunk`-th chunk, as a kill -9 would: that chunk's work is done
 * inside its transaction and rolled back with it (the error is thrown before the commit); the chunks
 * before it have committed.
 */
export function crashingIn(inner: DayEndProcessor, inChunk: number, message: string): DayEndProcessor {
  let chunks = 0;
  return {
    ...inner,
    async advance(tx, items, date) {
      const advanced = await inner.advance(tx, items, date);
      chunks += 1;
      if (chunks === inChunk) throw new Error(message);
      return advanced;
    },
  };
}
