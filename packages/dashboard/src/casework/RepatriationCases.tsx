import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { LiveConnection } from '../apollo';
import { LiveStatusNotice, RequestError } from '../status';
import type { CaseSummaryFragment, RepatriationCaseUpdatedSubscription as Update } from '../gql/graphql';
import { useTranslator, type Translator } from '../i18n';
import './casework.css';
import { casePath } from './paths';
import { RepatriationCaseUpdatedSubscription, RepatriationCasesQuery } from './operations';
import { CASE_STATUSES, caseStatusName, documentName, SETTLED, stepName } from './vocabulary';

/** What the other side did, in a sentence: the live notice on both case screens. */
export function describeUpdate(translator: Translator, update: Update['repatriationCaseUpdated']): string {
  const { t } = translator;
  const code = update.case.code;
  if (update.reason === 'STEP_COMPLETED' && update.milestone) {
    return t('repatriationLiveStep', { code, step: stepName(translator, update.milestone) });
  }
  if (update.reason === 'DOCUMENT_EXPIRING' && update.document) {
    return t('repatriationLiveExpiring', { code, document: documentName(translator, update.document) });
  }
  if (update.reason === 'COUNTERPART_NAMED') return t('repatriationLiveCounterpart', { code });
  return t('repatriationLiveStatus', { code, status: caseStatusName(translator, update.case.status) });
}

/** Steps done or marked not applicable, of all steps. */
export function progressOf(summary: Pick<CaseSummaryFragment, 'milestones'>): { settled: number; total: number } {
  return {
    settled: summary.milestones.filter((m) => SETTLED.has(m.status)).length,
    total: summary.milestones.length,
  };
}

/** Words for what needs attention; each badge says it, colour only repeats it. */
export function CaseBadges({ summary }: { summary: CaseSummaryFragment }) {
  const { t } = useTranslator();
  const expiring = summary.documents.filter((d) => d.expiringSoon).length;
  const expired = summary.documents.filter((d) => d.status === 'EXPIRED').length;
  if (!summary.hasOverdue && expiring === 0 && expired === 0) return null;
  return (
    <span className="case-badges">
      {summary.hasOverdue && <span className="badge badge-alert">{t('repatriationBadgeOverdue')}</span>}
      {expired > 0 && <span className="badge badge-alert">{t('repatriationBadgeExpired', { count: expired })}</span>}
      {expiring > 0 && (
        <span className="badge badge-warning">{t('repatriationBadgeExpiring', { count: expiring })}</span>
      )}
    </span>
  );
}

export function CaseStatus({ summary }: { summary: Pick<CaseSummaryFragment, 'status'> }) {
  const translator = useTranslator();
  return (
    <span className={`badge status-${summary.status.toLowerCase()}`}>{caseStatusName(translator, summary.status)}</span>
  );
}

export function CaseProgress({ summary }: { summary: Pick<CaseSummaryFragment, 'milestones'> }) {
  const { t } = useTranslator();
  const { settled, total } = progressOf(summary);
  const text = t('repatriationProgress', { settled, total });
  return (
    <span className="case-progress">
      <progress max={total} value={settled} aria-label={text} />
      <span>{text}</span>
    </span>
  );
}

/** Keeps the live notice and the catch-up after a gap in one place for both case screens. */
export function useCaseUpdates(live: LiveConnection, refetch: () => unknown): string {
  const translator = useTranslator();
  const [notice, setNotice] = useState('');
  useSubscription(RepatriationCaseUpdatedSubscription, {
    onData: ({ data }) => {
      if (data.data) setNotice(describeUpdate(translator, data.data.repatriationCaseUpdated));
      void refetch();
    },
  });
  useEffect(() => live.onReconnected(() => void refetch()), [live, refetch]);
  return notice;
}

export function RepatriationCases({ live }: { live: LiveConnection }) {
  const translator = useTranslator();
  const { t } = translator;
  const [status, setStatus] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const chosen = CASE_STATUSES.find((s) => s === status);
  const { data, previousData, loading, error, refetch } = useQuery(RepatriationCasesQuery, {
    variables: { status: chosen ? [chosen] : null, overdueOnly },
  });
  const notice = useCaseUpdates(live, refetch);
  const cases = (data ?? previousData)?.repatriationCases ?? [];

  return (
    <section aria-labelledby="cases-title" className="casework">
      <div className="board-heading">
        <div>
          <h1 id="cases-title">{t('repatriationListTitle')}</h1>
          <p>{t('repatriationListIntro')}</p>
        </div>
        <LiveStatusNotice live={live} />
      </div>
      <p className="notice live-notice" role="status" aria-live="polite" hidden={!notice}>
        {notice}
      </p>
      <form className="filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="case-status">{t('repatriationFilterStatus')}</label>
          <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('repatriationAnyStatus')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {caseStatusName(translator, s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id="case-overdue"
            type="checkbox"
            checked={overdueOnly}
            onChange={(e) => setOverdueOnly(e.target.checked)}
          />
          <label htmlFor="case-overdue">{t('repatriationOverdueOnly')}</label>
        </div>
      </form>
      {error && !data ? (
        <RequestError error={error} onRetry={() => void refetch()} />
      ) : loading && cases.length === 0 ? (
        <p role="status">{t('loading')}</p>
      ) : cases.length === 0 ? (
        <p className="empty">{t('repatriationNoCases')}</p>
      ) : (
        <>
          <p className="count">{t('repatriationCasesShown', { count: cases.length })}</p>
          <ul className="case-list">
            {cases.map((summary) => (
              <li key={summary.id} className="panel case-card" data-case-id={summary.id}>
                <h2>
                  <Link to={casePath(summary.id)}>{summary.code}</Link>
                </h2>
                <dl className="facts">
                  <div>
                    <dt>{t('repatriationStatus')}</dt>
                    <dd>
                      <CaseStatus summary={summary} /> <CaseBadges summary={summary} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('repatriationSubject')}</dt>
                    <dd>{summary.subject.code}</dd>
                  </div>
                  <div>
                    <dt>{t('repatriationSides')}</dt>
                    <dd>
                      {t('repatriationSidesValue', {
                        home: summary.homeOrganisation.shortName,
                        counterpart: summary.counterpartOrganisation?.shortName ?? t('repatriationNoCounterpart'),
                      })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('repatriationDestination')}</dt>
                    <dd>
                      {[summary.destinationRegion, summary.destinationCountry].filter(Boolean).join(', ')}
                      {summary.borderPoint && ` (${t('repatriationVia', { border: summary.borderPoint })})`}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('repatriationProgressLabel')}</dt>
                    <dd>
                      <CaseProgress summary={summary} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('colUpdated')}</dt>
                    <dd>
                      <time dateTime={summary.updatedAt}>{translator.formatDateTime(summary.updatedAt)}</time>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
