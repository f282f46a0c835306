import { TestGateway } from '@sahayog/testing';
import type { BrowserContext, Locator, Page, WebSocketRoute } from 'playwright-core';
import { BrowserSession, screenshot } from '../browser';

/**
 * The dashboard in a real browser against a gateway on a throwaway database: sign in, the live bed board,
 * in-place edits and their conflicts, Bengali, sign out.
 */
jest.setTimeout(120_000);

interface UnitCounts {
  id: string;
  version: number;
  capacity: number;
  occupied: number;
  held: number;
}

let session: BrowserSession;
let t: TestGateway;
let newlight: BrowserContext;
let mahimaPage: Page;
let newlightPage: Page;

async function unitNamed(facility: string, unit: string): Promise<UnitCounts> {
  const rows = await t.sql<UnitCounts>(
    `SELECT u.id, u.version, u.capacity, u.occupied, u.held FROM bed_unit u JOIN facility f ON f.id = u.facility_id
      WHERE f.name = $1 AND u.name = $2`,
    [facility, unit],
  );
  if (!rows[0]) throw new Error(`no unit ${unit} in ${facility}`);
  return rows[0];
}

function row(page: Page, unitId: string): Locator {
  return page.locator(`tr[data-unit-id="${unitId}"]`);
}

const signIn = (page: Page, email: string): Promise<void> => session.signIn(page, email);

beforeAll(async () => {
  session = await BrowserSession.start();
  t = session.gateway;
  mahimaPage = await session.desktop();
  newlightPage = await session.phone();
  newlight = newlightPage.context();
});

afterAll(async () => {
  await session?.close();
});

describe('the gateway serving the dashboard', () => {
  it('answers page paths with the app under its own policy, and leaves /graphql and /healthz alone', async () => {
    const host = new URL(t.url).host;
    for (const page of ['/', '/some/deep/link?demo']) {
      const response = await fetch(new URL(page, t.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toContain(
        `script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self' ws://${host} wss://${host}`,
      );
      expect(await response.text()).toContain('<div id="root">');
    }
    await expect((await fetch(new URL('/healthz', t.url))).json()).resolves.toEqual({ status: 'ok' });
    const graphqlGet = await fetch(new URL('/graphql?query=%7B__typename%7D', t.url), {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(graphqlGet.headers.get('content-type')).toContain('application/json');
  });

  it('uses the same policy for the dashboard in production, where /graphql keeps the strict default', async () => {
    const production = await TestGateway.start({ production: true, dashboardDir: session.dashboardDir });
    try {
      const host = new URL(production.url).host;
      const page = await fetch(new URL('/', production.url));
      expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://${host} wss://${host}`);
      const api = await fetch(production.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(api.headers.get('content-security-policy')).not.toContain('ws://');
    } finally {
      await production.close();
    }
  });
});

describe('the dashboard in Chromium', () => {
  it('signs a MAHIMA coordinator in from the demo accounts list and shows the bed board', async () => {
    await mahimaPage.goto(new URL('/?demo', t.url).href);
    await mahimaPage.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(mahimaPage, 'sign-in');

    await mahimaPage.getByRole('button', { name: 'coordinator@mahima.demo', exact: true }).click();
    expect(await mahimaPage.getByLabel('Email address').inputValue()).toBe('coordinator@mahima.demo');
    expect(await mahimaPage.getByLabel('Password').inputValue()).toBe('sahayog-demo');
    await mahimaPage.getByRole('button', { name: 'Sign in', exact: true }).click();

    await mahimaPage.getByRole('heading', { name: 'Bed board' }).waitFor();
    const umeed = await unitNamed('Mahima Umeed', 'Girls 8-12');
    await row(mahimaPage, umeed.id).waitFor();
    expect(await row(mahimaPage, umeed.id).innerText()).toMatch(/Mahima Umeed[\s\S]*Girls 8-12[\s\S]*MAHIMA/);
    await expect(row(mahimaPage, umeed.id).locator('.availability').innerText()).resolves.toBe('2 free (few)');
    await mahimaPage.locator('[data-live-status="connected"]').waitFor();
    await screenshot(mahimaPage, 'bed-board');
  });

  it('shows a bad password as a sentence, not a code', async () => {
    await newlightPage.goto(new URL('/?demo', t.url).href);
    await screenshot(newlightPage, 'sign-in');
    await newlightPage.getByLabel('Email address').fill('coordinator@newlight.demo');
    await newlightPage.getByLabel('Password').fill('not-the-password');
    await newlightPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(newlightPage.getByRole('alert').innerText()).resolves.toContain(
      'The email address or password is wrong',
    );
  });

  it("updates the MAHIMA coordinator's board live when a NEWLIGHT coordinator edits a unit on a phone", async () => {
    const kalighat = await unitNamed('New Light Kalighat Creche-cum-Shelter', 'Girls 3-12');
    // Run in the page, where the DOM exists: a marker a reload would wipe.
    await mahimaPage.evaluate("sessionStorage.setItem('not-reloaded', 'yes')");
    await row(mahimaPage, kalighat.id)
      .locator('.availability', { hasText: /^2 free \(few\)$/ })
      .waitFor();
    // Nobody may edit another organisation's units: MAHIMA sees no edit button on NEWLIGHT's row.
    expect(await row(mahimaPage, kalighat.id).getByRole('button').count()).toBe(0);

    await signIn(newlightPage, 'coordinator@newlight.demo');
    await screenshot(newlightPage, 'bed-board');
    await newlightPage
      .getByRole('button', { name: 'Edit New Light Kalighat Creche-cum-Shelter, Girls 3-12', exact: true })
      .click();
    await newlightPage.getByLabel('Occupied: New Light Kalighat Creche-cum-Shelter, Girls 3-12').fill('17');
    await screenshot(newlightPage, 'bed-board-editing', row(newlightPage, kalighat.id));
    await newlightPage.getByRole('button', { name: 'Save', exact: true }).click();
    await row(newlightPage, kalighat.id)
      .locator('.availability', { hasText: /^3 free$/ })
      .waitFor();

    await row(mahimaPage, kalighat.id)
      .locator('.availability', { hasText: /^3 free$/ })
      .waitFor();
    expect(await mahimaPage.evaluate("sessionStorage.getItem('not-reloaded')")).toBe('yes');
    expect((await unitNamed('New Light Kalighat Creche-cum-Shelter', 'Girls 3-12')).occupied).toBe(17);
  });

  it('lets the MAHIMA coordinator edit a Mahima unit in place', async () => {
    const umeed = await unitNamed('Mahima Umeed', 'Girls 8-12');
    await mahimaPage.getByRole('button', { name: 'Edit Mahima Umeed, Girls 8-12', exact: true }).click();
    await mahimaPage.getByLabel('Occupied: Mahima Umeed, Girls 8-12').fill('11');
    await screenshot(mahimaPage, 'bed-board-editing');
    await mahimaPage.getByRole('button', { name: 'Save', exact: true }).click();
    await row(mahimaPage, umeed.id)
      .locator('.availability', { hasText: /^1 free \(few\)$/ })
      .waitFor();
    const saved = await unitNamed('Mahima Umeed', 'Girls 8-12');
    expect(saved).toMatchObject({ occupied: 11, capacity: 12, version: umeed.version + 1 });
  });

  it('refuses a stale edit with "changed by someone else" and the new numbers, overwriting nothing', async () => {
    const umeed = await unitNamed('Mahima Umeed', 'Girls 8-12');
    await mahimaPage.getByRole('button', { name: 'Edit Mahima Umeed, Girls 8-12', exact: true }).click();

    const colleague = await t.signIn('admin@mahima.demo');
    await colleague.data(`mutation ($input: UpdateBedUnitInput!) { updateBedUnit(input: $input) { version } }`, {
      input: { unitId: umeed.id, expectedVersion: umeed.version, occupied: 9 },
    });
    await row(mahimaPage, umeed.id)
      .locator('.availability', { hasText: /^3 free$/ })
      .waitFor();

    await mahimaPage.getByLabel('Occupied: Mahima Umeed, Girls 8-12').fill('12');
    await mahimaPage.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = mahimaPage.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Changed by someone else');
    expect(text).toContain('capacity 12, occupied 9, held 0');
    await screenshot(mahimaPage, 'bed-board-conflict');
    expect(await unitNamed('Mahima Umeed', 'Girls 8-12')).toMatchObject({ occupied: 9, version: umeed.version + 1 });

    await mahimaPage.getByRole('button', { name: 'Start again from the new numbers' }).click();
    expect(await mahimaPage.getByLabel('Occupied: Mahima Umeed, Girls 8-12').inputValue()).toBe('9');
    await mahimaPage.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  it('shows a lost live connection as "reconnecting…" and catches up once it is back', async () => {
    const kalighat = await unitNamed('New Light Kalighat Creche-cum-Shelter', 'Girls 3-12');
    const page = await session.openPage(newlight);
    const openSockets: WebSocketRoute[] = [];
    let refuseSockets = false;
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      if (refuseSockets) return socket.close();
      socket.connectToServer();
      openSockets.push(socket);
    });
    await page.goto(new URL('/', t.url).href);
    await page.locator('[data-live-status="connected"]').waitFor();

    refuseSockets = true;
    await Promise.all(openSockets.map((socket) => socket.close()));
    await page.getByRole('status').filter({ hasText: 'Connection lost: reconnecting…' }).waitFor();
    await screenshot(page, 'bed-board-reconnecting');

    const coordinator = await t.signIn('coordinator@newlight.demo');
    await coordinator.data(`mutation ($input: UpdateBedUnitInput!) { updateBedUnit(input: $input) { version } }`, {
      input: { unitId: kalighat.id, expectedVersion: kalighat.version, occupied: 20 },
    });
    refuseSockets = false;
    await page.locator('[data-live-status="connected"]').waitFor({ timeout: 30_000 });
    await row(page, kalighat.id)
      .locator('.availability', { hasText: /^Full$/ })
      .waitFor();
    await page.close();
  });

  it('switches to Bengali, and keeps the language and the session across a reload', async () => {
    await mahimaPage.getByLabel('Language').selectOption('bn');
    await mahimaPage.getByRole('heading', { name: 'শয্যা বোর্ড' }).waitFor();
    await mahimaPage.reload();
    await mahimaPage.getByRole('heading', { name: 'শয্যা বোর্ড' }).waitFor();
    expect(await mahimaPage.locator('html').getAttribute('lang')).toBe('bn');
    // The heading renders at once, the table once the bed query answers.
    await mahimaPage.getByRole('columnheader', { name: 'খালি', exact: true }).waitFor();
    await mahimaPage.locator('[data-live-status="connected"]').waitFor();
    await screenshot(mahimaPage, 'bed-board-bengali');

    await newlightPage.getByLabel('Language').selectOption('bn');
    await newlightPage.getByRole('heading', { name: 'শয্যা বোর্ড' }).waitFor();
    await screenshot(newlightPage, 'bed-board-bengali');
  });

  it('signs out back to the sign-in page and forgets the session', async () => {
    await mahimaPage.getByRole('button', { name: 'সাইন আউট' }).click();
    await mahimaPage.getByRole('heading', { name: 'সাইন ইন' }).waitFor();
    expect(await mahimaPage.evaluate("localStorage.getItem('sahayog.session')")).toBeNull();
    await mahimaPage.reload();
    await mahimaPage.getByRole('heading', { name: 'সাইন ইন' }).waitFor();
    await screenshot(mahimaPage, 'sign-in-bengali');
  });

  it('logged no script, policy or network error in either browser', () => {
    expect(session.errors).toEqual([]);
  });
});
