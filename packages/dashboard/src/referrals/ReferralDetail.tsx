import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import type { LiveConnection } from '../apollo';
import { LiveStatusNotice, RequestError } from '../status';
import type { ReferralDetailsFragment } from '../gql/graphql';
import { useTranslator } from '../i18n';
import { MeQuery } from '../operations';
import { ReferralQuery } from './operations';
import { ReferralActions } from './ReferralActions';
import { formatDay, StatusBadge, UrgencyBadge, useReferralUpdates } from './shared';
import './referrals.css';

/** One referral: who, what is needed, what happened so far, and the steps the viewer may take now. */
export function ReferralDetail({ live }: { live: LiveConnection }) {
  const { id = '' } = useParams();
  const translator = useTranslator();
  const { t } = translator;
  const { data, error, loading, refetch } = useQuery(ReferralQuery, { variables: { id } });
  const me = useQuery(MeQuery).data?.me;
  const refresh = useCallback(() => void refetch(), [refetch]);
  useReferralUpdates(live, refresh);
  const heading = useRef<HTMLHeadingElement>(null);
  const referral = data?.referral;
  const shownId = referral?.id;
  // Arriving from a list or the new-referral form, a screen reader starts at this referral.
  useEffect(() => {
    if (shownId) heading.current?.focus();
  }, [shownId]);

  if (error && !referral) {
    return (
      <section className="referrals">
        <p>
          <Link to="/referrals">{t('referralBackToList')}</Link>
        </p>
        <RequestError error={error} onRetry={refresh} />
      </section>
    );
  }
  if (loading && !referral) return <p role="status">{t('loading')}</p>;
  if (!referral || !me) return null;

  return (
    <section aria-labelledby="referral-title" className="referrals referral-detail">
      <p>
        <Link to="/referrals">{t('referralBackToList')}</Link>
      </p>
      <div className="board-heading">
        <div>
          <h1 id="referral-title" tabIndex={-1} ref={heading}>
            {t('referralTitle', { code: referral.code })}
          </h1>
          <p className="referral-route">
            {t('referralRoute', {
              from: referral.fromOrganisation.shortName,
              to: referral.toFacility
                ? `${referral.toOrganisation.shortName}, ${referral.toFacility.name}`
                : referral.toOrganisation.shortName,
            })}{' '}
            <StatusBadge status={referral.status} translator={translator} />{' '}
            <UrgencyBadge urgency={referral.urgency} translator={translator} />
          </p>
        </div>
        <LiveStatusNotice live={live} />
      </div>
      <div className="referral-columns">
        <div>
          <SubjectPanel referral={referral} />
          <NeedsPanel referral={referral} />
        </div>
        <div>
          <ReferralActions
            referral={referral}
            viewer={{ organisationId: me.organisation.id, roles: me.roles }}
            onSettled={refresh}
          />
          <Timeline referral={referral} />
        </div>
      </div>
    </section>
  );
}

function SubjectPanel({ referral }: { referral: ReferralDetailsFragment }) {
  const translator = useTranslator();
  const { t } = translator;
  const { subject } = referral;
  return (
    <section aria-labelledby="referral-subject-title" className="panel">
      <h2 id="referral-subject-title">{t('referralSubjectTitle')}</h2>
      <dl className="facts">
        <dt>{t('referralSubjectCode')}</dt>
        <dd>{subject.code}</dd>
        {subject.identity ? (
          <>
            <dt>{t('referralSubjectName')}</dt>
            <dd data-identity="fullName">{subject.identity.fullName}</dd>
            {subject.identity.dateOfBirth && (
              <>
                <dt>{t('referralSubjectDateOfBirth')}</dt>
                <dd>{formatDay(translator, subject.identity.dateOfBirth)}</dd>
              </>
            )}
            {subject.identity.guardianContact && (
              <>
                <dt>{t('referralSubjectGuardian')}</dt>
                <dd>{subject.identity.guardianContact}</dd>
              </>
            )}
            {subject.identity.homeAddress && (
              <>
                <dt>{t('referralSubjectAddress')}</dt>
                <dd>{subject.identity.homeAddress}</dd>
              </>
            )}
          </>
        ) : null}
        <dt>{t('sex')}</dt>
        <dd>{translator.sex(subject.sex)}</dd>
        <dt>{t('referralSubjectAge')}</dt>
        <dd>
          {subject.age === null ? t('referralAgeUnknown') : t('referralAgeYears', { age: subject.age })}
          {subject.isMinor && <span className="minor-flag"> {t('referralMinor')}</span>}
        </dd>
        <dt>{t('referralSubjectNationality')}</dt>
        <dd>{subject.nationality}</dd>
        <dt>{t('referralSubjectRegisteredBy')}</dt>
        <dd>{subject.organisation.shortName}</dd>
      </dl>
      {!subject.identity && <p className="note">{t('referralIdentityWithheld')}</p>}
    </section>
  );
}

function NeedsPanel({ referral }: { referral: ReferralDetailsFragment }) {
  const translator = useTranslator();
  const { t } = translator;
  return (
    <section aria-labelledby="referral-needs-title" className="panel">
      <h2 id="referral-needs-title">{t('referralNeedsTitle')}</h2>
      <ul className="needs">
        {referral.needs.map((need) => (
          <li key={need}>{translator.service(need)}</li>
        ))}
      </ul>
      <h3>{t('referralSummary')}</h3>
      <p className="summary">{referral.summary}</p>
      {referral.heldUnit && (
        <p className="held-bed">
          {t('referralHeldBed', {
            unit: `${referral.heldUnit.facility.name}, ${referral.heldUnit.name}`,
            until: referral.holdExpiresAt ? translator.formatDateTime(referral.holdExpiresAt) : '',
          })}
        </p>
      )}
      {referral.declineReason && (
        <p>
          <strong>{t('referralDeclineReason')}</strong> {referral.declineReason}
        </p>
      )}
    </section>
  );
}

function Timeline({ referral }: { referral: ReferralDetailsFragment }) {
  const translator = useTranslator();
  const { t } = translator;
  return (
    <section aria-labelledby="referral-timeline-title" className="panel">
      <h2 id="referral-timeline-title">{t('referralTimelineTitle')}</h2>
      <ol className="timeline">
        {referral.events.map((event) => (
          <li key={event.id}>
            <StatusBadge status={event.status} translator={translator} />{' '}
            <time dateTime={event.at}>{translator.formatDateTime(event.at)}</time>
            <span className="subtle">
              {' '}
              {event.actor
                ? t('referralEventBy', { name: event.actor.displayName, organisation: event.organisation.shortName })
                : t('referralEventAutomatic')}
            </span>
            {event.note && <p className="event-note">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
