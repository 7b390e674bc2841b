import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the chart uses: the radar, its coordinate component and the canvas renderer (bundle size).
echarts.use([RadarChart, RadarComponent, CanvasRenderer]);

/**
 * The five dimensions of the score on one radar (350–950 each). Decorative for assistive technology: the
 * same values are listed as text beside it.
 */
export default function ScoreChart({ dimensions }: { dimensions: { label: string; score: number }[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      radar: {
        indicator: dimensions.map((dimension) => ({ name: dimension.label, min: 350, max: 950 })),
        radius: '62%',
        axisName: { color: '#434343', fontSize: 12 },
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          data: [{ value: dimensions.map((dimension) => dimension.score) }],
          areaStyle: { opacity: 0.25 },
          lineStyle: { width: 2 },
          symbolSize: 5,
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [dimensions]);
  return <div ref={element} className="chart" aria-hidden="true" />;
}
