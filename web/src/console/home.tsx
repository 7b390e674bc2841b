import { ExperimentOutlined, PhoneOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLocale } from './i18n.ts';
import { useSession, type StaffRole } from './session.tsx';
import { WorkSummary } from './work-summary.tsx';

interface Area {
  readonly key: 'reviewerCard' | 'studioCard' | 'collectionsCard' | 'adminCard';
  readonly title: string;
  readonly path: string;
  readonly roles: readonly StaffRole[];
  readonly icon: ReactNode;
}

/** The landing page: who is signed in, and the areas their role opens. */
export function Home() {
  const { t } = useLocale();
  const { session, allows } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  const areas: readonly Area[] = [
    {
      key: 'reviewerCard',
      title: t('menu.reviewer'),
      path: '/reviewer/appeals',
      roles: ['reviewer'],
      icon: <SolutionOutlined />,
    },
    {
      key: 'studioCard',
      title: t('menu.studio'),
      path: '/studio/policies',
      roles: ['analyst'],
      icon: <ExperimentOutlined />,
    },
    {
      key: 'collectionsCard',
      title: t('menu.collections'),
      path: '/collections/queue',
      roles: ['collector'],
      icon: <PhoneOutlined />,
    },
    {
      key: 'adminCard',
      title: t('menu.admin'),
      path: '/admin/users',
      roles: ['admin'],
      icon: <TeamOutlined />,
    },
  ];
  return (
    <PageContainer
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20, lineHeight: '32px' }}>
          {t('home.welcome', { name: session.user.displayName })}
        </Typography.Title>
      }
      subTitle={t('home.role', { role: t(`roles.${session.user.role}`) })}
    >
      <WorkSummary />
      <Typography.Paragraph>{t('home.pick')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {areas
          .filter((area) => allows(area.roles))
          .map((area) => (
            <Col key={area.key} xs={24} md={8}>
              <Card
                style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
                styles={{ body: { flex: 1 } }}
                title={
                  <span>
                    {area.icon} {area.title}
                  </span>
                }
                actions={[
                  <Button key="open" type="link" onClick={() => navigate(area.path)}>
                    {t('home.open')}
                  </Button>,
                ]}
              >
                {t(`home.${area.key}`)}
              </Card>
            </Col>
          ))}
      </Row>
    </PageContainer>
  );
}
