import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/not-found.tsx';
import { AuditPage } from './audit-page.tsx';
import { KeysPage } from './keys-page.tsx';
import './texts.ts';
import { UsersPage } from './users-page.tsx';

/** The admin area: staff users, API keys, the audit log (the shell's guard lets only admins in). */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="keys" element={<KeysPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
