import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceContent, reencryptEvidence } from '../../src/appeals/appeals.pg.ts';
import { sha256Hex } from '../../src/appeals/evidence.ts';
import { rewrapDataKeys } from '../../src/privacy/data-key-rewrap.ts';
import { evidenceCipherOf, testKeyring } from '../../src/privacy/data-keyring.test-support.ts';
import { testPiiConfig } from '../../src/platform/config/config.ts';
import { sqlStateOf } from '../../src/platform/database/database.ts';
import { appealTestApp, createScriptedCustomer, FILES, type AppealTestApp } from './support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Issue 12, item 2: appeal evidence (an ID-card scan, a payslip) sat in `appeal_evidence.content` in clear.
 * It is now sealed with the PII keys (AES-256-GCM, key id beside it), read back as sent, and rotated with
 * the other PII by `credence kyc reencrypt`; a row written in clear before migration 0604 is still read,
 * and sealed by the rotation.
 */

describe.each(storesUnderTest())('appeal evidence encrypted at rest ($name)', (store) => {
  let t: AppealTestApp;
  let customerId = '';
  let sealedId = '';
  let legacyId = '';
  let appealId = '';

  interface RawRow {
    id: string;
    content: Uint8Array | null;
    content_ciphertext: Uint8Array | null;
    content_key_id: string | null;
    size_bytes: number;
  }

  async function raw(id: string): Promise<RawRow> {
    const result = await t.app.db.query<RawRow>(
      'select id, content, content_ciphertext, content_key_id, size_bytes from appeal_evidence where id = $1',
      [id],
    );
    const [row] = result.rows;
    if (!row) throw new Error(`no evidence ${id}`);
    return row;
  }

  const contains = (haystack: Uint8Array, needle: Uint8Array) =>
    Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;

  // A key rotation: a new active key, the old one still configured to read what it sealed.
  const oldConfig = testPiiConfig();
  const rotated = testKeyring({
    activeKey: { id: 'test-2', key: Buffer.alloc(32, 11) },
    keys: [oldConfig.activeKey],
    blindIndexKey: oldConfig.blindIndexKey,
  });
  const newOnly = testKeyring({
    activeKey: { id: 'test-2', key: Buffer.alloc(32, 11) },
    keys: [],
    blindIndexKey: oldConfig.blindIndexKey,
  });

  beforeAll(async () => {
    t = await appealTestApp({ store });
    customerId = await createScriptedCustomer(t, 'declined_twice');
    const decision = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
    const { evidence } = await t.app.services.appeals.uploadEvidence({
      customerId,
      declaredType: 'application/pdf',
      content: FILES.pdf,
      by: t.appPrincipal,
    });
    sealedId = evidence.evidenceId;
    // A file stored before migration 0604, in clear: the check that refuses new clear rows (NOT VALID: it
    // does not apply to rows already there) is lifted for this insert and put back exactly as 0604 has it.
    legacyId = 'evd_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
    await t.app.db.exec('alter table appeal_evidence drop constraint appeal_evidence_sealed_from_now');
    await t.app.db.query(
      `insert into appeal_evidence (customer_id, id, media_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
     values ($1, $2, 'image/png', $3, $4, $5, now(), 'key_legacy')`,
      [customerId, legacyId, FILES.png.length, sha256Hex(FILES.png), FILES.png],
    );
    await t.app.db.exec(
      'alter table appeal_evidence add constraint appeal_evidence_sealed_from_now check (content is null) not valid',
    );
    const appeal = await t.app.services.appeals.file(
      {
        decisionId: decision.id,
        customerId,
        category: 'data_error',
        statement: 'my income is higher than you think',
        evidenceIds: [sealedId, legacyId],
      },
      t.appPrincipal,
    );
    appealId = appeal.id;
  });

  afterAll(async () => {
    await t.app.stop();
  });

  describe('appeal evidence at rest', () => {
    it('is stored sealed: no clear bytes in the row, the key id beside it, and it reads back as sent', async () => {
      const row = await raw(sealedId);
      expect(row.content).toBeNull();
      // Under the customer's own data key (whose wrapped form names the lender key).
      expect(row.content_key_id).toBe('dek');
      expect(row.content_ciphertext).not.toBeNull();
      const stored = new Uint8Array(row.content_ciphertext ?? []);
      expect(stored.length).toBe(FILES.pdf.length + 29);
      expect(contains(stored, FILES.pdf.subarray(0, 16))).toBe(false);
      expect(contains(stored, new TextEncoder().encode('%PDF'))).toBe(false);
      const read = await t.app.services.appeals.evidenceContent(appealId, sealedId);
      expect(Buffer.from(read.content).equals(Buffer.from(FILES.pdf))).toBe(true);
      expect(read.info).toMatchObject({ mediaType: 'application/pdf', sizeBytes: FILES.pdf.length });
    });

    it('over HTTP the reviewer gets the file back as uploaded', async () => {
      const response = await t.app.http.inject({
        method: 'GET',
        url: `/v1/appeals/${appealId}/evidence/${sealedId}`,
        headers: t.reviewers.ana.auth,
      });
      expect(response.statusCode).toBe(200);
      expect(Buffer.from(response.rawPayload).equals(Buffer.from(FILES.pdf))).toBe(true);
    });

    it('a row from before 0604 is still read in clear; the database refuses any new clear row', async () => {
      expect((await raw(legacyId)).content).not.toBeNull();
      const read = await t.app.services.appeals.evidenceContent(appealId, legacyId);
      expect(Buffer.from(read.content).equals(Buffer.from(FILES.png))).toBe(true);
      const insert = t.app.db.query(
        `insert into appeal_evidence (customer_id, id, media_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
       values ($1, 'evd_01JD3ZK6Q8W4M2X9T7B5N1R0AF', 'image/jpeg', $2, $3, $4, now(), 'key_x')`,
        [customerId, FILES.jpeg.length, sha256Hex(FILES.jpeg), FILES.jpeg],
      );
      await expect(insert.then(() => 'inserted').catch(sqlStateOf)).resolves.toBe('23514');
    });

    it('key rotation seals the clear row under the data key and re-wraps the data keys; both read back', async () => {
      const sealedBefore = Buffer.from((await raw(sealedId)).content_ciphertext ?? []);
      const moved = await reencryptEvidence(t.app.db, evidenceCipherOf(rotated), { batchSize: 1 });
      expect(moved).toBe(1);
      const rewrapped = await rewrapDataKeys({ db: t.app.db, clock: t.app.clock, keyring: rotated });
      expect(rewrapped).toBeGreaterThanOrEqual(1);
      const wraps = await t.app.db.query<{ k: string }>(
        'select distinct wrap_key_id as k from customer_data_keys',
      );
      expect(wraps.rows.map((row) => row.k)).toEqual(['test-2']);
      // The file sealed under the data key was not rewritten: rotation touched only the 61-byte key row.
      expect(Buffer.from((await raw(sealedId)).content_ciphertext ?? []).equals(sealedBefore)).toBe(true);
      for (const [id, file] of [
        [sealedId, FILES.pdf],
        [legacyId, FILES.png],
      ] as const) {
        const row = await raw(id);
        expect([row.content, row.content_key_id]).toEqual([null, 'dek']);
        expect(contains(new Uint8Array(row.content_ciphertext ?? []), file.subarray(0, 8))).toBe(false);
        // Readable with the new key alone: nothing depends on the old key any more.
        const read = await evidenceContent(
          t.app.db,
          evidenceCipherOf(newOnly),
          { customerId, id: appealId },
          id,
        );
        expect(read && Buffer.from(read.content).equals(Buffer.from(file))).toBe(true);
      }
      // The old key alone no longer opens it (the data key is wrapped by test-2); a second run has nothing to do.
      await expect(t.app.services.appeals.evidenceContent(appealId, sealedId)).rejects.toThrow(/test-2/);
      expect(await reencryptEvidence(t.app.db, evidenceCipherOf(rotated))).toBe(0);
    });

    it('the one change the database allows is sealing: back to clear, or any other column, is refused', async () => {
      const state = (sql: string, params: unknown[]) =>
        t.app.db
          .query(sql, params)
          .then(() => 'ok')
          .catch(sqlStateOf);
      expect(
        await state(
          `update appeal_evidence set content = $2, content_ciphertext = null, content_key_id = null where id = $1`,
          [sealedId, FILES.pdf],
        ),
      ).toBe('55000');
      expect(
        await state(`update appeal_evidence set uploaded_by = 'someone' where id = $1`, [sealedId]),
      ).toBe('55000');
      expect(await state(`delete from appeal_evidence where id = $1`, [sealedId])).toBe('55000');
    });

    it('a sealed row must name its key, hold one form only, and be as long as the file plus 29 bytes', async () => {
      const row = await raw(sealedId);
      const sealed = Buffer.from(row.content_ciphertext ?? []);
      const insert = (
        id: string,
        content: Uint8Array | null,
        ciphertext: Uint8Array | null,
        keyId: string | null,
      ) =>
        t.app.db
          .query(
            `insert into appeal_evidence (customer_id, id, media_type, size_bytes, sha256, content,
             content_ciphertext, content_key_id, uploaded_at, uploaded_by)
           values ($1, $2, 'application/pdf', $3, $4, $5, $6, $7, now(), 'key_x')`,
            [customerId, id, FILES.pdf.length, 'd'.repeat(64), content, ciphertext, keyId],
          )
          .then(() => 'ok')
          .catch(sqlStateOf);
      expect(await insert('evd_01JD3ZK6Q8W4M2X9T7B5N1R0B0', null, sealed, null)).toBe('23514');
      expect(await insert('evd_01JD3ZK6Q8W4M2X9T7B5N1R0B1', FILES.pdf, sealed, 'test-2')).toBe('23514');
      expect(await insert('evd_01JD3ZK6Q8W4M2X9T7B5N1R0B2', null, sealed.subarray(1), 'test-2')).toBe(
        '23514',
      );
      expect(await insert('evd_01JD3ZK6Q8W4M2X9T7B5N1R0B3', null, null, null)).toBe('23514');
    });
  });
});
