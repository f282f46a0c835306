import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LiveConnection } from '../apollo';
import { LiveStatusNotice } from '../BedBoard';
import type { ConsentGivenBy, Service, Sex, Urgency } from '../gql/graphql';
import { useTranslator } from '../i18n';
import { BedAvailabilityChangedSubscription, BedAvailabilityQuery, MeQuery } from '../operations';
import { SERVICES, SEXES } from '../vocabulary';
import {
  CreateReferralMutation,
  CreateSubjectMutation,
  OwnSubjectsQuery,
  ReceivingOrganisationsQuery,
  RecordConsentMutation,
  SubjectIdentityQuery,
} from './operations';
import { CONSENT_GIVERS, URGENCIES } from './rules';
import { failureSentence } from './shared';
import './referrals.css';

const SUBJECTS_SHOWN = 10;

interface ChosenSubject {
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

interface Consent {
  record: boolean;
  givenBy: ConsentGivenBy;
  expiresOn: string;
}

/**
 * Refers a subject of the caller's organisation to another organisation: choose or register the subject,
 * record consent to share the identity, pick the receiver with its free beds shown live, say what is needed.
 * Each step the API takes is remembered, so a retry after a refusal repeats none of them.
 */
export function NewReferral({ live }: { live: LiveConnection }) {
  const translator = useTranslator();
  const { t } = translator;
  const navigate = useNavigate();
  const me = useQuery(MeQuery).data?.me;
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [chosen, setChosen] = useState<ChosenSubject | null>(null);
  const [draft, setDraft] = useState<NewSubject>(BLANK_SUBJECT);
  const [toOrganisationId, setToOrganisationId] = useState('');
  const [toFacilityId, setToFacilityId] = useState('');
  const [needs, setNeeds] = useState<Service[]>(['SHELTER']);
  const [urgency, setUrgency] = useState<Urgency>('URGENT');
  const [summary, setSummary] = useState('');
  const [consent, setConsent] = useState<Consent>({ record: true, givenBy: 'GUARDIAN', expiresOn: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const recordedConsents = useRef(new Map<string, string>());
  const idempotency = useRef<{ input: string; key: string } | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [createSubject] = useMutation(CreateSubjectMutation);
  const [recordConsent] = useMutation(RecordConsentMutation);
  const [createReferral] = useMutation(CreateReferralMutation);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const eligibility =
    mode === 'existing'
      ? chosen && { sex: chosen.sex, age: chosen.age }
      : { sex: draft.sex, age: draft.age === '' ? null : Number(draft.age) };

  const registerSubject = async (): Promise<ChosenSubject> => {
    const age = draft.age.trim() === '' ? null : Number(draft.age);
    const { data } = await createSubject({
      variables: {
        input: {
          sex: draft.sex,
          age,
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
    // From now on the form refers this subject: a retry must not register her twice.
    setChosen(created);
    setMode('existing');
    setDraft(BLANK_SUBJECT);
    return created;
  };

  const consentFor = async (subjectId: string): Promise<string | null> => {
    if (!consent.record) return null;
    const key = `${subjectId}|${toOrganisationId}|${consent.givenBy}|${consent.expiresOn}`;
    const known = recordedConsents.current.get(key);
    if (known) return known;
    const { data } = await recordConsent({
      variables: {
        input: {
          subjectId,
          grantedToOrganisationId: toOrganisationId,
          purpose: 'REFERRAL',
          givenBy: consent.givenBy,
          expiresAt: consent.expiresOn ? new Date(`${consent.expiresOn}T23:59:59`).toISOString() : null,
        },
      },
    });
    if (!data) throw new Error('recordConsent answered no data');
    recordedConsents.current.set(key, data.recordConsent.id);
    return data.recordConsent.id;
  };

  /** The same input retried (a lost answer, a double click) reuses its key, so the API makes one referral. */
  const idempotencyKeyFor = (input: object): string => {
    const serialised = JSON.stringify(input);
    if (idempotency.current?.input !== serialised) {
      idempotency.current = { input: serialised, key: crypto.randomUUID() };
    }
    return idempotency.current.key;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (mode === 'existing' && !chosen) return setProblem(t('referralProblemNoSubject'));
    if (!toOrganisationId) return setProblem(t('referralProblemReceiver'));
    if (needs.length === 0) return setProblem(t('referralProblemNeeds'));
    if (!summary.trim()) return setProblem(t('referralProblemSummary'));
    setBusy(true);
    try {
      const subject = mode === 'new' ? await registerSubject() : (chosen as ChosenSubject);
      const consentId = await consentFor(subject.id);
      const input = {
        subjectId: subject.id,
        toOrganisationId,
        toFacilityId: toFacilityId || null,
        needs,
        urgency,
        summary: summary.trim(),
        consentId,
      };
      const { data } = await createReferral({
        variables: { input: { ...input, idempotencyKey: idempotencyKeyFor(input) } },
      });
      if (data) void navigate(`/referrals/${data.createReferral.id}`);
    } catch (error) {
      setProblem(failureSentence(translator, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-referral-title" className="referrals new-referral">
      <p>
        <Link to="/referrals?box=outbox">{t('referralBackToList')}</Link>
      </p>
      <div className="board-heading">
        <div>
          <h1 id="new-referral-title">{t('referralNewTitle')}</h1>
          <p>{t('referralNewIntro')}</p>
        </div>
        <LiveStatusNotice live={live} />
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="panel">
          <legend>{t('referralSubjectTitle')}</legend>
          <div role="radiogroup" aria-label={t('referralSubjectMode')} className="choice-row">
            {(['existing', 'new'] as const).map((option) => (
              <label key={option} className="choice">
                <input type="radio" name="subject-mode" checked={mode === option} onChange={() => setMode(option)} />
                {option === 'existing' ? t('referralSubjectExisting') : t('referralSubjectNew')}
              </label>
            ))}
          </div>
          {mode === 'existing' ? (
            <SubjectPicker chosen={chosen} onChoose={setChosen} />
          ) : (
            <SubjectForm draft={draft} onChange={setDraft} />
          )}
        </fieldset>

        <ReceiverPicker
          myOrganisationId={me?.organisation.id}
          organisationId={toOrganisationId}
          facilityId={toFacilityId}
          eligibility={eligibility}
          onOrganisation={(id) => {
            setToOrganisationId(id);
            setToFacilityId('');
          }}
          onFacility={setToFacilityId}
        />

        <fieldset className="panel">
          <legend>{t('referralConsentTitle')}</legend>
          <div className="field checkbox">
            <input
              id="consent-record"
              type="checkbox"
              checked={consent.record}
              onChange={(event) => setConsent({ ...consent, record: event.target.checked })}
            />
            <label htmlFor="consent-record">{t('referralConsentRecord')}</label>
          </div>
          {consent.record && (
            <div className="field-row">
              <div className="field">
                <label htmlFor="consent-given-by">{t('referralConsentGivenBy')}</label>
                <select
                  id="consent-given-by"
                  value={consent.givenBy}
                  onChange={(event) =>
                    setConsent({
                      ...consent,
                      givenBy: CONSENT_GIVERS.find((giver) => giver === event.target.value) ?? 'GUARDIAN',
                    })
                  }
                >
                  {CONSENT_GIVERS.map((giver) => (
                    <option key={giver} value={giver}>
                      {t(`referralConsentBy_${giver}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="consent-expires">{t('referralConsentExpires')}</label>
                <input
                  id="consent-expires"
                  type="date"
                  value={consent.expiresOn}
                  onChange={(event) => setConsent({ ...consent, expiresOn: event.target.value })}
                />
              </div>
            </div>
          )}
          <p className="note">{consent.record ? t('referralConsentExplained') : t('referralConsentNone')}</p>
        </fieldset>

        <fieldset className="panel">
          <legend>{t('referralNeedsTitle')}</legend>
          <div className="checkbox-grid">
            {SERVICES.map((service) => (
              <label key={service} className="choice">
                <input
                  type="checkbox"
                  checked={needs.includes(service)}
                  onChange={(event) =>
                    setNeeds(event.target.checked ? [...needs, service] : needs.filter((need) => need !== service))
                  }
                />
                {translator.service(service)}
              </label>
            ))}
          </div>
          <div role="radiogroup" aria-label={t('referralColUrgency')} className="choice-row">
            <span className="choice-label">{t('referralColUrgency')}</span>
            {URGENCIES.map((option) => (
              <label key={option} className="choice">
                <input type="radio" name="urgency" checked={urgency === option} onChange={() => setUrgency(option)} />
                {t(`referralUrgency_${option}`)}
              </label>
            ))}
          </div>
          <div className="field wide">
            <label htmlFor="referral-summary">{t('referralSummary')}</label>
            <textarea
              id="referral-summary"
              rows={4}
              maxLength={4000}
              value={summary}
              aria-describedby="referral-summary-hint"
              onChange={(event) => setSummary(event.target.value)}
            />
            <p id="referral-summary-hint" className="note">
              {t('referralSummaryHint')}
            </p>
          </div>
        </fieldset>

        {problem && (
          <div className="error" role="alert" tabIndex={-1} ref={problemRef}>
            <p>{problem}</p>
          </div>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('referralSending') : t('referralSend')}
        </button>
      </form>
    </section>
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
      <div className="field">
        <label htmlFor="subject-sex">{t('sex')}</label>
        <select
          id="subject-sex"
          value={draft.sex}
          onChange={(event) => set('sex', SEXES.find((sex) => sex === event.target.value) ?? 'FEMALE')}
        >
          {SEXES.map((sex) => (
            <option key={sex} value={sex}>
              {translator.sex(sex)}
            </option>
          ))}
        </select>
      </div>
      <div className="field narrow">
        <label htmlFor="subject-age">{t('age')}</label>
        <input
          id="subject-age"
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          value={draft.age}
          onChange={(event) => set('age', event.target.value)}
        />
      </div>
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

/** The receiving organisation and, optionally, its facility, with every one of its units' free beds, live. */
function ReceiverPicker({
  myOrganisationId,
  organisationId,
  facilityId,
  eligibility,
  onOrganisation,
  onFacility,
}: {
  myOrganisationId: string | undefined;
  organisationId: string;
  facilityId: string;
  eligibility: { sex: Sex; age: number | null } | null;
  onOrganisation(id: string): void;
  onFacility(id: string): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const organisations = (useQuery(ReceivingOrganisationsQuery).data?.organisations ?? []).filter(
    (organisation) => organisation.active && organisation.id !== myOrganisationId,
  );
  const facilities = (
    organisations.find((organisation) => organisation.id === organisationId)?.facilities ?? []
  ).filter((facility) => facility.active);
  const beds = useQuery(BedAvailabilityQuery, { variables: { filter: {} }, skip: !organisationId });
  useSubscription(BedAvailabilityChangedSubscription, {
    onData: () => void beds.refetch(),
    skip: !organisationId,
  });
  const units = useMemo(
    () => (beds.data?.bedAvailability ?? []).filter((unit) => unit.facility.organisation.id === organisationId),
    [beds.data, organisationId],
  );
  const shownUnits = facilityId ? units.filter((unit) => unit.facility.id === facilityId) : units;
  const suits = (unit: (typeof units)[number]) =>
    eligibility !== null &&
    eligibility.sex === unit.sex &&
    eligibility.age !== null &&
    eligibility.age >= unit.minAge &&
    eligibility.age <= unit.maxAge;

  return (
    <fieldset className="panel">
      <legend>{t('referralReceiverTitle')}</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor="receiver-organisation">{t('referralReceiverOrganisation')}</label>
          <select
            id="receiver-organisation"
            value={organisationId}
            onChange={(event) => onOrganisation(event.target.value)}
          >
            <option value="">{t('referralChooseOrganisation')}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name} ({organisation.shortName})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="receiver-facility">{t('referralReceiverFacility')}</label>
          <select
            id="receiver-facility"
            value={facilityId}
            disabled={!organisationId}
            onChange={(event) => onFacility(event.target.value)}
          >
            <option value="">{t('referralAnyFacility')}</option>
            {facilities.map((facility) => (
              <option key={facility.id} value={facility.id}>
                {facility.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {organisationId && (
        <table className="units receiver-units" aria-label={t('referralReceiverUnits')}>
          <thead>
            <tr>
              <th scope="col">{t('colFacility')}</th>
              <th scope="col">{t('colEligibility')}</th>
              <th scope="col" className="number">
                {t('colAvailable')}
              </th>
              <th scope="col">{t('referralSuitability')}</th>
            </tr>
          </thead>
          <tbody>
            {shownUnits.map((unit) => (
              <tr key={unit.id} data-unit-id={unit.id}>
                <th scope="row" data-label={t('colFacility')}>
                  <span className="facility-name">{unit.facility.name}</span>
                  <span className="unit-name">{unit.name}</span>
                </th>
                <td data-label={t('colEligibility')}>
                  {translator.sex(unit.sex)}, {t('ages', { min: unit.minAge, max: unit.maxAge })}
                </td>
                <td className="number" data-label={t('colAvailable')} data-available={unit.available}>
                  {unit.available > 0 ? t('availabilityMany', { count: unit.available }) : t('availabilityNone')}
                </td>
                <td data-label={t('referralSuitability')}>
                  {eligibility?.age == null ? (
                    <span className="subtle">{t('referralSuitabilityUnknown')}</span>
                  ) : suits(unit) ? (
                    <span className="suits">{t('referralSuits')}</span>
                  ) : (
                    <span className="subtle">{t('referralDoesNotSuit')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
