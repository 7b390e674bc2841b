import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { newIntentKey } from '../../api/intent.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { problemToFields } from '../reviewer/problem-fields.ts';
import {
  REASON_CODES,
  ScheduleTable,
  TOOLS,
  scheduleFigures,
  type HardshipBody,
  type HardshipPreview,
  type HardshipTool,
  type Instalment,
  type ReasonCode,
} from './common.tsx';
import { HardshipRequestsTable } from './requests-table.tsx';

interface HelpValues {
  tool: HardshipTool;
  rescheduleBy?: 'count' | 'max';
  instalments?: number;
  maxInstalment?: string;
  interest?: string;
  penalty?: string;
  amount?: string;
  reasons: { code?: ReasonCode; note?: string }[];
}

/** The request's body from the form: only the fields of the chosen tool (the server refuses any other). */
function bodyOf(values: HelpValues): Omit<HardshipBody, 'reasons'> {
  const money = (value: string | undefined) => value?.trim() ?? '';
  switch (values.tool) {
    case 'reschedule':
      return values.rescheduleBy === 'max'
        ? { tool: 'reschedule', maxInstalment: money(values.maxInstalment) }
        : { tool: 'reschedule', ...(values.instalments ? { instalments: values.instalments } : {}) };
    case 'holiday':
      return { tool: 'holiday', ...(values.instalments ? { instalments: values.instalments } : {}) };
    case 're-age':
      return { tool: 're-age' };
    case 'waiver':
      return {
        tool: 'waiver',
        ...(values.interest?.trim() ? { interest: money(values.interest) } : {}),
        ...(values.penalty?.trim() ? { penalty: money(values.penalty) } : {}),
      };
    case 'settlement':
      return { tool: 'settlement', amount: money(values.amount) };
  }
}

/** "Pick one" for a Select as a validator: `required` puts aria-required on its role-less outer <div> (axe). */
const picked = (message: string) => ({
  validator: (_rule: unknown, value: unknown) =>
    value ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** A refusal's field → the form's field (`reasons[0].note` → reasons / 0 / note). */
function fieldOf(field: string): (string | number)[] | undefined {
  const reason = /^reasons\[(\d+)\]\.(code|note)$/.exec(field);
  if (reason) return ['reasons', Number(reason[1]), reason[2] as string];
  if (['instalments', 'maxInstalment', 'interest', 'penalty', 'amount', 'tool'].includes(field))
    return [field];
  return undefined;
}

/** Now and afterwards side by side: still to pay, the next instalment, how many are left, the last due date. */
function Comparison({
  before,
  after,
  paysNow,
}: {
  before: Instalment[];
  after: Instalment[];
  /** A settlement: what the customer pays now; nothing is owed after it (the rest is written off). */
  paysNow?: string;
}) {
  const { t, format } = useLocale();
  const column = (rows: Instalment[], title: string, testId: string, settled = false) => {
    // A settled loan owes nothing more: its billed instalments keep their figures, the rest is written off.
    const figures = settled
      ? { stillToPay: '0.00', next: undefined, left: 0, last: undefined }
      : scheduleFigures(rows);
    return (
      <Col xs={24} md={12}>
        <Descriptions
          size="small"
          column={1}
          bordered
          title={<span className="hs-col-title">{title}</span>}
          data-testid={testId}
        >
          <Descriptions.Item label={t('hardship.preview.stillToPay')}>
            <Typography.Text strong>{format.yuan(figures.stillToPay)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('hardship.preview.next')}>
            {figures.next
              ? t('hardship.preview.nextValue', {
                  date: format.date(figures.next.dueDate),
                  amount: format.yuan(figures.next.owed),
                })
              : t('hardship.preview.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('hardship.preview.left')}>{figures.left}</Descriptions.Item>
          <Descriptions.Item label={t('hardship.preview.last')}>
            {figures.last ? format.date(figures.last.dueDate) : t('hardship.preview.none')}
          </Descriptions.Item>
        </Descriptions>
      </Col>
    );
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {paysNow ? (
        <Typography.Text>
          {t('hardship.preview.paysNow')}: <Typography.Text strong>{format.yuan(paysNow)}</Typography.Text>
        </Typography.Text>
      ) : null}
      <Row gutter={[16, 16]}>
        {column(before, t('hardship.preview.before'), 'hardship-before')}
        {column(after, t('hardship.preview.after'), 'hardship-after', paysNow !== undefined)}
      </Row>
      {paysNow === undefined ? <ScheduleTable rows={after} caption={t('hardship.preview.schedule')} /> : null}
    </Space>
  );
}

/**
 * "Help this borrower" on a loan in collections: choose a tool, enter its figures and the reasons, preview
 * what the customer will owe afterwards (the server works it out by the same rules, writing nothing), then
 * submit — applied at once within the threshold, otherwise waiting for a second person. Below: the loan's
 * requests, with approve / reject / withdraw on a pending one.
 */
export function HardshipPanel({ loanId, onChanged }: { loanId: string; onChanged?: () => unknown }) {
  const { t, format, locale } = useLocale();
  const { message } = AntApp.useApp();
  const requests = useLoad(
    () => unwrap(api.GET('/v1/loans/{loanId}/hardship-requests', { params: { path: { loanId } } })),
    [loanId],
  );
  const rules = useLoad(() => unwrap(api.GET('/v1/loan-hardship-rules')), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<HelpValues>();
  const tool = Form.useWatch('tool', form);
  const rescheduleBy = Form.useWatch('rescheduleBy', form);
  const [preview, setPreview] = useState<{ body: string; answer: HardshipPreview } | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    | {
        kind: 'applied' | 'pending';
        text: string;
        before: Instalment[];
        after: Instalment[];
        paysNow: string | null;
      }
    | undefined
  >(undefined);
  // One key per request being written: a double click or a retry asks once; a new one after success.
  const intent = useRef(newIntentKey());
  const inForce = rules.data?.inForce;
  const threshold = inForce ? format.yuan(inForce.secondPersonAbove) : '';

  const refused = (caught: unknown) => {
    const answer = asProblem(caught);
    problemToFields(form, answer, (field) => fieldOf(field));
    setProblem(answer);
  };
  const runPreview = async () => {
    let values: HelpValues;
    try {
      values = await form.validateFields([
        'tool',
        'rescheduleBy',
        'instalments',
        'maxInstalment',
        'interest',
        'penalty',
        'amount',
      ]);
    } catch {
      return;
    }
    const body = bodyOf({ ...form.getFieldsValue(true), ...values } as HelpValues);
    setBusy(true);
    setProblem(undefined);
    setResult(undefined);
    try {
      const answer = await unwrap(
        api.POST('/v1/loans/{loanId}/hardship-requests/preview', { params: { path: { loanId } }, body }),
      );
      setPreview({ body: JSON.stringify(body), answer });
    } catch (caught) {
      setPreview(undefined);
      refused(caught);
    } finally {
      setBusy(false);
    }
  };
  const submit = async (values: HelpValues) => {
    const body: HardshipBody = {
      ...bodyOf(values),
      reasons: values.reasons.map((reason) => ({
        code: reason.code ?? 'other',
        note: reason.note?.trim() ?? '',
      })),
    };
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await unwrap(
        api.POST('/v1/loans/{loanId}/hardship-requests', {
          params: { path: { loanId }, header: { 'idempotency-key': intent.current } },
          body,
        }),
      );
      const effect = format.yuan(answer.request.moneyEffect);
      const kind = answer.request.status === 'pending' ? 'pending' : 'applied';
      const text =
        kind === 'pending'
          ? t('hardship.help.pending', { effect, threshold })
          : t('hardship.help.applied', { tool: t(`hardship.tools.${answer.request.ask.tool}`), effect });
      setResult({
        kind,
        text,
        before: answer.instalmentsBefore,
        after: answer.instalmentsAfter,
        paysNow: answer.request.ask.tool === 'settlement' ? answer.request.ask.amount : null,
      });
      void message.success(text);
      intent.current = newIntentKey();
      setPreview(undefined);
      form.resetFields();
      await requests.reload();
      await onChanged?.();
    } catch (caught) {
      refused(caught);
    } finally {
      setBusy(false);
    }
  };

  const watched = Form.useWatch([], form) as HelpValues | undefined;
  const current = watched?.tool ? JSON.stringify(bodyOf(watched)) : '';
  const stale = preview !== undefined && preview.body !== current;
  const money = (
    name: 'maxInstalment' | 'interest' | 'penalty' | 'amount',
    label: string,
    required = true,
  ) => (
    <Form.Item
      name={name}
      label={label}
      rules={[
        ...(required ? [{ required: true, message: t('hardship.help.required') }] : []),
        { pattern: /^\d+(\.\d{1,2})?$/, message: '0.00' },
      ]}
    >
      <Input inputMode="decimal" placeholder="0.00" style={{ maxWidth: 220 }} />
    </Form.Item>
  );

  return (
    <Card
      title={<h2 className="cl-h2">{t('hardship.requests.title')}</h2>}
      extra={
        <Button
          type="primary"
          onClick={() => {
            setResult(undefined);
            setProblem(undefined);
            setOpen(true);
          }}
        >
          {t('hardship.help.open')}
        </Button>
      }
    >
      {requests.error ? (
        <ProblemAlert problem={requests.error} onRetry={() => void requests.reload()} />
      ) : null}
      <HardshipRequestsTable
        requests={requests.data?.requests ?? []}
        emptyText={t('hardship.requests.empty')}
        onDecided={async () => {
          await requests.reload();
          await onChanged?.();
        }}
      />
      <Drawer
        open={open}
        width={760}
        title={t('hardship.help.title', { loanId })}
        onClose={() => setOpen(false)}
        forceRender
        footer={
          <Space>
            <Button onClick={() => void runPreview()} loading={busy && !preview}>
              {t('hardship.help.preview')}
            </Button>
            <Button
              type="primary"
              disabled={!preview || stale || busy}
              loading={busy && preview !== undefined}
              onClick={() => form.submit()}
            >
              {t('hardship.help.submit')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('hardship.help.cancel')}</Button>
          </Space>
        }
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('hardship.help.intro')}
          </Typography.Paragraph>
          {result ? (
            <Alert
              type={result.kind === 'applied' ? 'success' : 'info'}
              showIcon
              message={result.text}
              data-testid="hardship-result"
              description={
                result.after.length > 0 ? (
                  <Comparison
                    before={result.before}
                    after={result.after}
                    {...(result.paysNow ? { paysNow: result.paysNow } : {})}
                  />
                ) : undefined
              }
            />
          ) : null}
          {problem ? (
            <ProblemAlert
              problem={problem}
              title={t('hardship.help.refused', { reason: problem.text?.[locale] ?? problem.detail })}
            />
          ) : null}
          <Form<HelpValues>
            form={form}
            layout="vertical"
            disabled={busy}
            initialValues={{ tool: 'waiver', rescheduleBy: 'count', reasons: [{}] }}
            onFinish={(values) => void submit(values)}
            onValuesChange={() => setProblem(undefined)}
          >
            <Form.Item name="tool" label={t('hardship.help.tool')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={TOOLS.map((value) => ({ value, label: t(`hardship.tools.${value}`) }))}
              />
            </Form.Item>
            {tool ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
                {t(`hardship.toolHelp.${tool}`)}
              </Typography.Paragraph>
            ) : null}
            {tool === 'reschedule' ? (
              <>
                <Form.Item name="rescheduleBy" label={t('hardship.help.rescheduleBy')}>
                  <Radio.Group
                    options={[
                      { value: 'count', label: t('hardship.help.byCount') },
                      { value: 'max', label: t('hardship.help.byMax') },
                    ]}
                  />
                </Form.Item>
                {rescheduleBy === 'max' ? (
                  money('maxInstalment', t('hardship.help.maxInstalment'))
                ) : (
                  <Form.Item
                    name="instalments"
                    label={t('hardship.help.rescheduleCount', {
                      max: inForce?.rescheduleMaxInstalments ?? 60,
                    })}
                    rules={[{ required: true, message: t('hardship.help.required') }]}
                  >
                    <InputNumber min={1} max={inForce?.rescheduleMaxInstalments ?? 120} precision={0} />
                  </Form.Item>
                )}
              </>
            ) : null}
            {tool === 'holiday' ? (
              <Form.Item
                name="instalments"
                label={t('hardship.help.holidayCount', { max: inForce?.holidayMaxInstalments ?? 3 })}
                rules={[{ required: true, message: t('hardship.help.required') }]}
              >
                <InputNumber min={1} max={inForce?.holidayMaxInstalments ?? 12} precision={0} />
              </Form.Item>
            ) : null}
            {tool === 'waiver' ? (
              <Space wrap size={16}>
                {money('interest', t('hardship.help.interest'), false)}
                {money('penalty', t('hardship.help.penalty'), false)}
              </Space>
            ) : null}
            {tool === 'settlement' ? money('amount', t('hardship.help.amount')) : null}
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('hardship.help.reasons')}
            </Typography.Paragraph>
            <Form.List name="reasons">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Row key={field.key} gutter={12} align="top">
                      <Col xs={24} md={8}>
                        <Form.Item
                          name={[field.name, 'code']}
                          label={`${t('hardship.help.reasonCode')} ${index + 1}`}
                          rules={[picked(t('hardship.help.required'))]}
                        >
                          <Select
                            options={REASON_CODES.map((value) => ({
                              value,
                              label: t(`hardship.reasonCodes.${value}`),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={fields.length > 1 ? 13 : 16}>
                        <Form.Item
                          name={[field.name, 'note']}
                          label={t('hardship.help.reasonNote')}
                          rules={[{ required: true, whitespace: true, message: t('hardship.help.required') }]}
                        >
                          <Input.TextArea rows={2} maxLength={500} />
                        </Form.Item>
                      </Col>
                      {fields.length > 1 ? (
                        <Col xs={24} md={3} style={{ paddingTop: 30 }}>
                          <Button onClick={() => remove(field.name)}>
                            {t('hardship.help.removeReason')}
                          </Button>
                        </Col>
                      ) : null}
                    </Row>
                  ))}
                  {fields.length < 5 ? (
                    <Button type="dashed" onClick={() => add({})} style={{ marginBottom: 16 }}>
                      {t('hardship.help.addReason')}
                    </Button>
                  ) : null}
                </>
              )}
            </Form.List>
          </Form>
          {preview ? (
            <Card
              size="small"
              title={<span>{t('hardship.preview.title')}</span>}
              data-testid="hardship-preview"
              className="hs-preview"
            >
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                {stale ? <Alert type="warning" showIcon message={t('hardship.help.changed')} /> : null}
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('hardship.preview.effect')}>
                    <Typography.Text strong>{format.yuan(preview.answer.moneyEffect)}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('hardship.preview.threshold')}>
                    {format.yuan(preview.answer.secondPersonAbove)}
                  </Descriptions.Item>
                </Descriptions>
                <Typography.Text type="secondary">{t('hardship.preview.effectHelp')}</Typography.Text>
                <Alert
                  type={preview.answer.needsSecondPerson ? 'warning' : 'info'}
                  showIcon
                  message={t(
                    preview.answer.needsSecondPerson
                      ? 'hardship.preview.secondPerson'
                      : 'hardship.preview.immediate',
                    { threshold: format.yuan(preview.answer.secondPersonAbove) },
                  )}
                />
                <Comparison
                  before={preview.answer.instalmentsBefore}
                  after={preview.answer.instalmentsAfter}
                  {...(tool === 'settlement' && watched?.amount ? { paysNow: watched.amount.trim() } : {})}
                />
              </Space>
            </Card>
          ) : null}
        </Space>
      </Drawer>
    </Card>
  );
}
