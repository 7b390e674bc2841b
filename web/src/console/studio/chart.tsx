import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the studio's charts use (bars, lines, threshold lines, zoom): the bundle stays small.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  TitleComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts chart. The canvas is hidden from assistive technology; `label` names it and the page shows
 * the same figures in a table beside it (colour is never the only signal).
 */
export function Chart({
  option,
  height = 280,
  label,
}: {
  option: ChartOption;
  height?: number;
  label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    // Legends on top, above the grid (callers leave room with grid.top): never over the axis labels.
    const legend = option.legend as Record<string, unknown> | undefined;
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      ...option,
      ...(legend ? { legend: { top: 0, type: 'scroll', ...legend } } : {}),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={element} style={{ width: '100%', height }} aria-hidden="true" data-chart={label} />
      <figcaption className="studio-chart-caption">{label}</figcaption>
    </figure>
  );
}

/** A share string ("0.631250") or number as a percentage number for a chart axis (display only). */
export function percent(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'string' ? Number(value) : value;
  return Number.isFinite(number) ? Math.round(number * 10_000) / 100 : null;
}

/** Fen (string) as yuan for a chart axis (display only; tables show the exact amount). */
export function fenAsYuan(fen: string | null | undefined): number | null {
  if (fen === null || fen === undefined) return null;
  return Number(BigInt(fen) / 100n);
}
