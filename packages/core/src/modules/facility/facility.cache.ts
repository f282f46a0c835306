import {
  BREAK,
  getArgumentValues,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { Topic, type BedUnitChanged } from '../../context/topics';
import type { BedSearch } from './facility.types';

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

/** A district as the bed board's filter compares it (case aside): what changes and cached answers are keyed by. */
export function districtKey(district: string): string {
  return district.normalize('NFC').toLowerCase();
}

/**
 * The district whose bed board a change of `BED_BOARD_TOPICS` alters, or null when it may alter any: a
 * facility edited (its district may be what changed), an organisation (de)activated.
 */
export function districtChanged(topic: string, payload: unknown): string | null {
  if (topic !== Topic.BED_UNIT_CHANGED) return null;
  const { district } = payload as BedUnitChanged;
  return district ? districtKey(district) : null;
}

/** What an operation's answer depends on: these districts' bed changes, or (null) every district's. */
export type DistrictsRead = (variables: Record<string, unknown> | undefined) => string[] | null;

const EVERY_DISTRICT: DistrictsRead = () => null;

/**
 * For an operation asking only `BED_BOARD_FIELDS`: the districts it reads, given its variables. Its
 * `bedAvailability` and `facilities` fields read the district their filter names, and their units,
 * facilities and organisations lie there; but an organisation's `facilities` lie anywhere, and so does
 * what a field without a district filter reads. Worked out once per document; a request then only reads
 * the filters' values.
 */
export function districtsReadBy(schema: GraphQLSchema, document: DocumentNode): DistrictsRead {
  const queryType = schema.getQueryType();
  const typeInfo = new TypeInfo(schema);
  const filtered: { definition: GraphQLField<unknown, unknown>; node: FieldNode }[] = [];
  let everywhere = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const definition = typeInfo.getFieldDef();
        if (parent?.name === 'Organisation' && node.name.value === 'facilities') everywhere = true;
        else if (parent === queryType && definition && node.name.value !== '__typename') {
          filtered.push({ definition, node });
        }
        return everywhere ? BREAK : undefined;
      },
    }),
  );
  if (everywhere || filtered.length === 0) return EVERY_DISTRICT;
  return (variables) => {
    const districts: string[] = [];
    for (const { definition, node } of filtered) {
      let district: unknown;
      try {
        district = (getArgumentValues(definition, node, variables ?? {})['filter'] as BedSearch | undefined)?.district;
      } catch {
        // Arguments that do not coerce: the execution refuses them, and nothing is cached.
        return null;
      }
      if (typeof district !== 'string') return null;
      districts.push(districtKey(district));
    }
    return districts;
  };
}
