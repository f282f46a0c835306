import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ErrorCode, Role, Service, Sex } from './vocabulary';

export type Language = 'en' | 'bn';
export const LANGUAGES: readonly Language[] = ['en', 'bn'];
const LANGUAGE_KEY = 'sahayog.language';

const en = {
  appName: 'Sahayog',
  languageLabel: 'Language',
  skipToContent: 'Skip to main content',
  signInTitle: 'Sign in',
  signInIntro: 'Sign in with your Sahayog account to see free shelter beds across the partner network.',
  email: 'Email address',
  password: 'Password',
  signInButton: 'Sign in',
  signingIn: 'Signing in…',
  demoAccountsTitle: 'Demo accounts',
  demoAccountsIntro:
    'Fictional demo network. Every account uses the password {password}. Choose one to fill in the form.',
  demoOrganisation: 'Organisation',
  demoRole: 'Role',
  demoEmail: 'Account',
  sessionEnded: 'Your session has ended. Please sign in again.',
  signedInAs: 'Signed in as {name}, {organisation}',
  signOut: 'Sign out',
  bedBoardTitle: 'Bed board',
  bedBoardIntro: 'Free beds in every partner shelter, updated live.',
  filters: 'Filters',
  district: 'District',
  anyDistrict: 'Any district',
  sex: 'Sex',
  anySex: 'Any',
  age: 'Age (years)',
  service: 'Service',
  anyService: 'Any service',
  availableOnly: 'Only units with free beds',
  clearFilters: 'Clear filters',
  loading: 'Loading…',
  noUnits: 'No unit matches these filters.',
  unitsShown: '{count} units shown',
  colFacility: 'Facility and unit',
  colOrganisation: 'Organisation',
  colDistrict: 'District',
  colEligibility: 'Eligibility',
  colCapacity: 'Capacity',
  colOccupied: 'Occupied',
  colHeld: 'Held',
  colAvailable: 'Available',
  colUpdated: 'Updated',
  colActions: 'Actions',
  ages: 'ages {min}–{max}',
  availabilityNone: 'Full',
  availabilityFew: '{count} free (few)',
  availabilityMany: '{count} free',
  edit: 'Edit',
  editUnit: 'Edit {unit}',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  saved: '{unit} saved.',
  capacityTooSmall: 'Capacity must be at least occupied plus held beds ({occupied} + {held}).',
  wholeNumbers: 'Enter whole numbers of 0 or more.',
  conflictTitle: 'Changed by someone else',
  conflictBody:
    'While you were editing, someone else changed this unit. It now has capacity {capacity}, occupied {occupied}, held {held}. Nothing you entered was saved.',
  useCurrentNumbers: 'Start again from the new numbers',
  liveConnected: 'Live updates on',
  liveReconnecting: 'Connection lost: reconnecting…',
  liveConnecting: 'Connecting for live updates…',
  tryAgain: 'Try again',
  errorUnauthenticated: 'The email address or password is wrong, or your session has ended. Please sign in again.',
  errorForbidden: 'Your role does not allow this. Ask your organisation admin if you need it.',
  errorNotFound: 'This record could not be found. It may have been removed, or it belongs to another organisation.',
  errorBadUserInput: 'Some of the details entered are not valid. Please check them and try again.',
  errorInvalidTransition: 'This step is not possible at this stage. Refresh to see the latest state.',
  errorNoCapacity: 'There is no free bed left in this unit.',
  errorConflict: 'Someone else changed this at the same time. Review the latest details and try again.',
  errorRateLimited: 'Too many attempts. Please wait a few minutes and try again.',
  errorInternal: 'Something went wrong on our side. Nothing was changed; please try again.',
  errorNetwork: 'Sahayog cannot be reached. Check your internet connection and try again.',
  sex_FEMALE: 'Female',
  sex_MALE: 'Male',
  sex_OTHER: 'Other',
  role_CASEWORKER: 'Caseworker',
  role_NETWORK_ADMIN: 'Network admin',
  role_ORG_ADMIN: 'Organisation admin',
  role_REPATRIATION_LIAISON: 'Repatriation liaison',
  role_SHELTER_COORDINATOR: 'Shelter coordinator',
  role_VIEWER: 'Viewer',
  service_COUNSELLING: 'Counselling',
  service_EDUCATION: 'Education',
  service_FAMILY_TRACING: 'Family tracing',
  service_LEGAL_AID: 'Legal aid',
  service_MEDICAL: 'Medical care',
  service_REPATRIATION_SUPPORT: 'Repatriation support',
  service_SHELTER: 'Shelter',
  service_VOCATIONAL_TRAINING: 'Vocational training',
} as const;

export type MessageKey = keyof typeof en;
type Dictionary = Record<MessageKey, string>;

const bn: Dictionary = {
  appName: 'সহযোগ',
  languageLabel: 'ভাষা',
  skipToContent: 'মূল অংশে যান',
  signInTitle: 'সাইন ইন',
  signInIntro: 'সহযোগী নেটওয়ার্কের আশ্রয়গুলিতে খালি শয্যা দেখতে আপনার সহযোগ অ্যাকাউন্টে সাইন ইন করুন।',
  email: 'ইমেল ঠিকানা',
  password: 'পাসওয়ার্ড',
  signInButton: 'সাইন ইন করুন',
  signingIn: 'সাইন ইন হচ্ছে…',
  demoAccountsTitle: 'ডেমো অ্যাকাউন্ট',
  demoAccountsIntro: 'কাল্পনিক ডেমো নেটওয়ার্ক। প্রতিটি অ্যাকাউন্টের পাসওয়ার্ড {password}। ফর্ম পূরণ করতে একটি বেছে নিন।',
  demoOrganisation: 'সংস্থা',
  demoRole: 'ভূমিকা',
  demoEmail: 'অ্যাকাউন্ট',
  sessionEnded: 'আপনার সেশন শেষ হয়েছে। আবার সাইন ইন করুন।',
  signedInAs: '{name}, {organisation} হিসেবে সাইন ইন করা',
  signOut: 'সাইন আউট',
  bedBoardTitle: 'শয্যা বোর্ড',
  bedBoardIntro: 'প্রতিটি সহযোগী আশ্রয়ের খালি শয্যা, সরাসরি হালনাগাদ।',
  filters: 'ছাঁকনি',
  district: 'জেলা',
  anyDistrict: 'যেকোনো জেলা',
  sex: 'লিঙ্গ',
  anySex: 'যেকোনো',
  age: 'বয়স (বছর)',
  service: 'পরিষেবা',
  anyService: 'যেকোনো পরিষেবা',
  availableOnly: 'শুধু খালি শয্যা থাকা ইউনিট',
  clearFilters: 'ছাঁকনি মুছুন',
  loading: 'লোড হচ্ছে…',
  noUnits: 'এই ছাঁকনির সঙ্গে কোনো ইউনিট মেলেনি।',
  unitsShown: '{count}টি ইউনিট দেখানো হচ্ছে',
  colFacility: 'প্রতিষ্ঠান ও ইউনিট',
  colOrganisation: 'সংস্থা',
  colDistrict: 'জেলা',
  colEligibility: 'যোগ্যতা',
  colCapacity: 'ধারণক্ষমতা',
  colOccupied: 'ভর্তি',
  colHeld: 'সংরক্ষিত',
  colAvailable: 'খালি',
  colUpdated: 'হালনাগাদ',
  colActions: 'কাজ',
  ages: 'বয়স {min}–{max}',
  availabilityNone: 'পূর্ণ',
  availabilityFew: '{count}টি খালি (কম)',
  availabilityMany: '{count}টি খালি',
  edit: 'সম্পাদনা',
  editUnit: '{unit} সম্পাদনা',
  save: 'সংরক্ষণ করুন',
  saving: 'সংরক্ষণ হচ্ছে…',
  cancel: 'বাতিল',
  saved: '{unit} সংরক্ষিত হয়েছে।',
  capacityTooSmall: 'ধারণক্ষমতা অন্তত ভর্তি ও সংরক্ষিত শয্যার যোগফল ({occupied} + {held}) হতে হবে।',
  wholeNumbers: '০ বা তার বেশি পূর্ণ সংখ্যা লিখুন।',
  conflictTitle: 'অন্য কেউ পরিবর্তন করেছেন',
  conflictBody:
    'আপনি সম্পাদনা করার সময় অন্য কেউ এই ইউনিটটি পরিবর্তন করেছেন। এখন ধারণক্ষমতা {capacity}, ভর্তি {occupied}, সংরক্ষিত {held}। আপনার লেখা কিছুই সংরক্ষিত হয়নি।',
  useCurrentNumbers: 'নতুন সংখ্যা থেকে আবার শুরু করুন',
  liveConnected: 'সরাসরি হালনাগাদ চালু',
  liveReconnecting: 'সংযোগ বিচ্ছিন্ন: আবার সংযোগ করা হচ্ছে…',
  liveConnecting: 'সরাসরি হালনাগাদের জন্য সংযোগ করা হচ্ছে…',
  tryAgain: 'আবার চেষ্টা করুন',
  errorUnauthenticated: 'ইমেল ঠিকানা বা পাসওয়ার্ড ভুল, অথবা আপনার সেশন শেষ হয়েছে। আবার সাইন ইন করুন।',
  errorForbidden: 'আপনার ভূমিকায় এটি করার অনুমতি নেই। প্রয়োজন হলে আপনার সংস্থার অ্যাডমিনকে জিজ্ঞাসা করুন।',
  errorNotFound: 'এই তথ্য পাওয়া যায়নি। এটি সরিয়ে ফেলা হতে পারে, অথবা এটি অন্য সংস্থার।',
  errorBadUserInput: 'দেওয়া কিছু তথ্য সঠিক নয়। দেখে নিয়ে আবার চেষ্টা করুন।',
  errorInvalidTransition: 'এই পর্যায়ে এই ধাপটি সম্ভব নয়। সর্বশেষ অবস্থা দেখতে রিফ্রেশ করুন।',
  errorNoCapacity: 'এই ইউনিটে আর কোনো খালি শয্যা নেই।',
  errorConflict: 'একই সময়ে অন্য কেউ এটি পরিবর্তন করেছেন। সর্বশেষ তথ্য দেখে আবার চেষ্টা করুন।',
  errorRateLimited: 'অনেকবার চেষ্টা করা হয়েছে। কয়েক মিনিট অপেক্ষা করে আবার চেষ্টা করুন।',
  errorInternal: 'আমাদের দিকে কিছু ভুল হয়েছে। কিছুই পরিবর্তন হয়নি; আবার চেষ্টা করুন।',
  errorNetwork: 'সহযোগের সঙ্গে যোগাযোগ করা যাচ্ছে না। ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।',
  sex_FEMALE: 'মহিলা',
  sex_MALE: 'পুরুষ',
  sex_OTHER: 'অন্যান্য',
  role_CASEWORKER: 'কেসওয়ার্কার',
  role_NETWORK_ADMIN: 'নেটওয়ার্ক অ্যাডমিন',
  role_ORG_ADMIN: 'সংস্থার অ্যাডমিন',
  role_REPATRIATION_LIAISON: 'প্রত্যাবাসন সমন্বয়কারী',
  role_SHELTER_COORDINATOR: 'আশ্রয় সমন্বয়কারী',
  role_VIEWER: 'দর্শক',
  service_COUNSELLING: 'কাউন্সেলিং',
  service_EDUCATION: 'শিক্ষা',
  service_FAMILY_TRACING: 'পরিবার অনুসন্ধান',
  service_LEGAL_AID: 'আইনি সহায়তা',
  service_MEDICAL: 'চিকিৎসা',
  service_REPATRIATION_SUPPORT: 'প্রত্যাবাসন সহায়তা',
  service_SHELTER: 'আশ্রয়',
  service_VOCATIONAL_TRAINING: 'বৃত্তিমূলক প্রশিক্ষণ',
};

const DICTIONARIES: Record<Language, Dictionary> = { en, bn };

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
