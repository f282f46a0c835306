import { DEMO_PASSWORD as SEEDED_PASSWORD, demoAccounts } from '@sahayog/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo-accounts';

describe('the demo accounts listed on the sign-in page', () => {
  it('are exactly the demo network seeded by core, with its password', () => {
    const seeded = demoAccounts().map(({ email, organisation, role }) => ({ email, organisation, role }));
    expect([...DEMO_ACCOUNTS]).toEqual(seeded);
    expect(DEMO_PASSWORD).toBe(SEEDED_PASSWORD);
  });
});
