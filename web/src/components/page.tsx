import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { setLocale, useLocale } from '../i18n/index.ts';

/** A screen: its title bar (back where it makes sense, the language switch) and its content. */
export function Page({ title, back, children }: { title: string; back?: boolean; children: ReactNode }) {
  const navigate = useNavigate();
  const { t } = useLocale();
  return (
    <>
      <header className="top-bar">
        <div className="top-bar-side">
          {back ? (
            <button
              type="button"
              className="back"
              aria-label={t('common.back')}
              onClick={() => void navigate(-1)}
            >
              <span aria-hidden="true">‹</span>
            </button>
          ) : null}
        </div>
        <h1 className="page-title">{title}</h1>
        <div className="top-bar-side top-bar-right">
          <LanguageSwitch />
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}

export function LanguageSwitch() {
  const { t, locale } = useLocale();
  return (
    <button
      type="button"
      className="language-switch"
      lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
      aria-label={t('common.languageLabel')}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('common.language')}
    </button>
  );
}

/** A titled block of a screen. */
export function Section({ title, children, id }: { title?: string; children: ReactNode; id?: string }) {
  return (
    <section className="section" aria-labelledby={title && id ? id : undefined}>
      {title ? (
        <h2 className="section-title" id={id}>
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}
