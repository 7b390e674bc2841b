import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { ApiProblem } from '../api/problem.ts';
import { asProblem } from './components/use-load.ts';
import { ProblemAlert } from './components/problem-alert.tsx';
import { LOCALES, setLocale, useLocale } from './i18n.ts';
import { useSession } from './session.tsx';

/** Staff sign-in: username and password; the server sets an httpOnly cookie and answers the CSRF token. */
export function SignIn() {
  const { t, locale } = useLocale();
  const { signIn, reason } = useSession();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setProblem(undefined);
    try {
      await signIn(values.username.trim(), values.password);
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="console-sign-in">
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('product')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('tagline')}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('signIn.title')}
        </Typography.Title>
        {reason === 'expired' ? (
          <Alert type="warning" showIcon message={t('signIn.expired')} style={{ marginBottom: 16 }} />
        ) : null}
        {reason === 'signed-out' ? (
          <Alert type="info" showIcon message={t('signIn.signedOut')} style={{ marginBottom: 16 }} />
        ) : null}
        {problem ? (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert problem={problem} title={t('signIn.failed')} />
          </div>
        ) : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            label={t('signIn.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('signIn.password')}
            name="password"
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('signIn.demoHint')}
        </Typography.Paragraph>
        <Segmented
          aria-label={t('language.label')}
          value={locale}
          options={LOCALES.map((value) => ({ value, label: t(`language.${value}`) }))}
          onChange={(value) => setLocale(value as (typeof LOCALES)[number])}
        />
      </Card>
    </main>
  );
}
