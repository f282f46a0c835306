/**
 * The fictional demo network's sign-in accounts, shown on the sign-in page in demo mode. The browser bundle
 * cannot import @sahayog/core (it carries the database layer), so the list lives here; a test checks it
 * against core's demoAccounts() so the two never drift apart.
 */
export const DEMO_PASSWORD = 'sahayog-demo';

export type DemoRole =
  'ORG_ADMIN' | 'CASEWORKER' | 'SHELTER_COORDINATOR' | 'REPATRIATION_LIAISON' | 'VIEWER' | 'NETWORK_ADMIN';

export interface DemoAccount {
  email: string;
  organisation: string;
  role: DemoRole;
}

const DEMO_ORGANISATIONS = ['JKPS', 'MAHIMA', 'NEWLIGHT', 'CWC-KOLKATA', 'BD-PARTNER', 'NP-PARTNER'] as const;

const ROLE_PREFIXES: ReadonlyArray<readonly [string, DemoRole]> = [
  ['admin', 'ORG_ADMIN'],
  ['caseworker', 'CASEWORKER'],
  ['coordinator', 'SHELTER_COORDINATOR'],
  ['liaison', 'REPATRIATION_LIAISON'],
  ['viewer', 'VIEWER'],
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...DEMO_ORGANISATIONS.flatMap((organisation) =>
    ROLE_PREFIXES.map(([prefix, role]) => ({
      email: `${prefix}@${organisation.toLowerCase()}.demo`,
      organisation,
      role,
    })),
  ),
  { email: 'network@sahayog.demo', organisation: 'SAHAYOG', role: 'NETWORK_ADMIN' },
];
