import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { bn, en, type MessageKey } from './messages';
import type { ErrorCode, Role, Service, Sex } from './vocabulary';

export type { MessageKey };

export type Language = 'en' | 'bn';
export const LANGUAGES: readonly Language[] = ['en', 'bn'];
const LANGUAGE_KEY = 'sahayog.language';

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, bn };

/** Display names of the languages, each in its own script so a reader finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', bn: 'বাংলা' };

const ERROR_MESSAGES: Record<ErrorCode, MessageKey> = {
  UNAUTHENTICATED: 'errorUnauthenticated',
  FORBIDDEN: 'errorForbidden',
  NOT_FOUND: 'errorNotFound',
  BAD_USER_INPUT: 'errorBadUserInput',
  INVALID_TRANSITION: 'errorInvalidTransition',
  NO_CAPACITY: 'errorNoCapacity',
  CONFLICT: 'errorConflict',
  RATE_LIMITED: 'errorRateLimited',
  INTERNAL_SERVER_ERROR: 'errorInternal',
};

export type MessageParams = Record<string, string | number>;

export interface Translator {
  language: Language;
  /** BCP 47 locale for numbers and dates in the chosen language. */
  locale: string;
  t(key: MessageKey, params?: MessageParams): string;
  sex(value: Sex): string;
  role(value: Role): string;
  service(value: Service): string;
  errorMessage(code: ErrorCode): string;
  formatDateTime(iso: string): string;
  formatNumber(value: number): string;
}

/** The viewer's own regional locale when it is in the chosen language (en-GB, en-US), else India's. */
function localeFor(language: Language): string {
  const preferred = navigator.languages.find((tag) => tag.split('-')[0] === language);
  return preferred ?? `${language}-IN`;
}

export function createTranslator(language: Language): Translator {
  const dictionary = DICTIONARIES[language];
  const locale = localeFor(language);
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const t = (key: MessageKey, params: MessageParams = {}): string =>
    dictionary[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  return {
    language,
    locale,
    t,
    sex: (value) => t(`sex_${value}`),
    role: (value) => t(`role_${value}`),
    service: (value) => t(`service_${value}`),
    errorMessage: (code) => t(ERROR_MESSAGES[code]),
    formatDateTime: (iso) => dates.format(new Date(iso)),
    formatNumber: (value) => numbers.format(value),
  };
}

function storedLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return LANGUAGES.find((language) => language === stored) ?? 'en';
}

interface LanguageState {
  translator: Translator;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);
  // Screen readers pick their voice from the page's language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const state = useMemo(() => ({ translator: createTranslator(language), setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}

function useLanguageState(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useTranslator must be used inside <LanguageProvider>');
  return state;
}

export const useTranslator = (): Translator => useLanguageState().translator;

export function LanguageSwitch() {
  const { translator, setLanguage } = useLanguageState();
  return (
    <label className="language-switch">
      <span>{translator.t('languageLabel')}</span>
      <select
        value={translator.language}
        onChange={(event) => setLanguage(LANGUAGES.find((l) => l === event.target.value) ?? 'en')}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
