import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../format/format.ts';
import { formatterFor } from '../format/format.ts';
import { shellTexts } from './shell-texts.ts';

/**
 * The console's languages: Simplified Chinese by default, English; the choice is kept in localStorage (its own
 * key: a reviewer may read the console in English and the customer app in Chinese on one machine).
 * Each area of the console (reviewer, studio, admin) brings its own texts with `addTexts`, under its own
 * prefix, when its code is loaded — the sign-in page does not download the studio's words.
 */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'credence.console.lang';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

type Tree = { readonly [key: string]: string | Tree };

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: shellTexts['zh-CN'] }, en: { translation: shellTexts.en } },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/** Adds an area's texts under `prefix` (e.g. "reviewer"): `t('reviewer.queue.title')`. */
export function addTexts<T extends Tree>(
  prefix: string,
  texts: { readonly 'zh-CN': T; readonly en: T },
): void {
  for (const locale of LOCALES)
    i18next.addResourceBundle(locale, 'translation', { [prefix]: texts[locale] }, true, true);
}

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}

/** A text the server sends in both languages (reasons, notices). */
export type Text = { readonly 'zh-CN'?: string; readonly zh?: string; readonly en: string };

/** What a page needs: t, the locale, its formatters and the server-text picker. */
export function useLocale() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return {
    t,
    locale,
    format: formatterFor(locale),
    text: (value: Text | null | undefined) =>
      value ? (locale === 'en' ? value.en : (value['zh-CN'] ?? value.zh ?? value.en)) : '',
  };
}

export { i18next };
