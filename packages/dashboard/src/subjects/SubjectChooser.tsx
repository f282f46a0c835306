import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { Sex } from '../gql/graphql';
import { useTranslator } from '../i18n';
import { CreateSubjectMutation, OwnSubjectsQuery, SubjectIdentityQuery } from './operations';
import './subjects.css';
import { AgeField, SexField } from '../fields';

const SUBJECTS_SHOWN = 10;

export interface ChosenSubject {
  id: string;
  code: string;
  sex: Sex;
  age: number | null;
}

interface NewSubject {
  sex: Sex;
  age: string;
  dateOfBirth: string;
  nationality: string;
  fullName: string;
  guardianContact: string;
  homeAddress: string;
}

const BLANK_SUBJECT: NewSubject = {
  sex: 'FEMALE',
  age: '',
  dateOfBirth: '',
  nationality: 'IN',
  fullName: '',
  guardianContact: '',
  homeAddress: '',
};

export interface SubjectChoice {
  mode: 'existing' | 'new';
  setMode(mode: 'existing' | 'new'): void;
  chosen: ChosenSubject | null;
  choose(subject: ChosenSubject): void;
  draft: NewSubject;
  setDraft(draft: NewSubject): void;
  /** Nothing chosen and nothing to register. */
  missing: boolean;
  /** Sex and age of the chosen or drafted subject, for eligibility hints. */
  eligibility: { sex: Sex; age: number | null } | null;
  /** The chosen subject, registering the drafted one first. */
  resolve(): Promise<ChosenSubject>;
}

/**
 * The subject a form is about: one of the organisation's own, or a new one registered on submit. Once
 * registered she is the chosen subject, so a retry after a later refusal does not register her twice.
 */
export function useSubjectChoice(): SubjectChoice {
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [chosen, choose] = useState<ChosenSubject | null>(null);
  const [draft, setDraft] = useState<NewSubject>(BLANK_SUBJECT);
  const [createSubject] = useMutation(CreateSubjectMutation);

  const register = async (): Promise<ChosenSubject> => {
    const { data } = await createSubject({
      variables: {
        input: {
          sex: draft.sex,
          age: draft.age.trim() === '' ? null : Number(draft.age),
          dateOfBirth: draft.dateOfBirth || null,
          nationality: draft.nationality.trim().toUpperCase(),
          fullName: draft.fullName,
          guardianContact: draft.guardianContact || null,
          homeAddress: draft.homeAddress || null,
        },
      },
    });
    if (!data) throw new Error('createSubject answered no data');
    const created = data.createSubject;
    choose(created);
    setMode('existing');
    setDraft(BLANK_SUBJECT);
    return created;
  };

  return {
    mode,
    setMode,
    chosen,
    choose,
    draft,
    setDraft,
    missing: mode === 'existing' && !chosen,
    eligibility:
      mode === 'existing'
        ? chosen && { sex: chosen.sex, age: chosen.age }
        : { sex: draft.sex, age: draft.age === '' ? null : Number(draft.age) },
    resolve: async () => (mode === 'new' ? register() : (chosen as ChosenSubject)),
  };
}

/**
 * Picks the subject of a form: a search of the organisation's own by pseudonym and, for the roles that may
 * register one (`mayRegister`), the fields of a new subject.
 */
export function SubjectChooser({
  choice,
  legend,
  modeLabel,
  mayRegister,
}: {
  choice: SubjectChoice;
  legend: string;
  modeLabel: string;
  mayRegister: boolean;
}) {
  const { t } = useTranslator();
  const mode = mayRegister ? choice.mode : 'existing';
  return (
    <fieldset className="panel">
      <legend>{legend}</legend>
      {mayRegister && (
        <div role="radiogroup" aria-label={modeLabel} className="choice-row">
          {(['existing', 'new'] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="subject-mode"
                checked={mode === option}
                onChange={() => choice.setMode(option)}
              />
              {option === 'existing' ? t('referralSubjectExisting') : t('referralSubjectNew')}
            </label>
          ))}
        </div>
      )}
      {mode === 'existing' ? (
        <SubjectPicker chosen={choice.chosen} onChoose={choice.choose} />
      ) : (
        <SubjectForm draft={choice.draft} onChange={choice.setDraft} />
      )}
    </fieldset>
  );
}

/**
 * Finds a subject of the caller's organisation by pseudonym. The list shows no names: every opened identity
 * is audited, so only the one subject chosen has hers read, to confirm it is the right person.
 */
function SubjectPicker({ chosen, onChoose }: { chosen: ChosenSubject | null; onChoose(subject: ChosenSubject): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const searchId = useId();
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery(OwnSubjectsQuery, { variables: { search, first: SUBJECTS_SHOWN } });
  const name = useQuery(SubjectIdentityQuery, { variables: { id: chosen?.id ?? '' }, skip: !chosen }).data?.subject
    .identity?.fullName;
  const subjects = data?.subjects.edges.map((edge) => edge.node) ?? [];
  const listed = chosen && !subjects.some((subject) => subject.id === chosen.id) ? [chosen, ...subjects] : subjects;
  return (
    <>
      <div className="field">
        <label htmlFor={searchId}>{t('referralSubjectSearch')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder="JKPS-2026-0042"
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {loading && !data ? (
        <p role="status">{t('loading')}</p>
      ) : listed.length === 0 ? (
        <p className="empty">{t('referralSubjectNoneFound')}</p>
      ) : (
        <fieldset className="subject-list">
          <legend className="visually-hidden">{t('referralSubjectChoose')}</legend>
          {listed.map((subject) => (
            <label key={subject.id} className="choice subject-choice">
              <input
                type="radio"
                name="subject"
                checked={chosen?.id === subject.id}
                onChange={() => onChoose(subject)}
              />
              <span className="subject-code">{subject.code}</span>
              <span className="subtle">
                {translator.sex(subject.sex)},{' '}
                {subject.age === null ? t('referralAgeUnknown') : t('referralAgeYears', { age: subject.age })}
              </span>
            </label>
          ))}
          {(data?.subjects.totalCount ?? 0) > subjects.length && (
            <p className="note">{t('referralSubjectMore', { count: data?.subjects.totalCount ?? 0 })}</p>
          )}
        </fieldset>
      )}
      {chosen && (
        <p className="chosen-subject" role="status">
          {name
            ? t('referralSubjectChosenNamed', { code: chosen.code, name })
            : t('referralSubjectChosen', { code: chosen.code })}
        </p>
      )}
    </>
  );
}

function SubjectForm({ draft, onChange }: { draft: NewSubject; onChange(draft: NewSubject): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const set = <K extends keyof NewSubject>(key: K, value: NewSubject[K]) => onChange({ ...draft, [key]: value });
  return (
    <div className="field-row">
      <div className="field wide">
        <label htmlFor="subject-name">{t('referralSubjectName')}</label>
        <input
          id="subject-name"
          autoComplete="off"
          value={draft.fullName}
          maxLength={200}
          onChange={(event) => set('fullName', event.target.value)}
        />
      </div>
      <SexField id="subject-sex" value={draft.sex} onChange={(sex) => set('sex', sex)} />
      <AgeField id="subject-age" value={draft.age} onChange={(age) => set('age', age)} />
      <div className="field">
        <label htmlFor="subject-dob">{t('referralSubjectDateOfBirth')}</label>
        <input
          id="subject-dob"
          type="date"
          value={draft.dateOfBirth}
          onChange={(event) => set('dateOfBirth', event.target.value)}
        />
      </div>
      <div className="field narrow">
        <label htmlFor="subject-nationality">{t('referralSubjectNationality')}</label>
        <input
          id="subject-nationality"
          value={draft.nationality}
          maxLength={2}
          aria-describedby="subject-nationality-hint"
          onChange={(event) => set('nationality', event.target.value)}
        />
        <p id="subject-nationality-hint" className="note">
          {t('referralNationalityHint')}
        </p>
      </div>
      <div className="field wide">
        <label htmlFor="subject-guardian">{t('referralSubjectGuardian')}</label>
        <input
          id="subject-guardian"
          autoComplete="off"
          maxLength={200}
          value={draft.guardianContact}
          onChange={(event) => set('guardianContact', event.target.value)}
        />
      </div>
      <div className="field wide">
        <label htmlFor="subject-address">{t('referralSubjectAddress')}</label>
        <input
          id="subject-address"
          autoComplete="off"
          maxLength={500}
          value={draft.homeAddress}
          onChange={(event) => set('homeAddress', event.target.value)}
        />
      </div>
    </div>
  );
}
