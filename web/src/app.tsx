import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { currentSession, onSessionEnd } from './api/session.ts';
import { Loading } from './components/error-notice.tsx';
import { useLocale } from './i18n/index.ts';
import { HomeScreen } from './screens/home/home.screen.tsx';

// Home is in the first bundle (it is what a customer opens); every other screen loads when first visited.
const SignInScreen = lazy(() => import('./screens/sign-in/sign-in.screen.tsx'));
const WhyScreen = lazy(() => import('./screens/why/why.screen.tsx'));
const VerificationScreen = lazy(() => import('./screens/verification/verification.screen.tsx'));
const BorrowScreen = lazy(() => import('./screens/borrow/borrow.screen.tsx'));
const BillsScreen = lazy(() => import('./screens/bills/bills.screen.tsx'));
const AppealScreen = lazy(() => import('./screens/appeal/appeal.screen.tsx'));
const AppealsScreen = lazy(() => import('./screens/appeal/appeals.screen.tsx'));
const MessagesScreen = lazy(() => import('./screens/messages/messages.screen.tsx'));
const MyDataScreen = lazy(() => import('./screens/my-data/my-data.screen.tsx'));

/** The app: sign-in when there is no session, the screens and the tab bar when there is. */
export function App() {
  const navigate = useNavigate();
  useEffect(
    () =>
      onSessionEnd((reason) => {
        void navigate('/sign-in', { replace: true, state: { ended: reason === 'expired' } });
      }),
    [navigate],
  );
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/sign-in" element={<SignInScreen />} />
        <Route
          path="/"
          element={
            <Signed>
              <HomeScreen />
            </Signed>
          }
        />
        <Route
          path="/why/:product"
          element={
            <Signed>
              <WhyScreen />
            </Signed>
          }
        />
        <Route
          path="/decisions/:decisionId"
          element={
            <Signed>
              <WhyScreen />
            </Signed>
          }
        />
        <Route
          path="/verify"
          element={
            <Signed>
              <VerificationScreen />
            </Signed>
          }
        />
        <Route
          path="/borrow"
          element={
            <Signed>
              <BorrowScreen />
            </Signed>
          }
        />
        <Route
          path="/bills"
          element={
            <Signed>
              <BillsScreen />
            </Signed>
          }
        />
        <Route
          path="/appeal/:decisionId"
          element={
            <Signed>
              <AppealScreen />
            </Signed>
          }
        />
        <Route
          path="/appeals"
          element={
            <Signed>
              <AppealsScreen />
            </Signed>
          }
        />
        <Route
          path="/appeals/:appealId"
          element={
            <Signed>
              <AppealsScreen />
            </Signed>
          }
        />
        <Route
          path="/messages"
          element={
            <Signed>
              <MessagesScreen />
            </Signed>
          }
        />
        <Route
          path="/my-data"
          element={
            <Signed>
              <MyDataScreen />
            </Signed>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}

/** A screen that needs a session; without one, sign-in. */
function Signed({ children }: { children: ReactNode }) {
  const [session] = useState(currentSession);
  if (!session) return <Navigate to="/sign-in" replace />;
  return (
    <div className="shell">
      <div className="shell-body">{children}</div>
      <Tabs />
    </div>
  );
}

const TABS = [
  { key: '/', label: 'tabs.home', icon: '¥' },
  { key: '/borrow', label: 'tabs.borrow', icon: '↗' },
  { key: '/bills', label: 'tabs.bills', icon: '☰' },
  { key: '/messages', label: 'tabs.messages', icon: '✉' },
] as const;

function Tabs() {
  const { t } = useLocale();
  const location = useLocation();
  const active = TABS.find((tab) => tab.key !== '/' && location.pathname.startsWith(tab.key))?.key ?? '/';
  return (
    <nav className="tabs" aria-label={t('common.appName')}>
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          to={tab.key}
          className={tab.key === active ? 'tab tab-active' : 'tab'}
          aria-current={tab.key === active ? 'page' : undefined}
        >
          <span className="tab-icon" aria-hidden="true">
            {tab.icon}
          </span>
          <span className="tab-title">{t(tab.label)}</span>
        </Link>
      ))}
    </nav>
  );
}
