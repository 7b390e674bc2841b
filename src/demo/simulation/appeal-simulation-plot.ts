import type { SimulatedPath, SimulationResult } from './appeal-simulation.ts';

/**
 * The simulation as one self-contained SVG: time to resolution by path (re-check, overturned by a
 * reviewer, upheld) as a stacked histogram with the median, and the open appeals at the end of each day.
 * Pure: figures in, text out.
 */

const BINS: ReadonlyArray<{ readonly label: string; readonly upTo: number }> = [
  { label: '< 1 h', upTo: 1 },
  { label: '1–4 h', upTo: 4 },
  { label: '4–24 h', upTo: 24 },
  { label: '1–2 d', upTo: 48 },
  { label: '2–3 d', upTo: 72 },
  { label: '3–5 d', upTo: 120 },
  { label: '5–7 d', upTo: 168 },
  { label: '≥ 7 d', upTo: Number.POSITIVE_INFINITY },
];

const PATHS: ReadonlyArray<{
  readonly path: Exclude<SimulatedPath, 'withdrawn' | 'open'>;
  readonly label: string;
  readonly colour: string;
}> = [
  { path: 'recheck', label: 'resolved by the re-check', colour: '#2f9e44' },
  { path: 'overturned', label: 'overturned by a reviewer', colour: '#1c7ed6' },
  { path: 'upheld', label: 'upheld by a reviewer', colour: '#868e96' },
];

/** 1, 2 or 5 times a power of ten, at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= rough) return factor * power;
  return 10 * power;
}

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function fmtHours(hours: number | null): string {
  if (hours === null) return '–';
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

/** Which bin an appeal's hours fall in. */
export function binOf(hours: number): number {
  const index = BINS.findIndex((bin) => hours < bin.upTo);
  return index === -1 ? BINS.length - 1 : index;
}

export function renderSimulationSvg(result: SimulationResult): string {
  const { summary } = result;
  const width = 920;
  const height = 620;
  const counts = BINS.map(() => ({ recheck: 0, overturned: 0, upheld: 0 }));
  for (const appeal of result.appeals) {
    if (appeal.hours === null || appeal.path === 'withdrawn' || appeal.path === 'open') continue;
    const bin = counts[binOf(appeal.hours)];
    if (bin) bin[appeal.path] += 1;
  }
  const totals = counts.map((c) => c.recheck + c.overturned + c.upheld);
  const tickStep = niceStep(Math.max(1, ...totals) / 5);
  const maxCount = Math.max(tickStep, Math.ceil(Math.max(1, ...totals) / tickStep) * tickStep);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="24" y="30" font-size="17" font-weight="600">Appeals over the synthetic population: time to resolution</text>`,
    `<text x="24" y="52" fill="#495057">${escape(
      `${summary.applicants} applicants, ${summary.appeals} appeals, ${summary.resolved} resolved — median ${fmtHours(summary.medianHours)}; resolved by the re-check ${summary.recheckShare === null ? '–' : `${(summary.recheckShare * 100).toFixed(1)}%`}; SLA breaches ${summary.slaBreaches}`,
    )}</text>`,
  );

  // Panel 1: stacked histogram.
  const x0 = 70;
  const y0 = 100;
  const plotW = 560;
  const plotH = 300;
  const barW = plotW / BINS.length;
  const scale = (n: number) => (n / maxCount) * plotH;
  for (let value = 0; value <= maxCount; value += tickStep) {
    const y = y0 + plotH - scale(value);
    out.push(
      `<line x1="${x0}" y1="${y.toFixed(1)}" x2="${x0 + plotW}" y2="${y.toFixed(1)}" stroke="#e9ecef"/>`,
      `<text x="${x0 - 8}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="#495057">${value}</text>`,
    );
  }
  BINS.forEach((bin, index) => {
    let top = y0 + plotH;
    const x = x0 + index * barW + 6;
    for (const { path, colour } of PATHS) {
      const n = counts[index]?.[path] ?? 0;
      if (n === 0) continue;
      const h = scale(n);
      top -= h;
      out.push(
        `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 12).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"><title>${escape(`${bin.label}: ${n} ${path}`)}</title></rect>`,
      );
    }
    if ((totals[index] ?? 0) > 0)
      out.push(
        `<text x="${(x + (barW - 12) / 2).toFixed(1)}" y="${(top - 5).toFixed(1)}" text-anchor="middle" fill="#212529">${totals[index]}</text>`,
      );
    out.push(
      `<text x="${(x + (barW - 12) / 2).toFixed(1)}" y="${y0 + plotH + 18}" text-anchor="middle" fill="#495057">${escape(bin.label)}</text>`,
    );
  });
  out.push(
    `<line x1="${x0}" y1="${y0 + plotH}" x2="${x0 + plotW}" y2="${y0 + plotH}" stroke="#343a40"/>`,
    `<text x="${x0 + plotW / 2}" y="${y0 + plotH + 38}" text-anchor="middle" fill="#212529">time from filing to resolution</text>`,
    `<text x="18" y="${y0 + plotH / 2}" transform="rotate(-90 18 ${y0 + plotH / 2})" text-anchor="middle" fill="#212529">appeals</text>`,
  );
  if (summary.medianHours !== null) {
    // The median's bin, marked with a dashed line at the bin's position.
    const index = binOf(summary.medianHours);
    const x = x0 + (index + 0.5) * barW;
    out.push(
      `<line x1="${x.toFixed(1)}" y1="${y0 - 4}" x2="${x.toFixed(1)}" y2="${y0 + plotH}" stroke="#e8590c" stroke-dasharray="5 4" stroke-width="1.5"/>`,
      `<text x="${(x + 6).toFixed(1)}" y="${y0 - 8}" fill="#e8590c">median ${escape(fmtHours(summary.medianHours))}</text>`,
    );
  }

  // Legend and figures.
  const lx = x0 + plotW + 40;
  PATHS.forEach(({ path, label, colour }, i) => {
    const y = y0 + 10 + i * 38;
    out.push(
      `<rect x="${lx}" y="${y - 10}" width="14" height="14" fill="${colour}"/>`,
      `<text x="${lx + 22}" y="${y + 2}">${escape(`${label}: ${summary.byPath[path]}`)}</text>`,
      `<text x="${lx + 22}" y="${y + 16}" fill="#868e96" font-size="11">${escape(`median ${fmtHours(summary.medianHoursByPath[path])}`)}</text>`,
    );
  });
  const facts = [
    `withdrawn: ${summary.byPath.withdrawn}`,
    `overturn rate: ${summary.overturnRate === null ? '–' : `${(summary.overturnRate * 100).toFixed(1)}%`}`,
    `SLA (3 business days) breached: ${summary.slaBreaches}`,
    ...Object.entries(summary.byCategory).map(([k, v]) => `${k}: ${v}`),
  ];
  facts.forEach((line, i) =>
    out.push(`<text x="${lx}" y="${y0 + 130 + i * 18}" fill="#495057">${escape(line)}</text>`),
  );

  // Panel 2: open appeals at the end of each day.
  const p2y = 488;
  const p2h = 92;
  const days = result.openByDay;
  const maxOpen = Math.max(1, ...days.map((d) => d.open));
  const step = days.length > 1 ? plotW / (days.length - 1) : 0;
  const point = (i: number, v: number) =>
    `${(x0 + i * step).toFixed(1)},${(p2y + p2h - (v / maxOpen) * p2h).toFixed(1)}`;
  out.push(
    `<text x="${x0}" y="${p2y - 14}" font-weight="600">Open appeals at the end of each day (blue; of them waiting in the queue for a person: orange)</text>`,
    `<line x1="${x0}" y1="${p2y + p2h}" x2="${x0 + plotW}" y2="${p2y + p2h}" stroke="#343a40"/>`,
    `<text x="${x0 - 8}" y="${p2y + 4}" text-anchor="end" fill="#495057">${maxOpen}</text>`,
    `<text x="${x0 - 8}" y="${p2y + p2h + 4}" text-anchor="end" fill="#495057">0</text>`,
  );
  if (days.length > 0) {
    out.push(
      `<polygon fill="#d0ebff" stroke="#1c7ed6" points="${point(0, 0)} ${days.map((d, i) => point(i, d.open)).join(' ')} ${point(days.length - 1, 0)}"/>`,
      `<polyline fill="none" stroke="#e8590c" stroke-width="2" points="${days.map((d, i) => point(i, d.queued)).join(' ')}"/>`,
      `<text x="${x0}" y="${p2y + p2h + 18}" fill="#495057">${escape(days[0]?.date ?? '')}</text>`,
      `<text x="${x0 + plotW}" y="${p2y + p2h + 18}" text-anchor="end" fill="#495057">${escape(days[days.length - 1]?.date ?? '')}</text>`,
    );
  }
  out.push(
    `<text x="24" y="${height - 10}" fill="#868e96" font-size="11">${escape('credence appeals simulate — synthetic population, manual clock, Shanghai business days (2026 holiday notice); assumptions in docs/appeals.md')}</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
