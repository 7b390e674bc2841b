// antd 5 on React 19: restores the render hook its static methods and wave effect need.
import '@ant-design/v5-patch-for-react-19';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app.tsx';
import { useLocale } from './i18n.ts';
import { SessionProvider } from './session.tsx';
import './console.css';

/**
 * antd's default blue (#1677ff, 4.1:1 on white) and its secondary text (45% black, 3.4:1) fail WCAG AA's 4.5:1;
 * so does its red of danger buttons (#ff4d4f, 3.3:1); axe-core flags them on every page. One shade darker
 * (#0958d9, 6.2:1; #cf1322, 5.6:1) and 65% black (7:1) pass.
 */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  },
};

/**
 * `button.autoInsertSpace: false`: antd would write a two-character Chinese label as "吊 销", which screen
 * readers and tests read as another word.
 */
function Root() {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <SessionProvider>
        <BrowserRouter basename="/console">
          <App />
        </BrowserRouter>
      </SessionProvider>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
