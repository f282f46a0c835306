import { Role } from '../../common/enums';
import { allow, hasRole, isAuthenticated, type RuleMap } from '../../common/rules';

export const facilityRules: RuleMap = {
  Query: {
    facilities: isAuthenticated,
    facility: isAuthenticated,
    bedAvailability: isAuthenticated,
    bedUnit: isAuthenticated,
  },
  Mutation: {
    // Which unit: the service only finds units of the caller's own organisation.
    updateBedUnit: hasRole(Role.SHELTER_COORDINATOR, Role.ORG_ADMIN),
    // Always in the caller's own organisation: created there, or found there by the service.
    createFacility: hasRole(Role.ORG_ADMIN),
    updateFacility: hasRole(Role.ORG_ADMIN),
    createBedUnit: hasRole(Role.ORG_ADMIN),
  },
  Subscription: {
    bedAvailabilityChanged: isAuthenticated,
  },
  Facility: allow,
  BedUnit: allow,
  BedUnitChange: allow,
};
