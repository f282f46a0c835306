import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { RequestError } from '../status';
import type { AuditEventsQuery } from '../gql/graphql';
import { useTranslator } from '../i18n';
import './casework.css';
import { casePath } from './paths';
import { AuditEventsQuery as AuditEvents } from './operations';

const PAGE_SIZE = 50;

/** Actions the API records today, offered as suggestions; any other spelling can still be typed. */
const KNOWN_ACTIONS = [
  'READ_IDENTITY',
  'SUBJECT_CREATED',
  'CONSENT_RECORDED',
  'CONSENT_WITHDRAWN',
  'REFERRAL_SUBMITTED',
  'REFERRAL_ACCEPTED',
  'REFERRAL_DECLINED',
  'REFERRAL_COMPLETED',
  'REFERRAL_CANCELLED',
  'REFERRAL_WITHDRAWN',
  'REFERRAL_EXPIRED',
  'REPATRIATION_OPENED',
  'REPATRIATION_MILESTONE_UPDATED',
  'REPATRIATION_DOCUMENT_RECORDED',
  'REPATRIATION_STATUS_CHANGED',
  'REPATRIATION_FOLLOW_UP_VISITED',
  'REPATRIATION_COUNTERPART_SET',
  'REPATRIATION_DOCUMENT_EXPIRING',
  'BED_UNIT_UPDATED',
  'BED_UNIT_CREATED',
  'FACILITY_CREATED',
  'FACILITY_UPDATED',
  'USER_INVITED',
  'USER_ROLES_CHANGED',
  'USER_DEACTIVATED',
  'LOGIN',
  'LOGIN_FAILED',
  'LOGOUT',
];
const ENTITY_TYPES = [
  'Subject',
  'Consent',
  'Referral',
  'RepatriationCase',
  'BedUnit',
  'Facility',
  'User',
  'Organisation',
];

interface Filters {
  action: string;
  entityType: string;
  entityId: string;
}

const NO_FILTERS: Filters = { action: '', entityType: '', entityId: '' };

type AuditEvent = AuditEventsQuery['auditEvents'][number];

/** Ids, field names and counts, as the API keeps them: the audit holds no identity value to show. */
function describeDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join('; ');
}

/**
 * Who read identities and who changed what: newest first, one page after another by `before`, each page its
 * own query so that earlier pages stay as they were while later ones load.
 */
export function AuditTrail() {
  const { t } = useTranslator();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const id = useId();

  const apply = (next: Filters) => {
    setFilters(next);
    setCursors([null]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ action: draft.action.trim(), entityType: draft.entityType, entityId: draft.entityId.trim() });
  };

  return (
    <section aria-labelledby="audit-title" className="casework">
      <h1 id="audit-title">{t('auditTitle')}</h1>
      <p>{t('auditIntro')}</p>
      <form className="filters" aria-label={t('filters')} onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('auditAction')}</label>
          <input
            id={`${id}-action`}
            list={`${id}-actions`}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
          <datalist id={`${id}-actions`}>
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('auditEntityType')}</label>
          <select
            id={`${id}-type`}
            value={draft.entityType}
            onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}
          >
            <option value="">{t('auditAnyType')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-entity`}>{t('auditEntityId')}</label>
          <input
            id={`${id}-entity`}
            value={draft.entityId}
            onChange={(e) => setDraft({ ...draft, entityId: e.target.value })}
          />
        </div>
        <button type="submit">{t('auditApply')}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            apply(NO_FILTERS);
          }}
        >
          {t('clearFilters')}
        </button>
      </form>
      <table className="records audit">
        <thead>
          <tr>
            <th scope="col">{t('auditWhen')}</th>
            <th scope="col">{t('auditWho')}</th>
            <th scope="col">{t('auditAction')}</th>
            <th scope="col">{t('auditWhat')}</th>
            <th scope="col">{t('auditDetail')}</th>
          </tr>
        </thead>
        {cursors.map((before, index) => (
          <AuditPage
            key={`${JSON.stringify(filters)}|${before ?? 'first'}`}
            filters={filters}
            before={before}
            last={index === cursors.length - 1}
            onMore={(next) => setCursors([...cursors, next])}
          />
        ))}
      </table>
    </section>
  );
}

function AuditPage({
  filters,
  before,
  last,
  onMore,
}: {
  filters: Filters;
  before: string | null;
  last: boolean;
  onMore(before: string): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const { data, loading, error, refetch } = useQuery(AuditEvents, {
    variables: {
      action: filters.action || null,
      entityType: filters.entityType || null,
      entityId: filters.entityId || null,
      before,
      first: PAGE_SIZE,
    },
    fetchPolicy: 'network-only',
  });
  const events = data?.auditEvents ?? [];
  const oldest = events.at(-1);
  return (
    <tbody>
      {events.map((event) => (
        <AuditRow key={event.id} event={event} />
      ))}
      {(loading || error || last) && (
        <tr className="table-message">
          <td colSpan={5}>
            {error ? (
              <RequestError error={error} onRetry={() => void refetch()} />
            ) : loading ? (
              <span role="status">{t('loading')}</span>
            ) : oldest && events.length === PAGE_SIZE ? (
              <button type="button" className="secondary" onClick={() => onMore(oldest.id)}>
                {t('auditOlder')}
              </button>
            ) : (
              <span role="status">{before || events.length > 0 ? t('auditNoOlder') : t('auditNoEntries')}</span>
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const translator = useTranslator();
  const { t } = translator;
  const who = event.actor
    ? `${event.actor.displayName}${event.organisation ? `, ${event.organisation.shortName}` : ''}`
    : (event.organisation?.shortName ?? t('auditSystem'));
  return (
    <tr data-audit-id={event.id} data-action={event.action}>
      <td data-label={t('auditWhen')}>
        <time dateTime={event.at}>{translator.formatDateTime(event.at)}</time>
      </td>
      <td data-label={t('auditWho')}>{who}</td>
      <td data-label={t('auditAction')}>
        <code className="audit-action">{event.action}</code>
        {event.action === 'READ_IDENTITY' && <span className="badge badge-warning">{t('auditReadIdentity')}</span>}
      </td>
      <td data-label={t('auditWhat')}>
        {event.entityType}
        {event.entityId &&
          (event.entityType === 'RepatriationCase' ? (
            <>
              {' '}
              <Link to={casePath(event.entityId)}>{event.entityId}</Link>
            </>
          ) : (
            <span className="entity-id"> {event.entityId}</span>
          ))}
      </td>
      <td data-label={t('auditDetail')} className="audit-detail">
        {describeDetail(event.detail)}
      </td>
    </tr>
  );
}
