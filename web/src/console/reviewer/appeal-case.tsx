import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Row,
  Space,
  Spin,
  Table,
  Tabs,
  Timeline,
  Typography,
} from 'antd';
import { useParams, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import {
  ClaimedBy,
  OutcomeTag,
  SlaCountdown,
  StatusTag,
  useAction,
  useBilingual,
  useIsMe,
  useProductName,
} from './common.tsx';
import { DecisionCard, DiffCard, ReasonList } from './decision-panels.tsx';
import { EvidencePanel } from './evidence.tsx';
import { TermsForm, type TermsValues } from './terms-form.tsx';
import type { AppealHistory, AppealView, CaseFile } from './types.ts';
import { UpholdForm } from './uphold-form.tsx';
import { ApiProblem } from '../../api/problem.ts';

function useCase(id: string) {
  const file = useLoad(
    async () =>
      (await unwrap(api.GET('/v1/appeals/{id}/case', { params: { path: { id } } }))) as unknown as CaseFile,
    [id],
  );
  const history = useLoad(
    async () =>
      (await unwrap(
        api.GET('/v1/appeals/{id}/history', { params: { path: { id } } }),
      )) as unknown as AppealHistory,
    [id],
  );
  const reload = async () => {
    await Promise.all([file.reload(), history.reload()]);
  };
  return { file, history, reload };
}

/** The customer's timeline: decisions, appeals, loans and facilities, newest first as the server lists them. */
function CustomerTimeline({ history }: { history: CaseFile['history'] }) {
  const { t, format } = useLocale();
  const product = useProductName();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <div>
        <h3 className="rv-h3">{t('reviewer.case.decisions')}</h3>
        <Table
          size="small"
          rowKey="decisionId"
          pagination={false}
          dataSource={[...history.decisions]}
          locale={{ emptyText: t('reviewer.common.none') }}
          columns={[
            {
              title: t('reviewer.case.decidedAt'),
              dataIndex: 'decidedAt',
              render: (v: string) => format.dateTime(v),
            },
            { title: t('reviewer.common.product'), dataIndex: 'product', render: (v: string) => product(v) },
            {
              title: t('reviewer.common.status'),
              dataIndex: 'outcome',
              render: (v: string) => <OutcomeTag outcome={v} />,
            },
            {
              title: t('reviewer.case.limit'),
              dataIndex: 'limit',
              align: 'right',
              render: (v: string) => format.yuan(v),
            },
            { title: t('reviewer.case.score'), dataIndex: 'score' },
            {
              title: t('reviewer.case.reasons'),
              dataIndex: 'reasonCodes',
              render: (v: readonly string[]) => (v.length > 0 ? v.join(', ') : '—'),
            },
          ]}
        />
      </div>
      <div>
        <h3 className="rv-h3">{t('reviewer.case.appeals')}</h3>
        <Table
          size="small"
          rowKey="appealId"
          pagination={false}
          dataSource={[...history.appeals]}
          locale={{ emptyText: t('reviewer.common.none') }}
          columns={[
            {
              title: t('reviewer.common.filedAt'),
              dataIndex: 'filedAt',
              render: (v: string) => format.dateTime(v),
            },
            { title: 'ID', dataIndex: 'appealId', render: (v: string) => <code>{v}</code> },
            {
              title: t('reviewer.common.category'),
              dataIndex: 'category',
              render: (v: string) => t(`reviewer.category.${v}`),
            },
            {
              title: t('reviewer.common.status'),
              dataIndex: 'status',
              render: (v: string) => <StatusTag status={v} />,
            },
            {
              title: t('reviewer.case.resolution'),
              dataIndex: 'resolution',
              render: (v: string | null) => (v ? t(`reviewer.resolution.${v}`) : ''),
            },
          ]}
        />
      </div>
      <div>
        <h3 className="rv-h3">{t('reviewer.case.loans')}</h3>
        <Table
          size="small"
          rowKey="loanId"
          pagination={false}
          dataSource={[...history.loans]}
          locale={{ emptyText: t('reviewer.common.none') }}
          columns={[
            { title: 'ID', dataIndex: 'loanId', render: (v: string) => <code>{v}</code> },
            { title: t('reviewer.common.status'), dataIndex: 'status' },
            {
              title: t('reviewer.case.principal'),
              dataIndex: 'principal',
              align: 'right',
              render: (v: string) => format.yuan(v),
            },
            { title: 'DPD', dataIndex: 'daysPastDue', align: 'right' },
            { title: t('reviewer.case.asOf'), dataIndex: 'asOf', render: (v: string) => format.date(v) },
          ]}
        />
      </div>
      <div>
        <h3 className="rv-h3">{t('reviewer.case.facilities')}</h3>
        <Table
          size="small"
          rowKey="facilityId"
          pagination={false}
          dataSource={[...history.facilities]}
          locale={{ emptyText: t('reviewer.common.none') }}
          columns={[
            { title: t('reviewer.common.product'), dataIndex: 'product', render: (v: string) => product(v) },
            { title: t('reviewer.common.status'), dataIndex: 'status' },
            {
              title: t('reviewer.case.limit'),
              dataIndex: 'limit',
              align: 'right',
              render: (v: string) => format.yuan(v),
            },
            { title: t('reviewer.case.apr'), dataIndex: 'apr', render: (v: string) => format.rate(v) },
          ]}
        />
      </div>
    </Space>
  );
}

/** The appeal's record (every action, who, when) and the notifications the customer got. */
function CaseRecord({ history }: { history: AppealHistory | undefined }) {
  const { t, format } = useLocale();
  const text = useBilingual();
  if (!history) return <Spin />;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <h3 className="rv-h3">{t('reviewer.case.history')}</h3>
        <Timeline
          items={history.events.map((event) => ({
            key: event.auditId,
            color: event.action === 'sla_breached' ? 'red' : event.action === 'decided' ? 'green' : 'blue',
            children: (
              <div>
                <Typography.Text strong>
                  {t(`reviewer.action.${event.action}`, { defaultValue: event.action })}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {event.actor.name} · {format.dateTime(event.at)}
                  {event.statusBefore ? ` · ${t(`reviewer.status.${event.statusBefore}`)} → ` : ' · '}
                  {t(`reviewer.status.${event.statusAfter}`)}
                </Typography.Text>
                {event.note ? <div>{event.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Col>
      <Col xs={24} lg={10}>
        <h3 className="rv-h3">{t('reviewer.case.notifications')}</h3>
        <List
          size="small"
          dataSource={[...history.notifications]}
          locale={{ emptyText: t('reviewer.common.none') }}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={`${t(`reviewer.notice.${item.kind}`, { defaultValue: item.kind })} · ${format.dateTime(item.createdAt)}`}
                description={text(item.text)}
              />
            </List.Item>
          )}
        />
      </Col>
    </Row>
  );
}

function Comments({
  appealId,
  history,
  reload,
}: {
  appealId: string;
  history: AppealHistory | undefined;
  reload: () => Promise<void>;
}) {
  const { t, format } = useLocale();
  const [form] = Form.useForm<{ note: string }>();
  const { run, busy } = useAction();
  const comments = (history?.events ?? []).filter((event) => event.action === 'commented');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {comments.length === 0 ? (
        <Typography.Text type="secondary">{t('reviewer.case.noComments')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={comments}
          renderItem={(event) => (
            <List.Item>
              <List.Item.Meta
                title={`${event.actor.name} · ${format.dateTime(event.at)}`}
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{event.note}</span>}
              />
            </List.Item>
          )}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ note }) => {
          const done = await run(
            () =>
              unwrap(
                api.POST('/v1/appeals/{id}/comments', { params: { path: { id: appealId } }, body: { note } }),
              ),
            { reload },
          );
          if (done) form.resetFields();
        }}
      >
        <Form.Item
          name="note"
          label={t('reviewer.case.commentLabel')}
          rules={[{ required: true, whitespace: true, message: t('reviewer.case.commentPlaceholder') }]}
        >
          <Input.TextArea rows={2} maxLength={4000} placeholder={t('reviewer.case.commentPlaceholder')} />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          {t('reviewer.case.comment')}
        </Button>
      </Form>
    </Space>
  );
}

/** What the reviewer can do now: claim, release, or (holding it) uphold or overturn. */
function Actions({ file, reload }: { file: CaseFile; reload: () => Promise<void> }) {
  const { t } = useLocale();
  const isMe = useIsMe();
  const bilingual = useBilingual();
  const { run, busy, message } = useAction();
  const { appeal } = file;
  const id = appeal.appealId;
  const mine = appeal.status === 'in_review' && isMe(appeal.assignee);
  const claim = () =>
    run(() => unwrap(api.POST('/v1/appeals/{id}/claim', { params: { path: { id } } })), {
      success: t('reviewer.queue.claimedNext', { id }),
      reload,
    });
  const release = () =>
    run(() => unwrap(api.POST('/v1/appeals/{id}/release', { params: { path: { id } } })), { reload });

  if (appeal.status === 'resolved' || appeal.status === 'withdrawn')
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="success"
          showIcon
          message={t('reviewer.case.closed', {
            resolution: appeal.resolution
              ? t(`reviewer.resolution.${appeal.resolution}`)
              : t(`reviewer.status.${appeal.status}`),
          })}
        />
        {appeal.upholdReasons && appeal.upholdReasons.length > 0 ? (
          <Card size="small" title={<h2 className="rv-h2">{t('reviewer.case.upheldReasons')}</h2>}>
            <ReasonList reasons={appeal.upholdReasons} />
            {appeal.upholdMessage ? (
              <Typography.Paragraph italic>{bilingual(appeal.upholdMessage)}</Typography.Paragraph>
            ) : null}
          </Card>
        ) : null}
      </Space>
    );
  if (appeal.status === 'pending_approval')
    return (
      <Alert
        type="info"
        showIcon
        message={t('reviewer.case.pending', { name: appeal.proposal?.maker.name ?? '—' })}
        description={t('reviewer.approvals.subtitle')}
      />
    );
  if (appeal.status !== 'in_review')
    return (
      <Space direction="vertical">
        <Typography.Text>{t('reviewer.case.claimFirst')}</Typography.Text>
        <Button
          type="primary"
          loading={busy}
          onClick={() => void claim()}
          disabled={appeal.status !== 'queued'}
        >
          {t('reviewer.common.claim')}
        </Button>
      </Space>
    );
  if (!mine)
    return (
      <Alert
        type="warning"
        showIcon
        message={t('reviewer.case.heldByOther', { name: appeal.assignee?.name ?? '—' })}
      />
    );
  const evidence = file.original.evidence;
  const overturn = async (values: TermsValues) => {
    try {
      const after = (await unwrap(
        api.POST('/v1/appeals/{id}/decision', {
          params: { path: { id } },
          body: {
            outcome: 'overturn',
            limit: values.limit.trim(),
            apr: values.apr.trim(),
            note: values.note,
          },
        }),
      )) as unknown as AppealView;
      void message.success(
        after.status === 'pending_approval'
          ? t('reviewer.overturn.sentForApproval')
          : t('reviewer.overturn.done'),
      );
      await reload();
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 409) await reload();
      throw caught;
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Button onClick={() => void release()} loading={busy} style={{ alignSelf: 'flex-start' }}>
        {t('reviewer.common.release')}
      </Button>
      <Tabs
        items={[
          {
            key: 'uphold',
            label: t('reviewer.uphold.title'),
            children: <UpholdForm appealId={id} onDone={reload} />,
          },
          {
            key: 'overturn',
            label: t('reviewer.overturn.title'),
            children: (
              <TermsForm
                submitLabel={t('reviewer.overturn.submit')}
                facts={evidence?.facts}
                busy={busy}
                onSubmit={overturn}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}

/** One appeal: the decision and its re-check side by side, the evidence, the timeline, and the decision. */
export function AppealCase() {
  const { id = '' } = useParams();
  const { t, format } = useLocale();
  const navigate = useNavigate();
  const product = useProductName();
  const { file, history, reload } = useCase(id);

  if (file.error) return <ProblemAlert problem={file.error} onRetry={() => void reload()} />;
  if (!file.data)
    return (
      <div style={{ padding: 48, textAlign: 'center' }} role="status">
        <Spin /> {t('loading')}
      </div>
    );
  const data = file.data;
  const { appeal } = data;
  const closed = appeal.status === 'resolved' || appeal.status === 'withdrawn';
  return (
    <PageContainer
      title={<h1 className="rv-h1">{t('reviewer.case.title', { id: appeal.appealId })}</h1>}
      onBack={() => navigate('/reviewer/appeals')}
      backIcon={<ArrowLeftOutlined aria-label={t('reviewer.common.back')} />}
      tags={<StatusTag status={appeal.status} />}
      extra={[
        <Button key="reload" icon={<ReloadOutlined />} onClick={() => void reload()}>
          {t('reviewer.common.refresh')}
        </Button>,
      ]}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={<h2 className="rv-h2">{t('reviewer.case.summary')}</h2>}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label={t('reviewer.common.priority')}>{data.priority}</Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.sla')}>
              <SlaCountdown dueAt={appeal.slaDueAt} breached={data.slaBreached} closed={closed} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.claimedBy')}>
              <ClaimedBy actor={appeal.assignee} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.category')}>
              {t(`reviewer.category.${appeal.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.product')}>
              {product(appeal.productCode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.amountAtStake')}>
              {format.yuan(appeal.amountAtStake)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.customer')}>
              <code>{appeal.customerId}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.filedAt')}>
              {format.dateTime(appeal.filedAt)}
            </Descriptions.Item>
          </Descriptions>
          <h3 className="rv-h3">{t('reviewer.case.statement')}</h3>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{appeal.statement}</Typography.Paragraph>
        </Card>

        <Card size="small" title={<h2 className="rv-h2">{t('reviewer.case.actions')}</h2>}>
          <Actions file={data} reload={reload} />
        </Card>

        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <DecisionCard title={t('reviewer.case.original')} decision={data.original} />
          </Col>
          <Col xs={24} xl={12}>
            {data.recheck ? (
              <DecisionCard title={t('reviewer.case.recheck')} decision={data.recheck} />
            ) : (
              <Card size="small" title={<h2 className="rv-h2">{t('reviewer.case.recheck')}</h2>}>
                <Empty description={t('reviewer.case.noRecheck')} />
              </Card>
            )}
          </Col>
        </Row>
        <DiffCard diff={data.diff} />
        {data.override ? <DecisionCard title={t('reviewer.case.override')} decision={data.override} /> : null}

        <Card size="small" title={<h2 className="rv-h2">{t('reviewer.case.evidence')}</h2>}>
          <EvidencePanel appealId={appeal.appealId} evidence={data.evidence} />
        </Card>

        <Card size="small">
          <Tabs
            items={[
              {
                key: 'timeline',
                label: t('reviewer.case.timeline'),
                children: <CustomerTimeline history={data.history} />,
              },
              {
                key: 'record',
                label: t('reviewer.case.history'),
                children: <CaseRecord history={history.data} />,
              },
              {
                key: 'comments',
                label: t('reviewer.case.comments'),
                children: <Comments appealId={appeal.appealId} history={history.data} reload={reload} />,
              },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
