import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ApiProblem } from '../../api/problem.ts';
import type { paths } from '../../api/schema';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { BacktestCard } from './backtests.tsx';
import { Chart, type ChartOption } from './chart.tsx';
import { studioApi } from './contract.ts';

type ModelList = paths['/v1/models']['get']['responses'][200]['content']['application/json'];
type ModelRow = ModelList['models'][number];
type ModelAnswer = paths['/v1/models/{version}']['get']['responses'][200]['content']['application/json'];
type Artefact = ModelAnswer['artefact'];
type Feature = Artefact['features'][number];
type Metrics = NonNullable<Artefact['metrics']['holdout']>;

const STATUS_COLOUR = { active: 'green', candidate: 'blue', retired: 'default' } as const;

function fixed(value: number | null | undefined, places = 3): string {
  return value === null || value === undefined ? '—' : value.toFixed(places);
}

export function ModelList() {
  const { t, format } = useLocale();
  const { data, error, loading, reload } = useLoad(
    async () => (await unwrap(studioApi.GET('/v1/models', {}))).models,
    [],
  );
  const columns: ProColumns<ModelRow>[] = [
    {
      title: t('studio.models.version'),
      dataIndex: 'version',
      render: (_, row) => <Link to={`/studio/models/${encodeURIComponent(row.version)}`}>{row.version}</Link>,
    },
    {
      title: t('studio.models.status'),
      render: (_, row) => (
        <Tag color={STATUS_COLOUR[row.status]}>{t(`studio.models.statuses.${row.status}`)}</Tag>
      ),
    },
    { title: t('studio.models.features'), dataIndex: 'featureCount' },
    { title: 'AUC', render: (_, row) => fixed(row.holdoutAuc) },
    { title: t('studio.models.trainedAt'), render: (_, row) => format.dateTime(row.trainedAt) },
    {
      title: t('studio.models.activatedAt'),
      render: (_, row) => (row.activatedAt ? format.dateTime(row.activatedAt) : '—'),
    },
    { title: t('studio.models.createdBy'), render: (_, row) => row.createdBy ?? '—' },
  ];
  return (
    <PageContainer title={t('studio.models.title')}>
      {error ? <ProblemAlert problem={error} onRetry={() => void reload()} /> : null}
      <ProTable<ModelRow>
        rowKey="version"
        search={false}
        loading={loading}
        dataSource={data ?? []}
        columns={columns}
        options={{ reload: () => void reload(), density: false, setting: false }}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: <Empty description={t('studio.models.empty')} /> }}
      />
    </PageContainer>
  );
}

function MetricsCards({ metrics, label }: { metrics: Metrics; label: string }) {
  const { t } = useLocale();
  return (
    <Card size="small" title={label}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title="AUC" value={fixed(metrics.auc)} />
        </Col>
        <Col span={6}>
          <Statistic title="KS" value={fixed(metrics.ks)} />
        </Col>
        <Col span={6}>
          <Statistic title="Gini" value={fixed(metrics.gini)} />
        </Col>
        <Col span={6}>
          <Statistic title={t('studio.models.badRate')} value={`${(metrics.badRate * 100).toFixed(2)}%`} />
        </Col>
      </Row>
      <Typography.Text type="secondary">
        {t('studio.models.sample', { n: metrics.n, bads: metrics.bads })}
      </Typography.Text>
    </Card>
  );
}

function FeatureView({ feature }: { feature: Feature }) {
  const { t, text } = useLocale();
  const option = useMemo<ChartOption>(
    () => ({
      legend: { data: ['WoE', t('studio.models.points'), t('studio.models.eventRate')] },
      grid: { left: 56, right: 56, top: 48, bottom: 64 },
      xAxis: {
        type: 'category',
        data: feature.bins.map((bin) => bin.text),
        axisLabel: { rotate: 20, fontSize: 11 },
      },
      yAxis: [
        { type: 'value', name: 'WoE / pts' },
        { type: 'value', name: '%' },
      ],
      series: [
        { name: 'WoE', type: 'bar', data: feature.bins.map((bin) => Number(bin.woe.toFixed(3))) },
        { name: t('studio.models.points'), type: 'bar', data: feature.bins.map((bin) => bin.points) },
        {
          name: t('studio.models.eventRate'),
          type: 'line',
          yAxisIndex: 1,
          data: feature.bins.map((bin) => Number((bin.eventRate * 100).toFixed(2))),
        },
      ],
    }),
    [feature, t],
  );
  const label = text({ zh: feature.label.zh, en: feature.label.en });
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Chart option={option} label={t('studio.models.binsChart', { feature: label })} height={300} />
      </Col>
      <Col xs={24} xl={12}>
        <Table
          size="small"
          rowKey="text"
          pagination={false}
          dataSource={feature.bins.map((bin) => ({ ...bin }))}
          columns={[
            { title: t('studio.models.bin'), dataIndex: 'text' },
            { title: t('studio.models.count'), dataIndex: 'count' },
            { title: t('studio.models.bads'), dataIndex: 'bads' },
            {
              title: t('studio.models.eventRate'),
              render: (_, bin) => `${(bin.eventRate * 100).toFixed(2)}%`,
            },
            { title: 'WoE', render: (_, bin) => bin.woe.toFixed(3) },
            { title: t('studio.models.points'), dataIndex: 'points' },
          ]}
        />
      </Col>
    </Row>
  );
}

export function ModelReport() {
  const { version = '' } = useParams();
  const { t, text, format } = useLocale();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useLoad(
    async () =>
      (await unwrap(studioApi.GET('/v1/models/{version}', { params: { path: { version } } }))) as ModelAnswer,
    [version],
  );
  const [featureName, setFeatureName] = useState<string | undefined>(undefined);
  const [requestProblem, setRequestProblem] = useState<ApiProblem | undefined>(undefined);
  const [requested, setRequested] = useState<string | undefined>(undefined);
  const artefact = data?.artefact;
  const metrics = artefact?.metrics.holdout ?? artefact?.metrics.train;
  const features = useMemo(() => [...(artefact?.features ?? [])].sort((a, b) => b.iv - a.iv), [artefact]);
  const feature = features.find((candidate) => candidate.name === featureName) ?? features[0];

  const histogram = useMemo<ChartOption | undefined>(() => {
    if (!metrics) return undefined;
    const { from, width, goods, bads } = metrics.scoreHistogram;
    const labels = goods.map((_, index) => String(from + index * width));
    return {
      legend: { data: [t('studio.models.goods'), t('studio.models.bads')] },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: labels, name: t('studio.models.score') },
      yAxis: { type: 'value' },
      series: [
        { name: t('studio.models.goods'), type: 'bar', stack: 'n', data: goods },
        { name: t('studio.models.bads'), type: 'bar', stack: 'n', data: bads },
      ],
    };
  }, [metrics, t]);
  const calibration = useMemo<ChartOption | undefined>(() => {
    if (!metrics) return undefined;
    return {
      legend: { data: [t('studio.models.predicted'), t('studio.models.observed')] },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: metrics.calibration.map((bucket) => `${bucket.from}–${bucket.to}`) },
      yAxis: { type: 'value', name: '%' },
      series: [
        {
          name: t('studio.models.predicted'),
          type: 'line',
          data: metrics.calibration.map((bucket) => Number((bucket.predicted * 100).toFixed(2))),
        },
        {
          name: t('studio.models.observed'),
          type: 'line',
          data: metrics.calibration.map((bucket) => Number((bucket.observed * 100).toFixed(2))),
        },
      ],
    };
  }, [metrics, t]);

  const requestActivation = async () => {
    setRequestProblem(undefined);
    try {
      const answer = (await unwrap(
        studioApi.POST('/v1/models/{version}/activate', { params: { path: { version } } }),
      )) as { changeId?: string };
      setRequested(answer.changeId ?? '');
    } catch (caught) {
      setRequestProblem(asProblem(caught));
    }
  };

  if (error) return <ProblemAlert problem={error} onRetry={() => void reload()} />;
  return (
    <PageContainer
      loading={loading}
      title={version}
      onBack={() => navigate('/studio/models')}
      extra={
        data && data.model.status !== 'active'
          ? [
              <Button
                key="activate"
                type="primary"
                onClick={() => void requestActivation()}
                disabled={requested !== undefined}
              >
                {t('studio.models.requestActivation')}
              </Button>,
            ]
          : []
      }
    >
      {requested !== undefined ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('studio.models.requested')}
          description={requested ? t('studio.models.requestedId', { id: requested }) : undefined}
          action={
            <Button size="small" onClick={() => navigate('/studio/approvals')}>
              {t('studio.editor.toApprovals')}
            </Button>
          }
        />
      ) : null}
      {requestProblem ? <ProblemAlert problem={requestProblem} /> : null}
      {data && artefact && metrics ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('studio.models.status')}>
                <Tag color={STATUS_COLOUR[data.model.status]}>
                  {t(`studio.models.statuses.${data.model.status}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.models.trainedAt')}>
                {format.dateTime(data.model.trainedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.models.features')}>
                {artefact.features.length}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.models.scaling')}>
                {t('studio.models.scalingDetail', {
                  score: artefact.scaling.baseScore,
                  odds: artefact.scaling.baseOdds,
                  pdo: artefact.scaling.pdo,
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.models.range')}>
                {artefact.scaling.minScore}–{artefact.scaling.maxScore}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.models.hash')}>
                <Typography.Text code>{artefact.contentHash.slice(0, 20)}…</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <MetricsCards metrics={artefact.metrics.train} label={t('studio.models.train')} />
            </Col>
            <Col xs={24} xl={12}>
              {artefact.metrics.holdout ? (
                <MetricsCards metrics={artefact.metrics.holdout} label={t('studio.models.holdout')} />
              ) : (
                <Card size="small" title={t('studio.models.holdout')}>
                  <Empty description={t('studio.models.noHoldout')} />
                </Card>
              )}
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('studio.models.histogram')}>
                {histogram ? <Chart option={histogram} label={t('studio.models.histogram')} /> : null}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('studio.models.calibration')}>
                {calibration ? <Chart option={calibration} label={t('studio.models.calibration')} /> : null}
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={t('studio.models.binsTitle')}
            extra={
              <Select
                aria-label={t('studio.models.feature')}
                style={{ minWidth: 280 }}
                value={feature?.name}
                onChange={setFeatureName}
                options={features.map((candidate) => ({
                  value: candidate.name,
                  label: `${text({ zh: candidate.label.zh, en: candidate.label.en })} · IV ${candidate.iv.toFixed(3)}`,
                }))}
              />
            }
          >
            {feature ? <FeatureView feature={feature} /> : <Empty />}
          </Card>
          <Card size="small" title={t('studio.models.featuresTitle')}>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={features}
              onRow={(row) => ({ onClick: () => setFeatureName(row.name), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('studio.models.feature'),
                  render: (_, row) => text({ zh: row.label.zh, en: row.label.en }),
                },
                {
                  title: t('studio.models.dimension'),
                  render: (_, row) => t(`studio.dimension.${row.dimension}`),
                },
                { title: 'IV', render: (_, row) => row.iv.toFixed(3) },
                { title: t('studio.models.coefficient'), render: (_, row) => row.coefficient.toFixed(4) },
                { title: 'p', render: (_, row) => fixed(row.pValue, 4) },
                { title: t('studio.models.bins'), render: (_, row) => row.bins.length },
              ]}
            />
          </Card>
          <BacktestCard version={version} />
          {artefact.dropped.length > 0 ? (
            <Card size="small" title={t('studio.models.dropped')}>
              <Table
                size="small"
                rowKey="feature"
                pagination={false}
                dataSource={artefact.dropped.map((entry) => ({ ...entry }))}
                columns={[
                  { title: t('studio.models.feature'), dataIndex: 'feature' },
                  { title: t('studio.models.reason'), render: (_, row) => <Tag>{row.reason}</Tag> },
                  { title: t('studio.models.detail'), dataIndex: 'detail' },
                ]}
              />
            </Card>
          ) : null}
        </Space>
      ) : null}
    </PageContainer>
  );
}
