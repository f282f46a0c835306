import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { LiveConnection } from '../apollo';
import { LiveStatusNotice, RequestError } from '../status';
import { useTranslator } from '../i18n';
import { BedAvailabilityChangedSubscription } from '../operations';
import './casework.css';
import { ChangesTable, OccupancyChart } from './OccupancyChart';
import { UnitHistoryQuery } from './operations';

const DAY = 86_400_000;
const RANGES = [
  { key: 'occupancyRangeDay', days: 1 },
  { key: 'occupancyRangeWeek', days: 7 },
  { key: 'occupancyRangeMonth', days: 30 },
  { key: 'occupancyRangeQuarter', days: 90 },
  { key: 'occupancyRangeAll', days: null },
] as const;
type RangeDays = (typeof RANGES)[number]['days'];

interface Period {
  since: string | null;
  from: number;
}

const windowOf = (days: RangeDays): Period => {
  const now = Date.now();
  return days === null
    ? { since: null, from: now }
    : { since: new Date(now - days * DAY).toISOString(), from: now - days * DAY };
};

export function UnitHistory({ live }: { live: LiveConnection }) {
  const { unitId = '' } = useParams();
  const translator = useTranslator();
  const { t } = translator;
  const [days, setDays] = useState<RangeDays>(30);
  const [period, setPeriod] = useState<Period>(() => windowOf(30));
  const { data, previousData, error, refetch } = useQuery(UnitHistoryQuery, {
    variables: { unitId, since: period.since },
  });
  const [drawnAt, setDrawnAt] = useState(() => Date.now());
  useEffect(() => setDrawnAt(Date.now()), [data]);
  useSubscription(BedAvailabilityChangedSubscription, {
    onData: ({ data: event }) => {
      if (event.data?.bedAvailabilityChanged.id === unitId) void refetch();
    },
  });
  useEffect(() => live.onReconnected(() => void refetch()), [live, refetch]);

  const unit = (data ?? previousData)?.bedUnit;
  const facility = unit?.facility;
  const choose = (value: string) => {
    const range = RANGES.find((r) => String(r.days) === value) ?? RANGES[2];
    setDays(range.days);
    setPeriod(windowOf(range.days));
  };

  return (
    <section aria-labelledby="unit-history-title" className="casework">
      <p>
        <Link to="/">{t('occupancyBackToBoard')}</Link>
      </p>
      <div className="board-heading">
        <div>
          <h1 id="unit-history-title">
            {unit && facility
              ? t('occupancyTitle', { unit: unit.name, facility: facility.name })
              : t('occupancyTitleBare')}
          </h1>
          {unit && facility && (
            <p>
              {t('occupancyNow', {
                organisation: facility.organisation.shortName,
                occupied: unit.occupied,
                held: unit.held,
                capacity: unit.capacity,
              })}
            </p>
          )}
        </div>
        <LiveStatusNotice live={live} />
      </div>
      <form className="filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="occupancy-range">{t('occupancyRange')}</label>
          <select id="occupancy-range" value={String(days)} onChange={(e) => choose(e.target.value)}>
            {RANGES.map((range) => (
              <option key={range.key} value={String(range.days)}>
                {t(range.key)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && !unit ? (
        <RequestError error={error} onRetry={() => void refetch()} />
      ) : !unit ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <div className="panel">
          <OccupancyChart
            unitName={`${unit.facility.name}, ${unit.name}`}
            changes={unit.history}
            current={unit}
            from={period.since ? period.from : Math.min(drawnAt, ...unit.history.map((c) => Date.parse(c.at)))}
            to={Math.max(drawnAt, ...unit.history.map((c) => Date.parse(c.at)))}
          />
          <ChangesTable changes={unit.history} />
        </div>
      )}
    </section>
  );
}
