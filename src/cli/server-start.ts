import { createServer } from 'node:net';
import { join } from 'node:path';
import { AppError } from '../platform/errors/app-error.ts';

/** How to pick another port, in the words of both ways of starting the server. */
function anotherPort(port: number): string {
  const next = port >= 65535 ? 3001 : port + 1;
  return `Stop what is using it, or choose another port: \`PORT=${next} npm start\`, or \`credence serve --port ${next}\` (PORT or --port; 0 picks a free one).`;
}

/**
 * The refusal for a port another program holds (exit code 9, a resource this command depends on is
 * unavailable) — also used when the port is taken between the check and the listen.
 */
export function portInUse(host: string, port: number, cause?: unknown): AppError {
  return new AppError('UNAVAILABLE', `port ${port} on ${host} is already in use. ${anotherPort(port)}`, {
    issues: [{ field: 'PORT', rule: 'port-free', message: `${host}:${port} is in use` }],
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Whether an error is the operating system's "address in use" (what `listen` raises). */
export function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

/**
 * Checks that the server will be able to listen on `host:port` before anything slow happens (opening the
 * database, seeding the demo): binds it briefly and lets go. Port 0 (any free port) always passes.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (isAddressInUse(error)) reject(portInUse(host, port, error));
      else if (error.code === 'EACCES')
        reject(
          new AppError(
            'UNAVAILABLE',
            `port ${port} on ${host} needs privileges this process does not have. ${anotherPort(port)}`,
            { issues: [{ field: 'PORT', rule: 'port-allowed', message: `${host}:${port} is not allowed` }] },
          ),
        );
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Where the server's JSON logs go. */
export type LogTarget = { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly path: string };

/**
 * The server's JSON request logs: `CREDENCE_LOG_FILE=<path>` sends them to that file and `-` to stdout.
 * Unset, they go to stdout when stdout is not a terminal (a container, systemd, a pipe: where log
 * collectors read), and to `<data dir>/server.log` when it is one — so `npm start` shows the banner, its
 * keys and commands readably instead of interleaved with JSON lines. `LOG_LEVEL` sets the level either way.
 */
export function serverLogTarget(input: {
  readonly stdoutIsTerminal: boolean;
  readonly logFile: string | undefined;
  readonly dataDir: string;
}): LogTarget {
  const chosen = input.logFile?.trim();
  if (chosen === '-') return { kind: 'stdout' };
  if (chosen) return { kind: 'file', path: chosen };
  return input.stdoutIsTerminal
    ? { kind: 'file', path: join(input.dataDir, 'server.log') }
    : { kind: 'stdout' };
}
