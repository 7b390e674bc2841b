import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Progress,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { ApiProblem } from '../../api/problem.ts';
import type { paths } from '../../api/schema';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { Chart, type ChartOption } from './chart.tsx';
import { studioApi } from './contract.ts';

/** A backtest run and its report, typed by the generated client (`/openapi.json`). */
export type BacktestRun =
  paths['/v1/models/backtests/{id}']['get']['responses'][200]['content']['application/json'];
export type BacktestReport = NonNullable<BacktestRun['report']>;
type Segment = BacktestReport['segments']['scoreBand'][number];
type SegmentKind = keyof BacktestReport['segments'];

const POLL_MS = 1_000;
/** Longest wait between two reads of a run after failed reads. */
const MAX_RETRY_MS = 30_000;

/** Wait before the next read after `failures` failed ones in a row: 2 s, 4 s, 8 s … up to 30 s. */
const retryDelay = (failures: number): number => Math.min(POLL_MS * 2 ** failures, MAX_RETRY_MS);

/** A PD or share as a percentage with two decimals; "—" for none. */
const pct = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(2)}%`;
const fixed = (value: number | null | undefined, places = 3): string =>
  value === null || value === undefined ? '—' : value.toFixed(places);

/**
 * The model page's backtest: start a run of this model against the active one over a window of past
 * applications, follow its progress, then read the report — AUC and KS of both (with ROC curves), the swap
 * sets through the current policy, approval and bad rate by segment. The latest run is shown on arrival.
 */
export function BacktestCard({ version }: { version: string }) {
  const { t, format } = useLocale();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [runId, setRunId] = useState<string | undefined>(undefined);
  const [run, setRun] = useState<BacktestRun | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [starting, setStarting] = useState(false);

  // The latest run of this model, if any.
  useEffect(() => {
    let stopped = false;
    void unwrap(studioApi.GET('/v1/models/{version}/backtests', { params: { path: { version } } }))
      .then((answer) => {
        const latest = answer.backtests[0];
        if (!stopped && latest) setRunId((current) => current ?? latest.backtestId);
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [version]);

  // Follow the run until it is done or failed. A failed read (the server restarting, a dropped connection,
  // 429 or a 5xx) is shown and tried again, less often each time; a 4xx other than 429 (the run is not
  // there, or not ours to read) will not change by asking again, so following stops there.
  useEffect(() => {
    if (!runId) return undefined;
    let stopped = false;
    let timer: number | undefined;
    const poll = async (failures: number) => {
      try {
        const answer = await unwrap(
          studioApi.GET('/v1/models/backtests/{id}', { params: { path: { id: runId } } }),
        );
        if (stopped) return;
        setRun(answer);
        if (failures > 0) setProblem(undefined);
        if (answer.status !== 'done' && answer.status !== 'failed')
          timer = window.setTimeout(() => void poll(0), POLL_MS);
      } catch (caught) {
        if (stopped) return;
        const problem = asProblem(caught);
        setProblem(problem);
        if (problem.status >= 400 && problem.status < 500 && problem.status !== 429) return;
        timer = window.setTimeout(() => void poll(failures + 1), retryDelay(failures + 1));
      }
    };
    void poll(0);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [runId]);

  const start = async () => {
    setProblem(undefined);
    setStarting(true);
    try {
      const body = {
        ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
        ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
      };
      const answer = await unwrap(
        studioApi.POST('/v1/models/{version}/backtests', { params: { path: { version } }, body }),
      );
      setRun(answer as BacktestRun);
      setRunId(answer.backtestId);
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setStarting(false);
    }
  };

  const running = run !== undefined && (run.status === 'queued' || run.status === 'running');
  const percent = run && run.total > 0 ? Math.floor((run.done / run.total) * 100) : 0;
  return (
    <Card size="small" title={t('studio.backtest.title')} className="studio-backtest">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('studio.backtest.intro')}
        </Typography.Paragraph>
        <Space wrap>
          <DatePicker.RangePicker
            aria-label={t('studio.backtest.window')}
            allowEmpty={[true, true]}
            style={{ minWidth: 420 }}
            value={range}
            onChange={(value) => setRange(value as [Dayjs | null, Dayjs | null] | null)}
            placeholder={[t('studio.backtest.from'), t('studio.backtest.to')]}
          />
          <Button type="primary" onClick={() => void start()} loading={starting || running}>
            {t('studio.backtest.start')}
          </Button>
        </Space>
        {problem ? <ProblemAlert problem={problem} /> : null}
        {run && run.status !== 'done' ? (
          <div role="status" aria-live="polite">
            <Progress
              percent={percent}
              status={run.status === 'failed' ? 'exception' : 'active'}
              aria-label={t('studio.backtest.progress')}
            />
            <Typography.Text type="secondary">
              {t('studio.backtest.progressDetail', { done: run.done, total: run.total })}
            </Typography.Text>
            {run.status === 'failed' ? (
              <Alert type="error" showIcon message={run.error?.message ?? t('studio.backtest.failed')} />
            ) : null}
          </div>
        ) : null}
        {run?.status === 'done' && run.report ? (
          <BacktestReportView report={run.report} finishedAt={run.finishedAt} format={format} />
        ) : null}
      </Space>
    </Card>
  );
}

function BacktestReportView({
  report,
  finishedAt,
  format,
}: {
  report: BacktestReport;
  finishedAt: string | null;
  format: ReturnType<typeof useLocale>['format'];
}) {
  const { t } = useLocale();
  const [kind, setKind] = useState<SegmentKind>('scoreBand');
  const { discrimination, comparison } = report;
  const champion = report.champion.version;
  const candidate = report.candidate.version;

  const metricsChart = useMemo<ChartOption | undefined>(() => {
    if (!discrimination) return undefined;
    const names = ['AUC', 'KS', 'Gini'];
    const value = (side: 'champion' | 'candidate', name: string) => {
      const metrics = discrimination[side];
      const figure = name === 'AUC' ? metrics.auc : name === 'KS' ? metrics.ks : metrics.gini;
      return figure === null ? null : Number(figure.toFixed(4));
    };
    return {
      legend: { data: [champion, candidate] },
      grid: { left: 48, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: [
        { name: champion, type: 'bar', data: names.map((name) => value('champion', name)) },
        { name: candidate, type: 'bar', data: names.map((name) => value('candidate', name)) },
      ],
    };
  }, [discrimination, champion, candidate]);

  const rocChart = useMemo<ChartOption | undefined>(() => {
    if (!discrimination) return undefined;
    const points = (curve: ReadonlyArray<{ x: number; y: number }>) =>
      curve.map((point) => [Number(point.x.toFixed(4)), Number(point.y.toFixed(4))]);
    return {
      legend: { data: [champion, candidate] },
      tooltip: { trigger: 'item' },
      grid: { left: 48, right: 16, top: 40, bottom: 40 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: t('studio.backtest.fpr'),
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', min: 0, max: 1, name: t('studio.backtest.tpr') },
      series: [
        { name: champion, type: 'line', showSymbol: false, data: points(discrimination.roc.champion) },
        { name: candidate, type: 'line', showSymbol: false, data: points(discrimination.roc.candidate) },
      ],
    };
  }, [discrimination, champion, candidate, t]);

  const segments: readonly Segment[] = report.segments[kind];
  const skipped = Object.entries(report.skipped)
    .map(([reason, count]) => `${t(`studio.backtest.skip.${reason}`, { defaultValue: reason })} ${count}`)
    .join(' · ');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="studio-backtest-report">
      <Typography.Text type="secondary">
        {t('studio.backtest.summary', {
          from: format.date(report.window.from),
          to: format.date(report.window.to),
          applications: report.applications,
          matured: report.matured.applications,
          bads: report.matured.bads,
          champion,
        })}
        {finishedAt ? ` · ${format.dateTime(finishedAt)}` : ''}
        {skipped ? ` · ${t('studio.backtest.skipped')}: ${skipped}` : ''}
      </Typography.Text>
      {discrimination ? (
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('studio.backtest.discrimination')}>
              <Row gutter={8}>
                {(['champion', 'candidate'] as const).map((side) => (
                  <Col span={12} key={side}>
                    <Typography.Text strong>
                      {t(`studio.backtest.${side}`)} · {side === 'champion' ? champion : candidate}
                    </Typography.Text>
                    <Row gutter={8}>
                      <Col span={12}>
                        <Statistic
                          title="AUC"
                          value={fixed(discrimination[side].auc, 4)}
                          className={`studio-backtest-auc-${side}`}
                        />
                      </Col>
                      <Col span={12}>
                        <Statistic
                          title="KS"
                          value={fixed(discrimination[side].ks, 4)}
                          className={`studio-backtest-ks-${side}`}
                        />
                      </Col>
                    </Row>
                  </Col>
                ))}
              </Row>
              {metricsChart ? (
                <Chart option={metricsChart} label={t('studio.backtest.discrimination')} height={220} />
              ) : null}
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('studio.backtest.roc')}>
              {rocChart ? <Chart option={rocChart} label={t('studio.backtest.roc')} height={300} /> : null}
            </Card>
          </Col>
        </Row>
      ) : (
        <Alert type="info" showIcon message={t('studio.backtest.noDiscrimination', report.matured)} />
      )}
      <Card size="small" title={t('studio.backtest.swaps')}>
        <Table
          size="small"
          pagination={false}
          rowKey="set"
          className="studio-backtest-swaps"
          dataSource={[
            {
              set: t('studio.backtest.swapIns'),
              count: comparison.swapIns.count,
              expected: comparison.swapIns.expectedBadRate,
              observed: report.swapObserved.swapIns,
            },
            {
              set: t('studio.backtest.swapOuts'),
              count: comparison.swapOuts.count,
              expected: comparison.swapOuts.expectedBadRate,
              observed: report.swapObserved.swapOuts,
            },
          ]}
          columns={[
            { title: t('studio.backtest.set'), dataIndex: 'set' },
            { title: t('studio.backtest.count'), dataIndex: 'count' },
            { title: t('studio.backtest.expectedChampion'), render: (_, row) => pct(row.expected.champion) },
            {
              title: t('studio.backtest.expectedCandidate'),
              render: (_, row) => pct(row.expected.challenger),
            },
            {
              title: t('studio.backtest.observed'),
              render: (_, row) =>
                row.observed.badRate === null
                  ? '—'
                  : `${format.rate(row.observed.badRate)} (${row.observed.bads}/${row.observed.matured})`,
            },
          ]}
        />
        <Typography.Text type="secondary">
          {t('studio.backtest.agreement', {
            agreed: comparison.agreed,
            records: comparison.records,
            rate: comparison.agreementRate === null ? '—' : format.rate(comparison.agreementRate),
          })}
        </Typography.Text>
      </Card>
      <Card
        size="small"
        title={t('studio.backtest.segments')}
        extra={
          <Segmented<SegmentKind>
            value={kind}
            onChange={setKind}
            options={(['scoreBand', 'product', 'ageBand', 'incomeBand'] as const).map((value) => ({
              value,
              label: t(`studio.backtest.segment.${value}`),
            }))}
          />
        }
      >
        {segments.length === 0 ? (
          <Empty />
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey="segment"
            className="studio-backtest-segments"
            dataSource={[...segments]}
            columns={[
              {
                title: t(`studio.backtest.segment.${kind}`),
                render: (_, row) =>
                  kind === 'product'
                    ? t(`studio.product.${row.segment}`, { defaultValue: row.segment })
                    : row.segment,
              },
              { title: t('studio.backtest.applications'), dataIndex: 'applications' },
              {
                title: t('studio.backtest.approval'),
                render: (_, row) =>
                  `${row.approvalRate.champion === null ? '—' : format.rate(row.approvalRate.champion)} → ${row.approvalRate.candidate === null ? '—' : format.rate(row.approvalRate.candidate)}`,
              },
              {
                title: t('studio.backtest.expectedBad'),
                render: (_, row) =>
                  `${pct(row.expectedBadRate.champion)} → ${pct(row.expectedBadRate.candidate)}`,
              },
              {
                title: t('studio.backtest.observedBad'),
                render: (_, row) =>
                  `${row.observed.champion.badRate === null ? '—' : format.rate(row.observed.champion.badRate)} → ${row.observed.candidate.badRate === null ? '—' : format.rate(row.observed.candidate.badRate)}`,
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
