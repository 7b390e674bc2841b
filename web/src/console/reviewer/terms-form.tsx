import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { problemToFields } from './problem-fields.ts';
import type { DecisionEvidence } from './types.ts';

export interface TermsValues {
  limit: string;
  apr: string;
  note: string;
}

/**
 * The product's range and the legal cap as the decision recorded them (its facts' terms), shown beside the
 * inputs so a reviewer aims inside them; the server checks them again on today's terms and its refusal is
 * shown at the field it names (limit / apr) with the rule.
 */
export function TermsHint({ facts }: { facts: DecisionEvidence['facts'] | undefined }) {
  const { t, format } = useLocale();
  const product = facts?.terms?.products[0] as
    { minLimit?: string; maxLimit?: string; minApr?: string; maxApr?: string } | undefined;
  if (!product?.minLimit || !product.maxLimit || !product.minApr || !product.maxApr) return null;
  const caps = (facts?.terms?.legalRateCaps ?? []) as { annualRate?: string }[];
  const cap = caps[caps.length - 1]?.annualRate;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
      {t('reviewer.overturn.hint', {
        minLimit: format.fen(product.minLimit),
        maxLimit: format.fen(product.maxLimit),
        minApr: format.rate(product.minApr),
        maxApr: format.rate(product.maxApr),
        cap: cap ? format.rate(cap) : '—',
      })}
    </Typography.Paragraph>
  );
}

/**
 * Limit (yuan), APR (decimal) and a note: the overturn of an appeal and the approval of a referral. The
 * shape is checked here; the authority (product range, legal cap, improvement on the decision appealed)
 * by the server, whose 422 lands at its field.
 */
export function TermsForm({
  submitLabel,
  facts,
  onSubmit,
  busy,
}: {
  submitLabel: string;
  facts: DecisionEvidence['facts'] | undefined;
  onSubmit: (values: TermsValues) => Promise<void>;
  busy: boolean;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<TermsValues>();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  return (
    <Form<TermsValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      onFinish={async (values) => {
        setProblem(undefined);
        try {
          await onSubmit(values);
        } catch (caught) {
          const refused = asProblem(caught);
          if (!problemToFields(form, refused)) setProblem(refused);
        }
      }}
    >
      <TermsHint facts={facts} />
      <Form.Item
        name="limit"
        label={t('reviewer.overturn.limit')}
        rules={[
          { required: true, pattern: /^\d{1,15}(\.\d{1,2})?$/, message: t('reviewer.overturn.limitInvalid') },
        ]}
      >
        <Input inputMode="decimal" placeholder="8000.00" />
      </Form.Item>
      <Form.Item
        name="apr"
        label={t('reviewer.overturn.apr')}
        rules={[{ required: true, pattern: /^0(\.\d{1,6})?$/, message: t('reviewer.overturn.aprInvalid') }]}
      >
        <Input inputMode="decimal" placeholder="0.146" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('reviewer.overturn.note')}
        rules={[{ required: true, whitespace: true, message: t('reviewer.overturn.noteRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
        {submitLabel}
      </Button>
    </Form>
  );
}
