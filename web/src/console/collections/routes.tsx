import { App as AntApp, ConfigProvider } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/not-found.tsx';
import { HardshipWaitingPage } from '../hardship/waiting-page.tsx';
import { CollectionCasePage } from './case-page.tsx';
import { CollectionsQueue } from './queue.tsx';
import './texts.ts';
import './collections.css';

/** "No data" in a table is information here (no contact yet), not a disabled control: readable grey. */
const READABLE = {
  components: {
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
    Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
  },
};

/** The collections area (collector, admin): the call queue, the case page, hardship requests waiting. */
export default function CollectionsRoutes() {
  return (
    <ConfigProvider theme={READABLE}>
      <AntApp className="cl-area">
        <Routes>
          <Route index element={<Navigate to="queue" replace />} />
          <Route path="queue" element={<CollectionsQueue />} />
          <Route path="cases/:id" element={<CollectionCasePage />} />
          <Route path="hardship" element={<HardshipWaitingPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
