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
 * (#0958d9, 6.2:1; #cf1322, 5.6:1) and 65% black (7:1) pass. The hovered and pressed shades are darker still
 * (antd derives lighter ones, 3:1 with white text): the pointer rests on a button after a click, and that is
 * the button a person reads next. Tertiary, placeholder, warning, error and success texts likewise, for every
 * area (the reviewer workbench found them first).
 */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorPrimaryTextHover: '#003eb3',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorWarningText: '#ad4e00',
    colorErrorText: '#a8071a',
    colorSuccessText: '#237804',
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
