/**
 * Small, dependency-free SVG charts for the scorecard report: axes with round ticks, lines, bars. Every
 * chart is a self-contained `<svg>` string, so the report is one HTML file with nothing to fetch.
 */

export const COLOURS = {
  good: '#2e7d32',
  bad: '#c62828',
  main: '#1565c0',
  rate: '#ef6c00',
  grid: '#e0e0e0',
  axis: '#616161',
  text: '#212121',
  muted: '#9e9e9e',
} as const;

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Round tick values covering [min, max] (about `count` of them): steps of 1, 2 or 5 × 10ⁿ. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
    ticks.push(Number(t.toPrecision(12)));
  }
  return ticks;
}

function tickLabel(value: number, percent: boolean): string {
  if (percent) return `${Number((value * 100).toPrecision(6))}%`;
  if (Math.abs(value) >= 10000) return `${Number((value / 1000).toPrecision(6))}k`;
  return String(Number(value.toPrecision(6)));
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

export function xOf(frame: Frame, value: number): number {
  const span = frame.xMax - frame.xMin || 1;
  return frame.left + ((value - frame.xMin) / span) * (frame.width - frame.left - frame.right);
}

export function yOf(frame: Frame, value: number): number {
  const span = frame.yMax - frame.yMin || 1;
  return (
    frame.height - frame.bottom - ((value - frame.yMin) / span) * (frame.height - frame.top - frame.bottom)
  );
}

function fixed(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '0';
}

/** Axes, grid lines, tick labels and titles of a frame. */
export function axes(
  frame: Frame,
  options: {
    readonly xLabel?: string;
    readonly yLabel?: string;
    readonly xPercent?: boolean;
    readonly yPercent?: boolean;
    readonly xTicks?: readonly number[];
    readonly yTicks?: readonly number[];
  } = {},
): string {
  const parts: string[] = [];
  const yTicks = options.yTicks ?? niceTicks(frame.yMin, frame.yMax);
  const xTicks = options.xTicks ?? niceTicks(frame.xMin, frame.xMax);
  for (const tick of yTicks) {
    const y = fixed(yOf(frame, tick));
    parts.push(
      `<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${y}" y2="${y}" stroke="${COLOURS.grid}"/>`,
      `<text x="${frame.left - 6}" y="${y}" dy="0.32em" text-anchor="end" font-size="11" fill="${COLOURS.axis}">${tickLabel(tick, options.yPercent ?? false)}</text>`,
    );
  }
  const baseline = fixed(frame.height - frame.bottom);
  for (const tick of xTicks) {
    const x = fixed(xOf(frame, tick));
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${baseline}" y2="${Number(baseline) + 4}" stroke="${COLOURS.axis}"/>`,
      `<text x="${x}" y="${Number(baseline) + 16}" text-anchor="middle" font-size="11" fill="${COLOURS.axis}">${tickLabel(tick, options.xPercent ?? false)}</text>`,
    );
  }
  parts.push(
    `<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${baseline}" y2="${baseline}" stroke="${COLOURS.axis}"/>`,
    `<line x1="${frame.left}" x2="${frame.left}" y1="${frame.top}" y2="${baseline}" stroke="${COLOURS.axis}"/>`,
  );
  if (options.xLabel) {
    parts.push(
      `<text x="${fixed((frame.left + frame.width - frame.right) / 2)}" y="${frame.height - 4}" text-anchor="middle" font-size="12" fill="${COLOURS.text}">${escapeXml(options.xLabel)}</text>`,
    );
  }
  if (options.yLabel) {
    const cy = fixed((frame.top + frame.height - frame.bottom) / 2);
    parts.push(
      `<text x="12" y="${cy}" transform="rotate(-90 12 ${cy})" text-anchor="middle" font-size="12" fill="${COLOURS.text}">${escapeXml(options.yLabel)}</text>`,
    );
  }
  return parts.join('');
}

export function polyline(
  frame: Frame,
  points: ReadonlyArray<readonly [number, number]>,
  colour: string,
  width = 2,
  dash?: string,
): string {
  const d = points.map(([x, y]) => `${fixed(xOf(frame, x))},${fixed(yOf(frame, y))}`).join(' ');
  return `<polyline points="${d}" fill="none" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
}

export function legend(
  x: number,
  y: number,
  items: ReadonlyArray<{ label: string; colour: string }>,
): string {
  return items
    .map(
      (item, k) =>
        `<rect x="${x}" y="${y + k * 16}" width="10" height="10" fill="${item.colour}"/><text x="${x + 14}" y="${y + k * 16 + 9}" font-size="11" fill="${COLOURS.text}">${escapeXml(item.label)}</text>`,
    )
    .join('');
}

/** A legend laid out in one row (above a chart, where it cannot hide data). */
export function legendRow(
  x: number,
  y: number,
  items: ReadonlyArray<{ label: string; colour: string }>,
): string {
  let offset = x;
  return items
    .map((item) => {
      const part = `<rect x="${offset}" y="${y}" width="10" height="10" fill="${item.colour}"/><text x="${offset + 14}" y="${y + 9}" font-size="11" fill="${COLOURS.text}">${escapeXml(item.label)}</text>`;
      offset += 24 + item.label.length * 6.2;
      return part;
    })
    .join('');
}

export function svg(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', sans-serif"><title>${escapeXml(title)}</title>${body}</svg>`;
}

export function frameOf(
  width: number,
  height: number,
  x: [number, number],
  y: [number, number],
  margins: Partial<Pick<Frame, 'left' | 'right' | 'top' | 'bottom'>> = {},
): Frame {
  return {
    width,
    height,
    left: margins.left ?? 52,
    right: margins.right ?? 16,
    top: margins.top ?? 16,
    bottom: margins.bottom ?? 40,
    xMin: x[0],
    xMax: x[1],
    yMin: y[0],
    yMax: y[1],
  };
}
