import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from './in-process-queue.ts';
import { createJobHandlers } from './jobs.ts';
import { scheduleRecurringJobs } from './recurring.ts';

/** A pass whose runs are held open until released, so a test can look while one is running. */
function heldPasses() {
  const releases: (() => void)[] = [];
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    handler: () =>
      new Promise<void>((resolve) => {
        runs += 1;
        releases.push(resolve);
      }),
    releaseAll: () => {
      for (const release of releases.splice(0)) release();
    },
  };
}

function queueWith(name: string, handler: () => Promise<void>) {
  const handlers = createJobHandlers();
  handlers.register(name, handler);
  let next = 0;
  return createInProcessQueue({ handlers, nextId: () => `job-${(next += 1)}`, retries: 0 });
}

describe('the in-process queue: singleton jobs', () => {
  it('Given a singleton pass queued or running, When it is enqueued again, Then nothing is queued until it ends', async () => {
    const pass = heldPasses();
    const queue = queueWith('deliver', pass.handler);
    const singleton = { key: 'deliver', seconds: 30 };

    expect(await queue.enqueue('deliver', {}, { singleton })).toBe('job-1');
    // Queued, not started (no `work` yet): the same key is refused.
    expect(await queue.enqueue('deliver', {}, { singleton })).toBeNull();
    await queue.work({ concurrency: 2, worker: 'test' });
    await Promise.resolve();
    expect(pass.runs).toBe(1);
    // Running: still refused; a job without the key is not held back.
    expect(await queue.enqueue('deliver', {}, { singleton })).toBeNull();
    expect(await queue.enqueue('deliver', {})).toBe('job-2');
    pass.releaseAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
    pass.releaseAll();
    await queue.idle();
    expect(pass.runs).toBe(2);
    // Finished: the next one is queued and runs.
    expect(await queue.enqueue('deliver', {}, { singleton })).toBe('job-3');
    await new Promise((resolve) => setTimeout(resolve, 0));
    pass.releaseAll();
    await queue.idle();
    expect(pass.runs).toBe(3);
  });
});

describe('recurring jobs', () => {
  it('Given a pass at start and every interval, When the interval beats, Then one job per beat while the last has ended', async () => {
    const pass = heldPasses();
    const queue = queueWith('recover', pass.handler);
    await queue.work({ concurrency: 1, worker: 'test' });
    const beats: (() => void)[] = [];
    let stopped = 0;
    const stop = scheduleRecurringJobs(
      {
        queue,
        every: (ms, beat) => {
          expect(ms).toBe(60_000);
          beats.push(beat);
          return () => (stopped += 1);
        },
        onError: (error) => {
          throw error;
        },
      },
      [{ name: 'recover', everyMs: 60_000, atStart: true }],
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pass.runs).toBe(1);
    // A beat while the start-up pass still runs is skipped (as the server's busy timer was).
    beats[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    pass.releaseAll();
    await queue.idle();
    expect(pass.runs).toBe(1);
    beats[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    pass.releaseAll();
    await queue.idle();
    expect(pass.runs).toBe(2);
    stop();
    expect(stopped).toBe(1);
  });

  it('Given an interval of 0, Then the pass runs only at start and no timer is kept', async () => {
    const pass = heldPasses();
    const queue = queueWith('recover', pass.handler);
    await queue.work({ concurrency: 1, worker: 'test' });
    let timers = 0;
    scheduleRecurringJobs(
      {
        queue,
        every: () => {
          timers += 1;
          return () => undefined;
        },
        onError: (error) => {
          throw error;
        },
      },
      [{ name: 'recover', everyMs: 0, atStart: true }],
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    pass.releaseAll();
    await queue.idle();
    expect(pass.runs).toBe(1);
    expect(timers).toBe(0);
  });
});
