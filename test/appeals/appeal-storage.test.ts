import { describe, expect, it } from 'vitest';
import { sqlStateOf } from '../../src/platform/database/database.ts';
import { storesUnderTest } from '../support/stores.ts';
import { appealTestApp, createScriptedCustomer, FILES } from './support.ts';

/**
 * What the database itself guarantees, whatever the code does: the audit trail and the evidence are
 * append-only (UPDATE, DELETE, TRUNCATE refused), a stored file's hash, size and magic bytes are re-checked,
 * at most one open appeal per decision, and the appeal row's invariants hold.
 */
async function sqlState(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return sqlStateOf(error);
  }
}

for (const store of storesUnderTest()) {
  describe(`appeal-storage (${store.name})`, () => {
    it('refuses to change the trail or the evidence, and checks what a file row claims', async () => {
      const t = await appealTestApp({ store });
      const { db } = t.app;
      const customerId = await createScriptedCustomer(t, 'declined_twice');
      const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      const { evidence } = await t.app.services.appeals.uploadEvidence({
        customerId,
        declaredType: 'application/pdf',
        content: FILES.pdf,
        by: t.appPrincipal,
      });
      const appeal = await t.app.services.appeals.file(
        {
          decisionId: decision.id,
          customerId,
          category: 'data_error',
          statement: 'wrong',
          evidenceIds: [evidence.evidenceId],
        },
        t.appPrincipal,
      );

      expect(
        await sqlState(
          db.query(`update appeal_events set note = 'edited' where appeal_id = $1`, [appeal.id]),
        ),
      ).toBe('55000');
      expect(await sqlState(db.query(`delete from appeal_events where appeal_id = $1`, [appeal.id]))).toBe(
        '55000',
      );
      expect(await sqlState(db.exec('truncate appeal_events cascade'))).toBe('55000');
      expect(await sqlState(db.query(`update appeal_evidence set media_type = 'image/png'`))).toBe('55000');
      expect(await sqlState(db.query(`delete from appeal_evidence`))).toBe('55000');
      expect(await sqlState(db.query(`delete from appeal_evidence_links`))).toBe('55000');
      // 0603: TRUNCATE skips row triggers, so it is refused on its own; notifications are marked delivered
      // once and otherwise never change; the customer's events cannot be truncated either.
      expect(await sqlState(db.exec('truncate appeal_evidence_links'))).toBe('55000');
      expect(await sqlState(db.exec('truncate customer_events cascade'))).toBe('55000');
      expect(await sqlState(db.exec('truncate appeal_notifications'))).toBe('55000');
      const notification = `select id, delivered_at from appeal_notifications where appeal_id = $1 order by id limit 1`;
      const [sent] = (await db.query<{ id: string; delivered_at: Date | null }>(notification, [appeal.id]))
        .rows;
      if (!sent) throw new Error('filing sends the customer a notification');
      expect(
        await sqlState(db.query(`update appeal_notifications set text = '{}' where id = $1`, [sent.id])),
      ).toBe('55000');
      expect(await sqlState(db.query(`delete from appeal_notifications where id = $1`, [sent.id]))).toBe(
        '55000',
      );
      if (sent.delivered_at === null) {
        await db.query(`update appeal_notifications set delivered_at = now() where id = $1`, [sent.id]);
      }
      expect(
        await sqlState(
          db.query(`update appeal_notifications set delivered_at = now() + interval '1 day' where id = $1`, [
            sent.id,
          ]),
        ),
      ).toBe('55000');

      const insert = (content: Uint8Array, sha: string, type = 'application/pdf', size = content.length) =>
        db.query(
          `insert into appeal_evidence (customer_id, id, media_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
           values ($1, 'evd_01M8323B805789DDGD1HYNNR99', $2, $3, $4, $5, now(), 'key_x')`,
          [customerId, type, size, sha, content],
        );
      const other = new TextEncoder().encode('%PDF-1.4 another');
      expect(await sqlState(insert(other, 'a'.repeat(64)))).toBe('23514'); // hash does not match
      expect(await sqlState(insert(other, evidence.sha256))).toBe('23514'); // someone else's hash
      expect(await sqlState(insert(FILES.exe, 'b'.repeat(64)))).toBe('23514'); // not a PDF
      expect(await sqlState(insert(other, 'c'.repeat(64), 'application/pdf', 3))).toBe('23514'); // size lies

      // One open appeal per decision, even written by hand.
      expect(
        await sqlState(
          db.query(
            `insert into appeals (customer_id, id, decision_id, product_code, category, statement, status, version,
               amount_at_stake, filed_at, filed_by)
             values ($1, 'apl_01M8323B805789DDGD1HYNNR99', $2, 'cash_loan', 'other', 'x', 'filed', 1, 0, now(), '{}')`,
            [customerId, decision.id],
          ),
        ),
      ).toBe('23505');
      // A resolved appeal needs its resolution, an upheld one its reasons.
      expect(
        await sqlState(db.query(`update appeals set status = 'resolved' where id = $1`, [appeal.id])),
      ).toBe('23514');
      expect(
        await sqlState(
          db.query(
            `update appeals set status = 'resolved', resolution = 'upheld', resolved_at = now() where id = $1`,
            [appeal.id],
          ),
        ),
      ).toBe('23514');
      expect(
        await sqlState(db.query(`update appeals set status = 'in_review' where id = $1`, [appeal.id])),
      ).toBe('23514');
      await t.app.stop();
    });
  });
}
