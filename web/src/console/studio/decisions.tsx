import { PageContainer } from '@ant-design/pro-components';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ApiProblem } from '../../api/problem.ts';
import type { paths } from '../../api/schema';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { studioApi } from './contract.ts';

type SearchAnswer = paths['/v1/decisions']['get']['responses'][200]['content']['application/json'];
type Summary = SearchAnswer['decisions'][number];
type SearchQuery = NonNullable<paths['/v1/decisions']['get']['parameters']['query']>;
type Decision = paths['/v1/decisions/{id}']['get']['responses'][200]['content']['application/json'];
type Replay = paths['/v1/decisions/{id}/replay']['post']['responses'][200]['content']['application/json'];

const OUTCOME_COLOUR = { approved: 'green', declined: 'red', referred: 'gold' } as const;

export function OutcomeTag({ outcome }: { outcome: 'approved' | 'declined' | 'referred' }) {
  const { t } = useLocale();
  return <Tag color={OUTCOME_COLOUR[outcome]}>{t(`studio.outcome.${outcome}`)}</Tag>;
}

type Filters = {
  customerId?: string;
  from?: string;
  to?: string;
  outcome?: 'approved' | 'declined' | 'referred';
  reason?: string;
  product?: string;
  arm?: 'champion' | 'challenger';
};

function clean(filters: Filters): SearchQuery {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters))
    if (typeof value === 'string' && value.trim()) query[key] = value.trim();
  return query as SearchQuery;
}

export function DecisionExplorer() {
  const { t, format } = useLocale();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(params.entries()) as Filters, [params]);
  const [form] = Form.useForm<Filters>();
  const [rows, setRows] = useState<Summary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);

  const load = async (before?: string) => {
    setLoading(true);
    setProblem(undefined);
    try {
      const answer = await unwrap(
        studioApi.GET('/v1/decisions', {
          params: { query: { ...clean(filters), limit: '50', ...(before ? { before } : {}) } },
        }),
      );
      setRows((current) => (before ? [...current, ...answer.decisions] : answer.decisions));
      setNext(answer.next);
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    form.setFieldsValue(filters);
    void load();
  }, [filters]);

  return (
    <PageContainer title={t('studio.decisions.title')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => setParams(clean(values) as Record<string, string>)}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="customerId" label={t('studio.decisions.customer')}>
            <Input placeholder="cus_…" style={{ width: 250 }} />
          </Form.Item>
          <Form.Item name="from" label={t('studio.sim.from')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="to" label={t('studio.sim.to')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="outcome" label={t('studio.decisions.outcome')}>
            <Select
              allowClear
              style={{ width: 130 }}
              options={(['approved', 'declined', 'referred'] as const).map((value) => ({
                value,
                label: t(`studio.outcome.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('studio.decisions.reason')}>
            <Input placeholder="MULTI_HEAD_BORROWING" style={{ width: 230 }} />
          </Form.Item>
          <Form.Item name="product" label={t('studio.decisions.product')}>
            <Select
              allowClear
              style={{ width: 160 }}
              options={['cash_loan', 'credit_line'].map((value) => ({
                value,
                label: t(`studio.product.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="arm" label={t('studio.decisions.arm')}>
            <Select
              allowClear
              style={{ width: 130 }}
              options={(['champion', 'challenger'] as const).map((value) => ({
                value,
                label: t(`studio.arm.${value}`),
              }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('studio.decisions.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setParams({});
              }}
            >
              {t('studio.decisions.clear')}
            </Button>
          </Space>
        </Form>
      </Card>
      {problem ? <ProblemAlert problem={problem} onRetry={() => void load()} /> : null}
      <Table<Summary>
        size="small"
        rowKey="decisionId"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        className="studio-nowrap"
        locale={{ emptyText: <Empty description={t('studio.decisions.empty')} /> }}
        columns={[
          {
            title: t('studio.decisions.decision'),
            render: (_, row) => <Link to={`/studio/decisions/${row.decisionId}`}>{row.decisionId}</Link>,
          },
          { title: t('studio.decisions.decidedAt'), render: (_, row) => format.dateTime(row.decidedAt) },
          {
            title: t('studio.decisions.customer'),
            render: (_, row) => (
              <Link to={`/studio/decisions?customerId=${row.customerId}`}>
                {row.customerId.slice(0, 14)}…
              </Link>
            ),
          },
          {
            title: t('studio.decisions.product'),
            render: (_, row) => t(`studio.product.${row.product}`, { defaultValue: row.product }),
          },
          {
            title: t('studio.decisions.kind'),
            render: (_, row) => t(`studio.kind.${row.kind}`, { defaultValue: row.kind }),
          },
          { title: t('studio.decisions.outcome'), render: (_, row) => <OutcomeTag outcome={row.outcome} /> },
          { title: t('studio.decisions.limit'), align: 'right', render: (_, row) => format.yuan(row.limit) },
          { title: 'APR', align: 'right', render: (_, row) => (row.apr ? format.rate(row.apr) : '—') },
          { title: t('studio.decisions.score'), align: 'right', dataIndex: 'score' },
          {
            title: t('studio.decisions.arm'),
            render: (_, row) => (row.arm ? t(`studio.arm.${row.arm}`, { defaultValue: row.arm }) : '—'),
          },
          {
            title: t('studio.decisions.reasons'),
            render: (_, row) => (
              <Space size={[4, 4]} wrap>
                {row.reasonCodes.map((code) => (
                  <Tag key={code}>{code}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {next ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void load(next)} loading={loading}>
            {t('studio.decisions.more')}
          </Button>
        </div>
      ) : null}
    </PageContainer>
  );
}

type TraceEntry = NonNullable<NonNullable<Decision['evidence']>['trace']>[number];
type TableNode = {
  id: string;
  type: string;
  content?: {
    inputs?: { id: string; name?: string; field?: string }[];
    outputs?: { id: string; name?: string; field?: string }[];
    rules?: (Record<string, string> & { _id: string })[];
  };
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One node of the trace: what it read, and for a table every row with the matched ones highlighted. */
function TraceNode({ entry, node }: { entry: TraceEntry; node: TableNode | undefined }) {
  const { t } = useLocale();
  const columns = [...(node?.content?.inputs ?? []), ...(node?.content?.outputs ?? [])];
  const inputs = Object.entries(entry.inputs);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {entry.kind !== 'input' && inputs.length > 0 ? (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered title={t('studio.decisions.read')}>
          {inputs.slice(0, 30).map(([field, value]) => (
            <Descriptions.Item key={field} label={field}>
              {show(value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
      {node?.content?.rules ? (
        <Table
          size="small"
          rowKey="_id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={node.content.rules}
          rowClassName={(rule) => (entry.matched.includes(rule._id) ? 'studio-matched-row' : '')}
          columns={[
            {
              title: '#',
              render: (_, rule, index) =>
                entry.matched.includes(rule._id) ? (
                  <Tag color="green">
                    {index + 1} ✓ {t('studio.decisions.matched')}
                  </Tag>
                ) : (
                  index + 1
                ),
            },
            ...columns.map((column) => ({
              title: column.name ?? column.field ?? column.id,
              render: (_: unknown, rule: Record<string, string>) => (
                <Typography.Text code>{rule[column.id] ?? ''}</Typography.Text>
              ),
            })),
          ]}
        />
      ) : entry.output !== null && entry.output !== undefined ? (
        <pre className="studio-json">{JSON.stringify(entry.output, null, 2)}</pre>
      ) : null}
    </Space>
  );
}

export function DecisionPage() {
  const { id = '' } = useParams();
  const { t, format, text } = useLocale();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useLoad(
    async () =>
      (await unwrap(
        studioApi.GET('/v1/decisions/{id}', { params: { path: { id }, query: { evidence: 'true' } } }),
      )) as Decision,
    [id],
  );
  const policy = useLoad(async () => {
    const versionId = data?.policyVersion;
    if (!versionId) return undefined;
    return unwrap(studioApi.GET('/v1/policies/{id}', { params: { path: { id: versionId } } }));
  }, [data?.policyVersion]);
  const [replay, setReplay] = useState<Replay | undefined>(undefined);
  const [replayProblem, setReplayProblem] = useState<ApiProblem | undefined>(undefined);
  const [replaying, setReplaying] = useState(false);

  const runReplay = async () => {
    setReplaying(true);
    setReplayProblem(undefined);
    try {
      setReplay(await unwrap(studioApi.POST('/v1/decisions/{id}/replay', { params: { path: { id } } })));
    } catch (caught) {
      setReplayProblem(asProblem(caught));
    } finally {
      setReplaying(false);
    }
  };

  if (error) return <ProblemAlert problem={error} onRetry={() => void reload()} />;
  const evidence = data?.evidence;
  const nodes = ((policy.data?.content as { nodes?: TableNode[] } | undefined)?.nodes ?? []) as TableNode[];
  const trace = evidence?.trace ?? [];
  return (
    <PageContainer
      loading={loading}
      title={id}
      onBack={() => navigate('/studio/decisions')}
      extra={[
        <Button key="replay" type="primary" onClick={() => void runReplay()} loading={replaying}>
          {t('studio.decisions.replay')}
        </Button>,
      ]}
    >
      {data ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
              <Descriptions.Item label={t('studio.decisions.outcome')}>
                <OutcomeTag outcome={data.outcome} />
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.product')}>
                {t(`studio.product.${data.product}`, { defaultValue: data.product })}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.limit')}>
                {format.yuan(data.limit)}
              </Descriptions.Item>
              <Descriptions.Item label="APR">{data.apr ? format.rate(data.apr) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.score')}>{data.score ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.arm')}>
                {data.arm ? t(`studio.arm.${data.arm}`, { defaultValue: data.arm }) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.kind')}>
                {t(`studio.kind.${data.kind}`, { defaultValue: data.kind })}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.decidedAt')}>
                {format.dateTime(data.decidedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.customer')}>
                <Link to={`/studio/decisions?customerId=${data.customerId}`}>{data.customerId}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.policy')}>
                {data.policyVersion ? (
                  <Link to={`/studio/policies/${data.policyVersion}`}>{data.policyVersion}</Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.model')}>
                {data.modelVersion ? (
                  <Link to={`/studio/models/${encodeURIComponent(data.modelVersion)}`}>
                    {data.modelVersion}
                  </Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.decisions.requested')}>
                {data.requestedAmount ? format.yuan(data.requestedAmount) : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {replayProblem ? <ProblemAlert problem={replayProblem} /> : null}
          {replay ? (
            <Card size="small" title={t('studio.decisions.replayTitle')}>
              <Alert
                type={replay.matches ? 'success' : 'error'}
                showIcon
                message={
                  replay.matches ? t('studio.decisions.replayMatches') : t('studio.decisions.replayDiffers')
                }
                description={t('studio.decisions.replayBasis', {
                  stored: t(`studio.outcome.${replay.outcome.stored}`, {
                    defaultValue: replay.outcome.stored,
                  }),
                  recomputed: t(`studio.outcome.${replay.outcome.recomputed}`, {
                    defaultValue: replay.outcome.recomputed,
                  }),
                  model: replay.modelVersion ?? '—',
                  policy: replay.policyVersion ?? '—',
                })}
              />
              {replay.differences.length > 0 ? (
                <Table
                  size="small"
                  style={{ marginTop: 12 }}
                  rowKey={(_, index) => String(index)}
                  pagination={false}
                  dataSource={replay.differences as Record<string, unknown>[]}
                  columns={[
                    { title: t('studio.decisions.field'), render: (_, row) => show(row.field ?? row.path) },
                    {
                      title: t('studio.decisions.stored'),
                      render: (_, row) => <Typography.Text code>{show(row.stored)}</Typography.Text>,
                    },
                    {
                      title: t('studio.decisions.recomputed'),
                      render: (_, row) => <Typography.Text code>{show(row.recomputed)}</Typography.Text>,
                    },
                  ]}
                />
              ) : null}
            </Card>
          ) : null}
          <Card size="small" title={t('studio.decisions.reasons')}>
            {data.reasons.length > 0 ? (
              <List
                size="small"
                dataSource={data.reasons}
                renderItem={(reason, index) => (
                  <List.Item>
                    <Space>
                      <Typography.Text strong>{index + 1}.</Typography.Text>
                      <Tag>{reason.code}</Tag>
                      <Tag color="default">{reason.kind}</Tag>
                      <span>{text(reason.text)}</span>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('studio.decisions.noReasons')} />
            )}
          </Card>
          <Card size="small" title={t('studio.decisions.trace')}>
            {policy.error ? <ProblemAlert problem={policy.error} /> : null}
            {trace.length > 0 ? (
              <Collapse
                defaultActiveKey={trace
                  .filter((entry) => entry.matched.length > 0)
                  .map((entry) => entry.nodeId)}
                items={trace.map((entry) => ({
                  key: entry.nodeId,
                  label: (
                    <Space>
                      <Typography.Text strong>{entry.nodeName}</Typography.Text>
                      <Tag>{t(`studio.nodeKind.${entry.kind}`, { defaultValue: entry.kind })}</Tag>
                      {entry.matched.length > 0 ? (
                        <Tag color="green">
                          {t('studio.decisions.matchedRows', { count: entry.matched.length })}
                        </Tag>
                      ) : null}
                    </Space>
                  ),
                  children: <TraceNode entry={entry} node={nodes.find((node) => node.id === entry.nodeId)} />,
                }))}
              />
            ) : (
              <Empty description={t('studio.decisions.noTrace')} />
            )}
          </Card>
          <Card size="small" title={t('studio.decisions.evidence')}>
            <Collapse
              items={(['facts', 'scorecardRow', 'policyDocument', 'policyOutput'] as const).map((key) => ({
                key,
                label: t(`studio.decisions.evidenceParts.${key}`),
                children: (
                  <pre className="studio-json">{JSON.stringify(evidence?.[key] ?? null, null, 2)}</pre>
                ),
              }))}
            />
          </Card>
        </Space>
      ) : null}
    </PageContainer>
  );
}
