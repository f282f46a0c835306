import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { LiveConnection } from './apollo';
import { unitHistoryPath } from './casework/paths';
import { describeFailure } from './errors';
import type { BedSearch, BedUnitRowFragment, MeQuery as MeQueryResult } from './gql/graphql';
import { useTranslator, type Translator } from './i18n';
import {
  BedAvailabilityChangedSubscription,
  BedAvailabilityQuery,
  DistrictsQuery,
  MeQuery,
  UpdateBedUnitMutation,
} from './operations';
import { SERVICES, type Service, type Sex } from './vocabulary';
import { BedCountHeadings } from './BedCountHeadings';
import { AgeField, SexField } from './fields';
import { LiveStatusNotice, RequestError } from './status';

interface Filters {
  district: string;
  sex: Sex | '';
  age: string;
  service: Service | '';
  availableOnly: boolean;
}

const NO_FILTERS: Filters = { district: '', sex: '', age: '', service: '', availableOnly: false };
/** At or below this many free beds a unit is shown as nearly full. */
const FEW_BEDS = 2;

function toBedSearch(filters: Filters): BedSearch {
  const age = Number.parseInt(filters.age, 10);
  return {
    ...(filters.district ? { district: filters.district } : {}),
    ...(filters.sex ? { sex: filters.sex } : {}),
    ...(Number.isInteger(age) && age >= 0 ? { age } : {}),
    ...(filters.service ? { service: filters.service } : {}),
    ...(filters.availableOnly ? { availableOnly: true } : {}),
  };
}

type Me = MeQueryResult['me'];

const EDITOR_ROLES = new Set(['SHELTER_COORDINATOR', 'ORG_ADMIN']);

const mayEdit = (me: Me | undefined, unit: BedUnitRowFragment): boolean =>
  Boolean(
    me && me.roles.some((role) => EDITOR_ROLES.has(role)) && unit.facility.organisation.id === me.organisation.id,
  );

export function BedBoard({ live }: { live: LiveConnection }) {
  const { t } = useTranslator();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const filter = useMemo(() => toBedSearch(filters), [filters]);
  const { data, previousData, loading, error, refetch } = useQuery(BedAvailabilityQuery, { variables: { filter } });
  const me = useQuery(MeQuery).data?.me;
  const [announcement, setAnnouncement] = useState('');

  // A changed unit is already updated in the cache by its id; refetching also brings units into or out
  // of the filtered list (say one that just became full while "only free beds" is ticked).
  useSubscription(BedAvailabilityChangedSubscription, { onData: () => void refetch() });
  useEffect(() => live.onReconnected(() => void refetch()), [live, refetch]);

  const units = (data ?? previousData)?.bedAvailability ?? [];
  return (
    <section aria-labelledby="bed-board-title" className="bed-board">
      <div className="board-heading">
        <div>
          <h1 id="bed-board-title">{t('bedBoardTitle')}</h1>
          <p>{t('bedBoardIntro')}</p>
        </div>
        <LiveStatusNotice live={live} />
      </div>
      <FilterForm filters={filters} onChange={setFilters} />
      {error && !data ? (
        <RequestError error={error} onRetry={() => void refetch()} />
      ) : loading && units.length === 0 ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <UnitTable units={units} me={me} onSaved={setAnnouncement} />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

function FilterForm({ filters, onChange }: { filters: Filters; onChange(filters: Filters): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const districts = useQuery(DistrictsQuery).data?.facilities;
  const districtNames = useMemo(
    () => [...new Set((districts ?? []).map((facility) => facility.district))].sort((a, b) => a.localeCompare(b)),
    [districts],
  );
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <form className="filters" aria-label={t('filters')} onSubmit={(event: FormEvent) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="filter-district">{t('district')}</label>
        <select id="filter-district" value={filters.district} onChange={(e) => set('district', e.target.value)}>
          <option value="">{t('anyDistrict')}</option>
          {districtNames.map((district) => (
            <option key={district} value={district}>
              {district}
            </option>
          ))}
        </select>
      </div>
      <SexField id="filter-sex" value={filters.sex} onChange={(sex) => set('sex', sex)} anyLabel={t('anySex')} />
      <AgeField id="filter-age" value={filters.age} onChange={(age) => set('age', age)} />
      <div className="field">
        <label htmlFor="filter-service">{t('service')}</label>
        <select
          id="filter-service"
          value={filters.service}
          onChange={(e) => set('service', SERVICES.find((service) => service === e.target.value) ?? '')}
        >
          <option value="">{t('anyService')}</option>
          {SERVICES.map((service) => (
            <option key={service} value={service}>
              {translator.service(service)}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox">
        <input
          id="filter-available"
          type="checkbox"
          checked={filters.availableOnly}
          onChange={(e) => set('availableOnly', e.target.checked)}
        />
        <label htmlFor="filter-available">{t('availableOnly')}</label>
      </div>
      <button type="button" className="secondary" onClick={() => onChange(NO_FILTERS)}>
        {t('clearFilters')}
      </button>
    </form>
  );
}

function availabilityText(translator: Translator, available: number): { level: string; text: string } {
  if (available <= 0) return { level: 'none', text: translator.t('availabilityNone') };
  if (available <= FEW_BEDS) return { level: 'few', text: translator.t('availabilityFew', { count: available }) };
  return { level: 'many', text: translator.t('availabilityMany', { count: available }) };
}

function UnitTable({
  units,
  me,
  onSaved,
}: {
  units: readonly BedUnitRowFragment[];
  me: Me | undefined;
  onSaved(message: string): void;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const [editingId, setEditingId] = useState<string | null>(null);
  if (units.length === 0) return <p className="empty">{t('noUnits')}</p>;
  return (
    <>
      <p className="count">{t('unitsShown', { count: units.length })}</p>
      <table className="units">
        <thead>
          <tr>
            <th scope="col">{t('colFacility')}</th>
            <th scope="col">{t('colOrganisation')}</th>
            <th scope="col">{t('colDistrict')}</th>
            <th scope="col">{t('colEligibility')}</th>
            <BedCountHeadings availableIsNumber={false} />
            <th scope="col">{t('colUpdated')}</th>
            <th scope="col">{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) =>
            editingId === unit.id ? (
              <UnitEditor
                key={unit.id}
                unit={unit}
                onClose={(saved) => {
                  setEditingId(null);
                  if (saved) onSaved(t('saved', { unit: `${unit.facility.name}, ${unit.name}` }));
                }}
              />
            ) : (
              <tr key={unit.id} data-unit-id={unit.id}>
                <UnitDescription unit={unit} />
                <td className="number" data-label={t('colCapacity')}>
                  {translator.formatNumber(unit.capacity)}
                </td>
                <td className="number" data-label={t('colOccupied')}>
                  {translator.formatNumber(unit.occupied)}
                </td>
                <UnitTail unit={unit} />
                <td data-label={t('colActions')} className="actions">
                  <Link
                    className="button-link"
                    to={unitHistoryPath(unit.id)}
                    aria-label={t('occupancyHistoryOf', { unit: `${unit.facility.name}, ${unit.name}` })}
                  >
                    {t('occupancyHistory')}
                  </Link>
                  {mayEdit(me, unit) && (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('editUnit', { unit: `${unit.facility.name}, ${unit.name}` })}
                      onClick={() => setEditingId(unit.id)}
                    >
                      {t('edit')}
                    </button>
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </>
  );
}

/** The cells before the editable numbers: who, where, for whom. */
function UnitDescription({ unit }: { unit: BedUnitRowFragment }) {
  const translator = useTranslator();
  const { t } = translator;
  return (
    <>
      <th scope="row" data-label={t('colFacility')}>
        <span className="facility-name">{unit.facility.name}</span>
        <span className="unit-name">{unit.name}</span>
      </th>
      <td data-label={t('colOrganisation')}>{unit.facility.organisation.shortName}</td>
      <td data-label={t('colDistrict')}>{unit.facility.district}</td>
      <td data-label={t('colEligibility')}>
        {translator.sex(unit.sex)}, {t('ages', { min: unit.minAge, max: unit.maxAge })}
      </td>
    </>
  );
}

/** The cells after the editable numbers: held, the availability badge, when it last changed. */
function UnitTail({ unit }: { unit: BedUnitRowFragment }) {
  const translator = useTranslator();
  const { t } = translator;
  const availability = availabilityText(translator, unit.available);
  return (
    <>
      <td className="number" data-label={t('colHeld')}>
        {translator.formatNumber(unit.held)}
      </td>
      <td data-label={t('colAvailable')}>
        <span className={`availability availability-${availability.level}`} data-available={unit.available}>
          {availability.text}
        </span>
      </td>
      <td data-label={t('colUpdated')}>
        <time dateTime={unit.updatedAt}>{translator.formatDateTime(unit.updatedAt)}</time>
      </td>
    </>
  );
}

interface UnitCounts {
  capacity: number;
  occupied: number;
  held: number;
  version: number;
}

const isUnitCounts = (value: unknown): value is UnitCounts =>
  typeof value === 'object' &&
  value !== null &&
  ['capacity', 'occupied', 'held', 'version'].every(
    (field) => typeof (value as Record<string, unknown>)[field] === 'number',
  );

/**
 * Edits capacity and occupied against the version the coordinator started from: live updates keep
 * arriving underneath, and a save over someone else's change is refused and shown, never overwritten.
 */
function UnitEditor({ unit, onClose }: { unit: BedUnitRowFragment; onClose(saved: boolean): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const [baseline, setBaseline] = useState<UnitCounts>({
    capacity: unit.capacity,
    occupied: unit.occupied,
    held: unit.held,
    version: unit.version,
  });
  const [capacity, setCapacity] = useState(String(unit.capacity));
  const [occupied, setOccupied] = useState(String(unit.occupied));
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<UnitCounts | null>(null);
  const [update, { loading }] = useMutation(UpdateBedUnitMutation);
  const problemId = useId();
  const unitLabel = `${unit.facility.name}, ${unit.name}`;

  const save = async () => {
    setProblem(null);
    setConflict(null);
    const nextCapacity = Number(capacity);
    const nextOccupied = Number(occupied);
    if (
      ![nextCapacity, nextOccupied].every((n) => capacity !== '' && occupied !== '' && Number.isInteger(n) && n >= 0)
    ) {
      setProblem(t('wholeNumbers'));
      return;
    }
    if (nextCapacity < nextOccupied + unit.held) {
      setProblem(t('capacityTooSmall', { occupied: nextOccupied, held: unit.held }));
      return;
    }
    try {
      await update({
        variables: {
          input: { unitId: unit.id, expectedVersion: baseline.version, capacity: nextCapacity, occupied: nextOccupied },
        },
      });
      onClose(true);
    } catch (error) {
      const failure = describeFailure(error);
      const current = failure.error?.extensions?.['current'];
      if (failure.code === 'CONFLICT' && isUnitCounts(current)) setConflict(current);
      else setProblem(failure.code ? translator.errorMessage(failure.code) : t('errorNetwork'));
    }
  };

  const startFrom = (counts: UnitCounts) => {
    setBaseline(counts);
    setCapacity(String(counts.capacity));
    setOccupied(String(counts.occupied));
    setConflict(null);
  };

  return (
    <>
      <tr className="editing" data-unit-id={unit.id}>
        <UnitDescription unit={unit} />
        <td className="number" data-label={t('colCapacity')}>
          <label className="visually-hidden" htmlFor={`capacity-${unit.id}`}>
            {`${t('colCapacity')}: ${unitLabel}`}
          </label>
          <input
            id={`capacity-${unit.id}`}
            name="capacity"
            type="number"
            inputMode="numeric"
            min={0}
            value={capacity}
            aria-describedby={problem || conflict ? problemId : undefined}
            onChange={(e) => setCapacity(e.target.value)}
          />
        </td>
        <td className="number" data-label={t('colOccupied')}>
          <label className="visually-hidden" htmlFor={`occupied-${unit.id}`}>
            {`${t('colOccupied')}: ${unitLabel}`}
          </label>
          <input
            id={`occupied-${unit.id}`}
            name="occupied"
            type="number"
            inputMode="numeric"
            min={0}
            value={occupied}
            aria-describedby={problem || conflict ? problemId : undefined}
            onChange={(e) => setOccupied(e.target.value)}
          />
        </td>
        <UnitTail unit={unit} />
        <td data-label={t('colActions')} className="actions">
          <button type="button" onClick={() => void save()} disabled={loading}>
            {loading ? t('saving') : t('save')}
          </button>
          <button type="button" className="secondary" onClick={() => onClose(false)}>
            {t('cancel')}
          </button>
        </td>
      </tr>
      {(problem || conflict) && (
        <tr className="editor-message">
          <td colSpan={10}>
            <div id={problemId} role="alert" className={conflict ? 'conflict' : 'error'}>
              {conflict ? (
                <>
                  <strong>{t('conflictTitle')}</strong>
                  <p>
                    {t('conflictBody', {
                      capacity: conflict.capacity,
                      occupied: conflict.occupied,
                      held: conflict.held,
                    })}
                  </p>
                  <button type="button" className="secondary" onClick={() => startFrom(conflict)}>
                    {t('useCurrentNumbers')}
                  </button>
                </>
              ) : (
                <p>{problem}</p>
              )}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
