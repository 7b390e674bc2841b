import { formatMoney, fen } from '../platform/money/money.ts';
import {
  axes,
  COLOURS,
  escapeXml,
  frameOf,
  legendRow,
  niceTicks,
  polyline,
  svg,
  xOf,
  yOf,
  type Frame,
} from '../scoring/index.ts';
import type { Alert } from './alerts.ts';
import type { MonitoringReportData } from './monitoring-report.ts';
import type { SimulationResult } from './simulate-policy.ts';
import type { OutcomeDay } from './outcomes.ts';
import type { RollMatrices } from './roll-rates.ts';
import type { SimulationFigures } from './simulation.ts';

/**
 * The monitoring report and the simulation report: one self-contained HTML page each (inline SVG and CSS,
 * nothing fetched), drawn with the scoring report's SVG helpers. Pure: data in, a string out.
 */

const num = (share: string | null): number => (share === null ? 0 : Number(share));
const pct = (share: string | number | null, digits = 1): string =>
  share === null ? '—' : `${(Number(share) * 100).toFixed(digits)}%`;
const yuan = (amount: bigint | null): string => (amount === null ? '—' : formatMoney(fen(amount), 'en'));
const aprText = (apr: string | null): string => (apr === null ? '—' : `${(Number(apr) * 100).toFixed(2)}%`);
const pdText = (pd: number | null): string => (pd === null ? '—' : `${(pd * 100).toFixed(2)}%`);

const STYLE = `
body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',sans-serif;color:#212121;margin:24px auto;max-width:1160px;padding:0 16px;line-height:1.45}
h1{margin-bottom:4px}h2{margin-top:30px;border-bottom:1px solid #e0e0e0;padding-bottom:4px}h3{margin:16px 0 4px}
.muted{color:#757575;font-weight:normal;font-size:.9em}.row{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;font-size:14px}.facts div:nth-child(odd){color:#616161}
table.alerts td{vertical-align:top}tr.alert.critical td{background:#ffebee}tr.alert.warning td{background:#fff3e0}tr.alert.info td{background:#f5f7f8}
table.alerts td:last-child{font-size:12px;color:#424242;max-width:460px}
.badge{display:inline-block;font-size:11px;font-weight:600;padding:0 6px;border-radius:3px;color:#fff;margin-right:6px;text-transform:uppercase}
.badge.critical{background:#c62828}.badge.warning{background:#ef6c00}.badge.info{background:#78909c}
.ok{color:#2e7d32;font-weight:600}.bad{color:#c62828;font-weight:600}
td.heat{text-align:right;font-variant-numeric:tabular-nums;min-width:56px}
td:first-child{white-space:nowrap}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title><style>${STYLE}</style></head><body>
${body}
</body></html>
`;
}

/** Labels under categorical x positions, thinned so they never overlap. */
function categoryLabels(frame: Frame, labels: readonly string[], at: (index: number) => number): string {
  const room = (frame.width - frame.left - frame.right) / Math.max(1, labels.length);
  const every = Math.max(1, Math.ceil(46 / room));
  const last = labels.length - 1;
  // Every `every`-th label, and the last one too when it does not crowd the one before it.
  const shown = (index: number): boolean =>
    index % every === 0 || (index === last && last % every >= Math.ceil(every / 2));
  return labels
    .map((label, index) =>
      shown(index)
        ? `<text x="${at(index).toFixed(1)}" y="${frame.height - frame.bottom + 16}" text-anchor="middle" font-size="10" fill="${COLOURS.axis}">${escapeXml(label)}</text>`
        : '',
    )
    .join('');
}

/** Lines over categories (dates), y a share 0–1. */
function shareLines(
  title: string,
  labels: readonly string[],
  series: ReadonlyArray<{ label: string; colour: string; values: ReadonlyArray<number | null> }>,
  options: { width?: number; yMax?: number } = {},
): string {
  const yMax = options.yMax ?? 1;
  const frame = frameOf(options.width ?? 560, 280, [0, Math.max(1, labels.length - 1)], [0, yMax], {
    top: 30,
    bottom: 44,
  });
  const at = (index: number): number =>
    labels.length === 1 ? (frame.left + frame.width - frame.right) / 2 : xOf(frame, index);
  const lines = series
    .map((one) => {
      const points = one.values.flatMap((value, index) => (value === null ? [] : [[index, value] as const]));
      const dots = points
        .map(
          ([index, value]) =>
            `<circle cx="${at(index).toFixed(1)}" cy="${yOf(frame, value).toFixed(1)}" r="2.5" fill="${one.colour}"><title>${escapeXml(`${one.label} ${labels[index] ?? ''}: ${pct(value)}`)}</title></circle>`,
        )
        .join('');
      return (labels.length > 1 ? polyline(frame, points, one.colour, 2) : '') + dots;
    })
    .join('');
  const body =
    axes(frame, { yPercent: true, xTicks: [], yLabel: 'share of decisions' }) +
    categoryLabels(frame, labels, at) +
    lines +
    legendRow(
      frame.left,
      8,
      series.map((one) => ({ label: one.label, colour: one.colour })),
    );
  return svg(frame.width, frame.height, title, body);
}

/** Stacked bars over categories: counts per day by outcome, outages marked. */
function stackedBars(
  title: string,
  labels: readonly string[],
  stacks: ReadonlyArray<{ label: string; colour: string; values: readonly number[] }>,
  options: { width?: number; yLabel?: string } = {},
): string {
  const totals = labels.map((_, index) => stacks.reduce((sum, stack) => sum + (stack.values[index] ?? 0), 0));
  const yMax = Math.max(1, ...totals) * 1.1;
  const frame = frameOf(options.width ?? 560, 280, [0, labels.length], [0, yMax], { top: 30, bottom: 44 });
  const slot = (frame.width - frame.left - frame.right) / Math.max(1, labels.length);
  const bars = labels
    .map((label, index) => {
      let base = 0;
      return stacks
        .map((stack) => {
          const value = stack.values[index] ?? 0;
          if (value === 0) return '';
          const y0 = yOf(frame, base);
          const y1 = yOf(frame, base + value);
          base += value;
          return `<rect x="${(frame.left + index * slot + slot * 0.12).toFixed(1)}" y="${y1.toFixed(1)}" width="${(slot * 0.76).toFixed(1)}" height="${Math.max(0.5, y0 - y1).toFixed(1)}" fill="${stack.colour}"><title>${escapeXml(`${label} ${stack.label}: ${value}`)}</title></rect>`;
        })
        .join('');
    })
    .join('');
  const body =
    axes(frame, {
      xTicks: [],
      yLabel: options.yLabel ?? 'decisions',
      yTicks: niceTicks(0, yMax, 5).filter(Number.isInteger),
    }) +
    categoryLabels(frame, labels, (index) => frame.left + (index + 0.5) * slot) +
    bars +
    legendRow(
      frame.left,
      8,
      stacks.map((stack) => ({ label: stack.label, colour: stack.colour })),
    );
  return svg(frame.width, frame.height, title, body);
}

/** Grouped vertical bars over categories (score bands), several series side by side. */
function groupedBars(
  title: string,
  labels: readonly string[],
  series: ReadonlyArray<{ label: string; colour: string; values: ReadonlyArray<number | null> }>,
  options: {
    width?: number;
    percent?: boolean;
    yLabel?: string;
    marks?: readonly number[];
    /** Writes each bar's value above it. */
    valueLabel?: (value: number) => string;
    /** The least top of the y axis (default 5% for shares, else 1). */
    yFloor?: number;
  } = {},
): string {
  const values = series.flatMap((one) => one.values.filter((v): v is number => v !== null));
  const yMax = Math.max(options.yFloor ?? (options.percent ? 0.05 : 1), ...values) * 1.12;
  const frame = frameOf(options.width ?? 560, 290, [0, labels.length], [0, yMax], { top: 30, bottom: 52 });
  const slot = (frame.width - frame.left - frame.right) / Math.max(1, labels.length);
  const width = (slot * 0.8) / Math.max(1, series.length);
  const bars = labels
    .map((label, index) =>
      series
        .map((one, s) => {
          const value = one.values[index];
          if (value === null || value === undefined) return '';
          const y = yOf(frame, value);
          const x = frame.left + index * slot + slot * 0.1 + s * width;
          const text = options.valueLabel
            ? `<text x="${(x + width / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="10" fill="${COLOURS.text}">${escapeXml(options.valueLabel(value))}</text>`
            : '';
          return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, width - 1).toFixed(1)}" height="${Math.max(0.5, yOf(frame, 0) - y).toFixed(1)}" fill="${one.colour}"><title>${escapeXml(`${label} — ${one.label}: ${options.percent ? pct(value, 2) : String(Number(value.toPrecision(6)))}`)}</title></rect>${text}`;
        })
        .join(''),
    )
    .join('');
  const marks = (options.marks ?? [])
    .map(
      (mark) =>
        `<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${yOf(frame, mark).toFixed(1)}" y2="${yOf(frame, mark).toFixed(1)}" stroke="${COLOURS.axis}" stroke-dasharray="4 3"/>`,
    )
    .join('');
  const labelsSvg = labels
    .map((label, index) => {
      const x = frame.left + (index + 0.5) * slot;
      const y = frame.height - frame.bottom + 12;
      return `<text x="${x.toFixed(1)}" y="${y}" transform="rotate(-30 ${x.toFixed(1)} ${y})" text-anchor="end" font-size="10" fill="${COLOURS.axis}">${escapeXml(label)}</text>`;
    })
    .join('');
  const body =
    axes(frame, {
      xTicks: [],
      yPercent: options.percent ?? false,
      ...(options.yLabel ? { yLabel: options.yLabel } : {}),
    }) +
    bars +
    marks +
    labelsSvg +
    legendRow(
      frame.left,
      8,
      series.map((one) => ({ label: one.label, colour: one.colour })),
    );
  return svg(frame.width, frame.height, title, body);
}

/** Horizontal bars: one row per item (reasons by frequency). */
function horizontalBars(
  title: string,
  rows: ReadonlyArray<{ label: string; value: number; note: string }>,
): string {
  // Room on the right for the longest note (about 6.2 px a character at 11 px).
  const note = Math.max(0, ...rows.map((row) => row.note.length)) * 6.2 + 12;
  const width = 760;
  const left = Math.min(320, Math.max(120, Math.max(0, ...rows.map((row) => row.label.length)) * 6.6 + 16));
  const max =
    (Math.max(1, ...rows.map((row) => row.value)) * (width - left - 16)) /
    Math.max(1, width - left - 16 - note);
  const height = 30 + rows.length * 22;
  const frame = frameOf(width, height, [0, max], [0, rows.length], { left, bottom: 10, top: 10 });
  const bars = rows
    .map((row, index) => {
      const y = frame.top + index * 22;
      return (
        `<text x="${frame.left - 8}" y="${y + 12}" text-anchor="end" font-size="11" fill="${COLOURS.text}">${escapeXml(row.label)}</text>` +
        `<rect x="${frame.left}" y="${y + 2}" width="${Math.max(1, xOf(frame, row.value) - frame.left).toFixed(1)}" height="14" fill="${COLOURS.main}" fill-opacity="0.8"/>` +
        `<text x="${(xOf(frame, row.value) + 4).toFixed(1)}" y="${y + 13}" font-size="11" fill="${COLOURS.text}">${escapeXml(row.note)}</text>`
      );
    })
    .join('');
  return svg(frame.width, frame.height, title, bars);
}

/**
 * Alerts grouped by what they are about (severity, kind, subject): a characteristic drifting for eight
 * weeks is one line with its weeks, latest and worst value, not eight. The API keeps every alert.
 */
function alertTable(alerts: readonly Alert[]): string {
  if (alerts.length === 0) return '<p class="ok">No threshold crossed in this window.</p>';
  const groups = new Map<string, { first: Alert; latest: Alert; worst: number; count: number }>();
  for (const alert of alerts) {
    const key = `${alert.severity}|${alert.kind}|${alert.subject}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { first: alert, latest: alert, worst: alert.value, count: 1 });
    else {
      group.count += 1;
      group.worst = Math.max(group.worst, alert.value);
      if (alert.from > group.latest.from) group.latest = alert;
      if (alert.from < group.first.from) group.first = alert;
    }
  }
  const order: Readonly<Record<string, number>> = { critical: 0, warning: 1, info: 2 };
  const figure = (alert: Alert, value: number): string =>
    alert.kind === 'outage' ? pct(value, 2) : alert.kind === 'low-volume' ? String(value) : value.toFixed(3);
  const rows = [...groups.values()]
    .sort(
      (a, b) =>
        (order[a.first.severity] ?? 3) - (order[b.first.severity] ?? 3) ||
        b.count - a.count ||
        (a.first.subject < b.first.subject ? -1 : 1),
    )
    .map(({ first, latest, worst, count }) => {
      const unit = first.kind === 'outage' ? 'day' : 'week';
      return `<tr class="alert ${first.severity}"><td><span class="badge ${first.severity}">${first.severity}</span></td><td>${escapeXml(first.kind)}</td><td><b>${escapeXml(first.subject)}</b></td><td class="num">${count} ${unit}${count === 1 ? '' : 's'}</td><td>${first.from} → ${latest.to}</td><td class="num">${figure(latest, latest.value)}</td><td class="num">${figure(latest, worst)}</td><td>${escapeXml(latest.reason)}</td></tr>`;
    })
    .join('');
  return `<table class="alerts"><tr><th></th><th>kind</th><th>subject</th><th class="num">crossed in</th><th>first → last</th><th class="num">latest</th><th class="num">worst</th><th>latest, in words</th></tr>${rows}</table>`;
}

function outcomeTable(data: MonitoringReportData): string {
  const rows = data.outcomes.summary
    .map(
      (group) =>
        `<tr><td>${escapeXml(group.product)}</td><td>${group.arm}</td><td class="num">${group.decisions}</td><td class="num">${pct(group.approvalRate)}</td><td class="num">${pct(group.declineRate)}</td><td class="num">${pct(group.referralRate)}</td><td class="num">${group.systemUnavailable}</td><td class="num">${yuan(group.averageApprovedLimit)}</td><td class="num">${aprText(group.averageApprovedApr)}</td><td class="num">${group.rechecks.approved + group.rechecks.declined + group.rechecks.referred}</td><td class="num">${group.overrides.total} (${group.overrides.approved} approved)</td></tr>`,
    )
    .join('');
  return `<table><tr><th>product</th><th>arm</th><th class="num">decisions</th><th class="num">approved</th><th class="num">declined</th><th class="num">referred</th><th class="num">outage referrals</th><th class="num">avg approved limit</th><th class="num">avg APR</th><th class="num">re-checks</th><th class="num">overrides</th></tr>${rows}</table>`;
}

/** Days of one product (arms added up), in order, for the time charts. */
function daysOf(
  days: readonly OutcomeDay[],
  product: string,
): Array<{
  date: string;
  approved: number;
  declined: number;
  referred: number;
  outages: number;
  decisions: number;
}> {
  const byDate = new Map<
    string,
    { date: string; approved: number; declined: number; referred: number; outages: number; decisions: number }
  >();
  for (const day of days) {
    if (day.product !== product) continue;
    const entry = byDate.get(day.date) ?? {
      date: day.date,
      approved: 0,
      declined: 0,
      referred: 0,
      outages: 0,
      decisions: 0,
    };
    entry.approved += day.outcomes.approved;
    entry.declined += day.outcomes.declined;
    entry.referred += day.outcomes.referred - day.systemUnavailable;
    entry.outages += day.systemUnavailable;
    entry.decisions += day.decisions;
    byDate.set(day.date, entry);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function productCharts(data: MonitoringReportData): string {
  const products = [...new Set(data.outcomes.summary.map((group) => group.product))];
  return products
    .map((product) => {
      const days = daysOf(data.outcomes.days, product);
      const labels = days.map((day) => day.date.slice(5));
      const share = (count: (day: (typeof days)[number]) => number) =>
        days.map((day) => (day.decisions === 0 ? null : count(day) / day.decisions));
      const rates = shareLines(`${product}: outcome rates per day`, labels, [
        { label: 'approved', colour: COLOURS.good, values: share((day) => day.approved) },
        { label: 'declined', colour: COLOURS.bad, values: share((day) => day.declined) },
        { label: 'referred', colour: COLOURS.rate, values: share((day) => day.referred + day.outages) },
      ]);
      const volumes = stackedBars(`${product}: decisions per day`, labels, [
        { label: 'approved', colour: COLOURS.good, values: days.map((day) => day.approved) },
        { label: 'declined', colour: COLOURS.bad, values: days.map((day) => day.declined) },
        { label: 'referred for review', colour: COLOURS.rate, values: days.map((day) => day.referred) },
        { label: 'outage (SYSTEM_UNAVAILABLE)', colour: '#6a1b9a', values: days.map((day) => day.outages) },
      ]);
      return `<h3>${escapeXml(product)}</h3><div class="row">${rates}${volumes}</div>`;
    })
    .join('');
}

function reasonsChart(data: MonitoringReportData): string {
  const top = data.outcomes.total.reasons.slice(0, 12);
  if (top.length === 0) return '<p class="muted">No reasons given in this window.</p>';
  return horizontalBars(
    'Principal reasons by frequency',
    top.map((reason) => ({
      label: reason.code,
      value: reason.decisions,
      note: `${reason.decisions} (${pct(reason.share)}), first in ${reason.first}`,
    })),
  );
}

function driftSection(data: MonitoringReportData): string {
  const drift = data.drift;
  if (!drift) return '<h2>Drift</h2><p class="muted">No model is active: drift cannot be measured.</p>';
  const bands = drift.scoreDistribution;
  const distribution = groupedBars(
    `Score distribution: recent decisions vs training (${drift.model.version})`,
    bands.map((band) => `${band.from}–${band.to}`),
    [
      {
        label: `training (${drift.model.trainingRows})`,
        colour: COLOURS.muted,
        values: bands.map((band) => num(band.trainingShare)),
      },
      {
        label: `recent (${drift.overall.decisions})`,
        colour: COLOURS.main,
        values: bands.map((band) => num(band.recentShare)),
      },
    ],
    { percent: true, yLabel: 'share' },
  );
  const weeks = drift.weeks;
  const psiValues = weeks.map((week) => week.psi?.value ?? null);
  const psiChart = groupedBars(
    'Score PSI per week (dashed: 0.1 monitor, 0.25 unstable)',
    weeks.map((week) => `${week.from.slice(5)}${week.lowVolume ? '*' : ''}`),
    [{ label: 'PSI', colour: COLOURS.rate, values: psiValues }],
    { yLabel: 'PSI', marks: [0.1, 0.25], valueLabel: (value) => value.toFixed(3), yFloor: 0.3 },
  );
  const features = drift.overall.csi.map((csi) => csi.feature);
  const heat = (value: number): string => (value >= 0.25 ? '#ffcdd2' : value >= 0.1 ? '#ffe0b2' : '#e8f5e9');
  const cell = (value: number | undefined): string =>
    value === undefined
      ? '<td class="heat">—</td>'
      : `<td class="heat" style="background:${heat(value)}">${value.toFixed(3)}</td>`;
  // One column per week, one row per figure: eight weeks fit across the page, a dozen characteristics down.
  const head = weeks
    .map(
      (week) =>
        `<th class="num">${week.from.slice(5)}${week.lowVolume ? '*' : ''}<br><span class="muted">${week.decisions}</span></th>`,
    )
    .join('');
  const csiRows =
    `<tr><td><b>score (PSI)</b></td>${weeks.map((week) => cell(week.psi?.value)).join('')}${cell(drift.overall.psi?.value)}</tr>` +
    features
      .map(
        (feature, f) =>
          `<tr><td>${escapeXml(feature)}</td>${weeks.map((week) => cell(week.csi[f]?.value)).join('')}${cell(drift.overall.csi[f]?.value)}</tr>`,
      )
      .join('');
  return `<h2>Drift against the training sample</h2>
<p>Model <b>${escapeXml(drift.model.version)}</b> (${drift.model.trainingRows} training rows); ε = ${drift.epsilon}. Decisions by other models: ${drift.excluded.otherModel}; unscored (faults): ${drift.excluded.unscored}; overrides: ${drift.excluded.overrides}. Over the window: PSI ${drift.overall.psi ? `${drift.overall.psi.value.toFixed(4)} (${drift.overall.psi.verdict})` : '—'}.</p>
<div class="row">${distribution}${psiChart}</div>
<h3>PSI and CSI by week <span class="muted">(weeks by their Monday, with their decisions; * fewer than ${drift.minDecisions}: read with care; green &lt; 0.1, amber &lt; 0.25, red beyond)</span></h3>
<table><tr><th></th>${head}<th class="num">window</th></tr>${csiRows}</table>`;
}

function performanceSection(data: MonitoringReportData): string {
  const performance = data.performance;
  const bands = performance.bands.filter((band) => band.loans > 0);
  const what =
    performance.window.product === 'cash_loan'
      ? 'Cash loans drawn'
      : performance.window.product === 'credit_line'
        ? 'Credit lines opened'
        : 'Cash loans drawn and credit lines opened';
  const chart =
    bands.length === 0
      ? '<p class="muted">No cash loans or credit lines in this window.</p>'
      : groupedBars(
          'Bad rate by score band (30+ days past due or written off) vs expected (mean PD)',
          bands.map((band) => band.band),
          [
            {
              label: 'observed bad rate',
              colour: COLOURS.bad,
              values: bands.map((band) => (band.badRate === null ? null : Number(band.badRate))),
            },
            {
              label: 'expected (mean PD at decision)',
              colour: COLOURS.main,
              values: bands.map((band) => band.expectedBadRate),
            },
          ],
          { percent: true, yLabel: 'bad rate' },
        );
  const productRows = performance.products
    .map(
      (product) =>
        `<tr><td>${escapeXml(product.product)}</td><td class="num">${product.loans}</td><td class="num">${product.observable}</td><td class="num">${product.bads}</td><td class="num">${pct(product.badRate)}</td><td class="num">${pdText(product.expectedBadRate)}</td><td class="num">${yuan(product.principal)}</td></tr>`,
    )
    .join('');
  const vintageRows = performance.vintages
    .map(
      (vintage) =>
        `<tr><td>${vintage.vintage}</td><td class="num">${vintage.loans}</td><td class="num">${vintage.observable}</td><td class="num">${vintage.bads}</td><td class="num">${pct(vintage.badRate)}</td><td class="num">${pdText(vintage.expectedBadRate)}</td><td class="num">${yuan(vintage.principal)}</td><td>${vintage.bands.map((band) => `${band.band}: ${band.bads}/${band.observable}`).join(' · ')}</td></tr>`,
    )
    .join('');
  return `<h2>Performance: from score to outcome</h2>
<p>${what} from ${performance.window.from} to ${performance.window.to}: ${performance.total.loans} accounts, ${performance.total.observable} old enough to judge, ${performance.total.bads} bad (${pct(performance.total.badRate)}). A loan is bad once ${performance.badDaysPastDue}+ days past due, or written off; a line once a statement minimum stays unmet ${performance.badDaysPastDue}+ days past its due date, or charged off (its vintage: the month it was opened; its principal: what was drawn on it).</p>
<table><tr><th>product</th><th class="num">accounts</th><th class="num">observable</th><th class="num">bad</th><th class="num">bad rate</th><th class="num">expected</th><th class="num">principal</th></tr>${productRows}</table>
<div class="row">${chart}</div>
<table><tr><th>vintage</th><th class="num">accounts</th><th class="num">observable</th><th class="num">bad</th><th class="num">bad rate</th><th class="num">expected</th><th class="num">principal</th><th>bad / observable by band</th></tr>${vintageRows}</table>`;
}

/** A transition matrix as a heat table: the share of accounts per cell, counts and balance shares beside. */
function rollMatrixTable(caption: string, matrices: RollMatrices, states: readonly string[]): string {
  const heat = (share: string | null): string => {
    const value = share === null ? 0 : Number(share);
    // White to the bad colour by share: the eye finds where accounts go.
    const level = Math.round(255 - value * 120);
    return `rgb(255,${level},${level})`;
  };
  const rows = matrices.total
    .map(
      (row) =>
        `<tr><th scope="row">${row.from}</th><td class="num">${row.accounts}</td><td class="num">${yuan(row.balance)}</td>${row.to
          .map((cell) =>
            row.accounts === 0
              ? '<td class="heat">—</td>'
              : `<td class="heat" style="background:${heat(cell.accountRate)}">${pct(cell.accountRate)}<br><span class="muted">${cell.accounts} · ${pct(cell.balanceRate)} of owed</span></td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<table><caption>${escapeXml(caption)}</caption><tr><th scope="col">from → to</th><th class="num" scope="col">accounts</th><th class="num" scope="col">owed</th>${states.map((state) => `<th class="num" scope="col">${state}</th>`).join('')}</tr>${rows}</table>`;
}

function rollRatesSection(data: MonitoringReportData): string {
  const report = data.rollRates;
  const tables = report.products.map((product) =>
    rollMatrixTable(
      `${product.product}: ${product.months.length} month(s) from ${report.window.from} to ${report.window.to}, added up`,
      product,
      report.states,
    ),
  );
  return `<h2>Roll rates</h2>
<p>Accounts in each delinquency bucket at a month end (M0 current, M1 1–30, M2 31–60, M3+ 61+ days past due) by where they were one month later; each cell the share of the row's accounts, with the count and the share of what they owed (the ledger's receivables). Buckets at past month ends are derived from each account's dated history; shares ${report.rounding}.</p>
${tables.length === 0 ? '<p class="muted">No account was open at two month ends of this window.</p>' : tables.join('\n')}`;
}

/** Shadow mode against the champion: the agreement heat matrix, the swap sets and the differences. */
function shadowSection(data: MonitoringReportData): string {
  const shadow = data.shadow;
  if (!shadow) return '';
  const total = shadow.total;
  if (total.records + total.failed.count === 0)
    return '<h2>Shadow mode</h2><p class="muted">No decision of this window ran a shadow.</p>';
  const ran = shadow.shadows
    .map(
      (entry) =>
        `${entry.policyVersionId ? `policy ${entry.policyVersionId}` : 'the deciding policy'} with ${entry.modelVersion ? `model ${entry.modelVersion}` : 'the deciding model'} (${entry.records})`,
    )
    .join('; ');
  const pd = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);
  return `<h2>Shadow mode</h2>
<p>${escapeXml(ran)}: what the shadow would have decided on the same facts, beside what the customer got. Agreement ${total.agreed} of ${total.records} (${pct(total.agreementRate)}); approval ${pct(total.approvalRate.champion)} → ${pct(total.approvalRate.challenger)}; ${total.failed.count} shadow(s) could not run.</p>
${swapMatrix(total, { columns: 'shadow →', rows: 'champion →', title: 'Agreement matrix: champion outcome × shadow outcome' })}
<div class="facts">
<div>swap-ins</div><div>${total.swapIns.count} — expected bad rate ${pd(total.swapIns.expectedBadRate.champion)} (champion model), ${pd(total.swapIns.expectedBadRate.challenger)} (shadow model)</div>
<div>swap-outs</div><div>${total.swapOuts.count} — expected bad rate ${pd(total.swapOuts.expectedBadRate.champion)} (champion model), ${pd(total.swapOuts.expectedBadRate.challenger)} (shadow model)</div>
<div>approved by both</div><div>${total.approvedBoth.count}: limit higher ${total.approvedBoth.limitHigher}, lower ${total.approvedBoth.limitLower}; price higher ${total.approvedBoth.priceHigher}, lower ${total.approvedBoth.priceLower}</div>
<div>reasons that differ most</div><div>${escapeXml(
    total.topReasonDifferences
      .slice(0, 5)
      .map((entry) => `${entry.code} ${entry.champion} → ${entry.shadow}`)
      .join(', ') || 'none',
  )}</div>
</div>`;
}

/** The daily monitoring page (`credence monitor report`). */
export function renderMonitoringReport(data: MonitoringReportData): string {
  const product = data.window.product ?? 'all products';
  const total = data.outcomes.total;
  const body = `<h1>Credence monitoring <span class="muted">${data.window.from} to ${data.window.to} · ${escapeXml(product)}</span></h1>
<div class="facts">
<div>decisions</div><div>${total.decisions} (approved ${pct(total.approvalRate)}, declined ${pct(total.declineRate)}, referred ${pct(total.referralRate)}); ${total.systemUnavailable} referred for a technical fault</div>
<div>appeals</div><div>${total.rechecks.approved + total.rechecks.declined + total.rechecks.referred} re-checks (${total.rechecks.approved} approved); ${total.overrides.total} overrides by reviewers (${total.overrides.approved} approved)</div>
<div>model</div><div>${data.drift ? escapeXml(`${data.drift.model.version} (${data.drift.model.contentHash.slice(0, 19)}…)`) : 'none active'}</div>
<div>generated</div><div>${escapeXml(data.generatedAt)}</div>
</div>
<h2>Alerts</h2>
${alertTable(data.alerts)}
<h2>Outcomes</h2>
${outcomeTable(data)}
${productCharts(data)}
<h3>Principal reasons</h3>
${reasonsChart(data)}
${driftSection(data)}
${performanceSection(data)}
${rollRatesSection(data)}
${shadowSection(data)}`;
  return page(`Credence monitoring ${data.window.from}–${data.window.to}`, body);
}

function swapMatrix(
  figures: Pick<SimulationFigures, 'matrix'>,
  axes: { readonly columns: string; readonly rows: string; readonly title: string } = {
    columns: 'candidate policy →',
    rows: 'recorded →',
    title: 'Swap-set matrix: recorded outcome × candidate outcome',
  },
): string {
  const outcomes = ['approved', 'referred', 'declined'] as const;
  const cell = 88;
  const left = 120;
  const top = 58;
  const max = Math.max(1, ...outcomes.flatMap((from) => outcomes.map((to) => figures.matrix[from][to])));
  const cells = outcomes
    .map((from, r) =>
      outcomes
        .map((to, c) => {
          const count = figures.matrix[from][to];
          const swapIn = from !== 'approved' && to === 'approved';
          const swapOut = from === 'approved' && to !== 'approved';
          const colour = swapIn ? COLOURS.good : swapOut ? COLOURS.bad : COLOURS.main;
          const opacity = count === 0 ? 0.04 : 0.15 + 0.75 * (count / max);
          const x = left + c * cell;
          const y = top + r * cell;
          return (
            `<rect x="${x}" y="${y}" width="${cell - 4}" height="${cell - 4}" fill="${colour}" fill-opacity="${opacity.toFixed(2)}" stroke="${colour}"/>` +
            `<text x="${x + (cell - 4) / 2}" y="${y + cell / 2 - 2}" text-anchor="middle" font-size="18" font-weight="600" fill="${COLOURS.text}">${count}</text>` +
            (swapIn || swapOut
              ? `<text x="${x + (cell - 4) / 2}" y="${y + cell / 2 + 16}" text-anchor="middle" font-size="10" fill="${colour}">${swapIn ? 'swap-in' : 'swap-out'}</text>`
              : '')
          );
        })
        .join(''),
    )
    .join('');
  const heads =
    outcomes
      .map(
        (to, c) =>
          `<text x="${left + c * cell + (cell - 4) / 2}" y="${top - 8}" text-anchor="middle" font-size="12" fill="${COLOURS.text}">${to}</text>`,
      )
      .join('') +
    outcomes
      .map(
        (from, r) =>
          `<text x="${left - 8}" y="${top + r * cell + cell / 2}" text-anchor="end" font-size="12" fill="${COLOURS.text}">${from}</text>`,
      )
      .join('') +
    `<text x="${left + (3 * cell) / 2}" y="18" text-anchor="middle" font-size="12" font-weight="600" fill="${COLOURS.text}">${escapeXml(axes.columns)}</text>` +
    `<text x="14" y="${top + (3 * cell) / 2}" transform="rotate(-90 14 ${top + (3 * cell) / 2})" text-anchor="middle" font-size="12" font-weight="600" fill="${COLOURS.text}">${escapeXml(axes.rows)}</text>`;
  return svg(left + 3 * cell + 16, top + 3 * cell + 12, axes.title, heads + cells);
}

function figuresTable(rows: ReadonlyArray<{ label: string; figures: SimulationFigures }>): string {
  const body = rows
    .map(
      ({ label, figures }) =>
        `<tr><td>${escapeXml(label)}</td><td class="num">${figures.records}</td><td class="num">${pct(figures.approvalRateBefore)}</td><td class="num">${pct(figures.approvalRateAfter)}</td><td class="num">${figures.swapIns}</td><td class="num">${figures.swapOuts}</td><td class="num">${yuan(figures.limits.averageBefore)}</td><td class="num">${yuan(figures.limits.averageAfter)}</td><td class="num">${aprText(figures.prices.averageAprBefore)}</td><td class="num">${aprText(figures.prices.averageAprAfter)}</td><td class="num">${pdText(figures.expectedBadRate.before)}</td><td class="num">${pdText(figures.expectedBadRate.after)}</td></tr>`,
    )
    .join('');
  return `<table><tr><th></th><th class="num">records</th><th class="num">approval before</th><th class="num">after</th><th class="num">swap-ins</th><th class="num">swap-outs</th><th class="num">avg limit before</th><th class="num">after</th><th class="num">avg APR before</th><th class="num">after</th><th class="num">expected bad rate before</th><th class="num">after</th></tr>${body}</table>`;
}

/** The simulation page (`credence simulate --out`). */
export function renderSimulationReport(result: SimulationResult, title = 'candidate policy'): string {
  const { report, candidate } = result;
  const total = report.total;
  const bands = report.bands.filter((band) => band.records > 0);
  const labels = bands.map((band) => band.band);
  const approval = groupedBars(
    'Approval rate by score band',
    labels,
    [
      { label: 'recorded', colour: COLOURS.muted, values: bands.map((band) => num(band.approvalRateBefore)) },
      { label: 'candidate', colour: COLOURS.main, values: bands.map((band) => num(band.approvalRateAfter)) },
    ],
    { percent: true, yLabel: 'approved' },
  );
  const risk = groupedBars(
    'Expected bad rate of the approved set by band (mean recorded PD)',
    labels,
    [
      { label: 'recorded', colour: COLOURS.muted, values: bands.map((band) => band.expectedBadRate.before) },
      { label: 'candidate', colour: COLOURS.bad, values: bands.map((band) => band.expectedBadRate.after) },
    ],
    { percent: true, yLabel: 'mean PD' },
  );
  const reproduction = report.reproduction;
  const reproduced =
    reproduction.records === 0
      ? '<span class="muted">No record in the window was decided by this exact policy version.</span>'
      : reproduction.reproduced === reproduction.records
        ? `<span class="ok">all ${reproduction.records} records this policy decided are reproduced exactly</span> (outcome, limit to the fen, price)`
        : `<span class="bad">${reproduction.records - reproduction.reproduced} of ${reproduction.records} records this policy decided come out differently</span>`;
  const limits = total.limits;
  const prices = total.prices;
  const body = `<h1>Policy simulation <span class="muted">${escapeXml(title)} · ${report.window.from} to ${report.window.to} · ${escapeXml(report.window.product ?? 'all products')}</span></h1>
<div class="facts">
<div>candidate</div><div><code>${escapeXml(candidate.checksum)}</code>${candidate.warnings.length > 0 ? ` · ${candidate.warnings.length} static-check warning${candidate.warnings.length === 1 ? '' : 's'} (gaps or overlaps the compiler accepts)` : ''}${candidate.saved ? ` · saved as ${escapeXml(candidate.saved.versionId)}` : ' · not saved'}</div>
<div>records</div><div>${total.records} simulated; skipped ${report.skipped.overrides} overrides and ${report.skipped.faults} fault referrals; ${report.failed.count} the candidate could not evaluate</div>
<div>exactness</div><div>${reproduced}</div>
<div>approval</div><div>${pct(total.approvalRateBefore)} recorded → ${pct(total.approvalRateAfter)} candidate: ${total.swapIns} swap-ins, ${total.swapOuts} swap-outs</div>
<div>limits</div><div>exposure offered ${yuan(limits.totalBefore)} → ${yuan(limits.totalAfter)}; of those approved both times ${limits.raised} raised, ${limits.lowered} lowered, ${limits.unchanged} unchanged</div>
<div>prices</div><div>average APR ${aprText(prices.averageAprBefore)} → ${aprText(prices.averageAprAfter)}; ${prices.raised} raised, ${prices.lowered} lowered, ${prices.unchanged} unchanged</div>
<div>risk</div><div>expected bad rate of the approved set ${pdText(total.expectedBadRate.before)} → ${pdText(total.expectedBadRate.after)}; swap-ins ${pdText(total.expectedBadRate.swapIns)}, swap-outs ${pdText(total.expectedBadRate.swapOuts)}</div>
</div>
<h2>Swap set</h2>
<div class="row">${swapMatrix(total)}${approval}</div>
<h2>Risk of the approved set</h2>
<div class="row">${risk}</div>
<h2>By product</h2>
${figuresTable(report.products.map((product) => ({ label: product.product, figures: product })))}
<h2>By score band</h2>
${figuresTable(bands.map((band) => ({ label: band.band, figures: band })))}
${
  reproduction.mismatches.length > 0
    ? `<h2>Not reproduced</h2><table><tr><th>decision</th><th>recorded</th><th>simulated</th></tr>${reproduction.mismatches
        .map(
          (m) =>
            `<tr><td>${escapeXml(m.decisionId)}</td><td>${m.stored.outcome} ${m.stored.limit} ${m.stored.apr ?? ''}</td><td>${m.simulated.outcome} ${m.simulated.limit} ${m.simulated.apr ?? ''}</td></tr>`,
        )
        .join('')}</table>`
    : ''
}
${
  report.failed.examples.length > 0
    ? `<h2>Could not evaluate</h2><ul>${report.failed.examples.map((f) => `<li>${escapeXml(f.decisionId)}: ${escapeXml(f.code)} — ${escapeXml(f.message)}</li>`).join('')}</ul>`
    : ''
}`;
  return page(`Policy simulation ${report.window.from}–${report.window.to}`, body);
}
