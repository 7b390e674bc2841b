import { createHash } from 'node:crypto';
import { createGzip, gunzip as gunzipCallback } from 'node:zlib';
import { promisify } from 'node:util';
import type { ArchiveWriter } from './export-ports.ts';

const gunzipAsync = promisify(gunzipCallback);

/**
 * A gzip stream that hashes what goes in: text is compressed as it is written (only the compressed bytes
 * are kept), and the SHA-256 is of the uncompressed document — the file the person downloads.
 */
export function createGzipArchive(): ArchiveWriter {
  const gzip = createGzip({ level: 6 });
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  return {
    async write(text) {
      if (text.length === 0) return;
      const buffer = Buffer.from(text, 'utf8');
      hash.update(buffer);
      bytes += buffer.length;
      if (!gzip.write(buffer)) await new Promise<void>((resolve) => gzip.once('drain', resolve));
    },
    async finish() {
      gzip.end();
      await ended;
      const all = Buffer.concat(chunks);
      return {
        gzip: new Uint8Array(all.buffer, all.byteOffset, all.length),
        sha256: hash.digest('hex'),
        bytes,
      };
    },
  };
}

export async function gunzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await gunzipAsync(bytes);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
