import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Card, Descriptions, Empty, List, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { actorName, studioApi, type PolicyVersion as BasePolicyVersion } from './contract.ts';

/** A version with who asked for it and who approved it (from the four-eyes inbox, by its change id). */
type PolicyVersion = BasePolicyVersion & {
  readonly submittedBy?: string | null;
  readonly approvedBy?: string | null;
  readonly bootstrap?: boolean;
};

/** The versions, each with its submitter and approver from GET /v1/approvals (kind policy, any status). */
async function loadVersions(): Promise<PolicyVersion[]> {
  const [{ policies }, { items }] = await Promise.all([
    unwrap(studioApi.GET('/v1/policies', {})),
    unwrap(studioApi.GET('/v1/approvals', { params: { query: { kind: 'policy' } } })),
  ]);
  const byChange = new Map(items.map((item) => [item.changeId, item]));
  return policies.map((policy) => {
    const change = policy.changeId ? byChange.get(policy.changeId) : undefined;
    return change
      ? {
          ...policy,
          submittedBy: change.requestedBy,
          approvedBy: change.status === 'approved' ? change.decidedBy : null,
          bootstrap: change.bootstrap,
        }
      : policy;
  });
}

const STATUS_COLOUR: Record<string, string> = {
  active: 'green',
  approved: 'green',
  pending_approval: 'gold',
  pending: 'gold',
  rejected: 'red',
  superseded: 'default',
  scheduled: 'blue',
};

export function StatusTag({ status }: { status: string | undefined }) {
  const { t } = useLocale();
  if (!status) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={STATUS_COLOUR[status] ?? 'default'}>
      {t(`studio.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function PolicyList() {
  const { t, format } = useLocale();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useLoad(loadVersions, []);
  const columns: ProColumns<PolicyVersion>[] = [
    {
      title: t('studio.policies.name'),
      dataIndex: 'name',
      render: (_, row) => (
        <Link to={`/studio/policies/${row.id}`}>
          {row.name} v{row.version}
        </Link>
      ),
    },
    {
      title: t('studio.policies.status'),
      dataIndex: 'status',
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      title: t('studio.policies.effectiveFrom'),
      dataIndex: 'effectiveFrom',
      render: (_, row) => format.date(row.effectiveFrom),
      sorter: (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom),
    },
    { title: t('studio.policies.submittedBy'), render: (_, row) => actorName(row.submittedBy) || '—' },
    {
      title: t('studio.policies.approvedBy'),
      render: (_, row) => (row.bootstrap ? t('studio.policies.bootstrap') : actorName(row.approvedBy) || '—'),
    },
    { title: t('studio.policies.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('studio.policies.warnings'),
      render: (_, row) =>
        row.warnings.length > 0 ? <Tag color="orange">{row.warnings.length}</Tag> : <Tag>0</Tag>,
    },
    { title: t('studio.policies.loadedAt'), render: (_, row) => format.dateTime(row.loadedAt) },
  ];
  return (
    <PageContainer
      title={t('studio.policies.title')}
      extra={[
        <Button key="new" type="primary" onClick={() => navigate('/studio/policies/new')}>
          {t('studio.policies.new')}
        </Button>,
      ]}
    >
      {error ? <ProblemAlert problem={error} onRetry={() => void reload()} /> : null}
      <ProTable<PolicyVersion>
        rowKey="id"
        search={false}
        loading={loading}
        dataSource={data ?? []}
        columns={columns}
        options={{ reload: () => void reload(), density: false, setting: false }}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: <Empty description={t('studio.policies.empty')} /> }}
      />
    </PageContainer>
  );
}

type DiffChange = { change: string } & Record<string, unknown>;
type GraphDiff = {
  identical: boolean;
  nodesAdded: { id: string; name: string; kind: string }[];
  nodesRemoved: { id: string; name: string; kind: string }[];
  nodesChanged: { id: string; name: string; kind: string; changes: DiffChange[] }[];
  edgesAdded: { sourceId: string; targetId: string }[];
  edgesRemoved: { sourceId: string; targetId: string }[];
};

function describeChange(
  change: DiffChange,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  const cells = change.cells;
  switch (change.change) {
    case 'row-changed':
      return `${t('studio.diff.rowChanged', { row: change.rowId })}: ${(
        cells as { columnName: string; from: string; to: string }[]
      )
        .map((cell) => `${cell.columnName}: “${cell.from}” → “${cell.to}”`)
        .join('; ')}`;
    case 'row-added':
    case 'row-removed':
      return `${t(`studio.diff.${change.change}`, { row: change.rowId })}: ${Object.values(
        cells as Record<string, string>,
      )
        .map((cell) => `“${cell}”`)
        .join(', ')}`;
    case 'row-moved':
      return t('studio.diff.rowMoved', { row: change.rowId, from: change.fromIndex, to: change.toIndex });
    case 'expression-changed': {
      const from = change.from as { key: string; value: string };
      const to = change.to as { key: string; value: string };
      return `${t('studio.diff.expressionChanged')}: ${from.key} = ${from.value} → ${to.key} = ${to.value}`;
    }
    case 'renamed':
      return `${t('studio.diff.renamed')}: ${String(change.from)} → ${String(change.to)}`;
    default:
      return `${t(`studio.diff.kind.${change.change}`, { defaultValue: change.change })}: ${JSON.stringify(
        Object.fromEntries(Object.entries(change).filter(([key]) => key !== 'change')),
      )}`;
  }
}

function DiffView({ from, to }: { from: string; to: string }) {
  const { t } = useLocale();
  const { data, error, loading } = useLoad(
    async () => unwrap(studioApi.GET('/v1/policies/diff', { params: { query: { from, to } } })),
    [from, to],
  );
  if (loading) return <Spin />;
  if (error) return <ProblemAlert problem={error} />;
  const diff = data?.diff as unknown as GraphDiff;
  if (diff.identical) return <Empty description={t('studio.diff.identical')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {diff.nodesAdded.map((node) => (
        <Typography.Text key={`a${node.id}`}>
          <Tag color="green">{t('studio.diff.nodeAdded')}</Tag> {node.name}
        </Typography.Text>
      ))}
      {diff.nodesRemoved.map((node) => (
        <Typography.Text key={`r${node.id}`}>
          <Tag color="red">{t('studio.diff.nodeRemoved')}</Tag> {node.name}
        </Typography.Text>
      ))}
      {diff.nodesChanged.map((node) => (
        <Card key={node.id} size="small" title={node.name}>
          <List
            size="small"
            dataSource={node.changes}
            renderItem={(change) => (
              <List.Item>
                <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
                  {describeChange(change, t)}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      ))}
      {diff.edgesAdded.length + diff.edgesRemoved.length > 0 ? (
        <Typography.Text>
          {t('studio.diff.edges', { added: diff.edgesAdded.length, removed: diff.edgesRemoved.length })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

type GraphNode = {
  id: string;
  name: string;
  type: string;
  content?: { rules?: unknown[]; expressions?: unknown[] };
};

export function PolicyVersionPage() {
  const { id = '' } = useParams();
  const { t, format } = useLocale();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useLoad(
    async () => unwrap(studioApi.GET('/v1/policies/{id}', { params: { path: { id } } })),
    [id],
  );
  const versions = useLoad(loadVersions, []);
  const [compareWith, setCompareWith] = useState<string | undefined>(undefined);
  const policy: PolicyVersion | undefined = data
    ? (versions.data?.find((version) => version.id === data.policy.id) ?? data.policy)
    : undefined;
  const nodes = useMemo(() => (data?.content as { nodes?: GraphNode[] } | undefined)?.nodes ?? [], [data]);
  const others = (versions.data ?? []).filter(
    (version) => version.id !== id && version.name === policy?.name,
  );
  if (error) return <ProblemAlert problem={asProblem(error)} onRetry={() => void reload()} />;
  return (
    <PageContainer
      loading={loading}
      title={policy ? `${policy.name} v${policy.version}` : t('studio.policies.title')}
      onBack={() => navigate('/studio/policies')}
      extra={[
        <Button key="edit" type="primary" onClick={() => navigate(`/studio/policies/new?from=${id}`)}>
          {t('studio.policies.editCopy')}
        </Button>,
      ]}
    >
      {policy ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card>
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label={t('studio.policies.status')}>
                <StatusTag status={policy.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.policies.effectiveFrom')}>
                {format.date(policy.effectiveFrom)}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.policies.loadedAt')}>
                {format.dateTime(policy.loadedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.policies.submittedBy')}>
                {actorName(policy.submittedBy) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.policies.approvedBy')}>
                {actorName(policy.approvedBy) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.policies.checksum')}>
                <Typography.Text code copyable>
                  {policy.checksum.slice(0, 16)}…
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('studio.policies.description')} span={3}>
                {policy.description || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('studio.policies.nodes')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={nodes}
              columns={[
                { title: t('studio.policies.nodeName'), dataIndex: 'name' },
                {
                  title: t('studio.policies.nodeType'),
                  dataIndex: 'type',
                  render: (type: string) => t(`studio.nodeType.${type}`, { defaultValue: type }),
                },
                {
                  title: t('studio.policies.nodeSize'),
                  render: (_, node) =>
                    node.content?.rules?.length ?? node.content?.expressions?.length ?? '—',
                },
              ]}
            />
          </Card>
          {policy.warnings.length > 0 ? (
            <Card title={t('studio.policies.warnings')}>
              <List
                size="small"
                dataSource={[...policy.warnings]}
                renderItem={(warning) => (
                  <List.Item>
                    <Space>
                      <Tag color="orange">{warning.code}</Tag>
                      {warning.nodeName ? <Typography.Text strong>{warning.nodeName}</Typography.Text> : null}
                      <span>{warning.message}</span>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
          <Card
            title={t('studio.diff.title')}
            extra={
              <Select
                aria-label={t('studio.diff.compareWith')}
                placeholder={t('studio.diff.compareWith')}
                style={{ minWidth: 220 }}
                value={compareWith}
                onChange={setCompareWith}
                options={others.map((version) => ({
                  value: version.id,
                  label: `${version.name} v${version.version} · ${format.date(version.effectiveFrom)}`,
                }))}
              />
            }
          >
            {compareWith ? (
              <DiffView from={compareWith} to={id} />
            ) : (
              <Empty description={t(others.length > 0 ? 'studio.diff.pick' : 'studio.diff.none')} />
            )}
          </Card>
        </Space>
      ) : null}
    </PageContainer>
  );
}
