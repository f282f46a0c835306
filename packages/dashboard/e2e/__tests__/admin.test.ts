import { holdBed, type TestGateway } from '@sahayog/testing';
import type { Locator, Page } from 'playwright-core';
import { BrowserSession, DESKTOP, PHONE, screenshot } from '../browser';

/**
 * Administration in a real browser: a network admin onboards a partner, its first admin accepts the
 * invitation in a second browser and opens a home with a bed unit, which a JKPS caseworker's bed board (a
 * third browser) shows; an organisation admin invites, deactivates and is refused as the last admin.
 */
jest.setTimeout(180_000);

const NEW_ADMIN = { name: 'Mitali Roy-Fictional', email: 'mitali.roy@siliguri.example' };
const NEW_PASSWORD = 'Teesta-river-at-dusk-7';
const FACILITY = 'Siliguri Fictional Shelter';
const UNIT = 'Girls 12-17';

let session: BrowserSession;
let t: TestGateway;
let network: Page;
let invitee: Page;
let jkpsCaseworker: Page;
let invitationUrl: string;

/** Every admin screen at both widths: the page is resized for the second shot and put back. */
async function bothWidths(page: Page, name: string, subject?: Locator): Promise<void> {
  const original = page.viewportSize() ?? DESKTOP;
  for (const size of original.width === PHONE.width ? [PHONE, DESKTOP] : [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await screenshot(page, name, subject);
  }
  await page.setViewportSize(original);
}

async function displayName(email: string): Promise<string> {
  const [row] = await t.sql<{ display_name: string }>(`SELECT display_name FROM app_user WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.display_name;
}

const alertText = (page: Page): Promise<string> => page.getByRole('alert').first().innerText();

beforeAll(async () => {
  session = await BrowserSession.start();
  t = session.gateway;
  [network, invitee, jkpsCaseworker] = await Promise.all([session.desktop(), session.phone(), session.desktop()]);
});

afterAll(async () => {
  await session?.close();
});

describe('a network admin onboards a partner', () => {
  it('lists the organisations with their staff, and refuses a short name already taken as a sentence', async () => {
    await session.signIn(network, 'network@sahayog.demo');
    await network.getByRole('link', { name: 'Organisations' }).click();
    await network.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    const jkps = network.locator('tr[data-organisation="JKPS"]');
    await jkps.waitFor();
    expect(await jkps.innerText()).toMatch(
      /Non-governmental organisation[\s\S]*IN[\s\S]*Active[\s\S]*Accounts: 5 \(5 active\)/,
    );
    await bothWidths(network, 'admin-organisations', jkps);

    await network.getByLabel('Full name').fill('Another JKPS');
    await network.getByLabel('Short name').fill('jkps');
    await network.getByLabel('Country', { exact: true }).fill('IN');
    await network.getByLabel('Name', { exact: true }).fill('Someone Fictional');
    await network.getByLabel('Email address').fill('someone@elsewhere.example');
    await network.getByRole('button', { name: 'Create and invite the admin' }).click();
    await expect(alertText(network)).resolves.toBe(
      'This short name is already used by another organisation. Choose another.',
    );
    expect(await t.sql(`SELECT 1 FROM app_user WHERE email = 'someone@elsewhere.example'`)).toEqual([]);
  });

  it('creates the organisation and shows its first admin’s invitation link once, copyable', async () => {
    await network.getByLabel('Full name').fill('Siliguri Fictional Outreach');
    await network.getByLabel('Short name').fill('siliguri');
    await network.getByLabel('Country', { exact: true }).fill('in');
    await network.getByLabel('State, division or province (optional)').fill('West Bengal');
    await network.getByLabel('Name', { exact: true }).fill(NEW_ADMIN.name);
    await network.getByLabel('Email address').fill(NEW_ADMIN.email);
    await network.getByRole('button', { name: 'Create and invite the admin' }).click();

    const panel = network.getByRole('region', { name: `Invitation link for ${NEW_ADMIN.name}` });
    await panel.waitFor();
    expect(await panel.innerText()).toContain('This link is shown only once.');
    invitationUrl = await network.getByRole('textbox', { name: 'Invitation link', exact: true }).inputValue();
    // 256 random bits, base64url: 43 characters, in the fragment that browsers never send to a server.
    expect(invitationUrl).toMatch(/\/invitation#[\w-]{43}$/);
    expect(invitationUrl.startsWith(session.url('/invitation#'))).toBe(true);
    const origin = new URL(session.url('/')).origin;
    await network.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await network.getByRole('button', { name: 'Copy link' }).click();
    await network.getByText('Copied. Paste it into your message to them.').waitFor();
    expect(await network.evaluate('navigator.clipboard.readText()')).toBe(invitationUrl);
    await bothWidths(network, 'admin-invitation-link');

    const siliguri = network.locator('tr[data-organisation="SILIGURI"]');
    await siliguri.waitFor();
    expect(await siliguri.innerText()).toContain(`Admin ${NEW_ADMIN.name} has not accepted yet`);
    await network.getByRole('button', { name: 'I have copied it: close' }).click();
    await expect(panel.count()).resolves.toBe(0);
  });
});

describe('the new admin accepts the invitation in another browser', () => {
  it('shows the password policy, refuses a common password as a sentence, then signs in', async () => {
    // A shared phone, still signed in as someone else: accepting must end that session on the server too.
    await session.signIn(invitee, 'viewer@newlight.demo');
    await invitee.goto(invitationUrl);
    await invitee.getByRole('heading', { name: 'Set your password' }).waitFor();
    expect(await invitee.getByText('have 12 to 256 characters').count()).toBe(1);
    await bothWidths(invitee, 'admin-accept-invitation');

    await invitee.getByLabel('New password', { exact: true }).fill('password1234');
    await invitee.getByLabel('New password again').fill('password1234');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(alertText(invitee)).resolves.toBe(
      'This password is too easy to guess: it is on the list of common passwords.',
    );

    await invitee.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await invitee.getByLabel('New password again').fill(NEW_PASSWORD);
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await invitee.getByRole('heading', { name: 'Bed board' }).waitFor();
    expect(new URL(invitee.url()).pathname).toBe('/');
    expect(new URL(invitee.url()).hash).toBe('');
    await invitee.getByText(`Signed in as ${NEW_ADMIN.name}, SILIGURI`).waitFor();
    const earlierSessions = await t.sql<{ revoked: boolean }>(
      `SELECT s.revoked_at IS NOT NULL AS revoked FROM app_session s JOIN app_user u ON u.id = s.user_id
        WHERE u.email = 'viewer@newlight.demo'`,
    );
    expect(earlierSessions).toEqual([{ revoked: true }]);
  });

  it('opens a facility with a bed unit, which a JKPS caseworker’s open bed board shows without a reload', async () => {
    await session.signIn(jkpsCaseworker, 'caseworker@jkps.demo');
    await jkpsCaseworker.evaluate("sessionStorage.setItem('not-reloaded', 'yes')");

    // The phone's navigation: Facilities is there for an organisation admin.
    await invitee.getByRole('link', { name: 'Facilities' }).click();
    await invitee.getByText('Your organisation has no facility yet.').waitFor();
    await invitee.getByRole('button', { name: 'New facility' }).click();
    await invitee.getByLabel('Name', { exact: true }).fill(FACILITY);
    await invitee.getByLabel('District').fill('Darjeeling');
    await invitee.getByLabel('State', { exact: true }).fill('West Bengal');
    await invitee.getByLabel('Address').fill('Fictional Lane 4, Siliguri');
    await invitee.getByLabel('Counselling').check();
    await invitee.getByRole('button', { name: 'Create facility' }).click();
    await invitee.getByRole('heading', { name: FACILITY }).waitFor();

    await invitee.getByRole('button', { name: `Add a bed unit to ${FACILITY}` }).click();
    const form = invitee.getByRole('form', { name: `Add a bed unit to ${FACILITY}` });
    await form.getByLabel('Unit').fill(UNIT);
    await form.getByLabel('Youngest age').fill('17');
    await form.getByLabel('Oldest age').fill('12');
    await form.getByLabel('Capacity').fill('8');
    await form.getByLabel('Occupied').fill('3');
    await form.getByRole('button', { name: 'Add unit' }).click();
    await expect(alertText(invitee)).resolves.toBe('The youngest age must not be above the oldest age.');
    await form.getByLabel('Youngest age').fill('12');
    await form.getByLabel('Oldest age').fill('17');
    await screenshot(invitee, 'admin-facilities-adding-unit', form);
    await form.getByRole('button', { name: 'Add unit' }).click();
    await invitee.locator(`tr[data-unit="${UNIT}"]`).waitFor();
    expect(await invitee.locator(`tr[data-unit="${UNIT}"]`).innerText()).toMatch(/Female, ages 12–17[\s\S]*8[\s\S]*3/);
    await bothWidths(invitee, 'admin-facilities', invitee.locator(`tr[data-unit="${UNIT}"]`));

    const boardRow = jkpsCaseworker.locator('tr', { hasText: UNIT }).filter({ hasText: FACILITY });
    await boardRow.locator('.availability', { hasText: /^5 free$/ }).waitFor();
    expect(await boardRow.innerText()).toContain('SILIGURI');
    expect(await jkpsCaseworker.evaluate("sessionStorage.getItem('not-reloaded')")).toBe('yes');
    // Other partners see the district, never the address.
    expect(await boardRow.innerText()).not.toContain('Fictional Lane');
  });

  it('changes their own password on the account page, refusing a wrong current one as a sentence', async () => {
    await invitee.getByRole('link', { name: 'My account' }).click();
    await invitee.getByRole('heading', { name: 'Change your password' }).waitFor();
    await invitee.getByLabel('Current password').fill('Not-my-password-0');
    await invitee.getByLabel('New password', { exact: true }).fill('Mahananda-morning-22');
    await invitee.getByLabel('New password again').fill('Mahananda-morning-22');
    await invitee.getByRole('button', { name: 'Change password' }).click();
    await expect(alertText(invitee)).resolves.toBe('The current password is not right. Nothing was changed.');
    await bothWidths(invitee, 'admin-account');

    await invitee.getByLabel('Current password').fill(NEW_PASSWORD);
    await invitee.getByRole('button', { name: 'Change password' }).click();
    await invitee.getByText('Your password has been changed.').waitFor();
    await t.signIn(NEW_ADMIN.email, 'Mahananda-morning-22');
    // Its organisation is deactivated next; this browser's part of the story ends here.
    await invitee.close();
  });
});

describe('the network admin deactivates and reactivates the partner', () => {
  it('explains the consequences before deactivating, and the partner’s admin is then refused', async () => {
    await network.getByRole('button', { name: 'Deactivate Siliguri Fictional Outreach (SILIGURI)' }).click();
    const confirm = network.getByRole('group', { name: 'Deactivate Siliguri Fictional Outreach (SILIGURI)' });
    expect(await confirm.innerText()).toContain('cannot sign in');
    expect(await confirm.innerText()).toContain('leave the bed board');
    await screenshot(network, 'admin-organisation-deactivate', confirm);
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    const siliguri = network.locator('tr[data-organisation="SILIGURI"]');
    await siliguri.getByText('Deactivated').waitFor();

    await jkpsCaseworker.reload();
    await jkpsCaseworker.getByRole('heading', { name: 'Bed board' }).waitFor();
    await jkpsCaseworker.locator('.count').waitFor();
    expect(await jkpsCaseworker.getByText(FACILITY).count()).toBe(0);

    await network.getByRole('button', { name: 'Reactivate Siliguri Fictional Outreach (SILIGURI)' }).click();
    await network
      .getByRole('group', { name: 'Reactivate Siliguri Fictional Outreach (SILIGURI)' })
      .getByRole('button', { name: 'Reactivate' })
      .click();
    await siliguri.getByText('Active', { exact: true }).waitFor();
  });
});

describe('an organisation admin runs their staff', () => {
  let admin: Page;

  beforeAll(async () => {
    admin = await session.desktop();
    await session.signIn(admin, 'admin@jkps.demo');
    await admin.getByRole('link', { name: 'Staff' }).click();
    await admin.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
  });

  it('invites a colleague, shows the link once, and can make a new one', async () => {
    await admin.getByLabel('Name', { exact: true }).fill('Sabina Khatun-Fictional');
    await admin.getByLabel('Email address').fill('sabina.khatun@jkps.example');
    await admin.getByLabel('Caseworker').check();
    await admin.getByRole('button', { name: 'Invite', exact: true }).click();
    await admin.getByRole('region', { name: 'Invitation link for Sabina Khatun-Fictional' }).waitFor();
    const first = await admin.getByRole('textbox', { name: 'Invitation link', exact: true }).inputValue();
    await admin.getByRole('button', { name: 'I have copied it: close' }).click();

    const row = admin.locator('tr[data-user="sabina.khatun@jkps.example"]');
    expect(await row.innerText()).toMatch(/Caseworker[\s\S]*Invitation not yet accepted/);
    await admin.getByRole('button', { name: 'New invitation link for Sabina Khatun-Fictional' }).click();
    await admin.getByRole('region', { name: 'Invitation link for Sabina Khatun-Fictional' }).waitFor();
    expect(await admin.getByRole('textbox', { name: 'Invitation link', exact: true }).inputValue()).not.toBe(first);
    await admin.getByRole('button', { name: 'I have copied it: close' }).click();
  });

  it('deactivates a colleague after saying what that means', async () => {
    const viewer = await displayName('viewer@jkps.demo');
    await admin.getByRole('button', { name: `Deactivate ${viewer}` }).click();
    const confirm = admin.getByRole('group', { name: `Deactivate ${viewer}` });
    expect(await confirm.innerText()).toContain('cannot sign in until reactivated');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await admin.locator('tr[data-user="viewer@jkps.demo"]').getByText('Deactivated').waitFor();
    const [membership] = await t.sql<{ active: boolean }>(
      `SELECT m.active FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = 'viewer@jkps.demo'`,
    );
    expect(membership).toEqual({ active: false });
    await bothWidths(admin, 'admin-staff', admin.locator('tr[data-user="viewer@jkps.demo"]'));
  });

  it('refuses to let the last organisation admin give up the role, as a sentence', async () => {
    const self = await displayName('admin@jkps.demo');
    await admin.getByRole('button', { name: `Change roles of ${self}` }).click();
    const form = admin.getByRole('form', { name: `Change roles of ${self}` });
    await form.getByLabel('Organisation admin').uncheck();
    await form.getByLabel('Caseworker').check();
    await form.getByRole('button', { name: 'Save roles' }).click();
    await expect(alertText(admin)).resolves.toContain('This is the last active organisation admin.');
    await screenshot(admin, 'admin-staff-last-admin', form);
    const [roles] = await t.sql<{ roles: string[] }>(
      `SELECT m.roles FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = 'admin@jkps.demo'`,
    );
    expect(roles?.roles).toContain('ORG_ADMIN');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the staff screen in Bengali', async () => {
    await admin.getByLabel('Language').selectOption('bn');
    await admin.getByRole('heading', { name: 'কর্মী', level: 1 }).waitFor();
    await screenshot(admin, 'admin-staff-bengali');
    await admin.getByLabel('ভাষা').selectOption('en');
    await admin.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
  });
});

describe('facilities holding beds', () => {
  it('refuses to deactivate a home with beds held for accepted referrals, listing them', async () => {
    const acceptReferral = await holdBed(
      t,
      {
        caseworker: await t.signIn('caseworker@jkps.demo'),
        coordinator: await t.signIn('coordinator@mahima.demo'),
        toOrganisation: 'MAHIMA',
      },
      'Mahima Umeed',
      'Tumpa Demo-Fictional',
    );

    const mahima = await session.phone();
    await session.signIn(mahima, 'admin@mahima.demo');
    await mahima.getByRole('link', { name: 'Facilities' }).click();
    await mahima.getByRole('button', { name: 'Deactivate Mahima Umeed' }).click();
    await mahima
      .getByRole('group', { name: 'Deactivate Mahima Umeed' })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    const alert = mahima.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('cannot be deactivated while beds in it are held');
    expect(await alert.getByRole('listitem').allInnerTexts()).toEqual([acceptReferral.code]);
    await screenshot(mahima, 'admin-facility-beds-held', alert);
    const [umeed] = await t.sql<{ active: boolean }>(`SELECT active FROM facility WHERE name = 'Mahima Umeed'`);
    expect(umeed).toEqual({ active: true });
  });

  it('logged no script, policy or network error in any browser', () => {
    expect(session.errors).toEqual([]);
  });
});
