import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/not-found.tsx';
import { useLocale } from '../i18n.ts';
import { Approvals } from './approvals.tsx';
import { DecisionExplorer, DecisionPage } from './decisions.tsx';
import { ModelList, ModelReport } from './models.tsx';
import { Monitoring } from './monitoring.tsx';
import { PolicyList, PolicyVersionPage } from './policies.tsx';
import { Settings } from './settings.tsx';
import { ShadowComparison } from './shadow.tsx';
import './studio.css';
import './texts.ts';

// The decision-graph editor (JDM, Monaco, the ZEN wasm) is its own chunk: the other studio pages load
// without it.
const PolicyEditor = lazy(() => import('./policy-editor.tsx'));

function EditorLoading() {
  const { t } = useLocale();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status">
      <Spin /> <span style={{ marginInlineStart: 8 }}>{t('studio.editor.loading')}</span>
    </div>
  );
}

/** The analyst studio: policies, approvals, models, settings, monitoring, decision explorer. */
export default function AreaRoutes() {
  return (
    <div className="studio-area">
      <Routes>
        <Route index element={<Navigate to="policies" replace />} />
        <Route path="policies" element={<PolicyList />} />
        <Route
          path="policies/new"
          element={
            <Suspense fallback={<EditorLoading />}>
              <PolicyEditor />
            </Suspense>
          }
        />
        <Route path="policies/:id" element={<PolicyVersionPage />} />
        <Route path="approvals" element={<Approvals />} />
        <Route path="models" element={<ModelList />} />
        <Route path="models/:version" element={<ModelReport />} />
        <Route path="settings" element={<Settings />} />
        <Route path="monitoring" element={<Monitoring />} />
        <Route path="shadow" element={<ShadowComparison />} />
        <Route path="decisions" element={<DecisionExplorer />} />
        <Route path="decisions/:id" element={<DecisionPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
