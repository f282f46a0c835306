import { Topic } from '../../context/topics';

/**
 * The fields of the network-wide bed board and facility list, which a gateway may answer from a response
 * cache. Every one of them reads only organisations, facilities and bed units, so their answers change
 * only with the events in `BED_BOARD_TOPICS`, and differ between callers only by the caller's organisation
 * (an address for its own facilities, its own inactive facilities) and network administration. Nothing
 * here is audited, and every rule on them asks no more than a signed-in caller: a cached answer skips the
 * rules. `BedUnit.history` is left out: a chart is read once, not refreshed all day.
 */
export const BED_BOARD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Query: ['bedAvailability', 'facilities'],
  BedUnit: [
    'id',
    'name',
    'sex',
    'minAge',
    'maxAge',
    'capacity',
    'occupied',
    'held',
    'available',
    'version',
    'updatedAt',
    'facility',
  ],
  Facility: [
    'id',
    'name',
    'kind',
    'district',
    'state',
    'country',
    'address',
    'services',
    'active',
    'organisation',
    'units',
    'bedsAvailable',
  ],
  Organisation: ['id', 'name', 'shortName', 'kind', 'country', 'region', 'active', 'facilities'],
};

/**
 * Published after the commit of every change to what `BED_BOARD_FIELDS` answer: bed counts and new units,
 * facilities created or edited, organisations (de)activated.
 */
export const BED_BOARD_TOPICS = [Topic.BED_UNIT_CHANGED, Topic.FACILITY_CHANGED, Topic.ORGANISATION_CHANGED] as const;
