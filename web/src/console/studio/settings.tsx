import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../api/problem.ts';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { studioApi } from './contract.ts';

/** GET /v1/lending-settings (src/policy/policy.routes.ts settingsDto): fen as strings, rates as decimals. */
interface Product {
  readonly effectiveFrom: string;
  readonly code: string;
  readonly type: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly minLimit: string;
  readonly maxLimit: string;
  readonly minApr: string;
  readonly maxApr: string;
  readonly terms: readonly number[];
  readonly firstLimitCap: string;
  readonly requiredVerificationLevel: number;
  readonly minAge: number;
  readonly maxAge: number;
}
/** Exactly one of the two: a fixed annual rate ("0.24") or a multiple of the one-year LPR ("4"). */
interface LegalRateCap {
  readonly effectiveFrom: string;
  readonly annualRate?: string;
  readonly lprMultiple?: string;
  readonly basis: string;
}
type CapForm = 'fixed' | 'lpr';
interface RiskAppetite {
  readonly effectiveFrom: string;
  readonly name: string;
  readonly cutoffRaise: number;
  readonly limitScale: string;
  readonly note: string;
}
interface Assignment {
  readonly effectiveFrom: string;
  readonly productCode: string;
  readonly championPolicy: string;
  readonly challengerPolicy: string | null;
  readonly challengerShareBps: number;
}
interface LendingSettings {
  readonly products: readonly Product[];
  readonly legalRateCaps: readonly LegalRateCap[];
  readonly riskAppetite: readonly RiskAppetite[];
  readonly assignments: readonly Assignment[];
}

type Kind = 'products' | 'legalRateCaps' | 'riskAppetite' | 'assignments';
const KINDS: readonly Kind[] = ['riskAppetite', 'products', 'legalRateCaps', 'assignments'];

/** Which row of a dated table is in force today (the latest on or before today, per key). */
function inForce<T extends { effectiveFrom: string }>(
  rows: readonly T[],
  key: (row: T) => string,
  today: string,
): Set<T> {
  const latest = new Map<string, T>();
  for (const row of rows) {
    if (row.effectiveFrom > today) continue;
    const current = latest.get(key(row));
    if (!current || row.effectiveFrom > current.effectiveFrom) latest.set(key(row), row);
  }
  return new Set(latest.values());
}

function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function DatedTag<T extends { effectiveFrom: string }>({
  row,
  current,
  today,
}: {
  row: T;
  current: Set<T>;
  today: string;
}) {
  const { t } = useLocale();
  if (current.has(row)) return <Tag color="green">{t('studio.settings.inForce')}</Tag>;
  if (row.effectiveFrom > today) return <Tag color="blue">{t('studio.settings.scheduled')}</Tag>;
  return <Tag>{t('studio.settings.past')}</Tag>;
}

const byDate = <T extends { effectiveFrom: string }>(rows: readonly T[] | undefined) =>
  [...(rows ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

export function Settings() {
  const { t, format, text } = useLocale();
  const today = shanghaiToday();
  const { data, error, loading, reload } = useLoad(
    async () => (await unwrap(studioApi.GET('/v1/lending-settings', {}))) as unknown as LendingSettings,
    [],
  );
  const [form] = Form.useForm<{ kind: Kind; effectiveFrom: string; setting: string; description: string }>();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [sent, setSent] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);

  const capTemplate = (capForm: CapForm) => {
    const written = byDate(data?.legalRateCaps).find((cap) =>
      capForm === 'lpr' ? cap.lprMultiple !== undefined : cap.annualRate !== undefined,
    );
    const setting =
      capForm === 'lpr'
        ? { lprMultiple: written?.lprMultiple ?? '4', basis: written?.basis ?? '' }
        : { annualRate: written?.annualRate ?? '0.24', basis: written?.basis ?? '' };
    return JSON.stringify(setting, null, 2);
  };

  const template = (kind: Kind) => {
    const rows = (data?.[kind] ?? []) as readonly { effectiveFrom: string }[];
    const latest = [...rows].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    if (!latest) return '{}';
    const { effectiveFrom: _ignored, ...setting } = latest;
    return JSON.stringify(setting, null, 2);
  };

  // The form starts from the risk appetite in force, once the settings have loaded.
  useEffect(() => {
    if (data && !form.getFieldValue('setting'))
      form.setFieldValue(
        'setting',
        template((form.getFieldValue('kind') as Kind | undefined) ?? 'riskAppetite'),
      );
  }, [data]);

  const send = async (values: {
    kind: Kind;
    effectiveFrom: string;
    setting: string;
    description: string;
  }) => {
    setProblem(undefined);
    setSent(undefined);
    let setting: Record<string, unknown>;
    try {
      setting = JSON.parse(values.setting) as Record<string, unknown>;
    } catch (caught) {
      form.setFields([
        { name: 'setting', errors: [t('studio.settings.notJson', { detail: String(caught) })] },
      ]);
      return;
    }
    setBusy(true);
    try {
      const answer = await unwrap(
        studioApi.POST('/v1/lending-settings/changes', {
          body: {
            kind: values.kind,
            effectiveFrom: values.effectiveFrom,
            setting,
            ...(values.description ? { description: values.description } : {}),
          },
        }),
      );
      setSent(answer.changeId);
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };

  const products = data ? inForce(data.products, (row) => row.code, today) : new Set<Product>();
  const caps = data ? inForce(data.legalRateCaps, () => 'cap', today) : new Set<LegalRateCap>();
  const appetite = data ? inForce(data.riskAppetite, () => 'appetite', today) : new Set<RiskAppetite>();
  const assignments = data
    ? inForce(data.assignments, (row) => row.productCode, today)
    : new Set<Assignment>();
  const dateColumn = {
    title: t('studio.policies.effectiveFrom'),
    dataIndex: 'effectiveFrom',
    render: (date: string) => format.date(date),
  };

  return (
    <PageContainer
      title={t('studio.settings.title')}
      subTitle={t('studio.settings.subtitle')}
      loading={loading}
    >
      {error ? <ProblemAlert problem={error} onRetry={() => void reload()} /> : null}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small" title={t('studio.settings.riskAppetite')}>
          <Table
            size="small"
            rowKey={(row) => row.effectiveFrom}
            pagination={false}
            dataSource={byDate(data?.riskAppetite)}
            columns={[
              dateColumn,
              {
                title: t('studio.settings.state'),
                render: (_, row) => <DatedTag row={row} current={appetite} today={today} />,
              },
              { title: t('studio.settings.name'), dataIndex: 'name' },
              { title: t('studio.settings.cutoffRaise'), dataIndex: 'cutoffRaise' },
              { title: t('studio.settings.limitScale'), render: (_, row) => format.rate(row.limitScale, 0) },
              { title: t('studio.settings.note'), dataIndex: 'note' },
            ]}
          />
        </Card>
        <Card size="small" title={t('studio.settings.products')}>
          <Table
            size="small"
            rowKey={(row) => `${row.code}@${row.effectiveFrom}`}
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={byDate(data?.products)}
            columns={[
              dateColumn,
              {
                title: t('studio.settings.state'),
                render: (_, row) => <DatedTag row={row} current={products} today={today} />,
              },
              {
                title: t('studio.settings.product'),
                render: (_, row) => text({ zh: row.name.zh, en: row.name.en }),
              },
              {
                title: t('studio.settings.limits'),
                render: (_, row) => `${format.fen(row.minLimit)} – ${format.fen(row.maxLimit)}`,
              },
              {
                title: t('studio.settings.apr'),
                render: (_, row) => `${format.rate(row.minApr)} – ${format.rate(row.maxApr)}`,
              },
              {
                title: t('studio.settings.firstLimitCap'),
                render: (_, row) => format.fen(row.firstLimitCap),
              },
              { title: t('studio.settings.terms'), render: (_, row) => row.terms.join(' / ') },
              {
                title: t('studio.settings.verification'),
                render: (_, row) => `L${row.requiredVerificationLevel}`,
              },
              { title: t('studio.settings.age'), render: (_, row) => `${row.minAge}–${row.maxAge}` },
            ]}
          />
        </Card>
        <Card size="small" title={t('studio.settings.legalCap')}>
          <Table
            size="small"
            rowKey={(row) => row.effectiveFrom}
            pagination={false}
            dataSource={byDate(data?.legalRateCaps)}
            columns={[
              dateColumn,
              {
                title: t('studio.settings.state'),
                render: (_, row) => <DatedTag row={row} current={caps} today={today} />,
              },
              {
                title: t('studio.settings.annualRate'),
                render: (_, row) =>
                  row.lprMultiple !== undefined
                    ? t('studio.settings.lprMultipleOf', { multiple: row.lprMultiple })
                    : format.rate(row.annualRate ?? ''),
              },
              { title: t('studio.settings.basis'), dataIndex: 'basis' },
            ]}
          />
        </Card>
        <Card size="small" title={t('studio.settings.assignments')}>
          <Table
            size="small"
            rowKey={(row) => `${row.productCode}@${row.effectiveFrom}`}
            pagination={false}
            dataSource={byDate(data?.assignments)}
            columns={[
              dateColumn,
              {
                title: t('studio.settings.state'),
                render: (_, row) => <DatedTag row={row} current={assignments} today={today} />,
              },
              {
                title: t('studio.settings.product'),
                render: (_, row) => t(`studio.product.${row.productCode}`, { defaultValue: row.productCode }),
              },
              { title: t('studio.settings.champion'), dataIndex: 'championPolicy' },
              { title: t('studio.settings.challenger'), render: (_, row) => row.challengerPolicy ?? '—' },
              {
                title: t('studio.settings.challengerShare'),
                render: (_, row) => `${(row.challengerShareBps / 100).toFixed(2)}%`,
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('studio.settings.changeTitle')}>
          <Typography.Paragraph type="secondary">{t('studio.settings.changeHelp')}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            style={{ maxWidth: 720 }}
            initialValues={{ kind: 'riskAppetite', effectiveFrom: today, setting: '', description: '' }}
            onFinish={(values) => void send(values)}
          >
            <Space wrap align="start">
              <Form.Item name="kind" label={t('studio.settings.kind')}>
                <Select
                  style={{ minWidth: 220 }}
                  options={KINDS.map((kind) => ({ value: kind, label: t(`studio.settings.${kind}`) }))}
                  onChange={(kind: Kind) => form.setFieldValue('setting', template(kind))}
                />
              </Form.Item>
              <Form.Item
                name="effectiveFrom"
                label={t('studio.policies.effectiveFrom')}
                rules={[{ required: true }]}
              >
                <Input type="date" />
              </Form.Item>
              {kind === 'legalRateCaps' ? (
                <Form.Item label={t('studio.settings.capForm')}>
                  <Select
                    style={{ minWidth: 220 }}
                    defaultValue="fixed"
                    options={(['fixed', 'lpr'] as const).map((capForm) => ({
                      value: capForm,
                      label: t(`studio.settings.capForm_${capForm}`),
                    }))}
                    onChange={(capForm: CapForm) => form.setFieldValue('setting', capTemplate(capForm))}
                  />
                </Form.Item>
              ) : null}
              <Button
                onClick={() => form.setFieldValue('setting', template(form.getFieldValue('kind') as Kind))}
                style={{ marginTop: 30 }}
              >
                {t('studio.settings.fromCurrent')}
              </Button>
            </Space>
            {kind === 'legalRateCaps' ? (
              <Typography.Paragraph type="secondary">{t('studio.settings.capHelp')}</Typography.Paragraph>
            ) : null}
            <Form.Item name="setting" label={t('studio.settings.setting')} rules={[{ required: true }]}>
              <Input.TextArea rows={10} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Form.Item name="description" label={t('studio.policies.description')}>
              <Input maxLength={500} />
            </Form.Item>
            {problem ? <ProblemAlert problem={problem} /> : null}
            {sent ? (
              <Alert
                type="success"
                showIcon
                message={t('studio.settings.sent', { id: sent })}
                style={{ marginBottom: 12 }}
              />
            ) : null}
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('studio.settings.send')}
            </Button>
          </Form>
        </Card>
      </Space>
    </PageContainer>
  );
}
