import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeFailure } from '../errors';
import { useTranslator, type MessageKey, type Translator } from '../i18n';
import { MeQuery } from '../operations';
import { ConsentFields, useConsentChoice, type ConsentChoice } from '../subjects/ConsentFields';
import { SubjectChooser, useSubjectChoice } from '../subjects/SubjectChooser';
import './casework.css';
import { CounterpartOrganisationsQuery, OpenRepatriationCaseMutation } from './operations';
import { casePath } from './paths';

/** The countries the network returns people to, in the order liaisons meet them most. */
const COUNTRIES = ['BD', 'NP', 'IN'] as const;
/** Border crossings the partners use; any other can be typed. */
const ROUTES = ['Petrapole-Benapole', 'Gede-Darshana', 'Hili-Hili', 'Raxaul-Birgunj', 'Panitanki-Kakarbhitta'];

/** The input the API refused, by the field it named (with or without `input.`), in a liaison's words. */
const FIELD_PROBLEMS: Record<string, MessageKey> = {
  subjectId: 'repatriationProblemNoSubject',
  destinationCountry: 'repatriationProblemCountry',
  counterpartOrganisationId: 'repatriationProblemCounterpart',
  grantedToOrganisationId: 'repatriationProblemCounterpart',
  consentId: 'repatriationProblemConsent',
  givenBy: 'referralProblemMinorConsent',
  expiresAt: 'referralProblemConsentExpiry',
  age: 'referralProblemAge',
  dateOfBirth: 'referralProblemAge',
  nationality: 'referralProblemNationality',
  fullName: 'referralProblemFullName',
};

/** A refused opening or naming as one sentence; a case already under way is named so it can be opened. */
export function caseFailure(translator: Translator, error: unknown): { text: string; caseId?: string } {
  const failure = describeFailure(error);
  if (!failure.code) return { text: translator.t('errorNetwork') };
  const extensions = failure.error?.extensions ?? {};
  if (failure.code === 'CONFLICT' && typeof extensions['caseId'] === 'string') {
    return { text: translator.t('repatriationProblemConflict'), caseId: extensions['caseId'] };
  }
  if (failure.code === 'BAD_USER_INPUT' && Array.isArray(extensions['fields'])) {
    const known = extensions['fields']
      .map((field) => FIELD_PROBLEMS[String(field).replace(/^input\./, '')])
      .find(Boolean);
    if (known) return { text: translator.t(known) };
  }
  return { text: translator.errorMessage(failure.code) };
}

export function ProblemAlert({ problem }: { problem: { text: string; caseId?: string } }) {
  const { t } = useTranslator();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [problem]);
  return (
    <div className="error" role="alert" tabIndex={-1} ref={ref}>
      <p>
        {problem.text} {problem.caseId && <Link to={casePath(problem.caseId)}>{t('repatriationExistingCase')}</Link>}
      </p>
    </div>
  );
}

/** A choice of the other active organisations of the network, those in the destination country first. */
export function CounterpartPicker({
  id,
  value,
  country,
  optional,
  onChange,
}: {
  id: string;
  value: string;
  country: string;
  optional: boolean;
  onChange(organisationId: string): void;
}) {
  const { t } = useTranslator();
  const me = useQuery(MeQuery).data?.me;
  const organisations = (useQuery(CounterpartOrganisationsQuery).data?.organisations ?? [])
    .filter((organisation) => organisation.active && organisation.id !== me?.organisation.id)
    .sort((a, b) => Number(b.country === country) - Number(a.country === country));
  return (
    <div className="field">
      <label htmlFor={id}>{t('repatriationCounterpartLabel')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{optional ? t('repatriationCounterpartLater') : t('referralChooseOrganisation')}</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name} ({organisation.shortName}, {organisation.country})
          </option>
        ))}
      </select>
    </div>
  );
}

/** The words of the repatriation consent, the same on the new-case form and on a case naming its counterpart. */
export function RepatriationConsent({ choice }: { choice: ConsentChoice }) {
  const { t } = useTranslator();
  return (
    <ConsentFields
      choice={choice}
      words={{
        title: t('repatriationConsentTitle'),
        record: t('repatriationConsentRecord'),
        explained: t('repatriationConsentExplained'),
        none: t('repatriationConsentNone'),
      }}
    />
  );
}

/**
 * Opens a repatriation case for a subject of the caller's organisation: the subject, where she goes and by
 * which route, and optionally the counterpart with the consent to share her identity with it. Lands on the
 * new case.
 */
export function NewRepatriationCase() {
  const translator = useTranslator();
  const { t } = translator;
  const navigate = useNavigate();
  const roles = useQuery(MeQuery).data?.me.roles ?? [];
  const subject = useSubjectChoice();
  const consent = useConsentChoice('REPATRIATION');
  const [country, setCountry] = useState<string>(COUNTRIES[0]);
  const [region, setRegion] = useState('');
  const [route, setRoute] = useState('');
  const [counterpartId, setCounterpartId] = useState('');
  const [problem, setProblem] = useState<{ text: string; caseId?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [open] = useMutation(OpenRepatriationCaseMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (subject.missing) return setProblem({ text: t('repatriationProblemNoSubject') });
    setBusy(true);
    try {
      const { id: subjectId } = await subject.resolve();
      const consentId = counterpartId ? await consent.consentFor(subjectId, counterpartId) : null;
      const { data } = await open({
        variables: {
          input: {
            subjectId,
            destinationCountry: country,
            destinationRegion: region.trim() || null,
            borderPoint: route.trim() || null,
            counterpartOrganisationId: counterpartId || null,
            consentId,
          },
        },
      });
      if (data) void navigate(casePath(data.openRepatriationCase.id));
    } catch (error) {
      setProblem(caseFailure(translator, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-case-title" className="casework new-case">
      <p>
        <Link to="/repatriation">{t('repatriationBackToList')}</Link>
      </p>
      <h1 id="new-case-title">{t('repatriationNewTitle')}</h1>
      <p>{t('repatriationNewIntro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SubjectChooser
          choice={subject}
          legend={t('repatriationSubjectLegend')}
          modeLabel={t('repatriationSubjectMode')}
          mayRegister={roles.includes('CASEWORKER') || roles.includes('ORG_ADMIN')}
        />

        <fieldset className="panel">
          <legend>{t('repatriationDestinationTitle')}</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor="case-country">{t('repatriationCountry')}</label>
              <select id="case-country" value={country} onChange={(event) => setCountry(event.target.value)}>
                {COUNTRIES.map((code) => (
                  <option key={code} value={code}>
                    {t(`repatriationCountry_${code}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="case-region">{t('repatriationDistrict')}</label>
              <input
                id="case-region"
                maxLength={200}
                value={region}
                onChange={(event) => setRegion(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="case-route">{t('repatriationRoute')}</label>
              <input
                id="case-route"
                list="case-routes"
                maxLength={200}
                value={route}
                aria-describedby="case-route-hint"
                onChange={(event) => setRoute(event.target.value)}
              />
              <datalist id="case-routes">
                {ROUTES.map((known) => (
                  <option key={known} value={known} />
                ))}
              </datalist>
              <p id="case-route-hint" className="hint">
                {t('repatriationRouteHint')}
              </p>
            </div>
          </div>
        </fieldset>

        <fieldset className="panel">
          <legend>{t('repatriationCounterpartTitle')}</legend>
          <CounterpartPicker
            id="case-counterpart"
            value={counterpartId}
            country={country}
            optional
            onChange={setCounterpartId}
          />
          <p className="hint">{t('repatriationCounterpartHint')}</p>
        </fieldset>
        {counterpartId && <RepatriationConsent choice={consent} />}

        {problem && <ProblemAlert problem={problem} />}
        <button type="submit" disabled={busy}>
          {busy ? t('repatriationOpening') : t('repatriationOpen')}
        </button>
      </form>
    </section>
  );
}
