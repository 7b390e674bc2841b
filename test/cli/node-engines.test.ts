import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// `semver` is in node_modules (npm's own range grammar); typed loosely so the test needs no @types package.
const require = createRequire(import.meta.url);
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

interface LockEntry {
  version?: string;
  engines?: Record<string, string> | string[];
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}

const ROOT = new URL('../../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', ROOT), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const manifest = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
  engines: { node: string };
};

/** The oldest Node the project promises (package.json says ">=20"; 20.19 is the oldest 20.x we test on). */
const OLDEST_NODE = '20.19.0';

function nodeRange(entry: LockEntry): string | undefined {
  if (!entry.engines || Array.isArray(entry.engines)) return undefined; // old array form: advisory only
  return entry.engines.node;
}

describe('Node 20 is really supported (npm ci prints no EBADENGINE)', () => {
  it('package.json promises Node >= 20 and 20.19 meets that promise', () => {
    expect(semver.satisfies(OLDEST_NODE, manifest.engines.node)).toBe(true);
    expect(semver.minVersion(manifest.engines.node)?.version).toBe('20.0.0');
  });

  it('every installed package in package-lock.json admits Node 20.19', () => {
    const refused = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.optional)
      .map(([path, entry]) => ({ path, version: entry.version, range: nodeRange(entry) }))
      .filter(({ range }) => range !== undefined && !semver.satisfies(OLDEST_NODE, range));
    // Before the overrides: cookie@2.0.2 (via fastify → light-my-request) and content-disposition@3.1.0
    // (via @fastify/swagger-ui → @fastify/static@10) both said ">=22".
    expect(refused).toEqual([]);
  });

  it('optional packages that refuse Node 20 are platform extras npm skips silently, never required ones', () => {
    // npm leaves an optional dependency out when its engines do not match, without a warning (today:
    // rollup's optional @napi-rs/lzma binding, which rollup does without). Only per-platform binaries may.
    const skipped = Object.entries(lock.packages).filter(([, entry]) => {
      const range = nodeRange(entry);
      return entry.optional === true && range !== undefined && !semver.satisfies(OLDEST_NODE, range);
    });
    for (const [path, entry] of skipped) {
      expect({ path, platformSpecific: Boolean(entry.os ?? entry.cpu) }).toEqual({
        path,
        platformSpecific: true,
      });
    }
  });
});
