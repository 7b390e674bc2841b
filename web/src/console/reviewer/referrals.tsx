import { ArrowLeftOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { PageContainer, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { QueueTable } from '../components/queue-table.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { ApiProblem } from '../../api/problem.ts';
import {
  ClaimedBy,
  MineSwitch,
  OutcomeTag,
  SlaCountdown,
  StatusTag,
  useAction,
  useIsMe,
  useProductName,
  useQueueActions,
} from './common.tsx';
import { DecisionCard, ReasonList } from './decision-panels.tsx';
import { problemToFields, reasonField } from './problem-fields.ts';
import { TermsForm, type TermsValues } from './terms-form.tsx';
import type {
  DecisionEvidence,
  DecisionView,
  ReferralCase,
  ReferralCaseFile,
  ReferralDecideBody,
} from './types.ts';

const STATUSES = ['open', 'claimed', 'pending_approval', 'decided', 'expired'] as const;
const OPEN: readonly string[] = ['open', 'claimed', 'pending_approval'];
const PRODUCTS = ['cash_loan', 'credit_line'] as const;

/** The referral queue: every referred application waiting for a person, with its SLA and claim. */
export function ReferralQueue() {
  const { t, format } = useLocale();
  const product = useProductName();
  const isMe = useIsMe();
  const table = useRef<ActionType>(undefined);
  const reload = () => table.current?.reload();
  const { runner, busy, queueTexts } = useQueueActions(reload, t('reviewer.referrals.empty'));
  const [statuses, setStatuses] = useState<string[]>([...OPEN]);
  const [productCode, setProductCode] = useState<string | undefined>(undefined);
  const [mine, setMine] = useState(false);

  const columns: ProColumns<ReferralCase>[] = [
    {
      title: t('reviewer.referrals.referral'),
      dataIndex: 'referralId',
      render: (_, row) => (
        <Link to={`/reviewer/referrals/${row.referralId}`}>
          <code>{row.referralId}</code>
        </Link>
      ),
    },
    {
      title: t('reviewer.common.status'),
      dataIndex: 'status',
      render: (_, row) => <StatusTag status={row.status} scope="referrals.status" />,
    },
    { title: t('reviewer.common.product'), dataIndex: 'product', render: (_, row) => product(row.product) },
    {
      title: t('reviewer.referrals.reasons'),
      dataIndex: 'reasonCodes',
      className: 'rv-wrap',
      render: (_, row) => (
        <Space size={[4, 4]} wrap>
          {row.reasonCodes.map((code) => (
            <Tag key={code}>{code}</Tag>
          ))}
          {row.faultStage ? <Tag color="orange">{row.faultStage}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('reviewer.common.sla'),
      dataIndex: 'slaDueAt',
      render: (_, row) => (
        <SlaCountdown
          dueAt={row.slaDueAt}
          breached={row.slaBreached}
          closed={row.status === 'decided' || row.status === 'expired'}
        />
      ),
    },
    {
      title: t('reviewer.common.claimedBy'),
      dataIndex: 'claimedBy',
      render: (_, row) => <ClaimedBy actor={row.claimedBy} />,
    },
    {
      title: t('reviewer.referrals.created'),
      dataIndex: 'createdAt',
      render: (_, row) => format.dateTime(row.createdAt),
    },
  ];

  return (
    <QueueTable<ReferralCase, { statuses: string; productCode?: string; mine: boolean }>
      title={t('reviewer.referrals.title')}
      subTitle={t('reviewer.referrals.subtitle')}
      className="rv-table"
      rowKey="referralId"
      tableRef={table}
      columns={columns}
      params={{ statuses: statuses.join(','), productCode, mine }}
      texts={queueTexts}
      run={runner}
      busy={busy}
      actionsOf={(row) => {
        const path = { params: { path: { id: row.referralId } } };
        return {
          id: row.referralId,
          href: `/reviewer/referrals/${row.referralId}`,
          claim: row.status === 'open' ? () => unwrap(api.POST('/v1/referrals/{id}/claim', path)) : null,
          release:
            row.status === 'claimed' && isMe(row.claimedBy)
              ? () => unwrap(api.POST('/v1/referrals/{id}/release', path))
              : null,
        };
      }}
      rows={async (params) => {
        // Pages of the server's keyset (`next`) are read through to 500 cases; the table pages them.
        const rows: ReferralCase[] = [];
        let before: string | undefined;
        do {
          const page = await unwrap(
            api.GET('/v1/referrals', {
              params: {
                query: {
                  ...(params.statuses ? { status: params.statuses } : {}),
                  ...(params.productCode ? { product: params.productCode } : {}),
                  ...(params.mine ? { claimedBy: 'me' } : {}),
                  ...(before ? { before } : {}),
                  limit: '200',
                },
              },
            }),
          );
          rows.push(...page.items);
          before = page.next ?? undefined;
        } while (before && rows.length < 500);
        return rows;
      }}
      filters={
        <>
          <Select
            mode="multiple"
            aria-label={t('reviewer.referrals.filterStatus')}
            placeholder={t('reviewer.referrals.filterStatus')}
            style={{ minWidth: 260 }}
            value={statuses}
            onChange={(value) => setStatuses(value.length > 0 ? value : [...OPEN])}
            options={STATUSES.map((value) => ({ value, label: t(`reviewer.referrals.status.${value}`) }))}
          />
          <Select
            allowClear
            aria-label={t('reviewer.referrals.filterProduct')}
            placeholder={t('reviewer.referrals.allProducts')}
            style={{ minWidth: 160 }}
            value={productCode}
            onChange={(value) => setProductCode(value)}
            options={PRODUCTS.map((value) => ({ value, label: product(value) }))}
          />
          <MineSwitch
            id="referrals-mine"
            label={t('reviewer.referrals.mine')}
            checked={mine}
            onChange={setMine}
          />
        </>
      }
    />
  );
}

interface DeclineValues {
  reasons: { code?: string; params?: string }[];
  note: string;
}

/** Decline with reasons of the policies' catalogue (code and its parameters); refusals at their field. */
function DeclineForm({
  onSubmit,
  busy,
}: {
  onSubmit: (body: ReferralDecideBody) => Promise<void>;
  busy: boolean;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<DeclineValues>();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  return (
    <Form<DeclineValues>
      form={form}
      layout="vertical"
      initialValues={{ reasons: [{}] }}
      onFinish={async (values) => {
        setProblem(undefined);
        try {
          await onSubmit({
            outcome: 'declined',
            note: values.note,
            reasons: values.reasons.map((reason) => ({
              code: (reason.code ?? '').trim(),
              ...(reason.params?.trim()
                ? { params: JSON.parse(reason.params) as Record<string, unknown> }
                : {}),
            })),
          });
        } catch (caught) {
          const refused = asProblem(caught);
          if (
            !problemToFields(form, refused, (field) => {
              const path = reasonField(field);
              // A refused parameter is shown at the reason's parameters box.
              return path && path[0] === 'reasons' && path[2] !== 'code'
                ? ['reasons', path[1] as number, 'params']
                : path;
            })
          )
            setProblem(refused);
        }
      }}
    >
      <Typography.Text strong>{t('reviewer.referral.declineCodes')}</Typography.Text>
      <Form.List name="reasons">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item
                  name={[field.name, 'code']}
                  label={`${t('reviewer.referral.declineCode')} ${index + 1}`}
                  rules={[
                    {
                      required: true,
                      pattern: /^[A-Z][A-Z0-9_]+$/,
                      message: t('reviewer.referral.declineCode'),
                    },
                  ]}
                  style={{ width: 260, marginBottom: 8 }}
                >
                  <Input placeholder="OVERDUE_ELSEWHERE" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'params']}
                  label={t('reviewer.referral.params')}
                  rules={[
                    {
                      validator: (_rule, value: string | undefined) => {
                        if (!value?.trim()) return Promise.resolve();
                        try {
                          const parsed: unknown = JSON.parse(value);
                          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
                            return Promise.resolve();
                        } catch {
                          // fall through to the refusal
                        }
                        return Promise.reject(new Error(t('reviewer.referral.paramsInvalid')));
                      },
                    },
                  ]}
                  style={{ width: 320, marginBottom: 8 }}
                >
                  <Input placeholder='{"amount":"200000"}' />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button
                    type="text"
                    danger
                    aria-label={t('reviewer.uphold.remove', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  >
                    ×
                  </Button>
                ) : null}
              </Space>
            ))}
            {fields.length < 4 ? (
              <Button type="dashed" onClick={() => add({})}>
                {t('reviewer.uphold.add')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
      <Form.Item
        name="note"
        label={t('reviewer.referral.note')}
        rules={[{ required: true, whitespace: true, message: t('reviewer.referral.noteRequired') }]}
        style={{ marginTop: 12 }}
      >
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <Button type="primary" danger htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
        {t('reviewer.referral.declineSubmit')}
      </Button>
    </Form>
  );
}

/** One referral: the referred decision and why, re-run, approve with terms or decline with reasons. */
export function ReferralCasePage() {
  const { id = '' } = useParams();
  const { t, format } = useLocale();
  const navigate = useNavigate();
  const product = useProductName();
  const isMe = useIsMe();
  const { run, busy, message } = useAction();
  const file = useLoad(() => unwrap(api.GET('/v1/referrals/{id}', { params: { path: { id } } })), [id]);
  const reload = async () => {
    await file.reload();
  };

  if (file.error) return <ProblemAlert problem={file.error} onRetry={() => void reload()} />;
  if (!file.data)
    return (
      <div style={{ padding: 48, textAlign: 'center' }} role="status">
        <Spin /> {t('loading')}
      </div>
    );
  const data: ReferralCaseFile = file.data;
  const referral = data.case;
  const mine = referral.status === 'claimed' && isMe(referral.claimedBy);
  const closed = referral.status === 'decided' || referral.status === 'expired';
  const evidence = (data.decision as { evidence?: DecisionEvidence }).evidence;
  const path = { params: { path: { id } } };

  const decide = async (body: ReferralDecideBody) => {
    try {
      const answer = await unwrap(api.POST('/v1/referrals/{id}/decide', { ...path, body }));
      void message.success(
        answer.case.status === 'pending_approval'
          ? t('reviewer.referral.proposed')
          : t('reviewer.referral.decided', {
              outcome: t(`reviewer.outcome.${answer.case.outcome ?? body.outcome}`),
            }),
      );
      await reload();
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 409) await reload();
      throw caught;
    }
  };

  const actions = closed ? (
    <Alert
      type="success"
      showIcon
      message={`${t(`reviewer.referrals.status.${referral.status}`)}${
        referral.closedBy ? ` · ${t(`reviewer.referrals.closedBy.${referral.closedBy}`)}` : ''
      }${referral.outcome ? ` · ${t(`reviewer.outcome.${referral.outcome}`)}` : ''}`}
    />
  ) : referral.status === 'pending_approval' ? (
    <Alert
      type="info"
      showIcon
      message={t('reviewer.case.pending', { name: referral.proposal?.maker.name ?? '—' })}
      description={
        referral.proposal
          ? `${format.yuan(referral.proposal.limit)} · ${format.rate(referral.proposal.apr)} — ${referral.proposal.note}`
          : undefined
      }
      action={<Link to="/reviewer/approvals">{t('reviewer.approvals.title')}</Link>}
    />
  ) : referral.status === 'open' ? (
    <Space direction="vertical">
      <Typography.Text>{t('reviewer.case.claimFirst')}</Typography.Text>
      <Button
        type="primary"
        loading={busy}
        onClick={() => void run(() => unwrap(api.POST('/v1/referrals/{id}/claim', path)), { reload })}
      >
        {t('reviewer.common.claim')}
      </Button>
    </Space>
  ) : !mine ? (
    <Alert
      type="warning"
      showIcon
      message={t('reviewer.case.heldByOther', { name: referral.claimedBy?.name ?? '—' })}
    />
  ) : (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Button
          icon={<SyncOutlined />}
          loading={busy}
          onClick={() =>
            void run(() => unwrap(api.POST('/v1/referrals/{id}/rerun', path)), { reload }).then((answer) => {
              if (!answer) return;
              void message.info(
                answer.case.status === 'decided'
                  ? t('reviewer.referral.rerunDone', {
                      outcome: t(
                        `reviewer.outcome.${answer.decision?.outcome ?? answer.case.outcome ?? 'referred'}`,
                      ),
                    })
                  : t('reviewer.referral.rerunStill'),
              );
            })
          }
        >
          {t('reviewer.referral.rerun')}
        </Button>
        <Button
          loading={busy}
          onClick={() => void run(() => unwrap(api.POST('/v1/referrals/{id}/release', path)), { reload })}
        >
          {t('reviewer.common.release')}
        </Button>
      </Space>
      <Tabs
        items={[
          {
            key: 'approve',
            label: t('reviewer.referral.approve'),
            children: (
              <TermsForm
                submitLabel={t('reviewer.referral.approveSubmit')}
                facts={evidence?.facts}
                busy={busy}
                onSubmit={(values: TermsValues) =>
                  decide({
                    outcome: 'approved',
                    limit: values.limit.trim(),
                    apr: values.apr.trim(),
                    note: values.note,
                  })
                }
              />
            ),
          },
          {
            key: 'decline',
            label: t('reviewer.referral.decline'),
            children: <DeclineForm busy={busy} onSubmit={decide} />,
          },
        ]}
      />
    </Space>
  );

  return (
    <PageContainer
      title={<h1 className="rv-h1">{t('reviewer.referral.title', { id: referral.referralId })}</h1>}
      onBack={() => navigate('/reviewer/referrals')}
      backIcon={<ArrowLeftOutlined aria-label={t('reviewer.common.back')} />}
      tags={<StatusTag status={referral.status} scope="referrals.status" />}
      extra={[
        <Button key="reload" icon={<ReloadOutlined />} onClick={() => void reload()}>
          {t('reviewer.common.refresh')}
        </Button>,
      ]}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={<h2 className="rv-h2">{t('reviewer.case.summary')}</h2>}>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label={t('reviewer.common.sla')}>
              <SlaCountdown dueAt={referral.slaDueAt} breached={referral.slaBreached} closed={closed} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.claimedBy')}>
              <ClaimedBy actor={referral.claimedBy} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.product')}>
              {product(referral.product)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.common.customer')}>
              <code>{referral.customerId}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('reviewer.referrals.created')}>
              {format.dateTime(referral.createdAt)}
            </Descriptions.Item>
            {referral.outcome ? (
              <Descriptions.Item label={t('reviewer.case.resolution')}>
                <OutcomeTag outcome={referral.outcome} />
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Card size="small" title={<h2 className="rv-h2">{t('reviewer.referral.why')}</h2>}>
          <ReasonList reasons={data.whyReferred.reasons} />
          {data.whyReferred.fault ? (
            <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
              {t('reviewer.referral.fault')}: <Tag>{String(data.whyReferred.fault.stage ?? '—')}</Tag>
              <code>{String(data.whyReferred.fault.code ?? '')}</code>{' '}
              {String(data.whyReferred.fault.message ?? '')}
            </Typography.Paragraph>
          ) : null}
        </Card>
        <Card size="small" title={<h2 className="rv-h2">{t('reviewer.case.actions')}</h2>}>
          {actions}
        </Card>
        <Row gutter={16}>
          <Col xs={24} xl={data.result ? 12 : 24}>
            <DecisionCard title={t('reviewer.referral.decision')} decision={data.decision as DecisionView} />
          </Col>
          {data.result ? (
            <Col xs={24} xl={12}>
              <DecisionCard title={t('reviewer.referral.result')} decision={data.result as DecisionView} />
            </Col>
          ) : null}
        </Row>
        <Card size="small" title={<h2 className="rv-h2">{t('reviewer.referral.history')}</h2>}>
          <Timeline
            items={data.history.map((event) => ({
              key: String(event.seq),
              children: (
                <div>
                  <Typography.Text strong>
                    {t(`reviewer.action.${event.action}`, { defaultValue: event.action })}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {event.actor.name} · {format.dateTime(event.at)} ·{' '}
                    {t(`reviewer.referrals.status.${event.statusAfter}`, { defaultValue: event.statusAfter })}
                  </Typography.Text>
                  {event.note ? <div>{event.note}</div> : null}
                </div>
              ),
            }))}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
