import { lazy, type ComponentType, type ReactNode } from 'react';
import type { LiveConnection } from './apollo';
import { BedBoard } from './BedBoard';
import { AUDIT_ROLES, CASE_ROLES } from './casework/vocabulary';
import type { MessageKey } from './i18n';
import { REFERRER_ROLES } from './referrals/rules';
import type { Role } from './vocabulary';

/**
 * A screen loaded on first visit, in its own chunk: the bed board, where everyone lands, does not wait for
 * the code of the screens a phone may never open. App.tsx shows a loading notice meanwhile.
 */
function onDemand<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  return lazy(async () => ({ default: await load() }));
}

const ReferralList = onDemand(() => import('./referrals/ReferralList').then((m) => m.ReferralList));
const NewReferral = onDemand(() => import('./referrals/NewReferral').then((m) => m.NewReferral));
const ReferralDetail = onDemand(() => import('./referrals/ReferralDetail').then((m) => m.ReferralDetail));
const RepatriationCases = onDemand(() => import('./casework/RepatriationCases').then((m) => m.RepatriationCases));
const NewRepatriationCase = onDemand(() => import('./casework/NewRepatriationCase').then((m) => m.NewRepatriationCase));
const RepatriationCaseScreen = onDemand(() =>
  import('./casework/RepatriationCase').then((m) => m.RepatriationCaseScreen),
);
const AuditTrail = onDemand(() => import('./casework/AuditTrail').then((m) => m.AuditTrail));
const UnitHistory = onDemand(() => import('./casework/UnitHistory').then((m) => m.UnitHistory));
const Organisations = onDemand(() => import('./admin/Organisations').then((m) => m.Organisations));
const Staff = onDemand(() => import('./admin/Staff').then((m) => m.Staff));
const Facilities = onDemand(() => import('./admin/Facilities').then((m) => m.Facilities));
const Account = onDemand(() => import('./admin/Account').then((m) => m.Account));

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
  {
    path: '/repatriation/new',
    nav: 'navNewRepatriation',
    roles: CASE_ROLES,
    render: () => <NewRepatriationCase />,
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
