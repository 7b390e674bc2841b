// First: starts GET /v1/me while the rest of the bundle is still being evaluated.
import './api/prefetch.ts';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app.tsx';
import './i18n/index.ts';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <BrowserRouter basename="/app">
    <App />
  </BrowserRouter>,
);
