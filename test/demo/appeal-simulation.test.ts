import { describe, expect, it } from 'vitest';
import { runAppealSimulationInMemory } from '../../src/demo/simulation/appeal-simulation.node.ts';
import { binOf, renderSimulationSvg } from '../../src/demo/simulation/appeal-simulation-plot.ts';
import { median, simulationOutage } from '../../src/demo/simulation/appeal-simulation.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';

describe('simulation arithmetic', () => {
  it('takes the median as the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(binOf(0)).toBe(0);
    expect(binOf(1)).toBe(1);
    expect(binOf(23.99)).toBe(2);
    expect(binOf(24)).toBe(3);
    expect(binOf(500)).toBe(7);
    expect(simulationOutage(parseLocalDate('2026-11-02'))).toEqual({
      from: new Date('2026-11-04T06:00:00.000Z'),
      to: new Date('2026-11-04T09:00:00.000Z'),
    });
  });
});

describe('appeal-simulation-small-population', () => {
  it('runs every appeal to a final status, and its figures agree with the service’s own statistics', async () => {
    const result = await runAppealSimulationInMemory({ customers: 80, seed: 5, reviewers: 1 });
    const { summary } = result;
    expect(summary.applicants).toBe(80);
    expect(Object.values(summary.outcomes).reduce((a, b) => a + b, 0)).toBe(80);
    expect(summary.appeals).toBeGreaterThan(0);
    expect(summary.byPath.open).toBe(0);
    const { recheck, overturned, upheld, withdrawn } = summary.byPath;
    expect(recheck + overturned + upheld + withdrawn).toBe(summary.appeals);
    expect(summary.resolved).toBe(recheck + overturned + upheld);

    // Computed twice, independently: in code over the appeals, in SQL by the service.
    const stats = summary.serviceStats;
    expect(stats.total).toBe(summary.appeals);
    expect(stats.byResolution.overturned_by_recheck ?? 0).toBe(recheck);
    expect(stats.byResolution.overturned ?? 0).toBe(overturned);
    expect(stats.byStatus.withdrawn ?? 0).toBe(withdrawn);
    expect(stats.recheckShare).toBeCloseTo(summary.recheckShare ?? Number.NaN, 12);
    expect(stats.medianHoursToResolution.all).toBeCloseTo(summary.medianHours ?? Number.NaN, 9);
    expect(stats.overrides).toBe(overturned);
    expect(stats.slaBreaches.resolvedLate + stats.slaBreaches.openOverdue).toBe(summary.slaBreaches);

    for (const appeal of result.appeals) {
      if (appeal.path === 'recheck' && appeal.category !== 'system_fault') expect(appeal.hours).toBe(0);
      if (appeal.path === 'overturned') expect(appeal.genuine).toBe(true);
      if (appeal.path === 'upheld') expect(appeal.genuine).toBe(false);
    }
    const svg = renderSimulationSvg(result);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`${summary.applicants} applicants, ${summary.appeals} appeals`);
    expect(result.text).toContain('share resolved by the re-check');
  }, 120_000);
});
