import { Alert, Card, Col, Descriptions, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useLocale } from '../i18n.ts';
import { Chart, percent, type ChartOption } from './chart.tsx';
import type { SimulationFigures, SimulationReport, SwapSample } from './contract.ts';

const OUTCOMES = ['approved', 'declined', 'referred'] as const;

function share(value: string | null, format: (rate: string) => string): string {
  return value === null ? '—' : format(value);
}

function pd(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 10_000) / 100).toFixed(2)}%`;
}

/**
 * A policy simulation's report: how the candidate would have decided the recorded applications — swap-in and
 * swap-out, approval rate, limits, prices and the expected bad rate (mean PD) — overall, by score band and
 * by product, as charts with the exact figures beside them.
 */
export function SimulationReportView({ report }: { report: SimulationReport }) {
  const { t, format } = useLocale();
  const total: SimulationFigures = report.total;
  const before = t('studio.sim.before');
  const after = t('studio.sim.after');

  const outcomes = useMemo<ChartOption>(
    () => ({
      legend: { data: [before, after] },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: OUTCOMES.map((outcome) => t(`studio.outcome.${outcome}`)) },
      yAxis: { type: 'value', name: t('studio.sim.records') },
      series: [
        { name: before, type: 'bar', data: OUTCOMES.map((outcome) => total.before[outcome]) },
        { name: after, type: 'bar', data: OUTCOMES.map((outcome) => total.after[outcome]) },
      ],
    }),
    [total, t, before, after],
  );
  const bands = useMemo<ChartOption>(
    () => ({
      legend: {
        data: [
          t('studio.sim.swapIns'),
          t('studio.sim.swapOuts'),
          `${t('studio.sim.approvalRate')} · ${before}`,
          `${t('studio.sim.approvalRate')} · ${after}`,
        ],
      },
      grid: { left: 48, right: 48, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: report.bands.map((band) => band.band) },
      yAxis: [
        { type: 'value', name: t('studio.sim.records') },
        { type: 'value', name: '%', max: 100 },
      ],
      series: [
        {
          name: t('studio.sim.swapIns'),
          type: 'bar',
          stack: 'swap',
          data: report.bands.map((band) => band.swapIns),
        },
        {
          name: t('studio.sim.swapOuts'),
          type: 'bar',
          stack: 'swap',
          data: report.bands.map((band) => -band.swapOuts),
        },
        {
          name: `${t('studio.sim.approvalRate')} · ${before}`,
          type: 'line',
          yAxisIndex: 1,
          data: report.bands.map((band) => percent(band.approvalRateBefore)),
        },
        {
          name: `${t('studio.sim.approvalRate')} · ${after}`,
          type: 'line',
          yAxisIndex: 1,
          data: report.bands.map((band) => percent(band.approvalRateAfter)),
        },
      ],
    }),
    [report, t, before, after],
  );
  const badRate = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 24, bottom: 28 },
      xAxis: {
        type: 'category',
        data: [before, after, t('studio.sim.swapIns'), t('studio.sim.swapOuts')],
      },
      yAxis: { type: 'value', name: '%' },
      series: [
        {
          type: 'bar',
          name: t('studio.sim.expectedBadRate'),
          data: [
            total.expectedBadRate.before,
            total.expectedBadRate.after,
            total.expectedBadRate.swapIns,
            total.expectedBadRate.swapOuts,
          ].map((value) => percent(value)),
        },
      ],
    }),
    [total, t, before, after],
  );
  const changes = useMemo<ChartOption>(
    () => ({
      legend: { data: [t('studio.sim.raised'), t('studio.sim.lowered'), t('studio.sim.unchanged')] },
      grid: { left: 72, right: 16, top: 36, bottom: 28 },
      yAxis: { type: 'category', data: [t('studio.sim.limits'), t('studio.sim.prices')] },
      xAxis: { type: 'value', name: t('studio.sim.records') },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      series: (['raised', 'lowered', 'unchanged'] as const).map((key) => ({
        name: t(`studio.sim.${key}`),
        type: 'bar',
        stack: 'all',
        data: [total.limits[key], total.prices[key]],
      })),
    }),
    [total, t],
  );

  const sampleColumns = [
    {
      title: t('studio.decisions.decision'),
      dataIndex: 'decisionId',
      render: (id: string) => <Link to={`/studio/decisions/${id}`}>{id.slice(0, 12)}…</Link>,
    },
    {
      title: t('studio.decisions.date'),
      dataIndex: 'decisionDate',
      render: (date: string) => format.date(date),
    },
    {
      title: t('studio.decisions.product'),
      dataIndex: 'productCode',
      render: (code: string) => t(`studio.product.${code}`, { defaultValue: code }),
    },
    { title: t('studio.decisions.score'), dataIndex: 'score' },
    {
      title: before,
      render: (_: unknown, sample: SwapSample) =>
        `${t(`studio.outcome.${sample.before.outcome}`)} · ${format.fen(sample.before.limit)}`,
    },
    {
      title: after,
      render: (_: unknown, sample: SwapSample) =>
        `${t(`studio.outcome.${sample.after.outcome}`)} · ${format.fen(sample.after.limit)}`,
    },
  ];

  return (
    <div className="studio-report">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('studio.sim.records')} value={total.records} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('studio.sim.swapIns')}
            value={total.swapIns}
            valueStyle={{ color: '#237804' }}
            prefix="+"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('studio.sim.swapOuts')}
            value={total.swapOuts}
            valueStyle={{ color: '#a8071a' }}
            prefix="−"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('studio.sim.approvalRate')}
            value={`${share(total.approvalRateBefore, (rate) => format.rate(rate, 1))} → ${share(total.approvalRateAfter, (rate) => format.rate(rate, 1))}`}
          />
        </Col>
      </Row>
      {report.failed.count > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          message={t('studio.sim.failed', { count: report.failed.count })}
          description={report.failed.examples
            .map((example) => `${example.decisionId}: ${example.message}`)
            .join(' · ')}
        />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.sim.outcomesChart')}>
            <Chart option={outcomes} label={t('studio.sim.outcomesChart')} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.sim.bandsChart')}>
            <Chart option={bands} label={t('studio.sim.bandsChart')} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.sim.expectedBadRate')}>
            <Chart option={badRate} label={t('studio.sim.expectedBadRate')} height={220} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.sim.changesChart')}>
            <Chart option={changes} label={t('studio.sim.changesChart')} height={220} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('studio.sim.figures')} style={{ marginTop: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('studio.sim.limitTotal')}>
            {format.fen(total.limits.totalBefore)} → {format.fen(total.limits.totalAfter)}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.limitAverage')}>
            {total.limits.averageBefore ? format.fen(total.limits.averageBefore) : '—'} →{' '}
            {total.limits.averageAfter ? format.fen(total.limits.averageAfter) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.aprAverage')}>
            {share(total.prices.averageAprBefore, (rate) => format.rate(rate))} →{' '}
            {share(total.prices.averageAprAfter, (rate) => format.rate(rate))}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.expectedBadRate')}>
            {pd(total.expectedBadRate.before)} → {pd(total.expectedBadRate.after)} ({t('studio.sim.swapIns')}{' '}
            {pd(total.expectedBadRate.swapIns)}, {t('studio.sim.swapOuts')}{' '}
            {pd(total.expectedBadRate.swapOuts)})
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.skipped')}>
            {t('studio.sim.skippedDetail', {
              overrides: report.skipped.overrides,
              faults: report.skipped.faults,
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.window')}>
            {format.date(report.window.from)} – {format.date(report.window.to)}
          </Descriptions.Item>
        </Descriptions>
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="band"
          pagination={false}
          dataSource={report.bands.map((band) => ({ ...band }))}
          columns={[
            { title: t('studio.sim.band'), dataIndex: 'band' },
            { title: t('studio.sim.records'), dataIndex: 'records' },
            { title: t('studio.sim.swapIns'), dataIndex: 'swapIns' },
            { title: t('studio.sim.swapOuts'), dataIndex: 'swapOuts' },
            {
              title: t('studio.sim.approvalRate'),
              render: (_, band) =>
                `${share(band.approvalRateBefore, (rate) => format.rate(rate, 1))} → ${share(band.approvalRateAfter, (rate) => format.rate(rate, 1))}`,
            },
            {
              title: t('studio.sim.limitTotal'),
              render: (_, band) =>
                `${format.fen(band.limits.totalBefore)} → ${format.fen(band.limits.totalAfter)}`,
            },
          ]}
        />
      </Card>
      {report.samples && report.samples.swapIns.length + report.samples.swapOuts.length > 0 ? (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('studio.sim.swapInSamples')}>
              <Table
                size="small"
                rowKey="decisionId"
                pagination={false}
                dataSource={[...report.samples.swapIns]}
                columns={sampleColumns}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('studio.sim.swapOutSamples')}>
              <Table
                size="small"
                rowKey="decisionId"
                pagination={false}
                dataSource={[...report.samples.swapOuts]}
                columns={sampleColumns}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('studio.sim.chartsNote')}
      </Typography.Paragraph>
    </div>
  );
}
