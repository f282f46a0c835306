import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { RequestError } from '../status';
import type { AdminFacilityFieldsFragment, FacilityKind } from '../gql/graphql';
import { useTranslator } from '../i18n';
import { SERVICES, type Service, type Sex } from '../vocabulary';
import {
  CreateBedUnitMutation,
  CreateFacilityMutation,
  OwnFacilitiesQuery,
  UpdateFacilityMutation,
} from './operations';
import { AdminScreen, ConfirmPanel, RefusalMessage, StatusBadge } from './parts';
import { useRefusal, type Refusal } from './refusals';
import './admin.css';
import { BedCountHeadings } from '../BedCountHeadings';
import { SexField } from '../fields';

const FACILITY_KINDS: readonly FacilityKind[] = [
  'SHELTER_HOME',
  'AFTERCARE_HOME',
  'CHILDREN_HOME',
  'RESCUE_HOME',
  'TRANSIT_CENTRE',
  'DROP_IN_CENTRE',
];

/** An organisation admin's homes and centres, and the bed units the network's bed board shows. */
export function Facilities() {
  const { t } = useTranslator();
  const { data, error, refetch } = useQuery(OwnFacilitiesQuery);
  const organisation = data?.me.organisation;
  return (
    <AdminScreen title="adminFacilitiesTitle" intro="adminFacilitiesIntro">
      {error && !data ? (
        <RequestError error={error} onRetry={() => void refetch()} />
      ) : !organisation ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <CreateFacilityForm country={organisation.country} />
          {organisation.facilities.length === 0 ? (
            <p className="empty">{t('adminNoFacilities')}</p>
          ) : (
            organisation.facilities.map((facility) => <FacilityCard key={facility.id} facility={facility} />)
          )}
        </>
      )}
    </AdminScreen>
  );
}

interface FacilityDraft {
  name: string;
  kind: FacilityKind;
  district: string;
  state: string;
  country: string;
  address: string;
  services: Service[];
}

const draftOf = (facility: AdminFacilityFieldsFragment): FacilityDraft => ({
  name: facility.name,
  kind: facility.kind,
  district: facility.district,
  state: facility.state,
  country: facility.country,
  address: facility.address ?? '',
  services: [...facility.services],
});

/**
 * The facility's fields; kind, state and country are set when it is created (the API keeps them), so
 * the editor shows only what can change.
 */
function FacilityFields({
  draft,
  onChange,
  creating,
}: {
  draft: FacilityDraft;
  onChange(draft: FacilityDraft): void;
  creating: boolean;
}) {
  const translator = useTranslator();
  const { t } = translator;
  const id = useId();
  const set = <K extends keyof FacilityDraft>(key: K, value: FacilityDraft[K]) => onChange({ ...draft, [key]: value });
  const text = (key: 'name' | 'district' | 'state' | 'country', label: string, maxLength: number) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        required
        maxLength={maxLength}
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
      />
    </div>
  );
  return (
    <>
      <div className="admin-grid">
        {text('name', t('adminFacilityName'), 200)}
        {creating && (
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('adminKind')}</label>
            <select
              id={`${id}-kind`}
              value={draft.kind}
              onChange={(event) => set('kind', FACILITY_KINDS.find((k) => k === event.target.value) ?? draft.kind)}
            >
              {FACILITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`adminFacilityKind_${kind}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {text('district', t('district'), 100)}
        {creating && text('state', t('adminState'), 100)}
        {creating && text('country', t('adminCountry'), 2)}
      </div>
      <div className="field">
        <label htmlFor={`${id}-address`}>{t('adminAddress')}</label>
        <textarea
          id={`${id}-address`}
          rows={2}
          maxLength={500}
          aria-describedby={`${id}-address-hint`}
          value={draft.address}
          onChange={(event) => set('address', event.target.value)}
        />
        <p className="admin-hint" id={`${id}-address-hint`}>
          {t('adminAddressPrivate')}
        </p>
      </div>
      <fieldset className="admin-roles">
        <legend>{t('adminServices')}</legend>
        {SERVICES.map((service) => (
          <div className="field checkbox" key={service}>
            <input
              id={`${id}-service-${service}`}
              type="checkbox"
              checked={draft.services.includes(service)}
              onChange={(event) =>
                set(
                  'services',
                  event.target.checked ? [...draft.services, service] : draft.services.filter((s) => s !== service),
                )
              }
            />
            <label htmlFor={`${id}-service-${service}`}>{translator.service(service)}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}

function CreateFacilityForm({ country }: { country: string }) {
  const { t } = useTranslator();
  const explain = useRefusal();
  const empty: FacilityDraft = {
    name: '',
    kind: 'SHELTER_HOME',
    district: '',
    state: '',
    country,
    address: '',
    services: ['SHELTER'],
  };
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(empty);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateFacilityMutation, {
    refetchQueries: [OwnFacilitiesQuery],
    awaitRefetchQueries: true,
  });
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    try {
      await create({
        variables: {
          input: {
            name: draft.name.trim(),
            kind: draft.kind,
            district: draft.district.trim(),
            state: draft.state.trim(),
            country: draft.country.trim().toUpperCase(),
            address: draft.address.trim() || null,
            services: draft.services,
          },
        },
      });
      setCreated(draft.name.trim());
      setDraft(empty);
      setOpen(false);
    } catch (error) {
      setRefusal(explain(error));
    }
  };

  if (!open) {
    return (
      <div className="admin-actions">
        <button type="button" onClick={() => setOpen(true)}>
          {t('adminNewFacility')}
        </button>
        {created && (
          <p role="status" className="admin-done">
            {t('adminFacilityCreated', { name: created })}
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      className="panel admin-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-describedby={refusal ? `${id}-refusal` : undefined}
    >
      <h2 id={`${id}-title`}>{t('adminNewFacility')}</h2>
      <FacilityFields draft={draft} onChange={setDraft} creating />
      {refusal && <RefusalMessage refusal={refusal} id={`${id}-refusal`} />}
      <div className="admin-actions">
        <button type="submit" disabled={loading}>
          {loading ? t('saving') : t('adminCreateFacilityButton')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

type Panel = 'none' | 'edit' | 'confirm' | 'unit';

function FacilityCard({ facility }: { facility: AdminFacilityFieldsFragment }) {
  const translator = useTranslator();
  const { t } = translator;
  const explain = useRefusal();
  const [panel, setPanel] = useState<Panel>('none');
  const [draft, setDraft] = useState(() => draftOf(facility));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [update, { loading }] = useMutation(UpdateFacilityMutation);
  const id = useId();
  const show = (next: Panel) => {
    setRefusal(null);
    setDraft(draftOf(facility));
    setPanel(next);
  };

  const save = async (input: Record<string, unknown>) => {
    setRefusal(null);
    try {
      await update({ variables: { input: { facilityId: facility.id, ...input } } });
      setPanel('none');
    } catch (error) {
      setRefusal(explain(error));
    }
  };

  return (
    <article className="panel admin-facility" aria-labelledby={`${id}-name`} data-facility={facility.name}>
      <div className="admin-facility-heading">
        <h2 id={`${id}-name`}>{facility.name}</h2>
        <StatusBadge active={facility.active} />
      </div>
      <p>
        {t(`adminFacilityKind_${facility.kind}`)} · {facility.district}, {facility.state}, {facility.country}
      </p>
      <p>
        <strong>{t('adminAddress')}:</strong> {facility.address ?? t('adminNoAddress')}{' '}
        <span className="admin-hint">({t('adminAddressPrivateShort')})</span>
      </p>
      <p>
        <strong>{t('adminServices')}:</strong>{' '}
        {facility.services.map((service) => translator.service(service)).join(', ') || t('adminNone')}
      </p>
      <div className="admin-actions">
        <button
          type="button"
          className="secondary"
          aria-label={t('adminEditNamed', { name: facility.name })}
          onClick={() => show('edit')}
        >
          {t('edit')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={t(facility.active ? 'adminDeactivateNamed' : 'adminReactivateNamed', { name: facility.name })}
          onClick={() => show('confirm')}
        >
          {facility.active ? t('adminDeactivate') : t('adminReactivate')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={t('adminAddUnitTo', { name: facility.name })}
          onClick={() => show('unit')}
        >
          {t('adminAddUnit')}
        </button>
      </div>
      {panel === 'edit' && (
        <form
          className="admin-confirm"
          aria-label={t('adminEditNamed', { name: facility.name })}
          onSubmit={(event) => {
            event.preventDefault();
            void save({
              name: draft.name.trim(),
              district: draft.district.trim(),
              address: draft.address.trim() || null,
              services: draft.services,
            });
          }}
        >
          <FacilityFields draft={draft} onChange={setDraft} creating={false} />
          <div className="admin-actions">
            <button type="submit" disabled={loading}>
              {loading ? t('saving') : t('save')}
            </button>
            <button type="button" className="secondary" onClick={() => show('none')}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {panel === 'confirm' && (
        <ConfirmPanel
          title={t(facility.active ? 'adminDeactivateNamed' : 'adminReactivateNamed', { name: facility.name })}
          confirmLabel={facility.active ? t('adminDeactivate') : t('adminReactivate')}
          busy={loading}
          onConfirm={() => void save({ active: !facility.active })}
          onCancel={() => show('none')}
        >
          <p>{facility.active ? t('adminDeactivateFacilityBody') : t('adminReactivateFacilityBody')}</p>
        </ConfirmPanel>
      )}
      {panel === 'unit' && <UnitForm facility={facility} onClose={() => setPanel('none')} />}
      {refusal && <RefusalMessage refusal={refusal} />}
      <UnitList facility={facility} />
    </article>
  );
}

function UnitList({ facility }: { facility: AdminFacilityFieldsFragment }) {
  const translator = useTranslator();
  const { t } = translator;
  if (facility.units.length === 0) return <p className="empty">{t('adminNoUnits')}</p>;
  return (
    <table className="admin-table">
      <caption>{t('adminUnitsOf', { name: facility.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('adminUnitName')}</th>
          <th scope="col">{t('colEligibility')}</th>
          <BedCountHeadings />
        </tr>
      </thead>
      <tbody>
        {facility.units.map((unit) => (
          <tr key={unit.id} data-unit={unit.name}>
            <th scope="row" data-label={t('adminUnitName')}>
              {unit.name}
            </th>
            <td data-label={t('colEligibility')}>
              {translator.sex(unit.sex)}, {t('ages', { min: unit.minAge, max: unit.maxAge })}
            </td>
            <td className="number" data-label={t('colCapacity')}>
              {translator.formatNumber(unit.capacity)}
            </td>
            <td className="number" data-label={t('colOccupied')}>
              {translator.formatNumber(unit.occupied)}
            </td>
            <td className="number" data-label={t('colHeld')}>
              {translator.formatNumber(unit.held)}
            </td>
            <td className="number" data-label={t('colAvailable')}>
              {translator.formatNumber(unit.available)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface UnitDraft {
  name: string;
  sex: Sex;
  minAge: string;
  maxAge: string;
  capacity: string;
  occupied: string;
}

const NO_UNIT: UnitDraft = { name: '', sex: 'FEMALE', minAge: '', maxAge: '', capacity: '', occupied: '0' };

const wholeNumber = (value: string): number | null => (/^\d+$/.test(value.trim()) ? Number(value) : null);

/** Says what is wrong before asking the API, which checks the same and more. */
function unitProblems(draft: UnitDraft, t: ReturnType<typeof useTranslator>['t']): string[] {
  const minAge = wholeNumber(draft.minAge);
  const maxAge = wholeNumber(draft.maxAge);
  const capacity = wholeNumber(draft.capacity);
  const occupied = wholeNumber(draft.occupied);
  const problems: string[] = [];
  if (!draft.name.trim()) problems.push(t('adminRefusalUnitName'));
  if ([minAge, maxAge, capacity, occupied].some((n) => n === null)) problems.push(t('wholeNumbers'));
  if (minAge !== null && maxAge !== null && minAge > maxAge) problems.push(t('adminRefusalAges'));
  if (capacity !== null && occupied !== null && occupied > capacity) problems.push(t('adminRefusalBeds'));
  return problems;
}

function UnitForm({ facility, onClose }: { facility: AdminFacilityFieldsFragment; onClose(): void }) {
  const translator = useTranslator();
  const { t } = translator;
  const explain = useRefusal();
  const [draft, setDraft] = useState(NO_UNIT);
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [create, { loading }] = useMutation(CreateBedUnitMutation, {
    refetchQueries: [OwnFacilitiesQuery],
    awaitRefetchQueries: true,
  });
  const id = useId();
  const set = <K extends keyof UnitDraft>(key: K, value: UnitDraft[K]) => setDraft({ ...draft, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = unitProblems(draft, t);
    if (problems.length > 0) {
      setProblem({ text: problems.join(' '), referrals: [] });
      return;
    }
    setProblem(null);
    try {
      await create({
        variables: {
          input: {
            facilityId: facility.id,
            name: draft.name.trim(),
            sex: draft.sex,
            minAge: Number(draft.minAge),
            maxAge: Number(draft.maxAge),
            capacity: Number(draft.capacity),
            occupied: Number(draft.occupied),
          },
        },
      });
      onClose();
    } catch (error) {
      setProblem(explain(error));
    }
  };

  const number = (key: 'minAge' | 'maxAge' | 'capacity' | 'occupied', label: string) => (
    <div className="field narrow">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        inputMode="numeric"
        min={0}
        required
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
      />
    </div>
  );
  return (
    <form
      className="admin-confirm"
      aria-label={t('adminAddUnitTo', { name: facility.name })}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <h3>{t('adminAddUnitTo', { name: facility.name })}</h3>
      <div className="admin-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('adminUnitName')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={200}
            value={draft.name}
            onChange={(event) => set('name', event.target.value)}
          />
        </div>
        <SexField id={`${id}-sex`} value={draft.sex} onChange={(sex) => set('sex', sex)} />
        {number('minAge', t('adminMinAge'))}
        {number('maxAge', t('adminMaxAge'))}
        {number('capacity', t('colCapacity'))}
        {number('occupied', t('colOccupied'))}
      </div>
      {problem && <RefusalMessage refusal={problem} id={`${id}-problem`} />}
      <div className="admin-actions">
        <button type="submit" disabled={loading}>
          {loading ? t('saving') : t('adminAddUnitButton')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
