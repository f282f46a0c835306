import { useQuery } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { LiveConnection } from '../apollo';
import { LiveStatusNotice, RequestError } from '../status';
import type { ReferralBox, ReferralRowFragment, ReferralStatus, Role } from '../gql/graphql';
import { useTranslator } from '../i18n';
import { ReferralListQuery } from './operations';
import { REFERRER_ROLES, STATUS_TABS } from './rules';
import { StatusBadge, UrgencyBadge, useReferralUpdates } from './shared';
import './referrals.css';

const PAGE_SIZE = 20;
const BOXES: Record<string, ReferralBox> = { inbox: 'INBOX', outbox: 'OUTBOX' };

/**
 * Referrals received (inbox) or sent (outbox), one status tab at a time, newest first, in keyset pages.
 * Box and tab live in the address, so a link or the back button brings the same list back.
 */
export function ReferralList({ live, roles }: { live: LiveConnection; roles: readonly Role[] }) {
  const translator = useTranslator();
  const { t } = translator;
  const [params, setParams] = useSearchParams();
  const box = BOXES[params.get('box') ?? 'inbox'] ?? 'INBOX';
  const status = STATUS_TABS.find((tab) => tab === params.get('status')) ?? null;
  // Cursors of the pages before the current one; the last is where the current page starts.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const { data, previousData, error, loading, refetch } = useQuery(ReferralListQuery, {
    variables: { box, status: status ? [status] : null, first: PAGE_SIZE, after },
  });
  const refresh = useCallback(() => void refetch(), [refetch]);
  useReferralUpdates(live, refresh);

  const choose = (next: { box?: ReferralBox; status?: ReferralStatus | null }) => {
    const nextBox = next.box ?? box;
    const nextStatus = next.status === undefined ? status : next.status;
    setCursors([null]);
    setParams({ box: nextBox.toLowerCase(), ...(nextStatus ? { status: nextStatus } : {}) });
  };

  const shown = data ?? previousData;
  const counts = new Map(shown?.referralCounts.map((entry) => [entry.status, entry.count]));
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const page = shown?.referrals;
  const boxTitle = box === 'INBOX' ? t('referralInboxTitle') : t('referralOutboxTitle');

  return (
    <section aria-labelledby="referral-list-title" className="referrals">
      <div className="board-heading">
        <div>
          <h1 id="referral-list-title">{boxTitle}</h1>
          <p>{box === 'INBOX' ? t('referralInboxIntro') : t('referralOutboxIntro')}</p>
        </div>
        <LiveStatusNotice live={live} />
      </div>
      <div className="referral-toolbar">
        <nav aria-label={t('referralBoxes')} className="referral-boxes">
          {(['INBOX', 'OUTBOX'] as const).map((option) => (
            <Link
              key={option}
              to={`?box=${option.toLowerCase()}`}
              aria-current={option === box ? 'page' : undefined}
              onClick={() => setCursors([null])}
            >
              {option === 'INBOX' ? t('referralInbox') : t('referralOutbox')}
            </Link>
          ))}
        </nav>
        {roles.some((role) => REFERRER_ROLES.includes(role)) && (
          <Link className="button-link" to="/referrals/new">
            {t('referralNew')}
          </Link>
        )}
      </div>
      <div role="group" aria-label={t('referralStatusTabs')} className="referral-tabs">
        <button type="button" aria-pressed={status === null} onClick={() => choose({ status: null })}>
          {t('referralAllStatuses')} <span className="tab-count">{translator.formatNumber(total)}</span>
        </button>
        {STATUS_TABS.map((tab) => (
          <button key={tab} type="button" aria-pressed={status === tab} onClick={() => choose({ status: tab })}>
            {t(`referralStatus_${tab}`)}{' '}
            <span className="tab-count">{translator.formatNumber(counts.get(tab) ?? 0)}</span>
          </button>
        ))}
      </div>
      {error && !shown ? (
        <RequestError error={error} onRetry={refresh} />
      ) : loading && !page ? (
        <p role="status">{t('loading')}</p>
      ) : page && page.edges.length > 0 ? (
        <>
          <p className="count" role="status">
            {t('referralsShown', { count: page.edges.length, total: page.totalCount })}
          </p>
          <ReferralTable referrals={page.edges.map((edge) => edge.node)} box={box} />
          <div className="pager">
            <button
              type="button"
              className="secondary"
              disabled={cursors.length === 1}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              {t('referralPreviousPage')}
            </button>
            <span>{t('referralPageNumber', { page: cursors.length })}</span>
            <button
              type="button"
              className="secondary"
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, page.pageInfo.endCursor])}
            >
              {t('referralNextPage')}
            </button>
          </div>
        </>
      ) : (
        <p className="empty">{t('referralNone')}</p>
      )}
    </section>
  );
}

function ReferralTable({ referrals, box }: { referrals: readonly ReferralRowFragment[]; box: ReferralBox }) {
  const translator = useTranslator();
  const { t } = translator;
  return (
    <table className="units referral-table">
      <thead>
        <tr>
          <th scope="col">{t('referralColCode')}</th>
          <th scope="col">{t('referralColSubject')}</th>
          <th scope="col">{box === 'INBOX' ? t('referralColFrom') : t('referralColTo')}</th>
          <th scope="col">{t('referralColNeeds')}</th>
          <th scope="col">{t('referralColUrgency')}</th>
          <th scope="col">{t('referralColStatus')}</th>
          <th scope="col">{t('referralColCreated')}</th>
        </tr>
      </thead>
      <tbody>
        {referrals.map((referral) => (
          <tr key={referral.id} data-referral-id={referral.id}>
            <th scope="row" data-label={t('referralColCode')}>
              <Link to={`/referrals/${referral.id}`}>{referral.code}</Link>
            </th>
            <td data-label={t('referralColSubject')}>
              {referral.subject.code}
              <span className="subtle">
                {' '}
                {translator.sex(referral.subject.sex)},{' '}
                {referral.subject.age === null
                  ? t('referralAgeUnknown')
                  : t('referralAgeYears', { age: referral.subject.age })}
              </span>
            </td>
            <td data-label={box === 'INBOX' ? t('referralColFrom') : t('referralColTo')}>
              {box === 'INBOX' ? referral.fromOrganisation.shortName : referral.toOrganisation.shortName}
              {referral.toFacility && <span className="subtle"> {referral.toFacility.name}</span>}
            </td>
            <td data-label={t('referralColNeeds')}>
              {referral.needs.map((need) => translator.service(need)).join(', ')}
            </td>
            <td data-label={t('referralColUrgency')}>
              <UrgencyBadge urgency={referral.urgency} translator={translator} />
            </td>
            <td data-label={t('referralColStatus')}>
              <StatusBadge status={referral.status} translator={translator} />
            </td>
            <td data-label={t('referralColCreated')}>
              <time dateTime={referral.createdAt}>{translator.formatDateTime(referral.createdAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
