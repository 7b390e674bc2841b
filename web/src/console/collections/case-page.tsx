import { PageContainer } from '@ant-design/pro-components';
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ApiProblem } from '../../api/problem.ts';
import { newIntentKey } from '../../api/intent.ts';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { HardshipPanel } from '../hardship/help-borrower.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import {
  BucketTag,
  ClaimedBy,
  useIsMine,
  type CaseContact,
  type CaseEvent,
  type CasePromise,
} from './common.tsx';

const CHANNELS = ['call', 'sms', 'visit-note'] as const;
const OUTCOMES = ['reached', 'no-answer', 'wrong-number', 'refused', 'promise'] as const;

interface ContactValues {
  channel: (typeof CHANNELS)[number];
  outcome: (typeof OUTCOMES)[number];
  note?: string;
  promiseDate?: Dayjs;
  promiseAmount?: string;
}

/**
 * "Pick one" for a Select, as a validator rather than `required`: antd puts aria-required on a Select's
 * outer <div>, which has no role to carry it (axe: aria-allowed-attr, critical).
 */
const picked = (message: string) => ({
  validator: (_rule: unknown, value: unknown) =>
    value ? Promise.resolve() : Promise.reject(new Error(message)),
});

const PROMISE_COLOURS: Record<CasePromise['status'], string> = {
  pending: 'blue',
  kept: 'green',
  broken: 'red',
};

/** One case: the account and its figures, the claim, promises, contacts and history; record a contact. */
export function CollectionCasePage() {
  const { id = '' } = useParams();
  const { t, format } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const isMine = useIsMine();
  const { data, error, loading, reload } = useLoad(
    () => unwrap(api.GET('/v1/collections/cases/{id}', { params: { path: { id } } })),
    [id],
  );
  const [refusal, setRefusal] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ContactValues>();
  // One key per contact being written: a double click or a retry records it once; a new one after success.
  const intent = useRef(newIntentKey());
  const outcome = Form.useWatch('outcome', form);

  if (loading && !data)
    return (
      <div style={{ padding: 48, textAlign: 'center' }} role="status">
        <Spin />
      </div>
    );
  if (error && !data) return <ProblemAlert problem={error} onRetry={() => void reload()} />;
  if (!data) return null;
  const file = data;
  const c = file.case;
  const mine =
    c.status === 'open' &&
    isMine(c.claimedBy) &&
    c.claimExpiresAt !== null &&
    Date.parse(c.claimExpiresAt) > Date.now();

  const act = async (work: () => Promise<unknown>, success?: string): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      setRefusal(undefined);
      if (success) void message.success(success);
      await reload();
      return true;
    } catch (caught) {
      setRefusal(asProblem(caught));
      await reload();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const path = { params: { path: { id: c.caseId } } };
  const claim = () => act(() => unwrap(api.POST('/v1/collections/cases/{id}/claim', path)));
  const release = () =>
    act(
      () => unwrap(api.POST('/v1/collections/cases/{id}/release', path)),
      t('collections.case.released'),
    ).then((done) => {
      if (done) navigate('/collections/queue');
    });
  const record = (values: ContactValues) =>
    act(
      () =>
        unwrap(
          api.POST('/v1/collections/cases/{id}/contacts', {
            params: { path: { id: c.caseId }, header: { 'idempotency-key': intent.current } },
            body: {
              channel: values.channel,
              outcome: values.outcome,
              ...(values.note?.trim() ? { note: values.note.trim() } : {}),
              ...(values.outcome === 'promise'
                ? {
                    promise: {
                      date: values.promiseDate?.format('YYYY-MM-DD') ?? '',
                      amount: values.promiseAmount?.trim() ?? '',
                    },
                  }
                : {}),
            },
          }),
        ),
      t('collections.contact.recorded'),
    ).then((done) => {
      if (done) {
        intent.current = newIntentKey();
        form.resetFields();
      }
    });

  return (
    <PageContainer
      title={<h1 className="rv-h1">{t('collections.case.title', { id: c.caseId })}</h1>}
      onBack={() => navigate('/collections/queue')}
      backIcon={<span aria-label={t('collections.case.back')}>←</span>}
      tags={[
        <BucketTag key="bucket" bucket={c.bucket} />,
        <Tag key="status" color={c.status === 'open' ? 'blue' : 'default'}>
          {t(`collections.status.${c.status}`)}
          {c.closeReason ? ` · ${t(`collections.closeReason.${c.closeReason}`)}` : ''}
        </Tag>,
      ]}
      extra={[
        c.status === 'open' && !mine ? (
          <Button key="claim" type="primary" loading={busy} onClick={() => void claim()}>
            {t('collections.common.claim')}
          </Button>
        ) : null,
        mine ? (
          <Button key="release" loading={busy} onClick={() => void release()}>
            {t('collections.common.release')}
          </Button>
        ) : null,
        <Link key="back" to="/collections/queue">
          {t('collections.case.back')}
        </Link>,
      ]}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {refusal ? (
          <ProblemAlert
            problem={refusal}
            title={t('collections.refused', { reason: refusal.text?.[format.locale] ?? refusal.detail })}
          />
        ) : null}
        <Card title={<h2 className="cl-h2">{t('collections.case.figures')}</h2>}>
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t('collections.common.account')}>
              <code>{c.accountId}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('collections.common.product')}>
              {t(`collections.products.${c.product}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('collections.common.customer')}>
              <code>{c.customerId}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('collections.common.amountPastDue')}>
              <Typography.Text strong>{format.yuan(c.amountPastDue)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('collections.common.daysPastDue')}>
              {t('collections.common.daysValue', { count: c.daysPastDue })}
            </Descriptions.Item>
            <Descriptions.Item label={t('collections.common.bucket')}>
              <BucketTag bucket={c.bucket} />
            </Descriptions.Item>
            <Descriptions.Item label={t('collections.common.oldestDue')}>
              {c.oldestDueDate ? format.date(c.oldestDueDate) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('collections.common.priority')}>{c.priority}</Descriptions.Item>
            <Descriptions.Item label={t('collections.common.claimedBy')}>
              <ClaimedBy row={c} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">
            {t('collections.case.asOf', { date: format.date(c.observedThrough) })}
          </Typography.Text>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title={<h2 className="cl-h2">{t('collections.contact.title')}</h2>}>
              {!mine && c.status === 'open' ? (
                <Alert
                  type="info"
                  showIcon
                  message={t('collections.case.notClaimed')}
                  style={{ marginBottom: 16 }}
                />
              ) : null}
              <Form<ContactValues>
                form={form}
                layout="vertical"
                disabled={!mine || busy}
                initialValues={{ channel: 'call' }}
                onFinish={(values) => void record(values)}
              >
                <Form.Item
                  name="channel"
                  label={t('collections.contact.channel')}
                  rules={[picked(t('collections.contact.required'))]}
                >
                  <Select
                    options={CHANNELS.map((value) => ({
                      value,
                      label: t(`collections.contact.channels.${value}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name="outcome"
                  label={t('collections.contact.outcome')}
                  rules={[picked(t('collections.contact.required'))]}
                >
                  <Select
                    options={OUTCOMES.map((value) => ({
                      value,
                      label: t(`collections.contact.outcomes.${value}`),
                    }))}
                  />
                </Form.Item>
                {outcome === 'promise' ? (
                  <>
                    <Typography.Paragraph type="secondary">
                      {t('collections.contact.promiseHint')}
                    </Typography.Paragraph>
                    <Space wrap>
                      <Form.Item name="promiseDate" label={t('collections.promise.date')}>
                        <DatePicker />
                      </Form.Item>
                      <Form.Item name="promiseAmount" label={t('collections.promise.amount')}>
                        <Input inputMode="decimal" placeholder={c.amountPastDue} />
                      </Form.Item>
                    </Space>
                  </>
                ) : null}
                <Form.Item name="note" label={t('collections.contact.note')}>
                  <Input.TextArea
                    rows={3}
                    maxLength={2000}
                    placeholder={t('collections.contact.notePlaceholder')}
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('collections.contact.submit')}
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={<h2 className="cl-h2">{t('collections.case.promises')}</h2>}>
              {file.promises.length === 0 ? (
                <Empty description={t('collections.case.noPromises')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Table<CasePromise>
                  size="small"
                  rowKey="promiseId"
                  pagination={false}
                  dataSource={file.promises}
                  columns={[
                    {
                      title: t('collections.promise.date'),
                      dataIndex: 'date',
                      render: (value: string) => format.date(value),
                    },
                    {
                      title: t('collections.promise.amount'),
                      dataIndex: 'amount',
                      align: 'right',
                      render: (value: string) => format.yuan(value),
                    },
                    {
                      title: t('collections.common.status'),
                      dataIndex: 'status',
                      render: (_: unknown, row) => (
                        <Space size={4}>
                          <Tag color={PROMISE_COLOURS[row.status]}>
                            {t(`collections.promise.status.${row.status}`)}
                          </Tag>
                          {row.paid !== null
                            ? t('collections.promise.paid', { amount: format.yuan(row.paid) })
                            : null}
                        </Space>
                      ),
                    },
                  ]}
                />
              )}
            </Card>
            <Card
              title={<h2 className="cl-h2">{t('collections.case.history')}</h2>}
              style={{ marginTop: 16 }}
            >
              <Timeline
                items={file.history.map((event: CaseEvent) => ({
                  key: event.seq,
                  children: (
                    <span>
                      {format.date(event.businessDate)} ·{' '}
                      {t(`collections.event.${event.kind}`, {
                        from: event.fromBucket ?? '',
                        to: event.toBucket ?? '',
                      })}{' '}
                      · {format.yuan(event.amountPastDue)} ·{' '}
                      {t('collections.common.daysValue', { count: event.daysPastDue })}
                    </span>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
        <HardshipPanel
          product={c.product === 'credit_line' ? 'line' : 'loan'}
          accountId={c.accountId}
          onChanged={reload}
        />
        <Card title={<h2 className="cl-h2">{t('collections.case.contacts')}</h2>}>
          <Table<CaseContact>
            className="cl-contacts"
            size="small"
            rowKey="contactId"
            pagination={false}
            dataSource={[...file.contacts].sort((a, b) => b.contactedAt.localeCompare(a.contactedAt))}
            locale={{ emptyText: t('collections.case.noContacts') }}
            columns={[
              {
                title: t('collections.contact.when'),
                dataIndex: 'contactedAt',
                render: (value: string) => format.dateTime(value),
              },
              {
                title: t('collections.contact.channel'),
                dataIndex: 'channel',
                render: (value: string) => t(`collections.contact.channels.${value}`),
              },
              {
                title: t('collections.contact.outcome'),
                dataIndex: 'outcome',
                render: (value: string) => t(`collections.contact.outcomes.${value}`),
              },
              {
                title: t('collections.contact.note'),
                dataIndex: 'note',
                render: (value: string | null) => value ?? '—',
              },
              {
                title: t('collections.contact.by'),
                dataIndex: 'by',
                render: (value: CaseContact['by']) => value.name,
              },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
