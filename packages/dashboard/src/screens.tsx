import type { ReactNode } from 'react';
import { Account } from './admin/Account';
import { Facilities } from './admin/Facilities';
import { Organisations } from './admin/Organisations';
import { Staff } from './admin/Staff';
import type { LiveConnection } from './apollo';
import { BedBoard } from './BedBoard';
import { AuditTrail } from './casework/AuditTrail';
import { RepatriationCaseScreen } from './casework/RepatriationCase';
import { RepatriationCases } from './casework/RepatriationCases';
import { UnitHistory } from './casework/UnitHistory';
import { AUDIT_ROLES, CASE_ROLES } from './casework/vocabulary';
import type { MessageKey } from './i18n';
import { NewReferral } from './referrals/NewReferral';
import { ReferralDetail } from './referrals/ReferralDetail';
import { ReferralList } from './referrals/ReferralList';
import { REFERRER_ROLES } from './referrals/rules';
import type { Role } from './vocabulary';

/** What every screen may need besides its own queries: the live socket's state and who is signed in. */
export interface ScreenProps {
  live: LiveConnection;
  roles: readonly Role[];
}

export interface Screen {
  /** A react-router path, e.g. `/referrals/:id`. */
  path: string;
  render(props: ScreenProps): ReactNode;
  /** Shown in the navigation under this label; detail screens are reached from their lists instead. */
  nav?: MessageKey;
  /** Only these roles see the entry in the navigation (the API refuses everyone else regardless). */
  roles?: readonly Role[];
}

/** Every screen of the dashboard, in navigation order. */
export const SCREENS: readonly Screen[] = [
  { path: '/', nav: 'navBedBoard', render: ({ live }) => <BedBoard live={live} /> },
  {
    path: '/referrals',
    nav: 'navReferrals',
    render: ({ live, roles }) => <ReferralList live={live} roles={roles} />,
    roles: ['CASEWORKER', 'SHELTER_COORDINATOR', 'ORG_ADMIN', 'VIEWER', 'REPATRIATION_LIAISON'],
  },
  {
    path: '/referrals/new',
    nav: 'navNewReferral',
    render: ({ live }) => <NewReferral live={live} />,
    roles: REFERRER_ROLES,
  },
  { path: '/referrals/:id', render: ({ live }) => <ReferralDetail live={live} /> },
  {
    path: '/repatriation',
    nav: 'navRepatriation',
    roles: CASE_ROLES,
    render: ({ live }) => <RepatriationCases live={live} />,
  },
  { path: '/repatriation/:id', render: ({ live }) => <RepatriationCaseScreen live={live} /> },
  { path: '/audit', nav: 'navAudit', roles: AUDIT_ROLES, render: () => <AuditTrail /> },
  { path: '/units/:unitId', render: ({ live }) => <UnitHistory live={live} /> },
  {
    path: '/admin/organisations',
    nav: 'adminNavOrganisations',
    roles: ['NETWORK_ADMIN'],
    render: () => <Organisations />,
  },
  { path: '/admin/staff', nav: 'adminNavStaff', roles: ['ORG_ADMIN'], render: () => <Staff /> },
  { path: '/admin/facilities', nav: 'adminNavFacilities', roles: ['ORG_ADMIN'], render: () => <Facilities /> },
  { path: '/account', nav: 'adminNavAccount', render: () => <Account /> },
];

export const visibleIn = (screen: Screen, roles: readonly Role[]): boolean =>
  !screen.roles || screen.roles.some((role) => roles.includes(role));
