import type { DataSource, EntityManager } from 'typeorm';
import { FacilityKind, OrganisationKind, Role, Service, Sex } from '../../common/enums';
import { hashPassword } from '../../modules/auth/passwords';
import {
  BedChangeReason,
  BedUnitEntity,
  BedUnitHistoryEntity,
  FacilityEntity,
} from '../../modules/facility/facility.entity';
import { OrganisationEntity } from '../../modules/organisation/organisation.entity';
import { MembershipEntity, UserEntity } from '../../modules/user/user.entity';

/**
 * The fictional demo network. Organisation and home names follow the public material about the partners;
 * every person, address and number here is invented.
 */
export const DEMO_PASSWORD = 'sahayog-demo';

interface DemoUnit {
  name: string;
  sex: Sex;
  minAge: number;
  maxAge: number;
  capacity: number;
  occupied: number;
}

interface DemoFacility {
  name: string;
  kind: FacilityKind;
  district: string;
  state: string;
  country: string;
  address: string;
  services: Service[];
  units: DemoUnit[];
}

interface DemoOrganisation {
  shortName: string;
  name: string;
  kind: OrganisationKind;
  country: string;
  region: string;
  /** Invented staff names, one per demo role account. */
  staff: [admin: string, caseworker: string, coordinator: string, liaison: string, viewer: string];
  facilities: DemoFacility[];
}

const WB = { state: 'West Bengal', country: 'IN' };
const {
  SHELTER,
  MEDICAL,
  COUNSELLING,
  LEGAL_AID,
  EDUCATION,
  VOCATIONAL_TRAINING,
  FAMILY_TRACING,
  REPATRIATION_SUPPORT,
} = Service;

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    shortName: 'JKPS',
    name: 'Jatiyo Kristyo Prochar Samity',
    kind: OrganisationKind.NGO,
    country: 'IN',
    region: 'West Bengal',
    staff: ['Ruma Biswas', 'Tanushree Mondal', 'Sampa Halder', 'Abhijit Sarkar', 'Nilanjana Dey'],
    facilities: [
      {
        name: 'Ashaloy Centre',
        kind: FacilityKind.DROP_IN_CENTRE,
        district: 'Kolkata',
        ...WB,
        address: 'Demo address 1, Sonagachi, Kolkata 700005',
        services: [MEDICAL, COUNSELLING, EDUCATION],
        units: [
          {
            name: 'Emergency night beds, girls 5-14',
            sex: Sex.FEMALE,
            minAge: 5,
            maxAge: 14,
            capacity: 6,
            occupied: 6,
          },
        ],
      },
    ],
  },
  {
    shortName: 'MAHIMA',
    name: 'Mahima Homes (JKPS)',
    kind: OrganisationKind.NGO,
    country: 'IN',
    region: 'West Bengal',
    staff: ['Sunita Baroi', 'Mousumi Naskar', 'Priyanka Mistry', 'Dipankar Roy', 'Shreya Paul'],
    facilities: [
      {
        name: 'Mahima Umang',
        kind: FacilityKind.AFTERCARE_HOME,
        district: 'Kolkata',
        ...WB,
        address: 'Demo address 2, Kolkata 700010',
        services: [SHELTER, COUNSELLING, MEDICAL, EDUCATION, LEGAL_AID],
        units: [{ name: 'Girls 13-17', sex: Sex.FEMALE, minAge: 13, maxAge: 17, capacity: 14, occupied: 11 }],
      },
      {
        name: 'Mahima Umeed',
        kind: FacilityKind.AFTERCARE_HOME,
        district: 'Kolkata',
        ...WB,
        address: 'Demo address 3, Kolkata 700015',
        services: [SHELTER, COUNSELLING, MEDICAL, EDUCATION],
        units: [{ name: 'Girls 8-12', sex: Sex.FEMALE, minAge: 8, maxAge: 12, capacity: 12, occupied: 10 }],
      },
      {
        name: 'Mahima Udaan',
        kind: FacilityKind.AFTERCARE_HOME,
        district: 'North 24 Parganas',
        ...WB,
        address: 'Demo address 4, Barasat 700124',
        services: [SHELTER, COUNSELLING, VOCATIONAL_TRAINING, EDUCATION],
        units: [{ name: 'Girls 14-17', sex: Sex.FEMALE, minAge: 14, maxAge: 17, capacity: 10, occupied: 10 }],
      },
      {
        name: "Premanand Boys' Home",
        kind: FacilityKind.CHILDREN_HOME,
        district: 'Kolkata',
        ...WB,
        address: 'Demo address 5, Kolkata 700039',
        services: [SHELTER, COUNSELLING, EDUCATION],
        units: [{ name: 'Boys 6-17', sex: Sex.MALE, minAge: 6, maxAge: 17, capacity: 15, occupied: 13 }],
      },
    ],
  },
  {
    shortName: 'NEWLIGHT',
    name: 'New Light',
    kind: OrganisationKind.NGO,
    country: 'IN',
    region: 'West Bengal',
    staff: ['Rita Chatterjee', 'Jhuma Das', 'Papiya Sen', 'Arnab Mukherjee', 'Koyel Basu'],
    facilities: [
      {
        name: 'New Light Kalighat Creche-cum-Shelter',
        kind: FacilityKind.SHELTER_HOME,
        district: 'Kolkata',
        ...WB,
        address: 'Demo address 6, Kalighat, Kolkata 700026',
        services: [SHELTER, EDUCATION, MEDICAL, COUNSELLING],
        units: [
          { name: 'Girls 3-12', sex: Sex.FEMALE, minAge: 3, maxAge: 12, capacity: 20, occupied: 18 },
          { name: 'Boys 3-12', sex: Sex.MALE, minAge: 3, maxAge: 12, capacity: 15, occupied: 15 },
        ],
      },
      {
        name: 'New Light Rural Rescue Home',
        kind: FacilityKind.RESCUE_HOME,
        district: 'South 24 Parganas',
        ...WB,
        address: 'Demo address 7, South 24 Parganas 743503',
        services: [SHELTER, COUNSELLING, LEGAL_AID, VOCATIONAL_TRAINING, REPATRIATION_SUPPORT, FAMILY_TRACING],
        units: [{ name: 'Women and girls 14-35', sex: Sex.FEMALE, minAge: 14, maxAge: 35, capacity: 25, occupied: 19 }],
      },
    ],
  },
  {
    shortName: 'CWC-KOLKATA',
    name: 'Child Welfare Committee, Kolkata',
    kind: OrganisationKind.GOVERNMENT,
    country: 'IN',
    region: 'West Bengal',
    staff: ['Madhumita Ghosh', 'Soma Bhattacharya', 'Rina Pal', 'Subhash Kar', 'Mita Saha'],
    facilities: [],
  },
  {
    shortName: 'BD-PARTNER',
    name: 'Khulna Partner Shelter (fictional)',
    kind: OrganisationKind.FOREIGN_PARTNER,
    country: 'BD',
    region: 'Khulna',
    staff: ['Nasrin Akter', 'Farzana Khatun', 'Shirin Sultana', 'Kamrul Hasan', 'Taslima Begum'],
    facilities: [
      {
        name: 'Khulna Transit Shelter',
        kind: FacilityKind.TRANSIT_CENTRE,
        district: 'Khulna',
        state: 'Khulna',
        country: 'BD',
        address: 'Demo address 8, Khulna 9100',
        services: [SHELTER, FAMILY_TRACING, REPATRIATION_SUPPORT, COUNSELLING],
        units: [{ name: 'Girls and women 10-30', sex: Sex.FEMALE, minAge: 10, maxAge: 30, capacity: 16, occupied: 9 }],
      },
    ],
  },
  {
    shortName: 'NP-PARTNER',
    name: 'Bagmati Partner Home (fictional)',
    kind: OrganisationKind.FOREIGN_PARTNER,
    country: 'NP',
    region: 'Bagmati',
    staff: ['Sarita Tamang', 'Anjali Shrestha', 'Maya Gurung', 'Binod Lama', 'Sunita Thapa'],
    facilities: [
      {
        name: 'Kathmandu Transit Home',
        kind: FacilityKind.TRANSIT_CENTRE,
        district: 'Kathmandu',
        state: 'Bagmati',
        country: 'NP',
        address: 'Demo address 9, Kathmandu 44600',
        services: [SHELTER, FAMILY_TRACING, REPATRIATION_SUPPORT, MEDICAL],
        units: [{ name: 'Girls and women 10-30', sex: Sex.FEMALE, minAge: 10, maxAge: 30, capacity: 12, occupied: 12 }],
      },
    ],
  },
];

/** The platform's own organisation: home of the network administrators, with no facilities or survivors. */
export const NETWORK_SECRETARIAT = {
  shortName: 'SAHAYOG',
  name: 'Sahayog Network Secretariat',
  kind: OrganisationKind.NGO,
  country: 'IN',
  region: 'West Bengal',
};

const ROLE_ACCOUNTS: [prefix: string, role: Role][] = [
  ['admin', Role.ORG_ADMIN],
  ['caseworker', Role.CASEWORKER],
  ['coordinator', Role.SHELTER_COORDINATOR],
  ['liaison', Role.REPATRIATION_LIAISON],
  ['viewer', Role.VIEWER],
];

export interface DemoAccount {
  email: string;
  displayName: string;
  organisation: string;
  role: Role;
}

export function demoAccounts(): DemoAccount[] {
  const accounts = DEMO_ORGANISATIONS.flatMap((org) =>
    ROLE_ACCOUNTS.map(([prefix, role], index) => ({
      email: `${prefix}@${org.shortName.toLowerCase()}.demo`,
      displayName: org.staff[index] as string,
      organisation: org.shortName,
      role,
    })),
  );
  accounts.push({
    email: 'network@sahayog.demo',
    displayName: 'Network Administrator',
    organisation: NETWORK_SECRETARIAT.shortName,
    role: Role.NETWORK_ADMIN,
  });
  return accounts;
}

async function insertOrganisation(
  manager: EntityManager,
  org: Omit<DemoOrganisation, 'staff' | 'facilities'>,
): Promise<string> {
  const { identifiers } = await manager.insert(OrganisationEntity, {
    shortName: org.shortName,
    name: org.name,
    kind: org.kind,
    country: org.country,
    region: org.region,
  });
  return identifiers[0]?.['id'] as string;
}

async function insertFacility(manager: EntityManager, organisationId: string, facility: DemoFacility): Promise<void> {
  const { units, ...fields } = facility;
  const { identifiers } = await manager.insert(FacilityEntity, { ...fields, organisationId });
  const facilityId = identifiers[0]?.['id'] as string;
  for (const unit of units) {
    const inserted = await manager.insert(BedUnitEntity, { ...unit, held: 0, organisationId, facilityId });
    await manager.insert(BedUnitHistoryEntity, {
      organisationId,
      bedUnitId: inserted.identifiers[0]?.['id'] as string,
      at: new Date(),
      actorUserId: null,
      reason: BedChangeReason.CREATED,
      before: null,
      after: { capacity: unit.capacity, occupied: unit.occupied, held: 0 },
      note: 'demo network',
    });
  }
}

/** Seeds the demo network into an empty database; answers false (and writes nothing) otherwise. */
export async function seedDemoNetwork(dataSource: DataSource): Promise<boolean> {
  const passwordHashes = new Map<string, string>();
  const accounts = demoAccounts();
  await Promise.all(
    accounts.map(async (account) => passwordHashes.set(account.email, await hashPassword(DEMO_PASSWORD))),
  );
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(OrganisationEntity)) > 0) return false;
    const organisationIds = new Map<string, string>();
    organisationIds.set(NETWORK_SECRETARIAT.shortName, await insertOrganisation(manager, NETWORK_SECRETARIAT));
    for (const org of DEMO_ORGANISATIONS) {
      const id = await insertOrganisation(manager, org);
      organisationIds.set(org.shortName, id);
      for (const facility of org.facilities) await insertFacility(manager, id, facility);
    }
    for (const account of accounts) {
      const { identifiers } = await manager.insert(UserEntity, {
        email: account.email,
        displayName: account.displayName,
        passwordHash: passwordHashes.get(account.email) as string,
      });
      await manager.insert(MembershipEntity, {
        organisationId: organisationIds.get(account.organisation) as string,
        userId: identifiers[0]?.['id'] as string,
        roles: [account.role],
      });
    }
    return true;
  });
}
