import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/not-found.tsx';

/** The area's pages (being built). */
export default function AreaRoutes() {
  return (
    <Routes>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
