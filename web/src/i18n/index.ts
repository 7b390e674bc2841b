import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../format/format.ts';
import { formatterFor } from '../format/format.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** The languages of the app: Simplified Chinese by default, English; the choice is kept in localStorage. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'credence.lang';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}

/** A text the server sends in both languages. */
export type Text = { readonly 'zh-CN': string; readonly en: string };

/** What a screen needs: t, the locale, its formatters and the server text picker. */
export function useLocale() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return {
    t,
    locale,
    format: formatterFor(locale),
    text: (value: Text | null | undefined) => value?.[locale] ?? '',
  };
}

export { i18next };
