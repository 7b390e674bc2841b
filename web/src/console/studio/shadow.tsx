import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import type { paths } from '../../api/schema';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { Chart, type ChartOption } from './chart.tsx';
import { studioApi } from './contract.ts';

export type ShadowReport =
  paths['/v1/monitoring/shadow']['get']['responses'][200]['content']['application/json'];
type Figures = ShadowReport['total'];

echarts.use([HeatmapChart, VisualMapComponent]);

const OUTCOMES = ['approved', 'declined', 'referred'] as const;

function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
const pct = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(2)}%`;

/**
 * Shadow mode against the champion (GET /v1/monitoring/shadow): over a window and a product, the
 * agreement matrix (champion outcome × shadow outcome, counts) as a heat map with the same counts in a
 * table, the swap-in and swap-out sets with the bad rate both models expect of them, limits and prices
 * among the decisions both approve, and which shadow (policy, model) ran.
 */
export function ShadowComparison() {
  const { t, format } = useLocale();
  const today = shanghaiToday();
  const [range, setRange] = useState({ from: daysBefore(today, 27), to: today });
  const [product, setProduct] = useState<string | undefined>(undefined);
  const report = useLoad(
    async () =>
      (await unwrap(
        studioApi.GET('/v1/monitoring/shadow', {
          params: { query: { from: range.from, to: range.to, ...(product ? { product } : {}) } },
        }),
      )) as ShadowReport,
    [range.from, range.to, product],
  );
  const data = report.data;
  const figures: Figures | undefined = data?.total;

  const heatmap = useMemo<ChartOption | undefined>(() => {
    if (!figures) return undefined;
    const cells = OUTCOMES.flatMap((champion, row) =>
      OUTCOMES.map((shadow, column) => [column, row, figures.matrix[champion][shadow]]),
    );
    const max = Math.max(1, ...cells.map((cell) => cell[2] as number));
    const names = OUTCOMES.map((outcome) => t(`studio.outcome.${outcome}`));
    return {
      grid: { left: 120, right: 24, top: 16, bottom: 96 },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'category',
        name: t('studio.shadow.shadowOutcome'),
        nameLocation: 'middle',
        nameGap: 28,
        data: names,
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        name: t('studio.shadow.championOutcome'),
        inverse: true,
        data: names,
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        inRange: { color: ['#f0f5ff', '#91caff', '#0958d9'] },
      },
      series: [{ name: t('studio.shadow.matrix'), type: 'heatmap', data: cells, label: { show: true } }],
    };
  }, [figures, t]);

  return (
    <PageContainer title={t('studio.shadow.title')}>
      <Space wrap style={{ marginBottom: 16 }} align="end">
        <label>
          <div>{t('studio.sim.from')}</div>
          <Input
            type="date"
            value={range.from}
            max={range.to}
            onChange={(e) => setRange((w) => ({ ...w, from: e.target.value }))}
          />
        </label>
        <label>
          <div>{t('studio.sim.to')}</div>
          <Input
            type="date"
            value={range.to}
            min={range.from}
            onChange={(e) => setRange((w) => ({ ...w, to: e.target.value }))}
          />
        </label>
        <label>
          <div>{t('studio.sim.product')}</div>
          <Select
            style={{ minWidth: 180 }}
            allowClear
            aria-label={t('studio.sim.product')}
            placeholder={t('studio.sim.allProducts')}
            value={product}
            onChange={setProduct}
            options={['cash_loan', 'credit_line'].map((code) => ({
              value: code,
              label: t(`studio.product.${code}`),
            }))}
          />
        </label>
      </Space>
      {report.error ? <ProblemAlert problem={report.error} onRetry={() => void report.reload()} /> : null}
      {data && figures ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card size="small" title={t('studio.shadow.challengers')}>
            {data.shadows.length === 0 ? (
              <Empty description={t('studio.shadow.none')} />
            ) : (
              <Space wrap className="studio-shadow-challengers">
                {data.shadows.map((shadow) => (
                  <Tag key={`${shadow.policyVersionId ?? ''}|${shadow.modelVersion ?? ''}`} color="purple">
                    {t('studio.shadow.challenger', {
                      policy: shadow.policyVersionId ?? t('studio.shadow.championPolicy'),
                      model: shadow.modelVersion ?? t('studio.shadow.championModel'),
                      records: shadow.records,
                    })}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
          {figures.records === 0 && figures.failed.count === 0 ? null : (
            <>
              <Row gutter={16}>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('studio.shadow.records')}
                    value={figures.records}
                    className="studio-shadow-records"
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('studio.shadow.agreement')}
                    value={figures.agreementRate === null ? '—' : format.rate(figures.agreementRate)}
                    className="studio-shadow-agreement"
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('studio.shadow.approvalChampion')}
                    value={
                      figures.approvalRate.champion === null
                        ? '—'
                        : format.rate(figures.approvalRate.champion)
                    }
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('studio.shadow.approvalShadow')}
                    value={
                      figures.approvalRate.challenger === null
                        ? '—'
                        : format.rate(figures.approvalRate.challenger)
                    }
                  />
                </Col>
              </Row>
              {figures.failed.count > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  message={t('studio.shadow.failed', { count: figures.failed.count })}
                  description={Object.entries(figures.failed.byCode)
                    .map(([code, count]) => `${code}: ${count}`)
                    .join(' · ')}
                />
              ) : null}
              <Row gutter={16}>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('studio.shadow.matrix')}>
                    {heatmap ? (
                      <Chart option={heatmap} label={t('studio.shadow.matrix')} height={300} />
                    ) : null}
                    <Table
                      size="small"
                      pagination={false}
                      rowKey="champion"
                      className="studio-shadow-matrix"
                      dataSource={OUTCOMES.map((champion) => ({ champion, ...figures.matrix[champion] }))}
                      columns={[
                        {
                          title: t('studio.shadow.championVsShadow'),
                          render: (_, row) => t(`studio.outcome.${row.champion}`),
                        },
                        ...OUTCOMES.map((shadow) => ({
                          title: t(`studio.outcome.${shadow}`),
                          dataIndex: shadow,
                          key: shadow,
                        })),
                      ]}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('studio.shadow.swaps')}>
                    <Table
                      size="small"
                      pagination={false}
                      rowKey="set"
                      className="studio-shadow-swaps"
                      dataSource={[
                        { set: t('studio.shadow.swapIns'), ...figures.swapIns },
                        { set: t('studio.shadow.swapOuts'), ...figures.swapOuts },
                      ]}
                      columns={[
                        { title: t('studio.backtest.set'), dataIndex: 'set' },
                        { title: t('studio.backtest.count'), dataIndex: 'count' },
                        {
                          title: t('studio.shadow.expectedChampion'),
                          render: (_, row) => pct(row.expectedBadRate.champion),
                        },
                        {
                          title: t('studio.shadow.expectedShadow'),
                          render: (_, row) => pct(row.expectedBadRate.challenger),
                        },
                      ]}
                    />
                    <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                      {t('studio.shadow.approvedSets', {
                        champion: pct(figures.expectedBadRate.champion),
                        shadow: pct(figures.expectedBadRate.challenger),
                      })}
                    </Typography.Paragraph>
                    <Typography.Paragraph type="secondary">
                      {t('studio.shadow.both', {
                        count: figures.approvedBoth.count,
                        higher: figures.approvedBoth.limitHigher,
                        lower: figures.approvedBoth.limitLower,
                        same: figures.approvedBoth.limitSame,
                        mean:
                          figures.approvedBoth.meanLimitDifference === null
                            ? '—'
                            : format.yuan(figures.approvedBoth.meanLimitDifference),
                      })}
                    </Typography.Paragraph>
                  </Card>
                </Col>
              </Row>
              {figures.topReasonDifferences.length > 0 ? (
                <Card size="small" title={t('studio.shadow.reasons')}>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="code"
                    dataSource={[...figures.topReasonDifferences]}
                    columns={[
                      { title: t('studio.shadow.reasonCode'), dataIndex: 'code' },
                      { title: t('studio.backtest.champion'), dataIndex: 'champion' },
                      { title: t('studio.shadow.shadow'), dataIndex: 'shadow' },
                      { title: t('studio.shadow.difference'), dataIndex: 'difference' },
                    ]}
                  />
                </Card>
              ) : null}
            </>
          )}
        </Space>
      ) : null}
    </PageContainer>
  );
}
