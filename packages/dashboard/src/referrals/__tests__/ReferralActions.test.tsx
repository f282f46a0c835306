import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { ReferralDetailsFragment, ReferralStatus, Role } from '../../gql/graphql';
import { LanguageProvider } from '../../i18n';
import { DeclineReferralMutation } from '../operations';
import { ReferralActions } from '../ReferralActions';
import { availableActions, type Viewer } from '../rules';

const JKPS = 'a0000000-0000-4000-8000-000000000001';
const MAHIMA = 'a0000000-0000-4000-8000-000000000002';
const NEWLIGHT = 'a0000000-0000-4000-8000-000000000003';

/** A fictional referral from JKPS to MAHIMA, as the detail screen receives it. */
function referral(status: ReferralStatus): ReferralDetailsFragment {
  return {
    id: 'b0000000-0000-4000-8000-000000000001',
    code: 'JKPS-R-2026-0001',
    status,
    urgency: 'URGENT',
    needs: ['SHELTER'],
    summary: 'Fictional.',
    holdExpiresAt: null,
    declineReason: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    subject: {
      id: 'c0000000-0000-4000-8000-000000000001',
      code: 'JKPS-2026-0001',
      sex: 'FEMALE',
      age: 10,
      isMinor: true,
      nationality: 'IN',
      organisation: { id: JKPS, shortName: 'JKPS' },
      identity: null,
    },
    heldUnit: null,
    events: [],
    fromOrganisation: { id: JKPS, shortName: 'JKPS' },
    toOrganisation: { id: MAHIMA, shortName: 'MAHIMA' },
    toFacility: null,
  };
}

const viewer = (organisationId: string, ...roles: Role[]): Viewer => ({ organisationId, roles });

describe('the steps a viewer may take on a referral', () => {
  it.each([
    ['the receiving coordinator, submitted', 'SUBMITTED', viewer(MAHIMA, 'SHELTER_COORDINATOR'), ['accept', 'decline']],
    ['the sending caseworker, submitted', 'SUBMITTED', viewer(JKPS, 'CASEWORKER'), ['withdraw']],
    ['the sending admin, submitted (only caseworkers withdraw)', 'SUBMITTED', viewer(JKPS, 'ORG_ADMIN'), []],
    ['the receiving coordinator, accepted', 'ACCEPTED', viewer(MAHIMA, 'SHELTER_COORDINATOR'), ['complete']],
    ['the receiving admin, accepted', 'ACCEPTED', viewer(MAHIMA, 'ORG_ADMIN'), ['complete', 'cancel']],
    ['the sending caseworker, accepted', 'ACCEPTED', viewer(JKPS, 'CASEWORKER'), ['cancel']],
    ['a viewer of the receiver', 'SUBMITTED', viewer(MAHIMA, 'VIEWER'), []],
    ['a third organisation', 'SUBMITTED', viewer(NEWLIGHT, 'CASEWORKER', 'ORG_ADMIN'), []],
    ['anyone, once completed', 'COMPLETED', viewer(MAHIMA, 'ORG_ADMIN', 'CASEWORKER'), []],
  ] as const)('%s', (_name, status, who, expected) => {
    expect(availableActions(referral(status), who)).toEqual(expected);
  });
});

function renderActions(
  status: ReferralStatus,
  who: Viewer,
  mocks: MockLink.MockedResponse[] = [],
  title = 'What you can do',
) {
  const onSettled = jest.fn();
  render(
    <LanguageProvider>
      <MockedProvider mocks={mocks}>
        <ReferralActions referral={referral(status)} viewer={who} onSettled={onSettled} />
      </MockedProvider>
    </LanguageProvider>,
  );
  return { onSettled, panel: screen.getByRole('region', { name: title }) };
}

describe('the actions panel', () => {
  beforeEach(() => localStorage.clear());

  it('offers the receiving coordinator accept and decline', () => {
    const { panel } = renderActions('SUBMITTED', viewer(MAHIMA, 'SHELTER_COORDINATOR'));
    expect(
      within(panel)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Accept', 'Decline']);
  });

  it('tells a viewer there is nothing for them to do', () => {
    const { panel } = renderActions('SUBMITTED', viewer(MAHIMA, 'VIEWER'));
    expect(within(panel).queryAllByRole('button')).toEqual([]);
    expect(panel.textContent).toContain('There is nothing for you to do on this referral now.');
  });

  it('asks for a reason before declining, without a request', async () => {
    const user = userEvent.setup();
    const { onSettled } = renderActions('SUBMITTED', viewer(MAHIMA, 'SHELTER_COORDINATOR'));
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    const form = screen.getByRole('form', { name: 'Decline' });
    await user.click(within(form).getByRole('button', { name: 'Decline' }));
    expect(within(form).getByText('Give a reason.')).toBeTruthy();
    expect(within(form).getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(onSettled).not.toHaveBeenCalled();
  });

  it('shows a refused step as a sentence with the current status, and re-reads the referral', async () => {
    const user = userEvent.setup();
    const refused: MockLink.MockedResponse = {
      request: {
        query: DeclineReferralMutation,
        variables: { id: referral('SUBMITTED').id, reason: 'No bed for her age group.' },
      },
      result: {
        errors: [
          new GraphQLError('A withdrawn referral cannot be declined.', {
            extensions: { code: 'INVALID_TRANSITION', status: 'WITHDRAWN' },
          }),
        ],
      },
    };
    const { onSettled } = renderActions('SUBMITTED', viewer(MAHIMA, 'SHELTER_COORDINATOR'), [refused]);
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await user.type(screen.getByLabelText('Reason'), '  No bed for her age group. ');
    await user.click(within(screen.getByRole('form', { name: 'Decline' })).getByRole('button', { name: 'Decline' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'This step is not possible at this stage. Refresh to see the latest state. The referral is now: Withdrawn.',
    );
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('form', { name: 'Decline' })).toBeNull();
  });

  it('speaks Bengali when the viewer chose it', () => {
    localStorage.setItem('sahayog.language', 'bn');
    const { panel } = renderActions('ACCEPTED', viewer(JKPS, 'CASEWORKER'), [], 'আপনি যা করতে পারেন');
    expect(document.documentElement.lang).toBe('bn');
    expect(within(panel).getByRole('button').textContent).toBe('রেফারেল বাতিল করুন');
  });
});
