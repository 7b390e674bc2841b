import { Alert, Card, Col, Descriptions, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useLocale } from '../i18n.ts';
import { Chart, percent, type ChartOption } from './chart.tsx';
import type { PolicyFigures, SimulationReport, SwapSample } from './contract.ts';

const OUTCOMES = ['approved', 'declined', 'referred'] as const;

function pd(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 10_000) / 100).toFixed(2)}%`;
}

/**
 * A policy simulation's report: how the candidate would have decided the recorded applications against what
 * was decided — swap-in and swap-out, approval rate, limits, prices and the expected bad rate (mean PD of
 * the approved set) — as charts, with the exact figures beside them and the first swapped cases to open.
 */
export function SimulationReportView({ report }: { report: SimulationReport }) {
  const { t, format } = useLocale();
  const before = t('studio.sim.before');
  const after = t('studio.sim.after');
  const sides: readonly [string, PolicyFigures][] = [
    [before, report.current],
    [after, report.candidate],
  ];
  const rate = (value: string | null, places = 1) => (value === null ? '—' : format.rate(value, places));

  const outcomes = useMemo<ChartOption>(
    () => ({
      legend: { data: [before, after] },
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: OUTCOMES.map((outcome) => t(`studio.outcome.${outcome}`)) },
      yAxis: { type: 'value', name: t('studio.sim.records') },
      series: sides.map(([name, figures]) => ({
        name,
        type: 'bar',
        label: { show: true, position: 'top' },
        data: OUTCOMES.map((outcome) => figures[outcome]),
      })),
    }),
    [report, t, before, after],
  );
  const badRate = useMemo<ChartOption>(
    () => ({
      grid: { left: 56, right: 16, top: 24, bottom: 28 },
      xAxis: {
        type: 'category',
        data: [before, after, t('studio.sim.swapIns'), t('studio.sim.swapOuts')],
      },
      yAxis: { type: 'value', name: '%' },
      series: [
        {
          type: 'bar',
          name: t('studio.sim.expectedBadRate'),
          label: { show: true, position: 'top', formatter: '{c}%' },
          data: [
            report.current.expectedBadRate,
            report.candidate.expectedBadRate,
            report.swapIns.expectedBadRate,
            report.swapOuts.expectedBadRate,
          ].map((value) => percent(value)),
        },
      ],
    }),
    [report, t, before, after],
  );
  const approval = useMemo<ChartOption>(
    () => ({
      grid: { left: 56, right: 16, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: [before, after] },
      yAxis: { type: 'value', name: '%', max: 100 },
      series: [
        {
          type: 'bar',
          name: t('studio.sim.approvalRate'),
          label: { show: true, position: 'top', formatter: '{c}%' },
          data: [percent(report.current.approvalRate), percent(report.candidate.approvalRate)],
        },
      ],
    }),
    [report, t, before, after],
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
        data: [report.limits[key], report.prices[key]],
      })),
    }),
    [report, t],
  );

  const sampleColumns = [
    {
      title: t('studio.decisions.decision'),
      dataIndex: 'decisionId',
      render: (id: string) => <Link to={`/studio/decisions/${id}`}>{id.slice(0, 14)}…</Link>,
    },
    {
      title: t('studio.decisions.date'),
      dataIndex: 'decisionDate',
      render: (date: string) => format.date(date),
    },
    {
      title: t('studio.decisions.product'),
      dataIndex: 'product',
      render: (code: string) => t(`studio.product.${code}`, { defaultValue: code }),
    },
    { title: t('studio.decisions.score'), dataIndex: 'score' },
    {
      title: before,
      render: (_: unknown, sample: SwapSample) =>
        `${t(`studio.outcome.${sample.before.outcome}`)} · ${format.yuan(sample.before.limit)}`,
    },
    {
      title: after,
      render: (_: unknown, sample: SwapSample) =>
        `${t(`studio.outcome.${sample.after.outcome}`)} · ${format.yuan(sample.after.limit)}`,
    },
  ];

  return (
    <div className="studio-report">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('studio.sim.records')} value={report.records} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('studio.sim.swapIns')} value={report.swapIns.count} prefix="+" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('studio.sim.swapOuts')} value={report.swapOuts.count} prefix="−" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('studio.sim.approvalRate')}
            value={`${rate(report.current.approvalRate)} → ${rate(report.candidate.approvalRate)}`}
          />
        </Col>
      </Row>
      {report.failed > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          message={t('studio.sim.failed', { count: report.failed })}
        />
      ) : null}
      {report.records === 0 ? (
        <Alert type="info" showIcon style={{ marginTop: 16 }} message={t('studio.sim.noRecords')} />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.sim.outcomesChart')}>
            <Chart option={outcomes} label={t('studio.sim.outcomesChart')} height={240} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.sim.approvalRate')}>
            <Chart option={approval} label={t('studio.sim.approvalRate')} height={240} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.sim.expectedBadRate')}>
            <Chart option={badRate} label={t('studio.sim.expectedBadRate')} height={240} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('studio.sim.changesChart')}>
            <Chart option={changes} label={t('studio.sim.changesChart')} height={240} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('studio.sim.figures')} style={{ marginTop: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('studio.sim.limitTotal')}>
            {format.yuan(report.current.limitTotal)} → {format.yuan(report.candidate.limitTotal)}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.limitAverage')}>
            {report.current.averageLimit ? format.yuan(report.current.averageLimit) : '—'} →{' '}
            {report.candidate.averageLimit ? format.yuan(report.candidate.averageLimit) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.aprAverage')}>
            {rate(report.current.averageApr, 2)} → {rate(report.candidate.averageApr, 2)}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.expectedBadRate')}>
            {pd(report.current.expectedBadRate)} → {pd(report.candidate.expectedBadRate)} (
            {t('studio.sim.swapIns')} {pd(report.swapIns.expectedBadRate)}, {t('studio.sim.swapOuts')}{' '}
            {pd(report.swapOuts.expectedBadRate)})
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.skipped')}>
            {t('studio.sim.skippedDetail', {
              overrides: report.skipped.overrides,
              faults: report.skipped.faults,
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.reproduction')}>
            {t('studio.sim.reproductionDetail', {
              reproduced: report.reproduction.reproduced,
              records: report.reproduction.records,
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.sim.window')}>
            {format.date(report.window.from)} – {format.date(report.window.to)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {report.swapIns.samples.length + report.swapOuts.samples.length > 0 ? (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('studio.sim.swapInSamples')}>
              <Table
                size="small"
                rowKey="decisionId"
                pagination={{ pageSize: 5 }}
                dataSource={[...report.swapIns.samples]}
                columns={sampleColumns}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('studio.sim.swapOutSamples')}>
              <Table
                size="small"
                rowKey="decisionId"
                pagination={{ pageSize: 5 }}
                dataSource={[...report.swapOuts.samples]}
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
