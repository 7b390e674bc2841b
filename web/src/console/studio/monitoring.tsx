import { PageContainer } from '@ant-design/pro-components';
import { Card, Col, Empty, Input, Row, Segmented, Select, Space, Spin, Statistic, Table, Tag } from 'antd';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import type { paths } from '../../api/schema';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { Chart, percent, type ChartOption } from './chart.tsx';
import { studioApi } from './contract.ts';

type Outcomes = paths['/v1/monitoring/outcomes']['get']['responses'][200]['content']['application/json'];
type Performance =
  paths['/v1/monitoring/performance']['get']['responses'][200]['content']['application/json'];
type Alerts = paths['/v1/monitoring/alerts']['get']['responses'][200]['content']['application/json'];
type RollRates = paths['/v1/monitoring/roll-rates']['get']['responses'][200]['content']['application/json'];
type RollRow = RollRates['combined']['total'][number];

// The roll-rate matrix is a heat map: registered here, beside the one chart that uses it (echarts.use is
// global and idempotent; chart.tsx keeps the bars and lines every other chart needs).
echarts.use([HeatmapChart, VisualMapComponent]);

const PRODUCTS = ['cash_loan', 'credit_line'] as const;

/** GET /v1/monitoring/drift (src/monitoring/drift.ts DriftReport). */
interface Stability {
  readonly value: number;
  readonly verdict: string;
}
interface DriftPeriod {
  readonly from: string;
  readonly to: string;
  readonly decisions: number;
  readonly lowVolume: boolean;
  readonly psi: Stability | null;
  readonly csi: readonly ({ readonly feature: string } & Stability)[];
}
interface Drift {
  readonly model: { readonly version: string };
  readonly weeks: readonly DriftPeriod[];
  readonly overall: DriftPeriod;
}

const WARN = 0.1;
const CRITICAL = 0.25;
const SEVERITY_COLOUR = { critical: 'red', warning: 'orange', info: 'blue' } as const;

function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const thresholds = (t: (key: string) => string) => ({
  silent: true,
  symbol: 'none',
  data: [
    { yAxis: WARN, name: t('studio.monitoring.monitor'), lineStyle: { color: '#d48806', type: 'dashed' } },
    {
      yAxis: CRITICAL,
      name: t('studio.monitoring.unstable'),
      lineStyle: { color: '#cf1322', type: 'dashed' },
    },
  ],
  label: { formatter: '{b} {c}', position: 'insideEndTop' },
});

export function Monitoring() {
  const { t, format } = useLocale();
  const today = shanghaiToday();
  const [window, setWindow] = useState({ from: daysBefore(today, 90), to: today });
  const [product, setProduct] = useState<string | undefined>(undefined);
  // Performance and roll rates have their own product switch: both products, or one.
  const [riskProduct, setRiskProduct] = useState<string>('all');
  const [rollMonth, setRollMonth] = useState<string>('total');
  const [rollBasis, setRollBasis] = useState<'accounts' | 'balance'>('accounts');
  const [rollView, setRollView] = useState<'chart' | 'table'>('chart');
  const query = { from: window.from, to: window.to, ...(product ? { product } : {}) };
  const key = [window.from, window.to, product];
  const riskQuery = {
    from: daysBefore(window.to, 365),
    to: window.to,
    ...(riskProduct === 'all' ? {} : { product: riskProduct }),
  };
  const riskKey = [window.to, riskProduct];
  const outcomes = useLoad(
    async () => unwrap(studioApi.GET('/v1/monitoring/outcomes', { params: { query } })) as Promise<Outcomes>,
    key,
  );
  const performance = useLoad(
    async () =>
      unwrap(
        studioApi.GET('/v1/monitoring/performance', { params: { query: riskQuery } }),
      ) as Promise<Performance>,
    riskKey,
  );
  const rollRates = useLoad(
    async () =>
      unwrap(
        studioApi.GET('/v1/monitoring/roll-rates', { params: { query: riskQuery } }),
      ) as Promise<RollRates>,
    riskKey,
  );
  const drift = useLoad(
    async () =>
      (await unwrap(studioApi.GET('/v1/monitoring/drift', { params: { query } }))) as unknown as Drift,
    key,
  );
  const alerts = useLoad(
    async () => unwrap(studioApi.GET('/v1/monitoring/alerts', { params: { query } })) as Promise<Alerts>,
    key,
  );

  const daily = useMemo<ChartOption | undefined>(() => {
    if (!outcomes.data) return undefined;
    const byDate = new Map<string, { approved: number; declined: number; referred: number }>();
    for (const day of outcomes.data.days) {
      const sum = byDate.get(day.date) ?? { approved: 0, declined: 0, referred: 0 };
      sum.approved += day.outcomes.approved;
      sum.declined += day.outcomes.declined;
      sum.referred += day.outcomes.referred;
      byDate.set(day.date, sum);
    }
    const dates = [...byDate.keys()].sort();
    const rows = dates.map((date) => byDate.get(date) ?? { approved: 0, declined: 0, referred: 0 });
    return {
      legend: {
        data: ['approved', 'declined', 'referred']
          .map((o) => t(`studio.outcome.${o}`))
          .concat(t('studio.monitoring.approvalRate')),
      },
      grid: { left: 48, right: 48, top: 40, bottom: 56 },
      dataZoom: [{ type: 'slider', height: 18, bottom: 8 }],
      xAxis: { type: 'category', data: dates },
      yAxis: [
        { type: 'value', name: t('studio.monitoring.decisions') },
        { type: 'value', name: '%', max: 100 },
      ],
      series: [
        ...(['approved', 'declined', 'referred'] as const).map((outcome) => ({
          name: t(`studio.outcome.${outcome}`),
          type: 'bar',
          stack: 'o',
          data: rows.map((row) => row[outcome]),
        })),
        {
          name: t('studio.monitoring.approvalRate'),
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((row) => {
            const total = row.approved + row.declined + row.referred;
            return total === 0 ? null : Math.round((row.approved / total) * 1000) / 10;
          }),
        },
      ],
    };
  }, [outcomes.data, t]);

  const reasons = useMemo<ChartOption | undefined>(() => {
    if (!outcomes.data) return undefined;
    const top = [...outcomes.data.total.reasons]
      .sort((a, b) => b.decisions - a.decisions)
      .slice(0, 12)
      .reverse();
    return {
      grid: { left: 220, right: 24, top: 36, bottom: 40 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', name: t('studio.monitoring.decisions') },
      yAxis: { type: 'category', data: top.map((reason) => reason.code), axisLabel: { fontSize: 11 } },
      series: [
        {
          name: t('studio.monitoring.asAnyReason'),
          type: 'bar',
          data: top.map((reason) => reason.decisions),
        },
        { name: t('studio.monitoring.asFirstReason'), type: 'bar', data: top.map((reason) => reason.first) },
      ],
      legend: { data: [t('studio.monitoring.asAnyReason'), t('studio.monitoring.asFirstReason')] },
    };
  }, [outcomes.data, t]);

  const psi = useMemo<ChartOption | undefined>(() => {
    if (!drift.data) return undefined;
    return {
      grid: { left: 48, right: 24, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: drift.data.weeks.map((week) => week.from) },
      yAxis: { type: 'value', name: 'PSI' },
      series: [
        {
          name: 'PSI',
          type: 'line',
          data: drift.data.weeks.map((week) => (week.psi ? Number(week.psi.value.toFixed(4)) : null)),
          markLine: thresholds(t),
        },
      ],
    };
  }, [drift.data, t]);

  const csi = useMemo<ChartOption | undefined>(() => {
    if (!drift.data) return undefined;
    const rows = [...drift.data.overall.csi]
      .sort((a, b) => b.value - a.value)
      .slice(0, 15)
      .reverse();
    return {
      grid: { left: 200, right: 48, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', name: 'CSI' },
      yAxis: { type: 'category', data: rows.map((row) => row.feature), axisLabel: { fontSize: 11 } },
      series: [
        {
          name: 'CSI',
          type: 'bar',
          data: rows.map((row) => ({
            value: Number(row.value.toFixed(4)),
            itemStyle: {
              color: row.value >= CRITICAL ? '#cf1322' : row.value >= WARN ? '#d48806' : '#1677ff',
            },
          })),
          markLine: { ...thresholds(t), data: [{ xAxis: WARN }, { xAxis: CRITICAL }] },
        },
      ],
    };
  }, [drift.data, t]);

  const bands = useMemo<ChartOption | undefined>(() => {
    if (!performance.data) return undefined;
    const rows = performance.data.bands;
    return {
      legend: { data: [t('studio.monitoring.badRate'), t('studio.monitoring.expectedBadRate')] },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((row) => row.band) },
      yAxis: { type: 'value', name: '%' },
      series: [
        { name: t('studio.monitoring.badRate'), type: 'bar', data: rows.map((row) => percent(row.badRate)) },
        {
          name: t('studio.monitoring.expectedBadRate'),
          type: 'line',
          data: rows.map((row) => percent(row.expectedBadRate)),
        },
      ],
    };
  }, [performance.data, t]);

  const vintages = useMemo<ChartOption | undefined>(() => {
    if (!performance.data) return undefined;
    const rows = performance.data.vintages;
    return {
      legend: { data: [t('studio.monitoring.badRate'), t('studio.monitoring.loans')] },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((row) => row.vintage) },
      yAxis: [
        { type: 'value', name: '%' },
        { type: 'value', name: t('studio.monitoring.loans') },
      ],
      series: [
        { name: t('studio.monitoring.badRate'), type: 'line', data: rows.map((row) => percent(row.badRate)) },
        {
          name: t('studio.monitoring.loans'),
          type: 'bar',
          yAxisIndex: 1,
          data: rows.map((row) => row.loans),
        },
      ],
    };
  }, [performance.data, t]);

  // The matrix shown: every month added up, or one month; the combined view is the chosen product's alone
  // when one is chosen.
  const rollRows = useMemo<readonly RollRow[] | undefined>(() => {
    if (!rollRates.data) return undefined;
    if (rollMonth === 'total') return rollRates.data.combined.total;
    return rollRates.data.combined.months.find((month) => month.month === rollMonth)?.rows ?? [];
  }, [rollRates.data, rollMonth]);
  const rollAccounts = rollRows?.reduce((sum, row) => sum + row.accounts, 0) ?? 0;

  const rollHeat = useMemo<ChartOption | undefined>(() => {
    if (!rollRates.data || !rollRows) return undefined;
    const states = rollRates.data.states;
    const buckets = rollRows.map((row) => row.from);
    const data = rollRows.flatMap((row, y) =>
      row.to.map((cell, x) => [
        x,
        y,
        percent(rollBasis === 'accounts' ? cell.accountRate : cell.balanceRate) ?? '-',
      ]),
    );
    return {
      grid: { left: 120, right: 24, top: 16, bottom: 96 },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'category',
        name: t('studio.monitoring.rollTo'),
        nameLocation: 'middle',
        nameGap: 28,
        data: states.map((state) => t(`studio.monitoring.states.${state}`)),
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        name: t('studio.monitoring.rollFrom'),
        inverse: true,
        data: buckets.map((state) => t(`studio.monitoring.states.${state}`)),
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        text: ['100%', '0%'],
        inRange: { color: ['#f0f5ff', '#ffd591', '#cf1322'] },
      },
      series: [
        {
          name:
            rollBasis === 'accounts' ? t('studio.monitoring.byAccounts') : t('studio.monitoring.byBalance'),
          type: 'heatmap',
          data,
          label: { show: true, formatter: (p: { value: unknown[] }) => `${String(p.value[2])}%` },
        },
      ],
    };
  }, [rollRates.data, rollRows, rollBasis, t]);

  const rollColumns = useMemo(() => {
    const states = rollRates.data?.states ?? [];
    return [
      {
        title: t('studio.monitoring.rollFrom'),
        key: 'from',
        render: (_: unknown, row: RollRow) => t(`studio.monitoring.states.${row.from}`),
      },
      { title: t('studio.monitoring.accounts'), key: 'accounts', dataIndex: 'accounts' },
      {
        title: t('studio.monitoring.owed'),
        key: 'owed',
        render: (_: unknown, row: RollRow) => format.yuan(row.balance),
      },
      ...states.map((state, index) => ({
        title: t(`studio.monitoring.states.${state}`),
        key: state,
        render: (_: unknown, row: RollRow) => {
          const cell = row.to[index];
          if (!cell || row.accounts === 0) return '—';
          const share = rollBasis === 'accounts' ? cell.accountRate : cell.balanceRate;
          return `${cell.accounts} · ${share ? format.rate(share, 1) : '—'} · ${format.yuan(cell.balance)}`;
        },
      })),
    ];
  }, [rollRates.data, rollBasis, t, format]);

  const total = outcomes.data?.total;
  return (
    <PageContainer title={t('studio.monitoring.title')}>
      <Space wrap style={{ marginBottom: 16 }} align="end">
        <label>
          <div>{t('studio.sim.from')}</div>
          <Input
            type="date"
            value={window.from}
            max={window.to}
            onChange={(e) => setWindow((w) => ({ ...w, from: e.target.value }))}
          />
        </label>
        <label>
          <div>{t('studio.sim.to')}</div>
          <Input
            type="date"
            value={window.to}
            min={window.from}
            onChange={(e) => setWindow((w) => ({ ...w, to: e.target.value }))}
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
      {outcomes.error ? (
        <ProblemAlert problem={outcomes.error} onRetry={() => void outcomes.reload()} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('studio.monitoring.decisions')}
              value={total?.decisions ?? '—'}
              loading={outcomes.loading}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('studio.monitoring.approvalRate')}
              value={total?.approvalRate ? format.rate(total.approvalRate, 1) : '—'}
              loading={outcomes.loading}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('studio.monitoring.averageLimit')}
              value={total?.averageApprovedLimit ? format.yuan(total.averageApprovedLimit) : '—'}
              loading={outcomes.loading}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('studio.monitoring.alerts')}
              value={alerts.data ? alerts.data.counts.critical + alerts.data.counts.warning : '—'}
              valueStyle={alerts.data && alerts.data.counts.critical > 0 ? { color: '#cf1322' } : undefined}
              loading={alerts.loading}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('studio.monitoring.outcomesChart')}>
            {daily ? (
              <Chart option={daily} label={t('studio.monitoring.outcomesChart')} height={320} />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.monitoring.reasonsChart')}>
            {reasons ? (
              <Chart option={reasons} label={t('studio.monitoring.reasonsChart')} height={340} />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.monitoring.alertsTitle')}>
            {alerts.error ? <ProblemAlert problem={alerts.error} /> : null}
            <Table
              size="small"
              rowKey={(row) => `${row.kind}/${row.subject}/${row.from}`}
              loading={alerts.loading}
              pagination={{ pageSize: 6 }}
              dataSource={alerts.data?.alerts.map((alert) => ({ ...alert })) ?? []}
              locale={{ emptyText: <Empty description={t('studio.monitoring.noAlerts')} /> }}
              columns={[
                {
                  title: t('studio.monitoring.severity'),
                  render: (_, row) => (
                    <Tag color={SEVERITY_COLOUR[row.severity]}>
                      {t(`studio.monitoring.severities.${row.severity}`)}
                    </Tag>
                  ),
                },
                { title: t('studio.monitoring.kind'), dataIndex: 'kind' },
                { title: t('studio.monitoring.subject'), dataIndex: 'subject' },
                {
                  title: t('studio.monitoring.valueThreshold'),
                  render: (_, row) => `${row.value.toFixed(3)} / ${row.threshold}`,
                },
                {
                  title: t('studio.monitoring.period'),
                  render: (_, row) => `${format.date(row.from)} – ${format.date(row.to)}`,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('studio.monitoring.psiChart', { model: drift.data?.model.version ?? '' })}
          >
            {drift.error ? (
              <ProblemAlert problem={drift.error} />
            ) : psi ? (
              <Chart
                option={psi}
                label={t('studio.monitoring.psiChart', { model: drift.data?.model.version ?? '' })}
              />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.monitoring.csiChart')}>
            {drift.error ? (
              <ProblemAlert problem={drift.error} />
            ) : csi ? (
              <Chart option={csi} label={t('studio.monitoring.csiChart')} height={340} />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Space wrap align="center">
            <span>{t('studio.monitoring.riskProduct')}</span>
            <Segmented
              aria-label={t('studio.monitoring.riskProduct')}
              value={riskProduct}
              onChange={(value) => {
                setRiskProduct(String(value));
                setRollMonth('total');
              }}
              options={[
                { value: 'all', label: t('studio.monitoring.allProducts') },
                ...PRODUCTS.map((code) => ({ value: code, label: t(`studio.product.${code}`) })),
              ]}
            />
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.monitoring.bandsChart')}>
            {performance.error ? (
              <ProblemAlert problem={performance.error} />
            ) : performance.data?.total.loans === 0 ? (
              <Empty description={t('studio.monitoring.noLoans')} />
            ) : bands ? (
              <Chart option={bands} label={t('studio.monitoring.bandsChart')} />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.monitoring.vintagesChart')}>
            {performance.error ? (
              <ProblemAlert problem={performance.error} />
            ) : performance.data?.total.loans === 0 ? (
              <Empty description={t('studio.monitoring.noLoans')} />
            ) : vintages ? (
              <Chart option={vintages} label={t('studio.monitoring.vintagesChart')} />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        {performance.data ? (
          <Col xs={24}>
            <Card size="small" title={t('studio.monitoring.byProduct')}>
              <Table
                size="small"
                rowKey="product"
                pagination={false}
                dataSource={performance.data.products.map((row) => ({ ...row }))}
                locale={{ emptyText: <Empty description={t('studio.monitoring.noLoans')} /> }}
                columns={[
                  {
                    title: t('studio.monitoring.product'),
                    render: (_, row) => t(`studio.product.${row.product}`),
                  },
                  { title: t('studio.monitoring.loans'), dataIndex: 'loans' },
                  { title: t('studio.monitoring.observable'), dataIndex: 'observable' },
                  { title: t('studio.monitoring.bads'), dataIndex: 'bads' },
                  {
                    title: t('studio.monitoring.badRate'),
                    render: (_, row) => (row.badRate ? format.rate(row.badRate) : '—'),
                  },
                  {
                    title: t('studio.monitoring.expectedBadRate'),
                    render: (_, row) =>
                      row.expectedBadRate === null ? '—' : `${(row.expectedBadRate * 100).toFixed(2)}%`,
                  },
                  { title: t('studio.monitoring.principal'), render: (_, row) => format.yuan(row.principal) },
                ]}
              />
              <p className="studio-chart-caption">{t('studio.monitoring.badDefinition')}</p>
            </Card>
          </Col>
        ) : null}
        <Col xs={24}>
          <Card size="small" title={t('studio.monitoring.rollChart')}>
            <Space wrap align="center" style={{ marginBottom: 12 }}>
              <label>
                <span style={{ marginRight: 8 }}>{t('studio.monitoring.rollMonth')}</span>
                <Select
                  style={{ minWidth: 200 }}
                  aria-label={t('studio.monitoring.rollMonth')}
                  value={rollMonth}
                  onChange={setRollMonth}
                  options={[
                    { value: 'total', label: t('studio.monitoring.rollAllMonths') },
                    ...(rollRates.data?.combined.months ?? []).map((month) => ({
                      value: month.month,
                      label: `${format.date(month.from)} → ${format.date(month.to)}`,
                    })),
                  ]}
                />
              </label>
              <Segmented
                aria-label={t('studio.monitoring.rollBasis')}
                value={rollBasis}
                onChange={(value) => setRollBasis(value === 'balance' ? 'balance' : 'accounts')}
                options={[
                  { value: 'accounts', label: t('studio.monitoring.byAccounts') },
                  { value: 'balance', label: t('studio.monitoring.byBalance') },
                ]}
              />
              <Segmented
                aria-label={t('studio.monitoring.view')}
                value={rollView}
                onChange={(value) => setRollView(value === 'table' ? 'table' : 'chart')}
                options={[
                  { value: 'chart', label: t('studio.monitoring.asChart') },
                  { value: 'table', label: t('studio.monitoring.asTable') },
                ]}
              />
            </Space>
            {rollRates.error ? (
              <ProblemAlert problem={rollRates.error} />
            ) : !rollRows ? (
              <Spin />
            ) : rollAccounts === 0 ? (
              <Empty description={t('studio.monitoring.noRolls')} />
            ) : rollView === 'chart' && rollHeat ? (
              <Chart option={rollHeat} label={t('studio.monitoring.rollChart')} height={320} />
            ) : (
              <Table
                size="small"
                rowKey="from"
                pagination={false}
                scroll={{ x: true }}
                dataSource={rollRows.map((row) => ({ ...row }))}
                columns={rollColumns}
              />
            )}
            <p className="studio-chart-caption">{t('studio.monitoring.rollNote')}</p>
          </Card>
        </Col>
        {performance.data ? (
          <Col xs={24}>
            <Card size="small" title={t('studio.monitoring.bandsTable')}>
              <Table
                size="small"
                rowKey="band"
                pagination={false}
                dataSource={performance.data.bands.map((band) => ({ ...band }))}
                columns={[
                  { title: t('studio.sim.band'), dataIndex: 'band' },
                  { title: t('studio.monitoring.loans'), dataIndex: 'loans' },
                  { title: t('studio.monitoring.observable'), dataIndex: 'observable' },
                  { title: t('studio.monitoring.bads'), dataIndex: 'bads' },
                  {
                    title: t('studio.monitoring.badRate'),
                    render: (_, row) => (row.badRate ? format.rate(row.badRate) : '—'),
                  },
                  {
                    title: t('studio.monitoring.expectedBadRate'),
                    render: (_, row) =>
                      row.expectedBadRate === null ? '—' : `${(row.expectedBadRate * 100).toFixed(2)}%`,
                  },
                  { title: t('studio.monitoring.principal'), render: (_, row) => format.yuan(row.principal) },
                ]}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
    </PageContainer>
  );
}
