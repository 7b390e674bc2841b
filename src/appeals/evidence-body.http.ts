import type { FastifyInstance } from 'fastify';
import { evidenceTooLarge } from './evidence.ts';

/**
 * Reads any request body of the scope as raw bytes (an evidence file: JPEG, PNG or PDF), refusing it with
 * `evidenceTooLarge` past `maxBytes` — at once when Content-Length says so, otherwise once the body has been
 * read to its end (bytes past the limit are not kept, but reading goes on so the answer can be sent). Used by
 * the staff upload (`POST /v1/appeals/evidence`) and the customer's (`POST /v1/me/appeals/evidence`), each in
 * a scope of its own so no other route reads raw bodies.
 */
export function acceptEvidenceBodies(scope: FastifyInstance, maxBytes: number): void {
  scope.addContentTypeParser('*', (request, payload, done) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      done(evidenceTooLarge(maxBytes), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    payload.on('end', () => {
      if (finished) return;
      finished = true;
      if (size > maxBytes) done(evidenceTooLarge(maxBytes), undefined);
      else done(null, Buffer.concat(chunks));
    });
    payload.on('error', (error: Error) => {
      if (finished) return;
      finished = true;
      done(error, undefined);
    });
  });
}
