import type { StabilityReport } from './evaluation.ts';
import { ivStrength } from './woe.ts';
import type { SampleMetrics, Scorecard, ScorecardFeature } from './scorecard.ts';
import {
  axes,
  COLOURS,
  escapeXml,
  frameOf,
  legend,
  legendRow,
  niceTicks,
  polyline,
  svg,
  xOf,
  yOf,
} from './svg-charts.ts';

/**
 * The scorecard report: one self-contained HTML page (inline SVG, inline CSS, nothing fetched) with the
 * model's discrimination (ROC, KS), its score distribution and calibration, each characteristic's bins
 * as charts (share and bad rate; WoE), and the scorecard table a person can add up by hand.
 */
export interface ReportSample {
  /** What the curves describe: "holdout sample", "applications.csv", … */
  readonly label: string;
  readonly metrics: SampleMetrics;
  /** PSI/CSI of this sample against training, when the sample is new data. */
  readonly stability?: StabilityReport;
  /** The sample's counts over each feature's bins, drawn beside the training shares. */
  readonly binCounts?: ReadonlyMap<string, readonly number[]>;
}

const fmt = (value: number | null | undefined, digits = 3): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const pct = (value: number, digits = 1): string => `${(value * 100).toFixed(digits)}%`;

interface Curve {
  readonly score: number;
  readonly cumBads: number;
  readonly cumGoods: number;
}

/** Cumulative shares of bads and goods from the lowest score band up (the riskiest first). */
function cumulative(metrics: SampleMetrics): Curve[] {
  const { goods, bads, from, width } = metrics.scoreHistogram;
  const totalGoods = goods.reduce((s, v) => s + v, 0) || 1;
  const totalBads = bads.reduce((s, v) => s + v, 0) || 1;
  const curve: Curve[] = [{ score: from, cumBads: 0, cumGoods: 0 }];
  let cb = 0;
  let cg = 0;
  goods.forEach((g, k) => {
    cb += bads[k] ?? 0;
    cg += g;
    curve.push({ score: from + (k + 1) * width, cumBads: cb / totalBads, cumGoods: cg / totalGoods });
  });
  return curve;
}

function rocChart(metrics: SampleMetrics): string {
  const frame = frameOf(320, 290, [0, 1], [0, 1]);
  const points = cumulative(metrics).map((c) => [c.cumGoods, c.cumBads] as const);
  const body =
    axes(frame, {
      xLabel: 'false-positive rate (goods flagged)',
      yLabel: 'true-positive rate (bads caught)',
      xPercent: true,
      yPercent: true,
    }) +
    polyline(
      frame,
      [
        [0, 0],
        [1, 1],
      ],
      COLOURS.muted,
      1,
      '4 4',
    ) +
    polyline(frame, points, COLOURS.main, 2.5) +
    `<text x="${frame.width - 24}" y="${yOf(frame, 0.08)}" text-anchor="end" font-size="13" fill="${COLOURS.text}">AUC ${fmt(metrics.auc)}</text>`;
  return svg(frame.width, frame.height, 'ROC curve', body);
}

function ksChart(metrics: SampleMetrics, card: Scorecard): string {
  const curve = cumulative(metrics);
  const frame = frameOf(320, 290, [card.scaling.minScore, card.scaling.maxScore], [0, 1]);
  let best = curve[0] ?? { score: 0, cumBads: 0, cumGoods: 0 };
  for (const c of curve) if (c.cumBads - c.cumGoods > best.cumBads - best.cumGoods) best = c;
  const x = xOf(frame, best.score);
  const body =
    axes(frame, { xLabel: 'score', yLabel: 'cumulative share', yPercent: true }) +
    polyline(
      frame,
      curve.map((c) => [c.score, c.cumBads] as const),
      COLOURS.bad,
      2,
    ) +
    polyline(
      frame,
      curve.map((c) => [c.score, c.cumGoods] as const),
      COLOURS.good,
      2,
    ) +
    `<line x1="${x}" x2="${x}" y1="${yOf(frame, best.cumBads)}" y2="${yOf(frame, best.cumGoods)}" stroke="${COLOURS.text}" stroke-width="1.5" stroke-dasharray="3 3"/>` +
    `<text x="${x + 6}" y="${(yOf(frame, best.cumBads) + yOf(frame, best.cumGoods)) / 2}" font-size="12" fill="${COLOURS.text}">KS ${fmt(metrics.ks)} at ${best.score}</text>` +
    legend(frame.width - 110, frame.height - 90, [
      { label: 'bads', colour: COLOURS.bad },
      { label: 'goods', colour: COLOURS.good },
    ]);
  return svg(frame.width, frame.height, 'KS curve', body);
}

function distributionChart(metrics: SampleMetrics, card: Scorecard): string {
  const { goods, bads, from, width } = metrics.scoreHistogram;
  // Two histogram bands per bar: 10 points wide.
  const merge = 2;
  const bars: Array<{ x0: number; x1: number; g: number; b: number }> = [];
  for (let k = 0; k < goods.length; k += merge) {
    let g = 0;
    let b = 0;
    for (let m = k; m < Math.min(goods.length, k + merge); m += 1) {
      g += goods[m] ?? 0;
      b += bads[m] ?? 0;
    }
    bars.push({ x0: from + k * width, x1: from + Math.min(goods.length, k + merge) * width, g, b });
  }
  const totalGoods = goods.reduce((s, v) => s + v, 0) || 1;
  const totalBads = bads.reduce((s, v) => s + v, 0) || 1;
  const yMax = Math.max(0.01, ...bars.map((bar) => Math.max(bar.g / totalGoods, bar.b / totalBads))) * 1.1;
  const frame = frameOf(530, 300, [card.scaling.minScore, card.scaling.maxScore], [0, yMax], { top: 30 });
  const rects = bars
    .map((bar) => {
      const x = xOf(frame, bar.x0);
      const w = Math.max(1, xOf(frame, bar.x1) - x - 1);
      const yg = yOf(frame, bar.g / totalGoods);
      const yb = yOf(frame, bar.b / totalBads);
      const base = yOf(frame, 0);
      return (
        `<rect x="${x.toFixed(1)}" y="${yg.toFixed(1)}" width="${w.toFixed(1)}" height="${(base - yg).toFixed(1)}" fill="${COLOURS.good}" fill-opacity="0.45"/>` +
        `<rect x="${x.toFixed(1)}" y="${yb.toFixed(1)}" width="${w.toFixed(1)}" height="${(base - yb).toFixed(1)}" fill="${COLOURS.bad}" fill-opacity="0.45"/>`
      );
    })
    .join('');
  const body =
    axes(frame, { xLabel: 'score (10-point bands)', yLabel: 'share of the class', yPercent: true }) +
    rects +
    legendRow(frame.left, 8, [
      { label: `goods (${metrics.n - metrics.bads})`, colour: COLOURS.good },
      { label: `bads (${metrics.bads})`, colour: COLOURS.bad },
    ]);
  return svg(frame.width, frame.height, 'Score distribution', body);
}

function calibrationChart(metrics: SampleMetrics, card: Scorecard): string {
  const bands = metrics.calibration.filter((band) => band.count > 0);
  const yMax = Math.min(1, Math.max(0.05, ...bands.map((b) => Math.max(b.observed, b.predicted))) * 1.1);
  const frame = frameOf(530, 300, [card.scaling.minScore, card.scaling.maxScore], [0, yMax], { top: 30 });
  const maxCount = Math.max(1, ...bands.map((b) => b.count));
  const countBars = bands
    .map((band) => {
      const x = xOf(frame, band.from) + 2;
      const w = xOf(frame, band.to) - xOf(frame, band.from) - 4;
      const h = ((band.count / maxCount) * (frame.height - frame.top - frame.bottom)) / 3;
      return `<rect x="${x.toFixed(1)}" y="${(yOf(frame, 0) - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS.grid}"><title>${band.count} rows</title></rect>`;
    })
    .join('');
  const mid = (band: { from: number; to: number }): number => (band.from + band.to) / 2;
  const observed = bands.map((band) => [mid(band), band.observed] as const);
  const predicted = bands.map((band) => [mid(band), band.predicted] as const);
  const dots = bands
    .map(
      (band) =>
        `<circle cx="${xOf(frame, mid(band)).toFixed(1)}" cy="${yOf(frame, band.observed).toFixed(1)}" r="4" fill="${COLOURS.bad}"><title>${band.from}–${band.to}: observed ${pct(band.observed)}, predicted ${pct(band.predicted)}, ${band.count} rows</title></circle>`,
    )
    .join('');
  const body =
    axes(frame, {
      xLabel: 'score band',
      yLabel: 'bad rate',
      yPercent: true,
      xTicks: niceTicks(card.scaling.minScore, card.scaling.maxScore, 6),
    }) +
    countBars +
    polyline(frame, predicted, COLOURS.main, 2, '6 3') +
    polyline(frame, observed, COLOURS.bad, 2) +
    dots +
    legendRow(frame.left, 8, [
      { label: 'observed bad rate', colour: COLOURS.bad },
      { label: 'predicted (mean PD)', colour: COLOURS.main },
      { label: 'rows (relative)', colour: COLOURS.grid },
    ]);
  return svg(frame.width, frame.height, 'Calibration by score band', body);
}

/** A bin label under a bar, slanted so long labels hang down to the left and never leave the chart. */
function binLabel(x: number, y: number, text: string): string {
  return `<text x="${x.toFixed(1)}" y="${y}" transform="rotate(-30 ${x.toFixed(1)} ${y})" text-anchor="end" font-size="10" fill="${COLOURS.axis}">${escapeXml(text)}</text>`;
}

function binLabels(feature: ScorecardFeature): string[] {
  return feature.bins.map((bin) => (bin.text.length > 18 ? `${bin.text.slice(0, 17)}…` : bin.text));
}

/** Bars: share of training rows per bin; line and dots: bad rate per bin (right axis). */
function binChart(feature: ScorecardFeature, actual?: readonly number[]): string {
  const total = feature.bins.reduce((s, b) => s + b.count, 0) || 1;
  const actualTotal = actual ? actual.reduce((s, c) => s + c, 0) || 1 : 1;
  const shares = feature.bins.map((b) => b.count / total);
  const actualShares = actual ? actual.map((c) => c / actualTotal) : undefined;
  const rateMax = Math.min(1, Math.max(0.05, ...feature.bins.map((b) => b.eventRate)) * 1.15);
  const shareMax = Math.min(1, Math.max(0.05, ...shares, ...(actualShares ?? [])) * 1.15);
  const n = feature.bins.length;
  const frame = frameOf(420, 270, [0, n], [0, shareMax], { right: 52, bottom: 70, top: 30 });
  const slot = (frame.width - frame.left - frame.right) / n;
  const labels = binLabels(feature);
  const bars = feature.bins
    .map((bin, k) => {
      const x = frame.left + k * slot + slot * 0.15;
      const w = slot * (actualShares ? 0.35 : 0.7);
      const y = yOf(frame, shares[k] ?? 0);
      const other = actualShares
        ? `<rect x="${(x + w).toFixed(1)}" y="${yOf(frame, actualShares[k] ?? 0).toFixed(1)}" width="${w.toFixed(1)}" height="${(yOf(frame, 0) - yOf(frame, actualShares[k] ?? 0)).toFixed(1)}" fill="${COLOURS.muted}"/>`
        : '';
      const lx = frame.left + (k + 0.5) * slot;
      const ly = frame.height - frame.bottom + 12;
      return (
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${(yOf(frame, 0) - y).toFixed(1)}" fill="${COLOURS.main}" fill-opacity="0.75"><title>${escapeXml(bin.text)}: ${bin.count} rows (${pct(shares[k] ?? 0)}), bad rate ${pct(bin.eventRate)}</title></rect>` +
        other +
        binLabel(lx, ly, labels[k] ?? '')
      );
    })
    .join('');
  const rateY = (rate: number): number => yOf(frame, (rate / rateMax) * shareMax);
  const populated = feature.bins.map((bin, k) => ({ bin, k })).filter(({ bin }) => bin.count > 0);
  // The line joins ordered bins only (intervals, category groups); missing and special values are dots.
  const ordered = populated.filter(({ bin }) => bin.kind === 'interval' || bin.kind === 'categories');
  const line = polyline(
    frame,
    ordered.map(({ bin, k }) => [k + 0.5, (bin.eventRate / rateMax) * shareMax] as const),
    COLOURS.rate,
    2,
  );
  const dots = populated
    .map(
      ({ bin, k }) =>
        `<circle cx="${xOf(frame, k + 0.5).toFixed(1)}" cy="${rateY(bin.eventRate).toFixed(1)}" r="3.5" fill="${COLOURS.rate}"/>`,
    )
    .join('');
  const rightTicks = niceTicks(0, rateMax, 4)
    .map(
      (t) =>
        `<text x="${frame.width - frame.right + 6}" y="${rateY(t).toFixed(1)}" dy="0.32em" font-size="11" fill="${COLOURS.rate}">${Number((t * 100).toPrecision(4))}%</text>`,
    )
    .join('');
  const body =
    axes(frame, { yLabel: 'share of rows', yPercent: true, xTicks: [] }) +
    bars +
    line +
    dots +
    rightTicks +
    legendRow(frame.left, 8, [
      { label: 'share, training', colour: COLOURS.main },
      ...(actualShares ? [{ label: 'share, sample', colour: COLOURS.muted }] : []),
      { label: 'bad rate (right)', colour: COLOURS.rate },
    ]);
  return svg(frame.width, frame.height, `${feature.name}: bins, share and bad rate`, body);
}

/** Bars from zero: the WoE of each bin (positive = better than average). */
function woeChart(feature: ScorecardFeature): string {
  const woes = feature.bins.map((b) => b.woe);
  const extent = Math.max(0.25, ...woes.map((w) => Math.abs(w))) * 1.15;
  const n = feature.bins.length;
  const frame = frameOf(360, 270, [0, n], [-extent, extent], { bottom: 70, top: 30 });
  const slot = (frame.width - frame.left - frame.right) / n;
  const labels = binLabels(feature);
  const bars = feature.bins
    .map((bin, k) => {
      const x = frame.left + k * slot + slot * 0.15;
      const y0 = yOf(frame, 0);
      const y1 = yOf(frame, bin.woe);
      const lx = frame.left + (k + 0.5) * slot;
      const ly = frame.height - frame.bottom + 12;
      return (
        `<rect x="${x.toFixed(1)}" y="${Math.min(y0, y1).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${Math.max(0.5, Math.abs(y1 - y0)).toFixed(1)}" fill="${bin.woe >= 0 ? COLOURS.good : COLOURS.bad}"><title>${escapeXml(bin.text)}: WoE ${bin.woe.toFixed(3)}, ${bin.points} points</title></rect>` +
        `<text x="${lx.toFixed(1)}" y="${(bin.woe >= 0 ? y1 - 4 : y1 + 12).toFixed(1)}" text-anchor="middle" font-size="10" fill="${COLOURS.text}">${bin.points}</text>` +
        binLabel(lx, ly, labels[k] ?? '')
      );
    })
    .join('');
  const body =
    axes(frame, { yLabel: 'WoE = ln(%good / %bad)', xTicks: [] }) +
    `<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${yOf(frame, 0)}" y2="${yOf(frame, 0)}" stroke="${COLOURS.axis}"/>` +
    bars;
  return svg(
    frame.width,
    frame.height,
    `${feature.name}: weight of evidence (labels: points)`,
    body +
      legendRow(frame.left, 8, [
        { label: 'WoE > 0: better than average', colour: COLOURS.good },
        { label: 'WoE < 0: worse', colour: COLOURS.bad },
      ]),
  );
}

function stabilityChart(stability: StabilityReport): string {
  const rows = [
    { name: 'score (PSI)', value: stability.score.value },
    ...stability.features.map((f) => ({ name: f.feature, value: f.stability.value })),
  ];
  const max = Math.max(0.3, ...rows.map((r) => r.value)) * 1.1;
  const height = 40 + rows.length * 24;
  const frame = frameOf(700, height, [0, max], [0, rows.length], { left: 160, bottom: 36, top: 8 });
  const bars = rows
    .map((row, k) => {
      const y = frame.top + k * 24 + 4;
      const colour = row.value < 0.1 ? COLOURS.good : row.value < 0.25 ? COLOURS.rate : COLOURS.bad;
      return (
        `<text x="${frame.left - 8}" y="${y + 11}" text-anchor="end" font-size="12" fill="${COLOURS.text}">${escapeXml(row.name)}</text>` +
        `<rect x="${frame.left}" y="${y}" width="${Math.max(1, xOf(frame, row.value) - frame.left).toFixed(1)}" height="16" fill="${colour}"/>` +
        `<text x="${(xOf(frame, row.value) + 4).toFixed(1)}" y="${y + 12}" font-size="11" fill="${COLOURS.text}">${row.value.toFixed(4)}</text>`
      );
    })
    .join('');
  const marks = [0.1, 0.25]
    .map(
      (t) =>
        `<line x1="${xOf(frame, t)}" x2="${xOf(frame, t)}" y1="${frame.top}" y2="${frame.height - frame.bottom}" stroke="${COLOURS.axis}" stroke-dasharray="4 3"/>`,
    )
    .join('');
  const baseline = frame.height - frame.bottom;
  const ticks = niceTicks(0, max, 6)
    .map(
      (t) =>
        `<text x="${xOf(frame, t).toFixed(1)}" y="${baseline + 14}" text-anchor="middle" font-size="11" fill="${COLOURS.axis}">${t}</text>`,
    )
    .join('');
  return svg(
    frame.width,
    frame.height,
    'Stability against training (PSI / CSI)',
    bars +
      marks +
      ticks +
      `<text x="${frame.left}" y="${frame.height - 6}" font-size="11" fill="${COLOURS.axis}">dashed: 0.1 (monitor) and 0.25 (unstable); ε = ${stability.score.epsilon}</text>`,
  );
}

function metricsTable(card: Scorecard, sample: ReportSample): string {
  const columns: Array<{ label: string; metrics: SampleMetrics | null }> = [
    { label: 'training', metrics: card.metrics.train },
    { label: 'holdout', metrics: card.metrics.holdout },
    ...(sample.label === 'training sample' || sample.label === 'holdout sample'
      ? []
      : [{ label: sample.label, metrics: sample.metrics }]),
  ];
  const row = (name: string, get: (m: SampleMetrics) => string): string =>
    `<tr><th>${name}</th>${columns.map((c) => `<td>${c.metrics ? get(c.metrics) : '—'}</td>`).join('')}</tr>`;
  return `<table class="metrics"><tr><th></th>${columns.map((c) => `<th>${escapeXml(c.label)}</th>`).join('')}</tr>
${row('rows', (m) => String(m.n))}
${row('bad rate', (m) => pct(m.badRate, 2))}
${row('AUC', (m) => fmt(m.auc, 4))}
${row('Gini', (m) => fmt(m.gini, 4))}
${row('KS', (m) => fmt(m.ks, 4))}
${row('Brier', (m) => fmt(m.brier, 4))}
${row('log-loss', (m) => fmt(m.logLoss, 4))}</table>`;
}

function scorecardTable(card: Scorecard): string {
  const rows = card.features
    .map((feature) => {
      const total = feature.bins.reduce((s, b) => s + b.count, 0) || 1;
      const head = `<tr class="feature"><th colspan="7">${escapeXml(feature.name)} <span class="muted">— ${feature.label.en === feature.name ? '' : `${escapeXml(feature.label.en)} · `}${feature.dimension} · IV ${fmt(feature.iv)} (${ivStrength(feature.iv)}) · β ${fmt(feature.coefficient, 4)} · p ${feature.pValue === null ? '—' : feature.pValue.toPrecision(3)} · ${feature.trend}</span></th></tr>`;
      const bins = feature.bins
        .map(
          (bin) =>
            `<tr><td>${escapeXml(bin.text)}</td><td class="num">${bin.count}</td><td class="num">${pct(bin.count / total)}</td><td class="num">${bin.count > 0 ? pct(bin.eventRate) : '—'}</td><td class="num">${bin.woe.toFixed(4)}</td><td class="num">${bin.iv.toFixed(4)}</td><td class="num points">${bin.points}</td></tr>`,
        )
        .join('');
      return head + bins;
    })
    .join('');
  return `<table class="card"><tr><th>bin</th><th>rows</th><th>share</th><th>bad rate</th><th>WoE</th><th>IV</th><th>points</th></tr>
<tr class="feature"><th colspan="6">base points (every applicant)</th><td class="num points">${card.basePoints}</td></tr>${rows}</table>`;
}

/** Share of the sample in the lowest and highest score bands, as text. */
function clampedShare(metrics: SampleMetrics): string {
  const { goods, bads } = metrics.scoreHistogram;
  const at = (k: number): number => (goods[k] ?? 0) + (bads[k] ?? 0);
  return pct((at(0) + at(goods.length - 1)) / Math.max(1, metrics.n));
}

/** Renders the report page. Without a sample, the curves describe the holdout (or training) sample. */
export function renderScorecardReport(card: Scorecard, sample?: ReportSample): string {
  const chosen: ReportSample = sample ?? {
    label: card.metrics.holdout ? 'holdout sample' : 'training sample',
    metrics: card.metrics.holdout ?? card.metrics.train,
  };
  const s = card.scaling;
  const featureSections = card.features
    .map((feature) => {
      const actual = chosen.binCounts?.get(feature.name);
      return `<section class="feature-charts"><h3>${escapeXml(feature.name)} <span class="muted">${feature.dimension} · IV ${fmt(feature.iv)}</span></h3><div class="row">${binChart(feature, actual)}${woeChart(feature)}</div></section>`;
    })
    .join('');
  const dropped = card.dropped.length
    ? `<ul>${card.dropped.map((d) => `<li><b>${escapeXml(d.feature)}</b> — ${d.reason}: ${escapeXml(d.detail)}</li>`).join('')}</ul>`
    : '<p>None.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scorecard ${escapeXml(card.version)}</title>
<style>
body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',sans-serif;color:#212121;margin:24px auto;max-width:1120px;padding:0 16px;line-height:1.45}
h1{margin-bottom:4px}h2{margin-top:32px;border-bottom:1px solid #e0e0e0;padding-bottom:4px}h3{margin:18px 0 4px}
.muted{color:#757575;font-weight:normal;font-size:.9em}.row{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
table{border-collapse:collapse;font-size:13px}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.points{font-weight:600}
tr.feature th{background:#f5f5f5;padding-top:8px}table.metrics td{text-align:right;min-width:90px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;font-size:14px}.facts div:nth-child(odd){color:#616161}
code{font-size:12px;background:#f5f5f5;padding:1px 4px}
</style></head><body>
<h1>Scorecard ${escapeXml(card.version)}</h1>
<div class="facts">
<div>trained</div><div>${escapeXml(card.trainedAt)} on ${card.training.rows} rows (${card.training.bads} bads, ${pct(card.training.bads / Math.max(1, card.training.rows), 2)}); target ${escapeXml(card.target.column)} = "${escapeXml(card.target.bad)}"</div>
<div>scaling</div><div>${s.baseScore} points at ${s.baseOdds}:1 good:bad odds, ${s.pdo} points to double the odds (factor ${s.factor.toFixed(4)}, offset ${s.offset.toFixed(4)}); scores clamped to [${s.minScore}, ${s.maxScore}]</div>
<div>WoE</div><div>ln(%good / %bad) with smoothing α = ${card.smoothing.alpha}</div>
<div>rounding</div><div>integer points; |total − unrounded score| ≤ ${card.rounding.worstCase.toFixed(2)} for any applicant (${card.rounding.trainingMax.toFixed(2)} at most in training)</div>
<div>curves</div><div>${escapeXml(chosen.label)} (${chosen.metrics.n} rows)</div>
<div>content hash</div><div><code>${escapeXml(card.contentHash)}</code></div>
<div>training data</div><div><code>${escapeXml(card.training.fingerprint)}</code></div>
</div>
<h2>Discrimination and calibration</h2>
<div class="row">${metricsTable(card, chosen)}${rocChart(chosen.metrics)}${ksChart(chosen.metrics, card)}</div>
<div class="row">${distributionChart(chosen.metrics, card)}${calibrationChart(chosen.metrics, card)}</div>
<p class="muted">Scores are clamped to [${s.minScore}, ${s.maxScore}]: everyone beyond the scale lands in the first or last band of the distribution (together ${clampedShare(chosen.metrics)} of this sample). Metrics use the PD of the unclamped total, so they still rank those applicants.</p>
${chosen.stability ? `<h2>Stability of ${escapeXml(chosen.label)} against training</h2><p>PSI of the score ${chosen.stability.score.value.toFixed(4)} (${chosen.stability.score.verdict}).</p>${stabilityChart(chosen.stability)}` : ''}
<h2>Scorecard</h2>
<p>Score = base points + the points of the bin each characteristic falls in, clamped to [${s.minScore}, ${s.maxScore}]. A bin no training row fell in (missing, unseen category) has WoE 0 and scores as an average applicant.</p>
${scorecardTable(card)}
<h2>Characteristics</h2>
${featureSections}
<h2>Left out</h2>
${dropped}
</body></html>
`;
}
