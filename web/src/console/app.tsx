import {
  AuditOutlined,
  BarChartOutlined,
  SwapOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  KeyOutlined,
  MedicineBoxOutlined,
  LogoutOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Button, Result, Segmented, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { NotFound } from './components/not-found.tsx';
import { Home } from './home.tsx';
import { LOCALES, setLocale, useLocale } from './i18n.ts';
import { useSession, type StaffRole } from './session.tsx';
import { SignIn } from './sign-in.tsx';

// Each area is its own chunk: a reviewer never downloads the policy editor.
const Reviewer = lazy(() => import('./reviewer/routes.tsx'));
const Studio = lazy(() => import('./studio/routes.tsx'));
const Admin = lazy(() => import('./admin/routes.tsx'));
const Collections = lazy(() => import('./collections/routes.tsx'));

interface MenuEntry {
  readonly path: string;
  readonly key: string;
  readonly icon: ReactNode;
  readonly roles: readonly StaffRole[];
  readonly children?: readonly MenuEntry[];
}

const ALL: readonly StaffRole[] = ['reviewer', 'analyst', 'collector', 'admin'];

/** The console's map: areas by role (admin sees everything), one entry per page. */
export const MENU: readonly MenuEntry[] = [
  { path: '/', key: 'home', icon: <HomeOutlined />, roles: ALL },
  {
    path: '/reviewer',
    key: 'reviewer',
    icon: <SolutionOutlined />,
    roles: ['reviewer'],
    children: [
      { path: '/reviewer/appeals', key: 'appeals', icon: <FormOutlined />, roles: ['reviewer'] },
      { path: '/reviewer/referrals', key: 'referrals', icon: <UserSwitchOutlined />, roles: ['reviewer'] },
      {
        path: '/reviewer/approvals',
        key: 'reviewerApprovals',
        icon: <CheckSquareOutlined />,
        roles: ['reviewer'],
      },
      {
        path: '/reviewer/hardship',
        key: 'reviewerHardship',
        icon: <MedicineBoxOutlined />,
        roles: ['reviewer'],
      },
    ],
  },
  {
    path: '/studio',
    key: 'studio',
    icon: <ExperimentOutlined />,
    roles: ['analyst'],
    children: [
      { path: '/studio/policies', key: 'policies', icon: <ClusterOutlined />, roles: ['analyst'] },
      { path: '/studio/models', key: 'models', icon: <SafetyCertificateOutlined />, roles: ['analyst'] },
      { path: '/studio/settings', key: 'settings', icon: <SettingOutlined />, roles: ['analyst'] },
      { path: '/studio/monitoring', key: 'monitoring', icon: <BarChartOutlined />, roles: ['analyst'] },
      { path: '/studio/shadow', key: 'shadow', icon: <SwapOutlined />, roles: ['analyst'] },
      { path: '/studio/decisions', key: 'decisions', icon: <FileSearchOutlined />, roles: ['analyst'] },
      {
        path: '/studio/approvals',
        key: 'studioApprovals',
        icon: <CheckSquareOutlined />,
        roles: ['analyst'],
      },
    ],
  },
  {
    path: '/collections',
    key: 'collections',
    icon: <PhoneOutlined />,
    roles: ['collector'],
    children: [
      { path: '/collections/queue', key: 'collectionsQueue', icon: <FormOutlined />, roles: ['collector'] },
      {
        path: '/collections/hardship',
        key: 'collectionsHardship',
        icon: <MedicineBoxOutlined />,
        roles: ['collector'],
      },
    ],
  },
  {
    path: '/admin',
    key: 'admin',
    icon: <TeamOutlined />,
    roles: ['admin'],
    children: [
      { path: '/admin/users', key: 'users', icon: <TeamOutlined />, roles: ['admin'] },
      { path: '/admin/keys', key: 'keys', icon: <KeyOutlined />, roles: ['admin'] },
      { path: '/admin/audit', key: 'audit', icon: <AuditOutlined />, roles: ['admin'] },
    ],
  },
];

function menuFor(
  entries: readonly MenuEntry[],
  allows: (roles: readonly StaffRole[]) => boolean,
  t: (key: string) => string,
): MenuDataItem[] {
  return entries
    .filter((entry) => allows(entry.roles))
    .map((entry) => ({
      path: entry.path,
      name: t(`menu.${entry.key}`),
      icon: entry.icon,
      ...(entry.children ? { children: menuFor(entry.children, allows, t) } : {}),
    }));
}

/** Pages of an area only for its roles; anyone else reads why, not a blank page (the API refuses too). */
function Guard({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const { t } = useLocale();
  const { allows, session } = useSession();
  const navigate = useNavigate();
  if (allows(roles)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('notAllowed.title')}
      subTitle={t('notAllowed.detail', { role: t(`roles.${session?.user.role ?? 'reviewer'}`) })}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('notAllowed.back')}
        </Button>
      }
    />
  );
}

function Loading() {
  const { t } = useLocale();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status">
      <Spin /> <span style={{ marginInlineStart: 8 }}>{t('loading')}</span>
    </div>
  );
}

export function App() {
  const { session, checking } = useSession();
  if (checking) return <Loading />;
  if (!session) return <SignIn />;
  return <Shell />;
}

function Shell() {
  const { t, locale } = useLocale();
  const { session, allows, signOut } = useSession();
  const location = useLocation();
  if (!session) return null;
  return (
    <ProLayout
      title={t('product')}
      logo={false}
      layout="mix"
      fixSiderbar
      siderWidth={248}
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menuFor(MENU, allows, t) }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      subMenuItemRender={(_item, dom) => dom}
      actionsRender={() => [
        <Segmented
          key="lang"
          size="small"
          aria-label={t('language.label')}
          value={locale}
          options={LOCALES.map((value) => ({ value, label: t(`language.${value}`) }))}
          onChange={(value) => setLocale(value as (typeof LOCALES)[number])}
        />,
        <Space key="who" size={4}>
          <Typography.Text strong>{session.user.displayName}</Typography.Text>
          <Tag color="blue">{t(`roles.${session.user.role}`)}</Tag>
        </Space>,
        <Tooltip key="out" title={t('session.signOut')}>
          <Button
            type="text"
            icon={<LogoutOutlined />}
            aria-label={t('session.signOut')}
            onClick={() => void signOut()}
          >
            {t('session.signOut')}
          </Button>
        </Tooltip>,
      ]}
    >
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<Home />} />
          <Route
            path="reviewer/*"
            element={
              <Guard roles={['reviewer']}>
                <Reviewer />
              </Guard>
            }
          />
          <Route
            path="studio/*"
            element={
              <Guard roles={['analyst']}>
                <Studio />
              </Guard>
            }
          />
          <Route
            path="collections/*"
            element={
              <Guard roles={['collector']}>
                <Collections />
              </Guard>
            }
          />
          <Route
            path="admin/*"
            element={
              <Guard roles={['admin']}>
                <Admin />
              </Guard>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </ProLayout>
  );
}
