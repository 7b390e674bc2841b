import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

/** Runs the CLI in process and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('credence loan schedule | apr (no database)', () => {
  it('prints the golden schedule as {lines, totalInterest, apr} with decimal strings', async () => {
    const { code, stdout } = await run([
      'loan',
      'schedule',
      '--principal',
      '10000.00',
      '--apr',
      '0.18',
      '--term',
      '12',
      '--method',
      'equal-installment',
      '--basis',
      'monthly',
      '--start',
      '2026-01-15',
      '--json',
    ]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(Object.keys(body)).toEqual(['lines', 'totalInterest', 'apr']);
    expect(body.lines[0]).toEqual({
      period: 1,
      dueDate: '2026-02-15',
      principal: '766.80',
      interest: '150.00',
      payment: '916.80',
      balance: '9233.20',
    });
    expect(body.lines.slice(0, 11).every((l: { payment: string }) => l.payment === '916.80')).toBe(true);
    expect(body.lines[11]).toEqual({
      period: 12,
      dueDate: '2027-01-15',
      principal: '903.26',
      interest: '13.55',
      payment: '916.81',
      balance: '0.00',
    });
    expect(body.totalInterest).toBe('1001.61');
    expect(body.apr).toBe('0.180002');
  });

  it("the issue's example: ¥10,000 at 18.25% for 12 months, equal principal, daily basis", async () => {
    const { code, stdout } = await run([
      'loan',
      'schedule',
      '--principal',
      '10000.00',
      '--apr',
      '0.1825',
      '--term',
      '12',
      '--method',
      'equal-principal',
      '--basis',
      'daily',
      '--start',
      '2026-01-15',
      '--json',
    ]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    // 0.05% a day: January's 31 days on ¥10,000 are ¥155.00; February's 28 on ¥9,166.67 are ¥128.33.
    expect(body.lines[0]).toMatchObject({ principal: '833.33', interest: '155.00', payment: '988.33' });
    expect(body.lines[1]).toMatchObject({ interest: '128.33' });
    expect(body.lines[11]).toMatchObject({ principal: '833.37', balance: '0.00' });
  });

  it('prints the annualised rate by IRR of a flat-fee plan: 0.75% a month over 12 is 16.2165%', async () => {
    const { code, stdout } = await run([
      'loan',
      'apr',
      '--principal',
      '6000.00',
      '--term',
      '12',
      '--fee-per-period',
      '0.0075',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ apr: '0.162165' });
  });

  it('exits 3 naming the flag and rule for bad input, 2 for a usage error', async () => {
    const bad = await run([
      'loan',
      'schedule',
      '--principal',
      '100.001',
      '--apr',
      '0.1',
      '--term',
      '3',
      '--json',
    ]);
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stderr).error.errors[0]).toMatchObject({
      field: '--principal',
      rule: 'max-2-decimals',
    });
    const method = await run([
      'loan',
      'schedule',
      '--principal',
      '100',
      '--apr',
      '0.1',
      '--term',
      '3',
      '--method',
      'balloon',
    ]);
    expect(method.code).toBe(3);
    expect(method.stderr).toContain('--method');
    const missing = await run(['loan', 'apr', '--principal', '100']);
    expect(missing.code).toBe(2);
  });
});
