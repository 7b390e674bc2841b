import { App as AntApp, ConfigProvider } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/not-found.tsx';
import { AppealCase } from './appeal-case.tsx';
import { AppealsQueue } from './appeals-queue.tsx';
import { ApprovalsInbox } from './approvals.tsx';
import { ReferralCasePage, ReferralQueue } from './referrals.tsx';
import './texts.ts';
import './reviewer.css';

/**
 * antd's default blue (#1677ff) under white text, its grey secondary text and its light tag colours fall
 * below the 4.5:1 contrast of WCAG AA (axe says so): the workbench reads them a shade darker. Buttons keep
 * their words as written (antd spaces two Chinese characters apart, so '认领' would read '认 领' to a screen
 * reader while its label says '认领').
 */
const READABLE = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorWarningText: '#ad4e00',
    colorErrorText: '#a8071a',
    colorSuccessText: '#237804',
    colorError: '#cf1322',
  },
};

/**
 * The reviewer workbench: the appeals queue and case page, the approvals inbox (maker-checker), and the
 * referral queue and case page. antd's App gives the pages its message and modal hooks.
 */
export default function ReviewerRoutes() {
  return (
    <ConfigProvider theme={READABLE} button={{ autoInsertSpace: false }}>
      <AntApp className="rv-area">
        <Routes>
          <Route index element={<Navigate to="appeals" replace />} />
          <Route path="appeals" element={<AppealsQueue />} />
          <Route path="appeals/:id" element={<AppealCase />} />
          <Route path="approvals" element={<ApprovalsInbox />} />
          <Route path="referrals" element={<ReferralQueue />} />
          <Route path="referrals/:id" element={<ReferralCasePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
