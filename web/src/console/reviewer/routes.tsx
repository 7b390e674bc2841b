import { App as AntApp, ConfigProvider } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/not-found.tsx';
import { HardshipWaitingPage } from '../hardship/waiting-page.tsx';
import { AppealCase } from './appeal-case.tsx';
import { AppealsQueue } from './appeals-queue.tsx';
import { ApprovalsInbox } from './approvals.tsx';
import { ReferralCasePage, ReferralQueue } from './referrals.tsx';
import './texts.ts';
import './reviewer.css';

/**
 * The console's theme (web/src/console/main.tsx) sets readable colours for every area; the workbench adds one
 * thing: "No data" in a table is information here (no loans, no facilities), not a disabled control.
 */
const READABLE = {
  components: {
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
    Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
  },
};

/**
 * The reviewer workbench: the appeals queue and case page, the approvals inbox (maker-checker), and the
 * referral queue and case page, and the hardship requests waiting for a second person. antd's App gives the pages its message and modal hooks.
 */
export default function ReviewerRoutes() {
  return (
    <ConfigProvider theme={READABLE}>
      <AntApp className="rv-area">
        <Routes>
          <Route index element={<Navigate to="appeals" replace />} />
          <Route path="appeals" element={<AppealsQueue />} />
          <Route path="appeals/:id" element={<AppealCase />} />
          <Route path="approvals" element={<ApprovalsInbox />} />
          <Route path="referrals" element={<ReferralQueue />} />
          <Route path="referrals/:id" element={<ReferralCasePage />} />
          <Route path="hardship" element={<HardshipWaitingPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
