import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LiveConnection } from '../apollo';
import { LiveStatusNotice } from '../status';
import type { Service, Sex, Urgency } from '../gql/graphql';
import { useTranslator } from '../i18n';
import { BedAvailabilityChangedSubscription, BedAvailabilityQuery, MeQuery } from '../operations';
import { ConsentFields, useConsentChoice } from '../subjects/ConsentFields';
import { SubjectChooser, useSubjectChoice } from '../subjects/SubjectChooser';
import { SERVICES } from '../vocabulary';
import { CreateReferralMutation, ReceivingOrganisationsQuery } from './operations';
import { URGENCIES } from './rules';
import { failureSentence } from './shared';
import './referrals.css';

/**
 * Refers a subject of the caller's organisation to another organisation: choose or register the subject,
 * record consent to share the identity (both shared with the repatriation form), pick the receiver with its free beds shown live, say what is needed.
 * Each step the API takes is remembered, so a retry after a refusal repeats none of them.
 */
export function NewReferral({ live }: { live: LiveConnection }) {
  const translator = useTranslator();
  const { t } = translator;
  const navigate = useNavigate();
  const me = useQuery(MeQuery).data?.me;
  const subject = useSubjectChoice();
  const [toOrganisationId, setToOrganisationId] = useState('');
  const [toFacilityId, setToFacilityId] = useState('');
  const [needs, setNeeds] = useState<Service[]>(['SHELTER']);
  const [urgency, setUrgency] = useState<Urgency>('URGENT');
  const [summary, setSummary] = useState('');
  const consent = useConsentChoice('REFERRAL');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotency = useRef<{ input: string; key: string } | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [createReferral] = useMutation(CreateReferralMutation);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

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
    if (subject.missing) return setProblem(t('referralProblemNoSubject'));
    if (!toOrganisationId) return setProblem(t('referralProblemReceiver'));
    if (needs.length === 0) return setProblem(t('referralProblemNeeds'));
    if (!summary.trim()) return setProblem(t('referralProblemSummary'));
    setBusy(true);
    try {
      const { id: subjectId } = await subject.resolve();
      const consentId = await consent.consentFor(subjectId, toOrganisationId);
      const input = {
        subjectId,
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
        <SubjectChooser
          choice={subject}
          legend={t('referralSubjectTitle')}
          modeLabel={t('referralSubjectMode')}
          mayRegister
        />

        <ReceiverPicker
          myOrganisationId={me?.organisation.id}
          organisationId={toOrganisationId}
          facilityId={toFacilityId}
          eligibility={subject.eligibility}
          onOrganisation={(id) => {
            setToOrganisationId(id);
            setToFacilityId('');
          }}
          onFacility={setToFacilityId}
        />

        <ConsentFields
          choice={consent}
          words={{
            title: t('referralConsentTitle'),
            record: t('referralConsentRecord'),
            explained: t('referralConsentExplained'),
            none: t('referralConsentNone'),
          }}
        />

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
