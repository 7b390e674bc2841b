import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../platform/errors/app-error.ts';
import type { BureauReporter } from './bureau-ports.ts';
import { decodeReportFile } from './report-layout.ts';

/**
 * The sandbox submission channel: checks the file against the layout as the bureau would (refusing it with
 * every fault found), then writes it under `dir` (mode 0600) — or, without a directory, keeps it in memory
 * (`files`), for tests and the demo.
 */
export function createSandboxBureauReporter(
  dir: string | null = null,
): BureauReporter & { readonly files: ReadonlyMap<string, string> } {
  const files = new Map<string, string>();
  return {
    name: 'sandbox-bureau',
    files,
    async submit(fileName, content) {
      if (!/^[A-Za-z0-9_.-]{1,100}$/.test(fileName))
        throw AppError.invalid('fileName', 'format', 'letters, digits, _ . - only');
      const check = decodeReportFile(content);
      if (!check.ok)
        throw new AppError(
          'VALIDATION_FAILED',
          `the bureau refuses ${fileName}: ${check.errors
            .slice(0, 5)
            .map((error) => `line ${error.line} ${error.field}: ${error.message}`)
            .join('; ')}`,
        );
      files.set(fileName, content);
      if (dir === null) return { location: `memory:${fileName}` };
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, fileName);
      await writeFile(path, content, { encoding: 'utf8', mode: 0o600 });
      return { location: path };
    },
  };
}
