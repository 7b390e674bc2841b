import type { WriteStream } from 'node:fs';

/** Writes with back-pressure: waits for the stream to drain when its buffer is full. */
export async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** Ends the stream and waits until everything is flushed (rejects on a write error). */
export async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
