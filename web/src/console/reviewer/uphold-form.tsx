import { DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { yuanToFen } from '../../format/format.ts';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { useAction, useBilingual } from './common.tsx';
import { problemToFields, reasonField } from './problem-fields.ts';
import type { UpholdCatalogue, UpholdPreview, UpholdReasonInput } from './types.ts';

interface ReasonRow {
  code?: UpholdReasonInput['code'];
  source?: string;
  amount?: string;
  current?: number;
  required?: number;
}

interface UpholdValues {
  reasons: ReasonRow[];
  messageZh?: string;
  messageEn?: string;
}

type Spec = UpholdCatalogue['reasons'][number];

/**
 * "Pick one" for a Select, as a validator rather than `required`: antd puts aria-required on a Select's
 * outer <div>, which has no role to carry it (axe: aria-allowed-attr).
 */
const picked = (message: string) => ({
  validator: (_rule: unknown, value: unknown) =>
    value ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** The form's rows as the API takes them (amounts typed in yuan are sent in integer fen). */
function toInput(rows: readonly ReasonRow[], catalogue: readonly Spec[]): UpholdReasonInput[] {
  return rows.map((row) => {
    const spec = catalogue.find((entry) => entry.code === row.code);
    const params: Record<string, unknown> = {};
    for (const param of spec?.params ?? []) {
      if (param.kind === 'source') params[param.name] = row.source;
      if (param.kind === 'fen')
        params[param.name] =
          row.amount && /^\d+(\.\d{1,2})?$/.test(row.amount.trim())
            ? yuanToFen(row.amount).toString()
            : row.amount;
      if (param.kind === 'level') params[param.name] = row[param.name as 'current' | 'required'];
    }
    return {
      code: row.code as UpholdReasonInput['code'],
      ...(spec && spec.params.length > 0 ? { params } : {}),
    };
  });
}

/** The customer's text in one language, as they will read it. */
function PreviewColumn({
  preview,
  lang,
  title,
}: {
  preview: UpholdPreview;
  lang: 'zh' | 'en';
  title: string;
}) {
  return (
    <Card size="small" title={title} lang={lang === 'zh' ? 'zh-CN' : 'en'} style={{ height: '100%' }}>
      <Typography.Paragraph strong>{preview.statusText[lang]}</Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20 }}>
        {preview.reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`}>{reason.text[lang]}</li>
        ))}
      </ol>
      {preview.message ? <Typography.Paragraph italic>{preview.message[lang]}</Typography.Paragraph> : null}
    </Card>
  );
}

/**
 * Uphold with reasons from the server's catalogue, each with the parameters it needs. "Preview" asks the
 * server to render exactly what the customer will read, in both languages side by side; only then can the
 * reviewer confirm. Refusals land at the field they name.
 */
export function UpholdForm({ appealId, onDone }: { appealId: string; onDone: () => unknown }) {
  const { t, locale } = useLocale();
  const text = useBilingual();
  const [form] = Form.useForm<UpholdValues>();
  const catalogue = useLoad(() => unwrap(api.GET('/v1/appeals/uphold-reasons')), []);
  const [preview, setPreview] = useState<UpholdPreview | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [previewing, setPreviewing] = useState(false);
  const { run, busy } = useAction();
  const specs = catalogue.data?.reasons ?? [];

  const message = (values: UpholdValues) =>
    values.messageZh?.trim() || values.messageEn?.trim()
      ? { zh: values.messageZh?.trim() ?? '', en: values.messageEn?.trim() ?? '' }
      : undefined;

  const showPreview = async () => {
    setProblem(undefined);
    setPreview(undefined);
    let values: UpholdValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setPreviewing(true);
    try {
      const msg = message(values);
      setPreview(
        await unwrap(
          api.POST('/v1/appeals/uphold-reasons/preview', {
            body: { reasons: toInput(values.reasons, specs), ...(msg ? { message: msg } : {}) },
          }),
        ),
      );
    } catch (caught) {
      const refused = asProblem(caught);
      if (!problemToFields(form, refused, reasonField)) setProblem(refused);
    } finally {
      setPreviewing(false);
    }
  };

  const confirm = async () => {
    const values = form.getFieldsValue(true) as UpholdValues;
    const msg = message(values);
    await run(
      () =>
        unwrap(
          api.POST('/v1/appeals/{id}/decision', {
            params: { path: { id: appealId } },
            body: {
              outcome: 'uphold',
              reasons: toInput(values.reasons, specs),
              ...(msg ? { message: msg } : {}),
            },
          }),
        ),
      {
        success: t('reviewer.uphold.done'),
        reload: onDone,
        onProblem: (refused) => {
          if (refused.status === 409) return false;
          setPreview(undefined);
          if (!problemToFields(form, refused, reasonField)) setProblem(refused);
          return true;
        },
      },
    );
  };

  if (catalogue.error)
    return <ProblemAlert problem={catalogue.error} onRetry={() => void catalogue.reload()} />;

  return (
    <Form<UpholdValues>
      form={form}
      layout="vertical"
      initialValues={{ reasons: [{}] }}
      onValuesChange={() => setPreview(undefined)}
      aria-label={t('reviewer.uphold.title')}
    >
      <Typography.Text strong>{t('reviewer.uphold.reasons')}</Typography.Text>
      <Form.List name="reasons">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card size="small" key={field.key} style={{ marginTop: 8 }}>
                <Space align="start" wrap style={{ width: '100%' }}>
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t('reviewer.uphold.reason', { n: index + 1 })}
                    rules={[picked(t('reviewer.uphold.pick'))]}
                    style={{ minWidth: 300, marginBottom: 8 }}
                  >
                    <Select
                      placeholder={t('reviewer.uphold.pick')}
                      options={specs.map((spec) => ({
                        value: spec.code,
                        label: `${t(`reviewer.uphold.codes.${spec.code}`, { defaultValue: spec.code })} (${spec.code})`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const code = form.getFieldValue(['reasons', field.name, 'code']) as string | undefined;
                      const spec = specs.find((entry) => entry.code === code);
                      return (spec?.params ?? []).map((param) =>
                        param.kind === 'source' ? (
                          <Form.Item
                            key={param.name}
                            name={[field.name, 'source']}
                            label={t('reviewer.uphold.source')}
                            rules={[picked(t('reviewer.uphold.source'))]}
                            style={{ minWidth: 220, marginBottom: 8 }}
                          >
                            <Select
                              options={param.options.map((option) => ({
                                value: option.code,
                                label: text(option.text),
                              }))}
                            />
                          </Form.Item>
                        ) : param.kind === 'fen' ? (
                          <Form.Item
                            key={param.name}
                            name={[field.name, 'amount']}
                            label={t('reviewer.uphold.amount')}
                            rules={[
                              {
                                required: true,
                                pattern: /^\d+(\.\d{1,2})?$/,
                                message: t('reviewer.uphold.amountInvalid'),
                              },
                            ]}
                            style={{ width: 180, marginBottom: 8 }}
                          >
                            <Input inputMode="decimal" placeholder="2000.00" />
                          </Form.Item>
                        ) : (
                          <Form.Item
                            key={param.name}
                            name={[field.name, param.name]}
                            label={t(`reviewer.uphold.${param.name === 'current' ? 'current' : 'required'}`)}
                            rules={[{ required: true, type: 'integer', min: param.min, max: param.max }]}
                            style={{ width: 190, marginBottom: 8 }}
                          >
                            <InputNumber
                              min={param.min}
                              max={param.max}
                              precision={0}
                              style={{ width: '100%' }}
                            />
                          </Form.Item>
                        ),
                      );
                    }}
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('reviewer.uphold.remove', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  ) : null}
                </Space>
              </Card>
            ))}
            {fields.length < (catalogue.data?.maxReasons ?? 4) ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }}>
                {t('reviewer.uphold.add')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <Form.Item
            name="messageZh"
            label={t('reviewer.uphold.messageZh')}
            extra={t('reviewer.uphold.messageBoth')}
          >
            <Input.TextArea rows={2} maxLength={2000} lang="zh-CN" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="messageEn"
            label={t('reviewer.uphold.messageEn')}
            dependencies={['messageZh']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  Boolean((getFieldValue('messageZh') as string | undefined)?.trim()) ===
                  Boolean(value?.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('reviewer.uphold.messageBoth'))),
              }),
            ]}
          >
            <Input.TextArea rows={2} maxLength={2000} lang="en" />
          </Form.Item>
        </Col>
      </Row>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <Space style={{ marginTop: 8 }}>
        <Button icon={<EyeOutlined />} loading={previewing} onClick={() => void showPreview()}>
          {t('reviewer.uphold.preview')}
        </Button>
      </Space>
      {preview ? (
        <section aria-label={t('reviewer.uphold.previewTitle')} style={{ marginTop: 16 }}>
          <h3 className="rv-h3">{t('reviewer.uphold.previewTitle')}</h3>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <PreviewColumn preview={preview} lang="zh" title={t('reviewer.uphold.previewZh')} />
            </Col>
            <Col xs={24} md={12}>
              <PreviewColumn preview={preview} lang="en" title={t('reviewer.uphold.previewEn')} />
            </Col>
          </Row>
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            message={locale === 'en' ? preview.statusText.en : preview.statusText.zh}
            action={
              <Button type="primary" danger loading={busy} onClick={() => void confirm()}>
                {t('reviewer.uphold.confirm')}
              </Button>
            }
          />
        </section>
      ) : null}
    </Form>
  );
}
