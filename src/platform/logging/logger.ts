import { Writable } from 'node:stream';
import { pino, type Logger, type DestinationStream } from 'pino';
import { scrubLogLine } from './scrub.ts';

export type { Logger } from 'pino';

/** Field names that must never be logged in clear, wherever they appear in a log object. */
const REDACT_KEYS = [
  'idNumber',
  'id_number',
  'phone',
  'cardNumber',
  'card_number',
  'authorization',
  'x-api-key',
];

export interface LoggerOptions {
  readonly level?: string;
  /** Where the JSON lines go (default stdout); tests pass a buffer to scan for PII. */
  readonly destination?: NodeJS.WritableStream;
}

/**
 * Structured JSON logs (pino). Two layers keep PII out: known keys are redacted by path, and every
 * finished line passes through `scrubLogLine`, which masks ID, card and phone numbers anywhere in the text —
 * percent- or form-encoded (URLs are scanned decoded) and glued to letters (`id1101…`) included.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const target = options.destination ?? process.stdout;
  const scrubbing: DestinationStream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      target.write(scrubLogLine(chunk.toString()));
      callback();
    },
  });
  const paths = REDACT_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `req.headers.${key}`]);
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths, censor: '[redacted]' },
      base: { service: 'credence' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    scrubbing,
  );
}

/** A logger that writes into memory; `lines()` returns what was logged (tests). */
export function createMemoryLogger(level = 'debug'): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = createLogger({ level, destination: sink });
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.length > 0),
  };
}
