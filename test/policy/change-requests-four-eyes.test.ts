import { describe, expect, it } from 'vitest';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import type { ChangeRequest } from '../../src/policy/change-requests.ts';
import { findChange, insertChange, recordDecision } from '../../src/policy/change-requests.pg.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Four-eyes in the database itself (migration 0380): a decided change request cannot be changed or deleted,
 * and an approval by the requester — as a person, whatever the case or spacing of the name — violates a
 * check, so neither a bug in the service nor a hand-written UPDATE can undo it.
 */
async function sqlStateOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

for (const store of storesUnderTest()) {
  describe(`change requests are final once decided, in the database (${store.name})`, () => {
    it('refuses a second decision, any edit or delete of a decided request, and self-approval', async () => {
      const db = await store.fresh();
      const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
      const ids = createIdGenerator(clock, seededRandomBytes(3));
      const change = (): ChangeRequest => ({
        id: ids.next('changeRequest'),
        kind: 'model',
        subject: 'v2',
        scope: `active-model-${ids.next('changeRequest')}`,
        summary: 'activate scoring model v2',
        payload: { version: 'v2' },
        requestedBy: { id: 'key_A', name: 'Ana Lin' },
        requestedAt: clock.now(),
        effectiveFrom: parseLocalDate('2026-11-22'),
        simulationId: null,
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        note: '',
        bootstrap: false,
      });

      const first = change();
      await insertChange(db, first);
      const self = await recordDecision(db, first.id, {
        status: 'approved',
        by: { id: 'key_B', name: '  ANA   lin ' },
        at: clock.now(),
        note: '',
      }).catch((error: unknown) => error as { code: string; issues: unknown[] });
      expect(self).toMatchObject({
        code: 'FORBIDDEN',
        issues: [{ field: 'approver', rule: 'maker-checker' }],
      });
      expect((await findChange(db, first.id))?.status).toBe('pending');

      const approved = await recordDecision(db, first.id, {
        status: 'approved',
        by: { id: 'key_C', name: 'Bo Chen' },
        at: clock.now(),
        note: 'ok',
      });
      expect(approved).toMatchObject({ status: 'approved', decidedBy: { name: 'Bo Chen' }, note: 'ok' });
      const again = await recordDecision(db, first.id, {
        status: 'rejected',
        by: { id: 'key_D', name: 'Cai Wu' },
        at: clock.now(),
        note: '',
      }).catch((error: unknown) => error as { code: string });
      expect(again).toMatchObject({ code: 'CONFLICT' });
      // By hand, too: the table refuses every change of a decided row and every delete.
      expect(
        await sqlStateOf(() =>
          db.query(`update change_requests set status = 'pending' where id = $1`, [first.id]),
        ),
      ).toBe('55000');
      expect(
        await sqlStateOf(() =>
          db.query(`update change_requests set note = 'edited' where id = $1`, [first.id]),
        ),
      ).toBe('55000');
      expect(await sqlStateOf(() => db.query('delete from change_requests where id = $1', [first.id]))).toBe(
        '55000',
      );
      // A pending request may only receive its decision, not a new payload.
      const second = change();
      await insertChange(db, second);
      expect(
        await sqlStateOf(() =>
          db.query(`update change_requests set payload = '{"version":"v9"}'::jsonb where id = $1`, [
            second.id,
          ]),
        ),
      ).toBe('55000');
      expect((await findChange(db, first.id))?.status).toBe('approved');
    });
  });
}
