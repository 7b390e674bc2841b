import { App as AntApp } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/not-found.tsx';
import { AppealCase } from './appeal-case.tsx';
import { AppealsQueue } from './appeals-queue.tsx';
import { ApprovalsInbox } from './approvals.tsx';
import { ReferralCasePage, ReferralQueue } from './referrals.tsx';
import './texts.ts';
import './reviewer.css';

/**
 * The reviewer workbench: the appeals queue and case page, the approvals inbox (maker-checker), and the
 * referral queue and case page. antd's App gives the pages its message and modal hooks.
 */
export default function ReviewerRoutes() {
  return (
    <AntApp component={false}>
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
  );
}
