import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENCE_BIN } from '../support/cli.ts';

/**
 * Several stateless API nodes on one PostgreSQL (issue 16, item 3): three real `credence serve` processes
 * on loopback, each with its own connection pool and its own in-process caches, sharing one database (a
 * fresh one per run, dropped at the end). What must hold across them, each checked through the nodes' HTTP:
 *
 * - an API key made on one node works on the others at once (a key not found is never cached), and one
 *   revoked on one node is refused there at once and by the others within the key cache's bound (1 s);
 * - a customer session revoked through one node is refused by every node at once (sessions are not cached);
 * - an idempotency key sent to all three nodes at the same instant makes one loan: one node draws it down,
 *   the other two answer the same loan as a replay (the key's row is claimed in the drawdown's transaction);
 * - customer messages, delivered by all three nodes' delivery passes at once, each go out exactly once
 *   (claims under a lease with SKIP LOCKED) — and more than one node took part.
 *
 * PostgreSQL only: PGlite is one process by design (its data directory is locked, docs/deployment.md).
 */
const databaseUrl = process.env.DATABASE_URL;

const KEY_CACHE_BOUND_MS = 1_000;
const MESSAGES = 1_500;

interface Node {
  readonly name: string;
  readonly child: ChildProcessWithoutNullStreams;
  url: string;
  stdout: string;
  stderr: string;
}

const nodes: Node[] = [];
let admin: pg.Client | undefined;
let dbName = '';
let nodeUrl = '';
let banner = '';

function baseEnv(url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    // Every node must hold the same keys: personal data sealed by one is read by the others.
    CREDENCE_PII_KEYS: `nodes-1:${sharedPiiKey}`,
    CREDENCE_BLIND_INDEX_KEY: sharedBlindKey,
    CREDENCE_DEMO_HISTORY: 'off',
    CREDENCE_MESSAGE_DELIVERY_MS: '100',
    CREDENCE_LOG_FILE: '-',
    LOG_LEVEL: 'info',
  };
  delete env.CREDENCE_ALLOW_LOCAL_KEYS;
  return env;
}
const sharedPiiKey = randomBytes(32).toString('base64');
const sharedBlindKey = randomBytes(32).toString('base64');

function startNode(name: string, args: readonly string[], url: string): Promise<Node> {
  const child = spawn(process.execPath, [CREDENCE_BIN, 'serve', '--port', '0', ...args], {
    env: baseEnv(url),
  });
  // Filled as the process writes: `stdout` holds the JSON logs (the channel's sends), `stderr` the banner.
  const node: Node = { name, child, url: '', stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (node.stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not listening: ${node.stderr}`)), 150_000);
    child.stderr.on('data', (chunk: Buffer) => {
      node.stderr += chunk.toString();
      const match = /is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(node.stderr);
      if (node.url === '' && match?.[1] && /\n\n$|Demo set up in[^\n]*\n/.test(node.stderr)) {
        clearTimeout(timer);
        node.url = match[1];
        resolve(node);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited ${code}: ${node.stderr}`));
    });
  });
}

async function stopNode(node: Node): Promise<void> {
  if (node.child.exitCode !== null) return;
  const exited = new Promise((resolve) => node.child.once('exit', resolve));
  node.child.kill('SIGTERM');
  await exited;
}

function printedKey(role: string): string {
  const match = new RegExp(`\\n  ${role}\\s+(crd_${role}_\\w+)`).exec(banner);
  if (!match?.[1]) throw new Error(`no ${role} key in the banner`);
  return match[1];
}

function printedCustomer(demoCase: string): string {
  const match = new RegExp(`  ${demoCase}: [^\\n]*\\n\\s+npx credence decide --customer (cus_\\w+)`).exec(
    banner,
  );
  if (!match?.[1]) throw new Error(`no ${demoCase} in the banner`);
  return match[1];
}

async function call(
  node: Node,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${node.url}${path}`, {
    method,
    headers: {
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: response.headers,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Crockford base32, as ids are spelled. */
function ulidLike(prefix: string, n: number): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let body = '';
  let v = n;
  for (let i = 0; i < 26; i += 1) {
    body = alphabet[v % 32] + body;
    v = Math.floor(v / 32);
  }
  return `${prefix}_${body}`;
}

describe.skipIf(!databaseUrl)('three API nodes on one PostgreSQL (DATABASE_URL)', () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    dbName = `credence_nodes_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin.query(`create database ${dbName}`);
    const url = new URL(databaseUrl ?? '');
    url.pathname = `/${dbName}`;
    nodeUrl = url.toString();
    // The first node migrates and seeds the demo (no history); the other two join the database as it is.
    const first = await startNode('node-a', ['--demo'], nodeUrl);
    nodes.push(first);
    banner = first.stderr;
    nodes.push(...(await Promise.all([startNode('node-b', [], nodeUrl), startNode('node-c', [], nodeUrl)])));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(nodes.map(stopNode));
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
      await admin.end();
    }
  }, 60_000);

  it('an API key made on one node works on every node at once; revoked on one, refused by all within the cache bound', async () => {
    const [a, b, c] = nodes as [Node, Node, Node];
    const adminKey = printedKey('admin');
    const made = await call(a, 'POST', '/v1/keys', {
      key: adminKey,
      body: { name: 'nodes test', role: 'app' },
    });
    expect(made.status).toBe(201);
    const {
      key: { id },
      secret,
    } = made.body as { key: { id: string }; secret: string };
    // Authenticated everywhere at once: a loan that does not exist is a 404, not a 401.
    const probe = (node: Node) =>
      call(node, 'GET', '/v1/loans/ln_00000000000000000000000000', { key: secret });
    for (const node of nodes) expect((await probe(node)).status).toBe(404);

    const revoked = await call(a, 'DELETE', `/v1/keys/${id}`, { key: adminKey });
    expect(revoked.status).toBe(200);
    const at = performance.now();
    expect((await probe(a)).status).toBe(401);
    // The others answer from their key cache for at most its bound, then ask the database.
    const refusedAfter = await Promise.all(
      [b, c].map(async (node) => {
        while ((await probe(node)).status !== 401) {
          if (performance.now() - at > 10 * KEY_CACHE_BOUND_MS) throw new Error(`${node.name} still accepts`);
          await sleep(25);
        }
        return performance.now() - at;
      }),
    );
    for (const ms of refusedAfter) expect(ms).toBeLessThan(KEY_CACHE_BOUND_MS + 750);
  });

  it('a customer session revoked through one node is refused by every node at once', async () => {
    const [a, b, c] = nodes as [Node, Node, Node];
    const appKey = printedKey('app');
    const customerId = printedCustomer('clean_approval');
    const issued = await call(a, 'POST', `/v1/customers/${customerId}/sessions`, { key: appKey, body: {} });
    expect(issued.status).toBe(201);
    const { token } = issued.body as { token: string };
    for (const node of nodes)
      expect((await call(node, 'GET', '/v1/me/session', { key: token })).status).toBe(200);
    const revoke = await call(c, 'POST', `/v1/customers/${customerId}/sessions/revoke`, {
      key: appKey,
      body: {},
    });
    expect(revoke.status).toBe(200);
    for (const node of [a, b, c])
      expect((await call(node, 'GET', '/v1/me/session', { key: token })).status).toBe(401);
  });

  it('one idempotency key sent to all three nodes at once draws down one loan; two nodes answer it as a replay', async () => {
    const appKey = printedKey('app');
    const customerId = printedCustomer('clean_approval');
    const key = `nodes-${randomBytes(6).toString('hex')}`;
    const body = { customerId, amount: '1000.00', term: 3, method: 'equal-installment' };
    const loansOf = async () => {
      const db = new pg.Client({ connectionString: nodeUrl });
      await db.connect();
      try {
        const result = await db.query<{ n: string }>(
          `select count(*)::text as n from loans where customer_id = $1`,
          [customerId],
        );
        return Number(result.rows[0]?.n);
      } finally {
        await db.end();
      }
    };
    const before = await loansOf();
    const answers = await Promise.all(
      nodes.map((node) =>
        call(node, 'POST', '/v1/loans', { key: appKey, body, headers: { 'idempotency-key': key } }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const loanIds = new Set(answers.map((answer) => (answer.body as { loan: { id: string } }).loan.id));
    expect(loanIds.size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await loansOf()).toBe(before + 1);
  });

  it('customer messages delivered by three nodes at once go out exactly once each, shared between the nodes', async () => {
    const customerId = printedCustomer('clean_approval');
    const db = new pg.Client({ connectionString: nodeUrl });
    await db.connect();
    try {
      const ids = Array.from({ length: MESSAGES }, (_, i) => ulidLike('ntf', 1_000_000 + i));
      await db.query(
        `insert into customer_messages (customer_id, id, kind, subject_id, occasion, channel, text, params,
                                        created_at, status, next_attempt_at)
         select $1, id, 'statement_ready', 'nodes-test', id, 'email',
                '{"zh":"您的账单已出。","en":"Your statement is ready."}'::jsonb, '{}'::jsonb, now(), 'pending', now()
           from unnest($2::text[]) as id`,
        [customerId, ids],
      );
      const deadline = performance.now() + 30_000;
      for (;;) {
        const left = await db.query<{ n: string }>(
          `select count(*)::text as n from customer_messages where subject_id = 'nodes-test' and status <> 'delivered'`,
        );
        if (left.rows[0]?.n === '0') break;
        if (performance.now() > deadline) throw new Error(`${left.rows[0]?.n} messages still undelivered`);
        await sleep(100);
      }
      const attempts = await db.query<{ attempts: number; n: string }>(
        `select attempts, count(*)::text as n from customer_messages where subject_id = 'nodes-test' group by attempts`,
      );
      expect(attempts.rows).toEqual([{ attempts: 1, n: String(MESSAGES) }]);
    } finally {
      await db.end();
    }
    // What each node's channel sent (the log channel writes one line per message sent).
    const sentBy = nodes.map((node) => {
      const sent: string[] = [];
      for (const line of node.stdout.split('\n')) {
        if (!line.includes('"msg":"customer message"')) continue;
        const record = JSON.parse(line) as { messageId?: string; customerId?: string };
        if (record.customerId === customerId && record.messageId?.startsWith('ntf_00000'))
          sent.push(record.messageId);
      }
      return sent;
    });
    const all = sentBy.flat();
    expect(all).toHaveLength(MESSAGES);
    expect(new Set(all).size).toBe(MESSAGES);
    expect(sentBy.filter((sent) => sent.length > 0).length).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
