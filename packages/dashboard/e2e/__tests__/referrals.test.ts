import {
  CREATE_REFERRAL,
  WITHDRAW,
  organisationId,
  registerSubject,
  type GraphQLClient,
  type ReferralView,
  type TestGateway,
} from '@sahayog/testing';
import type { Locator, Page, Request } from 'playwright-core';
import { BrowserSession, screenshot } from '../browser';

/**
 * Issue 5's acceptance story in Chromium: a JKPS caseworker registers a girl and refers her to Mahima Umeed;
 * a MAHIMA coordinator in another browser sees it arrive live and accepts it into a unit; both see the held
 * bed on the bed board without reloading; NEWLIGHT sees neither the referral nor her name; Bengali works.
 * Access tokens live 75 s here, so the dashboard renews the session (refreshSession) during the story.
 */
jest.setTimeout(180_000);

/** Fictional, like every person in this repository. */
const GIRL = 'Asha Fictional-Testcase';
const ACCESS_TOKEN_SECONDS = 75;

let session: BrowserSession;
let t: TestGateway;
let jkps: Page;
let jkpsBedBoard: Page;
let mahima: Page;
let newlight: Page;
let referralId: string;
let referralCode: string;
let heldBefore: number;
let firstJkpsToken: string;
/** Session renewals the JKPS caseworker's browser made, in either of her tabs. */
let renewals = 0;

async function umeed(): Promise<{ id: string; held: number }> {
  const [row] = await t.sql<{ id: string; held: number }>(
    `SELECT u.id, u.held FROM bed_unit u JOIN facility f ON f.id = u.facility_id
      WHERE f.name = 'Mahima Umeed' AND u.name = 'Girls 8-12'`,
  );
  if (!row) throw new Error('no Mahima Umeed unit');
  return row;
}

const accessToken = (page: Page): Promise<string> =>
  page.evaluate("JSON.parse(localStorage.getItem('sahayog.session') ?? '{}').accessToken ?? ''");

const heldCell = (page: Page, unitId: string): Locator =>
  page.locator(`tr[data-unit-id="${unitId}"] td[data-label="Held"]`);

const isRenewal = (request: Request): boolean => request.postData()?.includes('refreshSession') ?? false;

const referralRow = (page: Page, id: string): Locator => page.locator(`tr[data-referral-id="${id}"]`);

async function navigate(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: label, exact: true }).click();
}

beforeAll(async () => {
  session = await BrowserSession.start({ accessTokenTtlSeconds: ACCESS_TOKEN_SECONDS });
  t = session.gateway;
  jkps = await session.desktop();
  jkps.context().on('requestfinished', (request) => {
    if (isRenewal(request)) renewals += 1;
  });
  mahima = await session.desktop();
  newlight = await session.phone();
  heldBefore = (await umeed()).held;
});

afterAll(async () => {
  await session?.close();
});

describe('referrals in the dashboard', () => {
  it('has the MAHIMA coordinator watching the inbox while a JKPS caseworker starts a referral', async () => {
    await session.signIn(mahima, 'coordinator@mahima.demo');
    await navigate(mahima, 'Referrals');
    await mahima.getByRole('heading', { name: 'Referrals received' }).waitFor();
    await mahima.evaluate("sessionStorage.setItem('not-reloaded', 'yes')");
    // A coordinator refers no one: the new-referral entry is for caseworkers.
    expect(await mahima.getByRole('link', { name: 'New referral' }).count()).toBe(0);

    await session.signIn(jkps, 'caseworker@jkps.demo');
    firstJkpsToken = await accessToken(jkps);
    await jkps.evaluate("sessionStorage.setItem('not-reloaded', 'yes')");
    jkpsBedBoard = await jkps.context().newPage();
    await jkpsBedBoard.goto(session.url('/'));
    await heldCell(jkpsBedBoard, (await umeed()).id).waitFor();
    await jkpsBedBoard.evaluate("sessionStorage.setItem('not-reloaded', 'yes')");

    await navigate(jkps, 'New referral');
    await jkps.getByRole('heading', { name: 'New referral' }).waitFor();
    // Only the entry of the screen shown is marked current, not the referral lists above it.
    const current = jkps.getByRole('navigation').locator('[aria-current="page"]');
    expect(await current.allInnerTexts()).toEqual(['New referral']);
    await screenshot(jkps, 'referral-new');
  });

  it('registers a girl, refuses her own consent as a child with a sentence, and sends the referral', async () => {
    await jkps.getByLabel('Register a new person').check();
    await jkps.getByLabel('Full name').fill(GIRL);
    await jkps.getByLabel('Age (years)').fill('10');
    await jkps.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Mahima Homes (JKPS) (MAHIMA)' });
    await jkps.getByLabel('Facility').selectOption({ label: 'Mahima Umeed' });
    const unit = await umeed();
    const liveUnit = jkps.locator(`.receiver-units tr[data-unit-id="${unit.id}"]`);
    await liveUnit.getByText('Suits her').waitFor();
    await jkps.getByLabel('Given by').selectOption('SUBJECT');
    await jkps.getByLabel('Summary').fill('Rescued tonight at Howrah station; needs a safe bed and a medical check.');
    await jkps.getByLabel('Medical care').check();
    await screenshot(jkps, 'referral-new-filled');
    await jkps.getByRole('button', { name: 'Send referral' }).click();

    await jkps.getByRole('alert').getByText('A child cannot consent alone').waitFor();
    await screenshot(jkps, 'referral-new-refused');
    // She was registered once; the form now refers her, so a second attempt registers nobody new.
    await jkps.getByText(/^Chosen: JKPS-\d{4}-\d{4,}, Asha Fictional-Testcase$/).waitFor();
    expect(await jkps.getByLabel('A person already registered').isChecked()).toBe(true);

    await jkps.getByLabel('Given by').selectOption('GUARDIAN');
    await jkps.getByRole('button', { name: 'Send referral' }).click();
    await jkps.getByRole('heading', { name: /^Referral JKPS-R-\d{4}-\d{4,}$/ }).waitFor();
    referralId = new URL(jkps.url()).pathname.split('/').at(-1) ?? '';
    referralCode = (await jkps.getByRole('heading', { level: 1 }).innerText()).replace('Referral ', '');
    const [subjects] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM subject s JOIN referral r ON r.subject_id = s.id WHERE r.id = $1`,
      [referralId],
    );
    expect(subjects?.n).toBe('1');
    expect(await jkps.locator('[data-identity="fullName"]').innerText()).toBe(GIRL);
    await jkps.getByText('Awaiting answer').first().waitFor();
    // The sender may withdraw while it awaits an answer, and nothing else.
    const actions = jkps.getByRole('region', { name: 'What you can do' });
    expect(await actions.getByRole('button').allInnerTexts()).toEqual(['Withdraw']);
    await screenshot(jkps, 'referral-detail-sent');
  });

  it('shows the referral arriving in the MAHIMA inbox live, with her name shared by consent', async () => {
    await referralRow(mahima, referralId).waitFor();
    expect(await mahima.evaluate("sessionStorage.getItem('not-reloaded')")).toBe('yes');
    await mahima.getByRole('button', { name: /^Awaiting answer/ }).click();
    await referralRow(mahima, referralId).waitFor();
    await screenshot(mahima, 'referral-inbox');

    await referralRow(mahima, referralId).getByRole('link', { name: referralCode }).click();
    await mahima.getByRole('heading', { name: `Referral ${referralCode}` }).waitFor();
    expect(await mahima.locator('[data-identity="fullName"]').innerText()).toBe(GIRL);
    const actions = mahima.getByRole('region', { name: 'What you can do' });
    expect(await actions.getByRole('button').allInnerTexts()).toEqual(['Accept', 'Decline']);
  });

  it('lets the coordinator accept into Mahima Umeed, and both see the held bed live', async () => {
    const unit = await umeed();
    await mahima.getByRole('button', { name: 'Accept', exact: true }).click();
    const picker = mahima.getByLabel('Hold a bed in');
    await picker.locator('option', { hasText: 'Mahima Umeed, Girls 8-12' }).waitFor({ state: 'attached' });
    expect(await picker.inputValue()).toBe(unit.id);
    await screenshot(mahima, 'referral-accept');
    await mahima.getByRole('form', { name: 'Accept' }).getByRole('button', { name: 'Accept' }).click();
    await mahima.getByText(/^A bed is held in Mahima Umeed, Girls 8-12 until /).waitFor();
    await mahima.locator('.referral-route [data-status="ACCEPTED"]').waitFor();
    await screenshot(mahima, 'referral-detail-accepted');
    expect(await umeed()).toEqual({ id: unit.id, held: heldBefore + 1 });

    // The sender's open referral follows without a reload, and so does its bed board in another tab.
    await jkps.locator('.referral-route [data-status="ACCEPTED"]').waitFor();
    await heldCell(jkpsBedBoard, unit.id)
      .getByText(String(heldBefore + 1), { exact: true })
      .waitFor();
    expect(await jkpsBedBoard.evaluate("sessionStorage.getItem('not-reloaded')")).toBe('yes');

    await navigate(mahima, 'Bed board');
    await heldCell(mahima, unit.id)
      .getByText(String(heldBefore + 1), { exact: true })
      .waitFor();
    expect(await mahima.evaluate("sessionStorage.getItem('not-reloaded')")).toBe('yes');
  });

  it('shows NEWLIGHT neither the referral nor her name', async () => {
    await session.signIn(newlight, 'caseworker@newlight.demo');
    await navigate(newlight, 'Referrals');
    await newlight.getByRole('heading', { name: 'Referrals received' }).waitFor();
    await newlight.getByText('No referral here.').waitFor();
    await screenshot(newlight, 'referral-inbox');
    await newlight.getByRole('link', { name: 'Sent', exact: true }).click();
    await newlight.getByRole('heading', { name: 'Referrals sent' }).waitFor();
    await newlight.getByText('No referral here.').waitFor();

    await newlight.goto(session.url(`/referrals/${referralId}`));
    await newlight.getByRole('alert').getByText('This record could not be found').waitFor();
    await screenshot(newlight, 'referral-not-found');
    const text = await newlight.locator('body').innerText();
    expect(text).not.toContain(GIRL);
    expect(text).not.toContain(referralCode);
  });

  it('answers a step overtaken by the other side with a sentence, showing the true state', async () => {
    const caseworker: GraphQLClient = await t.signIn('caseworker@jkps.demo');
    const subject = await registerSubject(caseworker, { age: 9 });
    const created = await caseworker.data<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
      input: {
        subjectId: subject.id,
        toOrganisationId: await organisationId(t, 'MAHIMA'),
        needs: ['SHELTER'],
        urgency: 'ROUTINE',
        summary: 'A second, fictional referral.',
      },
    });
    const second = created.createReferral;
    await mahima.goto(session.url(`/referrals/${second.id}`));
    await mahima.getByRole('heading', { name: `Referral ${second.code}` }).waitFor();
    // Without consent MAHIMA sees the pseudonym only, and says so rather than guessing a name.
    await mahima.getByText('Her identity is not shared with your organisation').waitFor();
    expect(await mahima.locator('[data-identity]').count()).toBe(0);
    await mahima.getByRole('button', { name: 'Decline', exact: true }).click();
    await mahima.getByLabel('Reason', { exact: true }).fill('No bed for her age group this week.');

    // The sender withdraws while the coordinator's answer is on its way: the API refuses the decline.
    await mahima.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('declineReferral')) {
        await caseworker.data(WITHDRAW, { id: second.id, reason: 'Family found.' });
      }
      await route.continue();
    });
    await mahima.getByRole('form', { name: 'Decline' }).getByRole('button', { name: 'Decline' }).click();
    const alert = mahima.getByRole('alert');
    await alert.getByText('This step is not possible at this stage').waitFor();
    expect(await alert.innerText()).toContain('The referral is now: Withdrawn.');
    await mahima.locator('.referral-route [data-status="WITHDRAWN"]').waitFor();
    expect(await mahima.getByRole('region', { name: 'What you can do' }).getByRole('button').count()).toBe(0);
    await screenshot(mahima, 'referral-refused');
    await mahima.unroute('**/graphql');
  });

  it('switches the referral screens to Bengali', async () => {
    await mahima.goto(session.url(`/referrals/${referralId}`));
    await mahima.getByRole('heading', { name: `Referral ${referralCode}` }).waitFor();
    await mahima.getByLabel('Language').selectOption('bn');
    await mahima.getByRole('heading', { name: `রেফারেল ${referralCode}` }).waitFor();
    await mahima.getByRole('heading', { name: 'যা ঘটেছে' }).waitFor();
    await mahima.getByText('গৃহীত').first().waitFor();
    await screenshot(mahima, 'referral-detail-bengali');
    await mahima.getByRole('link', { name: 'রেফারেল তালিকায় ফিরুন' }).click();
    await mahima.getByRole('heading', { name: 'প্রাপ্ত রেফারেল' }).waitFor();
    await screenshot(mahima, 'referral-inbox-bengali');
  });

  it('has the same screens on a phone', async () => {
    const phone = await session.phone();
    await session.signIn(phone, 'caseworker@jkps.demo');
    await navigate(phone, 'Referrals');
    await phone.getByRole('link', { name: 'Sent', exact: true }).click();
    await referralRow(phone, referralId).waitFor();
    await screenshot(phone, 'referral-outbox');
    await referralRow(phone, referralId).getByRole('link', { name: referralCode }).click();
    await phone.getByRole('heading', { name: `Referral ${referralCode}` }).waitFor();
    await screenshot(phone, 'referral-detail-accepted');
    await screenshot(phone, 'referral-timeline', phone.getByRole('heading', { name: 'What happened' }));
    await navigate(phone, 'New referral');
    await phone.getByRole('heading', { name: 'New referral' }).waitFor();
    await screenshot(phone, 'referral-new');
    await phone.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Mahima Homes (JKPS) (MAHIMA)' });
    const units = phone.locator('.receiver-units');
    await units.locator('tbody tr').first().waitFor();
    await screenshot(phone, 'referral-new-filled', units);
    await phone.context().close();
  });

  it("renewed the caseworker's session through refreshSession without her noticing", async () => {
    // The first token expires 75 s after sign-in; the dashboard renews it a minute ahead, in the background.
    if (renewals === 0) {
      await jkps.context().waitForEvent('requestfinished', { predicate: isRenewal, timeout: 60_000 });
    }
    expect(await accessToken(jkps)).not.toBe(firstJkpsToken);
    await navigate(jkps, 'Referrals');
    await jkps.getByRole('link', { name: 'Sent', exact: true }).click();
    await referralRow(jkps, referralId).waitFor();
    expect(await jkps.getByRole('heading', { name: 'Sign in' }).count()).toBe(0);
    expect(await jkps.evaluate("sessionStorage.getItem('not-reloaded')")).toBe('yes');
    const [renewed] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM app_session s JOIN app_user u ON u.id = s.user_id
        WHERE u.email = 'caseworker@jkps.demo' AND s.refreshed_at IS NOT NULL`,
    );
    expect(Number(renewed?.n)).toBeGreaterThan(0);
  });

  it('logged no script, policy or network error in any browser', () => {
    expect(session.errors).toEqual([]);
  });
});
