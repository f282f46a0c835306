import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { LiveConnection } from '../apollo';
import { LiveStatusNotice, RequestError } from '../status';
import { describeFailure } from '../errors';
import type { CaseDetailFragment, DocumentKind, DocumentStatus, MilestoneStatus, Role } from '../gql/graphql';
import { useTranslator, type Translator } from '../i18n';
import { MeQuery } from '../operations';
import './casework.css';
import {
  CancelCaseMutation,
  CloseCaseMutation,
  HoldCaseMutation,
  RecordDocumentMutation,
  RecordFollowUpVisitMutation,
  RepatriationCaseQuery,
  ResumeCaseMutation,
  SetCounterpartMutation,
  UpdateMilestoneMutation,
} from './operations';
import { useConsentChoice } from '../subjects/ConsentFields';
import { SubjectIdentityQuery } from '../subjects/operations';
import { caseFailure, CounterpartPicker, ProblemAlert, RepatriationConsent } from './NewRepatriationCase';
import { CaseBadges, CaseProgress, CaseStatus, useCaseUpdates } from './RepatriationCases';
import {
  CASE_ROLES,
  caseStatusName,
  documentKindName,
  documentName,
  documentStatusName,
  DOCUMENT_KINDS,
  formatDay,
  HALTED,
  MILESTONE_STATUSES,
  milestoneStatusName,
  RECORDABLE_DOCUMENT_STATUSES,
  stepName,
} from './vocabulary';

type Case = CaseDetailFragment;
type Step = Case['milestones'][number];
type CaseDocument = Case['documents'][number];

interface Viewer {
  organisationId: string;
  roles: readonly Role[];
}

const isHome = (viewer: Viewer, record: Case): boolean => record.homeOrganisation.id === viewer.organisationId;
const mayWork = (viewer: Viewer): boolean => viewer.roles.some((role) => CASE_ROLES.includes(role));

/** The API's rule, mirrored so that only actions it would take are offered: it still decides. */
function mayUpdateStep(viewer: Viewer, record: Case, step: Step): boolean {
  if (!mayWork(viewer) || HALTED.has(record.status)) return false;
  return isHome(viewer, record) || (viewer.roles.includes('REPATRIATION_LIAISON') && step.byCounterpart);
}

const mayRecordDocuments = (viewer: Viewer, record: Case): boolean =>
  mayWork(viewer) &&
  record.status !== 'CANCELLED' &&
  (isHome(viewer, record) || viewer.roles.includes('REPATRIATION_LIAISON'));

/** A refusal in words; the ordering rule names the step that has to come first. */
function refusalText(translator: Translator, error: unknown, step?: { kind: string; status: MilestoneStatus }): string {
  const failure = describeFailure(error);
  const blocking = failure.error?.extensions?.['blockingStep'];
  if (failure.code === 'INVALID_TRANSITION' && step && typeof blocking === 'string') {
    return translator.t(step.status === 'DONE' ? 'repatriationBlockedDone' : 'repatriationBlockedReopen', {
      step: stepName(translator, step.kind),
      blocking: stepName(translator, blocking),
    });
  }
  return failure.code ? translator.errorMessage(failure.code) : translator.t('errorNetwork');
}

export function RepatriationCaseScreen({ live }: { live: LiveConnection }) {
  const { id = '' } = useParams();
  const translator = useTranslator();
  const { t } = translator;
  const { data, loading, error, refetch } = useQuery(RepatriationCaseQuery, { variables: { id } });
  const me = useQuery(MeQuery).data?.me;
  const notice = useCaseUpdates(live, refetch);
  const [announcement, setAnnouncement] = useState('');
  const record = data?.repatriationCase;
  const viewer: Viewer | null = me ? { organisationId: me.organisation.id, roles: me.roles } : null;

  return (
    <section aria-labelledby="case-title" className="casework">
      <p>
        <Link to="/repatriation">{t('repatriationBackToList')}</Link>
      </p>
      <div className="board-heading">
        <h1 id="case-title">{record ? t('repatriationCaseTitle', { code: record.code }) : t('repatriationCase')}</h1>
        <LiveStatusNotice live={live} />
      </div>
      <p className="notice live-notice" role="status" aria-live="polite" hidden={!notice}>
        {notice}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {error && !record ? (
        <RequestError error={error} onRetry={() => void refetch()} />
      ) : loading || !record || !viewer ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <CaseFacts record={record} />
          {mayWork(viewer) &&
            isHome(viewer, record) &&
            !record.counterpartOrganisation &&
            !HALTED.has(record.status) && <NameCounterpart record={record} onDone={setAnnouncement} />}
          <Steps record={record} viewer={viewer} onDone={setAnnouncement} />
          <Visits record={record} viewer={viewer} onDone={setAnnouncement} />
          <Documents record={record} viewer={viewer} onDone={setAnnouncement} />
          {mayWork(viewer) && isHome(viewer, record) && <CaseActions record={record} onDone={setAnnouncement} />}
          <Events record={record} />
        </>
      )}
    </section>
  );
}

function CaseFacts({ record }: { record: Case }) {
  const translator = useTranslator();
  const { t } = translator;
  return (
    <div className="panel">
      <dl className="facts">
        <div>
          <dt>{t('repatriationStatus')}</dt>
          <dd>
            <CaseStatus summary={record} /> <CaseBadges summary={record} />
            {record.statusReason && (
              <span className="status-reason">{t('repatriationReasonGiven', { reason: record.statusReason })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('repatriationProgressLabel')}</dt>
          <dd>
            <CaseProgress summary={record} />
          </dd>
        </div>
        <div>
          <dt>{t('repatriationSubject')}</dt>
          <dd>
            {record.subject.code}, {translator.sex(record.subject.sex)}
            {record.subject.age !== null && `, ${t('repatriationAge', { age: record.subject.age })}`},{' '}
            {record.subject.nationality}
            <Identity subjectId={record.subject.id} />
          </dd>
        </div>
        <div>
          <dt>{t('repatriationSides')}</dt>
          <dd>
            {t('repatriationSidesValue', {
              home: record.homeOrganisation.shortName,
              counterpart: record.counterpartOrganisation?.shortName ?? t('repatriationNoCounterpart'),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('repatriationDestination')}</dt>
          <dd>
            {[record.destinationRegion, record.destinationCountry].filter(Boolean).join(', ')}
            {record.borderPoint && ` (${t('repatriationVia', { border: record.borderPoint })})`}
          </dd>
        </div>
        <div>
          <dt>{t('repatriationOpened')}</dt>
          <dd>
            <time dateTime={record.createdAt}>{translator.formatDateTime(record.createdAt)}</time>
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** The name is fetched only on request: each answer that carries it is an audited read. */
function Identity({ subjectId }: { subjectId: string }) {
  const { t, errorMessage } = useTranslator();
  const [load, { data, loading, error, called }] = useLazyQuery(SubjectIdentityQuery, { fetchPolicy: 'network-only' });
  if (!called) {
    return (
      <span className="identity">
        <button type="button" className="link" onClick={() => void load({ variables: { id: subjectId } })}>
          {t('repatriationShowName')}
        </button>{' '}
        <span className="hint">{t('repatriationShowNameHint')}</span>
      </span>
    );
  }
  if (loading) return <span className="identity">{t('loading')}</span>;
  if (error) {
    const { code } = describeFailure(error);
    return <span className="identity error">{code ? errorMessage(code) : t('errorNetwork')}</span>;
  }
  const name = data?.subject.identity?.fullName;
  return <span className="identity">{name ? t('repatriationName', { name }) : t('repatriationNameNotShared')}</span>;
}

/** Names the partner across the border, with the consent that lets it see her identity. */
function NameCounterpart({ record, onDone }: { record: Case; onDone(message: string): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const [organisationId, setOrganisationId] = useState('');
  const [problem, setProblem] = useState<{ text: string; caseId?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const consent = useConsentChoice('REPATRIATION');
  const [name] = useMutation(SetCounterpartMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!organisationId) return setProblem({ text: t('repatriationProblemCounterpart') });
    setBusy(true);
    try {
      const consentId = await consent.consentFor(record.subject.id, organisationId);
      const { data } = await name({
        variables: { caseId: record.id, counterpartOrganisationId: organisationId, consentId },
      });
      const named = data?.setRepatriationCounterpart.counterpartOrganisation?.shortName;
      if (named) onDone(t('repatriationCounterpartSaved', { organisation: named }));
    } catch (error) {
      setProblem(caseFailure(translator, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="counterpart-title" title={t('repatriationNameCounterpartTitle')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <CounterpartPicker
          id="name-counterpart"
          value={organisationId}
          country={record.destinationCountry}
          optional={false}
          onChange={setOrganisationId}
        />
        <p className="hint">{t('repatriationCounterpartHint')}</p>
        {organisationId && <RepatriationConsent choice={consent} />}
        {problem && <ProblemAlert problem={problem} />}
        <div className="form-buttons">
          <button type="submit" disabled={busy}>
            {busy ? t('saving') : t('repatriationNameCounterpart')}
          </button>
        </div>
      </form>
    </Section>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Steps({ record, viewer, onDone }: { record: Case; viewer: Viewer; onDone(message: string): void }) {
  const { t } = useTranslator();
  return (
    <Section id="steps-title" title={t('repatriationStepsTitle')}>
      {HALTED.has(record.status) && <p className="hint">{t('repatriationHaltedHint')}</p>}
      <ol className="steps">
        {record.milestones.map((step) => (
          <StepItem key={step.id} record={record} step={step} viewer={viewer} onDone={onDone} />
        ))}
      </ol>
    </Section>
  );
}

function StepItem({
  record,
  step,
  viewer,
  onDone,
}: {
  record: Case;
  step: Step;
  viewer: Viewer;
  onDone(message: string): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateMilestoneMutation);
  const name = stepName(translator, step.kind);
  const whose = step.byCounterpart
    ? t('repatriationByCounterpart', { organisation: record.counterpartOrganisation?.shortName ?? '—' })
    : t('repatriationByHome', { organisation: record.homeOrganisation.shortName });
  const ourStep = step.byCounterpart !== isHome(viewer, record);

  const save = async (status: MilestoneStatus, dueOn: string | null, note: string | null) => {
    setProblem(null);
    try {
      await update({ variables: { input: { caseId: record.id, kind: step.kind, status, dueOn, note } } });
      setEditing(false);
      onDone(t('repatriationStepSaved', { step: name, status: milestoneStatusName(translator, status) }));
    } catch (error) {
      setProblem(refusalText(translator, error, { kind: step.kind, status }));
    }
  };

  return (
    <li className={`step step-${step.status.toLowerCase()}`} data-step={step.kind}>
      <div className="step-head">
        <span className="step-name">{name}</span>
        <span className={`badge step-status-${step.status.toLowerCase()}`}>
          {milestoneStatusName(translator, step.status)}
        </span>
        {step.overdue && <span className="badge badge-alert">{t('repatriationBadgeOverdue')}</span>}
      </div>
      <p className="step-meta">
        <span>
          {whose}
          {ourStep && ` ${t('repatriationYourSide')}`}
        </span>
        {step.dueOn && <span>{t('repatriationDue', { date: formatDay(translator, step.dueOn) })}</span>}
        {step.completedAt && (
          <span>{t('repatriationDoneAt', { date: translator.formatDateTime(step.completedAt) })}</span>
        )}
      </p>
      {step.note && <p className="step-note">{step.note}</p>}
      {mayUpdateStep(viewer, record, step) && !editing && (
        <div className="step-actions">
          {step.status !== 'DONE' && (
            <button
              type="button"
              disabled={loading}
              aria-label={t('repatriationMarkDoneStep', { step: name })}
              onClick={() => void save('DONE', step.dueOn, step.note)}
            >
              {t('repatriationMarkDone')}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            aria-label={t('repatriationChangeStep', { step: name })}
            onClick={() => setEditing(true)}
          >
            {t('repatriationChange')}
          </button>
        </div>
      )}
      {editing && (
        <StepEditor step={step} name={name} busy={loading} onSave={save} onCancel={() => setEditing(false)} />
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </li>
  );
}

function StepEditor({
  step,
  name,
  busy,
  onSave,
  onCancel,
}: {
  step: Step;
  name: string;
  busy: boolean;
  onSave(status: MilestoneStatus, dueOn: string | null, note: string | null): void;
  onCancel(): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const [status, setStatus] = useState<MilestoneStatus>(step.status);
  const [dueOn, setDueOn] = useState(step.dueOn ?? '');
  const [note, setNote] = useState(step.note ?? '');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(status, dueOn || null, note.trim() || null);
  };
  return (
    <form className="inline-form" aria-label={t('repatriationChangeStep', { step: name })} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('repatriationStepStatus')}</label>
        <select
          id={`${id}-status`}
          autoFocus
          value={status}
          onChange={(e) => setStatus(MILESTONE_STATUSES.find((s) => s === e.target.value) ?? status)}
        >
          {MILESTONE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {milestoneStatusName(translator, s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('repatriationDueOn')}</label>
        <input id={`${id}-due`} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-note`}>{t('repatriationNote')}</label>
        <textarea id={`${id}-note`} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="form-buttons">
        <button type="submit" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function Visits({ record, viewer, onDone }: { record: Case; viewer: Viewer; onDone(message: string): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const [visiting, setVisiting] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [recordVisit, { loading }] = useMutation(RecordFollowUpVisitMutation);
  const may = mayWork(viewer) && !HALTED.has(record.status);
  const noteId = useId();

  const save = async (months: number) => {
    setProblem(null);
    try {
      await recordVisit({ variables: { caseId: record.id, months, note: note.trim() || null } });
      setVisiting(null);
      setNote('');
      onDone(t('repatriationVisitSaved', { months }));
    } catch (error) {
      setProblem(refusalText(translator, error));
    }
  };

  return (
    <Section id="visits-title" title={t('repatriationVisitsTitle')}>
      {record.followUpVisits.length === 0 ? (
        <p className="empty">{t('repatriationNoVisits')}</p>
      ) : (
        <ul className="plain-list">
          {record.followUpVisits.map((visit) => (
            <li key={visit.id}>
              <strong>{t('repatriationVisitName', { months: visit.months })}</strong>{' '}
              {t('repatriationDue', { date: formatDay(translator, visit.dueOn) })}{' '}
              {visit.overdue && <span className="badge badge-alert">{t('repatriationBadgeOverdue')}</span>}
              {visit.visitedAt ? (
                <span className="badge step-status-done">
                  {t('repatriationVisited', { date: translator.formatDateTime(visit.visitedAt) })}
                </span>
              ) : (
                may &&
                visiting !== visit.months && (
                  <button type="button" className="secondary" onClick={() => setVisiting(visit.months)}>
                    {t('repatriationRecordVisit', { months: visit.months })}
                  </button>
                )
              )}
              {visit.note && <p className="step-note">{visit.note}</p>}
              {visiting === visit.months && (
                <form
                  className="inline-form"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void save(visit.months);
                  }}
                >
                  <div className="field wide">
                    <label htmlFor={noteId}>{t('repatriationVisitNote')}</label>
                    <textarea id={noteId} autoFocus value={note} onChange={(e) => setNote(e.target.value)} />
                  </div>
                  <div className="form-buttons">
                    <button type="submit" disabled={loading}>
                      {loading ? t('saving') : t('save')}
                    </button>
                    <button type="button" className="secondary" onClick={() => setVisiting(null)}>
                      {t('cancel')}
                    </button>
                  </div>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </Section>
  );
}

function DocumentBadges({ document }: { document: CaseDocument }) {
  const { t } = useTranslator();
  if (document.status === 'EXPIRED') return <span className="badge badge-alert">{t('repatriationDocExpired')}</span>;
  if (document.expiringSoon) return <span className="badge badge-warning">{t('repatriationDocExpiring')}</span>;
  return null;
}

function Documents({ record, viewer, onDone }: { record: Case; viewer: Viewer; onDone(message: string): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const [editing, setEditing] = useState<CaseDocument | 'new' | null>(null);
  const may = mayRecordDocuments(viewer, record);
  return (
    <Section id="documents-title" title={t('repatriationDocumentsTitle')}>
      {record.documents.length === 0 ? (
        <p className="empty">{t('repatriationNoDocuments')}</p>
      ) : (
        <table className="records">
          <thead>
            <tr>
              <th scope="col">{t('repatriationDocKind')}</th>
              <th scope="col">{t('repatriationDocStatus')}</th>
              <th scope="col">{t('repatriationDocIssuer')}</th>
              <th scope="col">{t('repatriationDocReference')}</th>
              <th scope="col">{t('repatriationDocIssued')}</th>
              <th scope="col">{t('repatriationDocExpires')}</th>
              {may && <th scope="col">{t('colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {record.documents.map((document) => (
              <tr key={document.id} data-document-id={document.id}>
                <th scope="row" data-label={t('repatriationDocKind')}>
                  {documentKindName(translator, document.kind)}
                </th>
                <td data-label={t('repatriationDocStatus')}>
                  {documentStatusName(translator, document.status)} <DocumentBadges document={document} />
                </td>
                <td data-label={t('repatriationDocIssuer')}>{document.issuer ?? '—'}</td>
                <td data-label={t('repatriationDocReference')}>{document.reference ?? '—'}</td>
                <td data-label={t('repatriationDocIssued')}>
                  {document.issuedOn ? formatDay(translator, document.issuedOn) : '—'}
                </td>
                <td data-label={t('repatriationDocExpires')}>
                  {document.expiresOn ? formatDay(translator, document.expiresOn) : '—'}
                </td>
                {may && (
                  <td data-label={t('colActions')}>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('repatriationUpdateDocument', {
                        document: documentKindName(translator, document.kind),
                      })}
                      onClick={() => setEditing(document)}
                    >
                      {t('edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {may && editing === null && (
        <button type="button" className="secondary" onClick={() => setEditing('new')}>
          {t('repatriationRecordDocument')}
        </button>
      )}
      {editing !== null && (
        <DocumentForm
          key={editing === 'new' ? 'new' : editing.id}
          caseId={record.id}
          document={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) onDone(saved);
          }}
        />
      )}
    </Section>
  );
}

function DocumentForm({
  caseId,
  document,
  onClose,
}: {
  caseId: string;
  document: CaseDocument | null;
  onClose(savedMessage: string | null): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const [kind, setKind] = useState<DocumentKind>(document?.kind ?? 'CWC_ORDER');
  const [status, setStatus] = useState<DocumentStatus>(
    document && document.status !== 'EXPIRED' ? document.status : 'REQUESTED',
  );
  const [issuer, setIssuer] = useState(document?.issuer ?? '');
  const [reference, setReference] = useState(document?.reference ?? '');
  const [issuedOn, setIssuedOn] = useState(document?.issuedOn ?? '');
  const [expiresOn, setExpiresOn] = useState(document?.expiresOn ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [recordDocument, { loading }] = useMutation(RecordDocumentMutation);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (issuedOn && expiresOn && expiresOn < issuedOn) {
      setProblem(t('repatriationExpiresBeforeIssued'));
      return;
    }
    try {
      await recordDocument({
        variables: {
          input: {
            caseId,
            ...(document ? { documentId: document.id } : {}),
            kind,
            status,
            issuer: issuer.trim() || null,
            reference: reference.trim() || null,
            issuedOn: issuedOn || null,
            expiresOn: expiresOn || null,
          },
        },
      });
      onClose(t('repatriationDocumentSaved', { document: documentKindName(translator, kind) }));
    } catch (error) {
      setProblem(refusalText(translator, error));
    }
  };

  return (
    <form
      className="inline-form"
      aria-label={
        document
          ? t('repatriationUpdateDocument', { document: documentName(translator, kind) })
          : t('repatriationRecordDocument')
      }
      onSubmit={(event) => void submit(event)}
    >
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('repatriationDocKind')}</label>
        <select
          id={`${id}-kind`}
          autoFocus
          value={kind}
          disabled={document !== null}
          onChange={(e) => setKind(DOCUMENT_KINDS.find((k) => k === e.target.value) ?? kind)}
        >
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {documentKindName(translator, k)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('repatriationDocStatus')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(RECORDABLE_DOCUMENT_STATUSES.find((s) => s === e.target.value) ?? status)}
        >
          {RECORDABLE_DOCUMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {documentStatusName(translator, s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-issuer`}>{t('repatriationDocIssuer')}</label>
        <input id={`${id}-issuer`} maxLength={200} value={issuer} onChange={(e) => setIssuer(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reference`}>{t('repatriationDocReference')}</label>
        <input
          id={`${id}-reference`}
          maxLength={200}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-issued`}>{t('repatriationDocIssued')}</label>
        <input id={`${id}-issued`} type="date" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-expires`}>{t('repatriationDocExpires')}</label>
        <input id={`${id}-expires`} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
      </div>
      <div className="form-buttons">
        <button type="submit" disabled={loading}>
          {loading ? t('saving') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={() => onClose(null)}>
          {t('cancel')}
        </button>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </form>
  );
}

type Halt = 'hold' | 'cancel' | 'close';

/** Hold, cancel or close with a reason, or resume: the home organisation's decisions. */
function CaseActions({ record, onDone }: { record: Case; onDone(message: string): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const [action, setAction] = useState<Halt>('hold');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [hold, holding] = useMutation(HoldCaseMutation);
  const [cancel, cancelling] = useMutation(CancelCaseMutation);
  const [close, closing] = useMutation(CloseCaseMutation);
  const [resume, resuming] = useMutation(ResumeCaseMutation);
  const busy = holding.loading || cancelling.loading || closing.loading || resuming.loading;
  const id = useId();
  const ended = record.status === 'CANCELLED' || record.status === 'CLOSED';
  const choices: Halt[] = record.status === 'ON_HOLD' ? ['cancel', 'close'] : ['hold', 'cancel', 'close'];
  const chosen = choices.includes(action) ? action : (choices[0] as Halt);

  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      setReason('');
      onDone(t('repatriationCaseSaved'));
    } catch (error) {
      setProblem(refusalText(translator, error));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem(t('repatriationReasonNeeded'));
      return;
    }
    const variables = { caseId: record.id, reason: reason.trim() };
    const mutate = { hold, cancel, close }[chosen];
    void run(() => mutate({ variables }));
  };

  if (ended) return null;
  return (
    <Section id="case-actions-title" title={t('repatriationActionsTitle')}>
      {record.status === 'ON_HOLD' && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => resume({ variables: { caseId: record.id } }))}
          >
            {t('repatriationResume')}
          </button>
        </p>
      )}
      <form className="inline-form" aria-label={t('repatriationActionsTitle')} onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('repatriationAction')}</label>
          <select
            id={`${id}-action`}
            value={chosen}
            onChange={(e) => setAction(choices.find((c) => c === e.target.value) ?? chosen)}
          >
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`repatriationAction_${choice}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-reason`}>{t('repatriationReason')}</label>
          <textarea id={`${id}-reason`} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="form-buttons">
          <button type="submit" disabled={busy}>
            {t(`repatriationAction_${chosen}`)}
          </button>
        </div>
      </form>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </Section>
  );
}

type CaseEvent = Case['events'][number];

/** What an event concerns, in words, from the facts the API records with it. */
function describeEvent(translator: Translator, event: CaseEvent): string {
  if (event.fromStatus && event.toStatus) {
    return `${caseStatusName(translator, event.fromStatus)} → ${caseStatusName(translator, event.toStatus)}`;
  }
  if (event.milestone && event.milestoneStatus) {
    return `${stepName(translator, event.milestone)}: ${milestoneStatusName(translator, event.milestoneStatus)}`;
  }
  if (event.document && event.documentStatus) {
    return `${documentKindName(translator, event.document)}: ${documentStatusName(translator, event.documentStatus)}`;
  }
  if (event.document && event.expiresOn) {
    return translator.t('repatriationEventExpires', {
      document: documentKindName(translator, event.document),
      date: formatDay(translator, event.expiresOn),
    });
  }
  if (event.months !== null) return translator.t('repatriationVisitName', { months: event.months });
  if (event.counterpartOrganisation) return event.counterpartOrganisation.shortName;
  return event.concerning ?? '';
}

const EVENT_KINDS = [
  'OPENED',
  'MILESTONE_UPDATED',
  'DOCUMENT_RECORDED',
  'DOCUMENT_EXPIRING',
  'COUNTERPART_SET',
  'STATUS_CHANGED',
  'FOLLOW_UP_VISITED',
] as const;

function eventName(translator: Translator, kind: string): string {
  const known = EVENT_KINDS.find((k) => k === kind);
  return known ? translator.t(`repatriationEvent_${known}`) : kind;
}

function Events({ record }: { record: Case }) {
  const translator = useTranslator();
  const { t } = translator;
  return (
    <Section id="events-title" title={t('repatriationEventsTitle')}>
      <ol className="timeline">
        {record.events.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{translator.formatDateTime(event.at)}</time>
            <span className="event-what">
              <strong>{eventName(translator, event.kind)}</strong> {describeEvent(translator, event)}
            </span>
            {event.organisation && <span className="event-who">{event.organisation.shortName}</span>}
            {event.note && <p className="step-note">{event.note}</p>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
