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
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useRef, useState } from 'react';
import { newIntentKey } from '../../api/intent.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { yuanToFen } from '../../format/format.ts';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import {
  REASON_CODES,
  RefusalAlert,
  toolKey,
  useFieldName,
  type HardshipProductKind,
  type HardshipRequest,
} from './common.tsx';
import { ChangeFigures, type HardshipChange } from './figures.tsx';
import { HARDSHIP_PRODUCTS, type HelpValues, type PreviewView } from './products.ts';
import { HardshipRequestsTable } from './requests-table.tsx';

/** "Pick one" for a Select as a validator: `required` puts aria-required on its role-less outer <div> (axe). */
const picked = (message: string) => ({
  validator: (_rule: unknown, value: unknown) =>
    value ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** A refusal's field → the form's field (`reasons[0].note` → reasons / 0 / note); undefined if not on the form. */
function fieldOf(field: string, fields: readonly string[]): (string | number)[] | undefined {
  const reason = /^reasons\[(\d+)\]\.(code|note)$/.exec(field);
  if (reason) return ['reasons', Number(reason[1]), reason[2] as string];
  return fields.includes(field) ? [field] : undefined;
}

/** The money fields a waiver of each product takes: at least one of them above 0 (the API's rule `positive`). */
const WAIVED: Readonly<
  Record<HardshipProductKind, readonly ('interest' | 'penalty' | 'fees' | 'lateFees')[]>
> = {
  loan: ['interest', 'penalty'],
  line: ['interest', 'fees', 'lateFees'],
};

/** The message the customer will read once it is applied, in both languages (the API's own text). */
function CustomerMessage({ message }: { message: { zh: string; en: string } }) {
  const { t } = useLocale();
  return (
    <Card size="small" type="inner" title={t('hardship.preview.message')} data-testid="hardship-message">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="中文">
          <span lang="zh-CN">{message.zh}</span>
        </Descriptions.Item>
        <Descriptions.Item label="English">
          <span lang="en">{message.en}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/**
 * "Help this borrower" on an account in collections — a cash loan or a credit line, the same drawer: choose a
 * tool, enter its figures and the reasons, preview what the customer will owe afterwards (the server works it
 * out by the same rules, writing nothing; for a line also the message the customer will read), then submit —
 * applied at once within the threshold, otherwise waiting for a second person. Below: the account's requests,
 * with approve / reject / withdraw on a pending one. What differs by product (tools, fields, calls, figures)
 * is in `products.ts` and `figures.tsx`.
 */
export function HardshipPanel({
  product,
  accountId,
  onChanged,
}: {
  product: HardshipProductKind;
  accountId: string;
  onChanged?: () => unknown;
}) {
  const spec = HARDSHIP_PRODUCTS[product];
  const { t, format, locale } = useLocale();
  const fieldName = useFieldName(product);
  const { message } = AntApp.useApp();
  const requests = useLoad(() => spec.list(accountId), [product, accountId]);
  const rules = useLoad(() => unwrap(api.GET('/v1/loan-hardship-rules')), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<HelpValues>();
  const tool = Form.useWatch('tool', form);
  const rescheduleBy = Form.useWatch('rescheduleBy', form);
  const [preview, setPreview] = useState<{ body: string; answer: PreviewView } | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    | {
        kind: 'applied' | 'pending';
        text: string;
        request: HardshipRequest;
        change: HardshipChange | null;
      }
    | undefined
  >(undefined);
  // One key per request being written: a double click or a retry asks once; a new one after success.
  const intent = useRef(newIntentKey());
  const inForce = rules.data?.inForce;
  const threshold = inForce ? format.yuan(inForce.secondPersonAbove) : '';
  const subject = t(`hardship.subjects.${product}`);

  // The fields a server refusal marked: their marks go when the field (or the tool) changes — a field without
  // rules of its own (the tool) would otherwise keep a refusal that no longer applies.
  const serverErrors = useRef<(string | number)[][]>([]);
  const changed = (values: Partial<HelpValues>) => {
    setProblem(undefined);
    const cleared = serverErrors.current.filter((name) => 'tool' in values || String(name[0]) in values);
    if (cleared.length === 0) return;
    (form as FormInstance).setFields(cleared.map((name) => ({ name, errors: [] })));
    serverErrors.current = serverErrors.current.filter((name) => !cleared.includes(name));
  };
  const refused = (caught: unknown) => {
    const answer = asProblem(caught);
    // Each refused field shows the rule in words beside it; the alert above the form repeats them all.
    const onForm = answer.issues
      .map((issue) => ({
        name: fieldOf(issue.field, spec.fields),
        errors: [t(`hardship.rules.${issue.rule}`, { defaultValue: issue.message })],
      }))
      .filter((entry): entry is { name: (string | number)[]; errors: string[] } => entry.name !== undefined);
    // The names come from the server's field paths, so the form is addressed untyped (as problemToFields does).
    if (onForm.length > 0) (form as FormInstance).setFields(onForm);
    serverErrors.current = onForm.map((entry) => entry.name);
    setProblem(answer);
  };
  const runPreview = async () => {
    let values: HelpValues;
    try {
      values = await form.validateFields([...spec.fields, 'rescheduleBy']);
    } catch {
      return;
    }
    const all = { ...form.getFieldsValue(true), ...values } as HelpValues;
    setBusy(true);
    setProblem(undefined);
    setResult(undefined);
    try {
      const answer = await spec.preview(accountId, all);
      setPreview({ body: spec.bodyKey(all), answer });
    } catch (caught) {
      setPreview(undefined);
      refused(caught);
    } finally {
      setBusy(false);
    }
  };
  const submit = async (values: HelpValues) => {
    const reasons = values.reasons.map((reason) => ({
      code: reason.code ?? 'other',
      note: reason.note?.trim() ?? '',
    }));
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await spec.request(accountId, values, reasons, intent.current);
      const effect = format.yuan(answer.request.moneyEffect);
      const kind = answer.request.status === 'pending' ? 'pending' : 'applied';
      const text =
        kind === 'pending'
          ? t('hardship.help.pending', { effect, threshold })
          : t('hardship.help.applied', { tool: t(toolKey(product, answer.request.ask.tool)), effect });
      setResult({ kind, text, request: answer.request, change: answer.change });
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
  const current = watched?.tool ? spec.bodyKey(watched) : '';
  const stale = preview !== undefined && preview.body !== current;
  const amountRule: Rule = { pattern: /^\s*\d+(\.\d{1,2})?\s*$/, message: t('hardship.rules.amount-format') };
  const money = (name: 'maxInstalment' | 'amount', label: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, whitespace: true, message: t('hardship.rules.required') }, amountRule]}
    >
      <Input inputMode="decimal" placeholder="0.00" style={{ maxWidth: 220 }} />
    </Form.Item>
  );
  // A waiver's amounts: each optional, at least one above 0 (checked on the first: the API names `interest`).
  const waived = WAIVED[product];
  const waiverField = (name: (typeof waived)[number], index: number) => (
    <Form.Item
      key={name}
      name={name}
      label={fieldName(name)}
      dependencies={index === 0 ? waived.slice(1) : []}
      rules={[
        amountRule,
        ...(index === 0
          ? [
              ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
                validator: () => {
                  const any = waived.some((field) => {
                    const value = getFieldValue(field);
                    return typeof value === 'string' && /^\s*\d+(\.\d{1,2})?\s*$/.test(value)
                      ? yuanToFen(value) > 0n
                      : false;
                  });
                  return any
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(`hardship.rules.positive-${product}`)));
                },
              }),
            ]
          : []),
      ]}
    >
      <Input inputMode="decimal" placeholder="0.00" style={{ maxWidth: 200 }} />
    </Form.Item>
  );
  const count = (name: 'instalments' | 'statements', label: string, max: number) => (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { required: true, message: t('hardship.rules.required') },
        { type: 'integer', min: 1, max, message: t('hardship.rules.count-range', { max }) },
      ]}
    >
      <InputNumber precision={0} />
    </Form.Item>
  );

  const toolFields = () => {
    if (tool === 'waiver')
      return (
        <Space wrap size={16}>
          {waived.map(waiverField)}
        </Space>
      );
    if (tool === 'settlement') return money('amount', t('hardship.fields.amount'));
    if (tool === 'holiday')
      return product === 'line'
        ? count(
            'statements',
            t('hardship.help.statementsCount', { max: inForce?.holidayMaxInstalments ?? 3 }),
            inForce?.holidayMaxInstalments ?? 3,
          )
        : count(
            'instalments',
            t('hardship.help.holidayCount', { max: inForce?.holidayMaxInstalments ?? 3 }),
            inForce?.holidayMaxInstalments ?? 3,
          );
    if (tool === 'reschedule')
      return (
        <>
          <Form.Item name="rescheduleBy" label={t('hardship.help.rescheduleBy')}>
            <Radio.Group
              options={[
                { value: 'count', label: t('hardship.help.byCount') },
                { value: 'max', label: t('hardship.help.byMax') },
              ]}
            />
          </Form.Item>
          {rescheduleBy === 'max'
            ? money('maxInstalment', t('hardship.fields.maxInstalment'))
            : count(
                'instalments',
                t('hardship.help.rescheduleCount', { max: inForce?.rescheduleMaxInstalments ?? 60 }),
                inForce?.rescheduleMaxInstalments ?? 60,
              )}
        </>
      );
    return null;
  };

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
        requests={requests.data ?? []}
        emptyText={t('hardship.requests.empty', { subject })}
        onDecided={async () => {
          await requests.reload();
          await onChanged?.();
        }}
      />
      <Drawer
        open={open}
        width={760}
        title={t('hardship.help.title', { subject, id: accountId })}
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
                result.change ? (
                  <ChangeFigures
                    change={result.change}
                    tool={result.request.ask.tool}
                    moneyEffect={result.request.moneyEffect}
                    paysNow={
                      result.request.ask.tool === 'settlement' ? (result.request.ask.amount ?? '') : undefined
                    }
                  />
                ) : undefined
              }
            />
          ) : null}
          {problem ? (
            <RefusalAlert
              product={product}
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
            onValuesChange={(values: Partial<HelpValues>) => changed(values)}
          >
            <Form.Item name="tool" label={t('hardship.help.tool')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={spec.tools.map((value) => ({ value, label: t(toolKey(product, value)) }))}
              />
            </Form.Item>
            {tool ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
                {t(product === 'line' ? `hardship.lineToolHelp.${tool}` : `hardship.toolHelp.${tool}`, {
                  max: inForce?.reAgeMinConsecutivePaid ?? 3,
                })}
              </Typography.Paragraph>
            ) : null}
            {toolFields()}
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
                          rules={[picked(t('hardship.rules.required'))]}
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
                          rules={[
                            { required: true, whitespace: true, message: t('hardship.rules.required') },
                            { max: 500, message: t('hardship.rules.note-length') },
                          ]}
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
                <Typography.Text type="secondary">
                  {t(product === 'line' ? 'hardship.preview.lineEffectHelp' : 'hardship.preview.effectHelp')}
                </Typography.Text>
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
                <ChangeFigures
                  change={preview.answer.change}
                  tool={tool ?? 'waiver'}
                  moneyEffect={preview.answer.moneyEffect}
                  paysNow={tool === 'settlement' && watched?.amount ? watched.amount.trim() : undefined}
                />
                {preview.answer.customerMessage ? (
                  <CustomerMessage message={preview.answer.customerMessage} />
                ) : null}
              </Space>
            </Card>
          ) : null}
        </Space>
      </Drawer>
    </Card>
  );
}
