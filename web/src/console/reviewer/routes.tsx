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
 * The console's theme (web/src/console/main.tsx) already darkens antd's blue, red and secondary text to
 * WCAG AA's 4.5:1 and keeps two-character Chinese button labels unspaced; this nested provider inherits that
 * and adds what the workbench's pages need besides (axe says so): hovered and pressed shades, tertiary,
 * description and placeholder text, and the warning, error and success texts.
 */
const READABLE = {
  token: {
    // Hovered and pressed shades too: the pointer rests on a button after a click.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorPrimaryTextHover: '#003eb3',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorWarningText: '#ad4e00',
    colorErrorText: '#a8071a',
    colorSuccessText: '#237804',
    colorErrorHover: '#a8071a',
  },
  components: {
    // "No data" in a table is information here (no loans, no facilities), not a disabled control.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
    Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
  },
};

/**
 * The reviewer workbench: the appeals queue and case page, the approvals inbox (maker-checker), and the
 * referral queue and case page. antd's App gives the pages its message and modal hooks.
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
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
