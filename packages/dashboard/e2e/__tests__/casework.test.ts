import { organisationId, registerSubject, type TestGateway } from '@sahayog/testing';
import type { Locator, Page } from 'playwright-core';
import { BrowserSession, DESKTOP, PHONE, screenshot } from '../browser';

/**
 * Repatriation between JKPS and its counterpart across the border in Khulna, the audit trail an organisation
 * admin reads, and a unit's occupancy chart drawn from its real history, in Chromium.
 */
jest.setTimeout(180_000);

const SUBJECT_NAME = 'Shapla Demo-Fictional';
const DAY = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

let session: BrowserSession;
let t: TestGateway;
let caseId: string;
let caseCode: string;
let jkpsPage: Page;
let partnerPage: Page;

/** Every screen at both widths: the desktop shot of the whole page, then one phone screenful. */
async function bothWidths(page: Page, name: string, subject?: Locator): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(DESKTOP);
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, name, subject);
  await page.setViewportSize(before);
}

const step = (page: Page, kind: string): Locator => page.locator(`li[data-step="${kind}"]`);

let subjectCode: string;

/** JKPS's caseworker has registered the girl; the liaison opens her case in the dashboard. */
async function registerJkpsSubject(): Promise<void> {
  const caseworker = await t.signIn('caseworker@jkps.demo');
  ({ code: subjectCode } = await registerSubject(caseworker, { fullName: SUBJECT_NAME, age: 15, nationality: 'BD' }));
}

/** Something overdue and a document about to expire, as a case looks after some weeks. */
async function someWeeksLater(): Promise<void> {
  const liaison = await t.signIn('liaison@jkps.demo');
  await liaison.data(`mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id } }`, {
    input: { caseId, kind: 'VOLUNTARINESS_ASSESSED', status: 'IN_PROGRESS', dueOn: day(-3) },
  });
  await liaison.data(`mutation ($input: RecordDocumentInput!) { recordDocument(input: $input) { id } }`, {
    input: {
      caseId,
      kind: 'CWC_ORDER',
      status: 'VERIFIED',
      issuer: 'CWC Kolkata',
      reference: 'CWC/2026/117',
      issuedOn: day(-60),
      expiresOn: day(10),
    },
  });
}

/** Identity reads audited under JKPS: the caseworker's registration, then each "Show name" and query. */
async function jkpsIdentityReads(): Promise<number> {
  const [row] = await t.sql<{ n: string }>(
    `SELECT count(*) AS n FROM audit_event a JOIN organisation o ON o.id = a.organisation_id
      WHERE a.action = 'READ_IDENTITY' AND o.short_name = 'JKPS'`,
  );
  return Number(row?.n);
}

/** Waits until the table shows only entries the filter asks for (the previous answer may still be on screen). */
async function onlyRows(page: Page, actionPrefix: string): Promise<(string | null)[]> {
  await page.locator(`tr[data-audit-id]:not([data-action^="${actionPrefix}"])`).first().waitFor({ state: 'detached' });
  await page.locator(`tr[data-action^="${actionPrefix}"]`).first().waitFor();
  return page.locator('tr[data-audit-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
}

beforeAll(async () => {
  session = await BrowserSession.start();
  t = session.gateway;
  await registerJkpsSubject();
  jkpsPage = await session.desktop();
  partnerPage = await session.phone();
});

afterAll(async () => {
  await session?.close();
});

describe('repatriation cases between JKPS and BD-PARTNER', () => {
  it('lets the JKPS liaison open the case through the form, and refuses a second one as a sentence', async () => {
    await session.signIn(jkpsPage, 'liaison@jkps.demo');
    await jkpsPage.getByRole('link', { name: 'New repatriation case', exact: true }).click();
    await jkpsPage.getByRole('heading', { name: 'Open a repatriation case' }).waitFor();
    // A liaison picks among the organisation's subjects; registering one is the caseworker's.
    expect(await jkpsPage.getByRole('radio', { name: 'Register a new person' }).count()).toBe(0);
    await jkpsPage.getByLabel('Search by pseudonym').fill(subjectCode);
    await jkpsPage.getByRole('radio', { name: new RegExp(subjectCode) }).check();
    await jkpsPage.getByText(`Chosen: ${subjectCode}, ${SUBJECT_NAME}`).waitFor();
    await jkpsPage.getByLabel('Country').selectOption('BD');
    await jkpsPage.getByLabel('District or region (optional)').fill('Khulna');
    await jkpsPage.getByLabel('Route: border crossing (optional)').fill('Petrapole-Benapole');
    expect(await jkpsPage.getByLabel('Partner organisation at the destination').inputValue()).toBe('');
    await bothWidths(jkpsPage, 'repatriation-new-case');

    await jkpsPage.getByRole('button', { name: 'Open the case' }).click();
    const heading = jkpsPage.getByRole('heading', { name: /^Repatriation case JKPS-RP-/ });
    await heading.waitFor();
    caseCode = (await heading.innerText()).replace('Repatriation case ', '');
    caseId = new URL(jkpsPage.url()).pathname.split('/').at(-1) as string;
    expect(await jkpsPage.locator('.facts').first().innerText()).toContain('no counterpart yet');

    await jkpsPage.goto(session.url('/repatriation/new'));
    await jkpsPage.getByLabel('Search by pseudonym').fill(subjectCode);
    await jkpsPage.getByRole('radio', { name: new RegExp(subjectCode) }).check();
    // Showing the chosen girl's name is an audited read: the refused opening itself writes nothing.
    await jkpsPage.getByText(`Chosen: ${subjectCode}, ${SUBJECT_NAME}`).waitFor();
    const before = await t.snapshot();
    await jkpsPage.getByRole('button', { name: 'Open the case' }).click();
    const refusal = jkpsPage.getByRole('alert');
    await expect(refusal.innerText()).resolves.toBe(
      'This person already has a repatriation case under way. Go to that case',
    );
    expect(await t.snapshot()).toEqual(before);
    await refusal.getByRole('link', { name: 'Go to that case' }).click();
    await jkpsPage.getByRole('heading', { name: `Repatriation case ${caseCode}` }).waitFor();
  });

  it('names BD-PARTNER as counterpart with a consent, and the BD-PARTNER liaison sees the case arrive live', async () => {
    await session.signIn(partnerPage, 'liaison@bd-partner.demo');
    await partnerPage.getByRole('link', { name: 'Repatriation', exact: true }).click();
    await partnerPage.getByText('No repatriation case matches these filters.').waitFor();

    const naming = jkpsPage.getByRole('region', { name: 'Name the counterpart' });
    await naming
      .getByLabel('Partner organisation at the destination')
      .selectOption(await organisationId(t, 'BD-PARTNER'));
    // A girl of fifteen cannot consent alone: the API refuses, the form says why, nothing is written.
    await naming.getByLabel('Given by').selectOption('SUBJECT');
    const before = await t.snapshot();
    await naming.getByRole('button', { name: 'Name as counterpart' }).click();
    await expect(naming.getByRole('alert').innerText()).resolves.toContain('A child cannot consent alone');
    expect(await t.snapshot()).toEqual(before);
    await bothWidths(jkpsPage, 'repatriation-name-counterpart', naming);

    await naming.getByLabel('Given by').selectOption('CHILD_WELFARE_COMMITTEE');
    await naming.getByRole('button', { name: 'Name as counterpart' }).click();
    await jkpsPage.getByText('JKPS (home) with BD-PARTNER (counterpart)').waitFor();
    await naming.waitFor({ state: 'detached' });

    await partnerPage
      .getByRole('status')
      .filter({ hasText: `${caseCode}: your organisation was named the counterpart of this case.` })
      .waitFor();
    await partnerPage.locator(`[data-case-id="${caseId}"]`).waitFor();
    await someWeeksLater();
  });

  it('lists the case for the JKPS liaison with its progress and its overdue and expiring badges in words', async () => {
    await jkpsPage.getByRole('link', { name: 'Repatriation', exact: true }).click();
    await jkpsPage.getByRole('heading', { name: 'Repatriation cases' }).waitFor();
    const card = jkpsPage.locator(`[data-case-id="${caseId}"]`);
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(caseCode);
    expect(text).toContain('In progress');
    expect(text).toContain('Overdue');
    expect(text).toContain('1 document(s) expiring soon');
    expect(text).toContain('1 of 14 steps settled');
    expect(text).toContain('JKPS (home) with BD-PARTNER (counterpart)');
    expect(text).not.toContain(SUBJECT_NAME);

    await jkpsPage.getByLabel('Case status').selectOption('CLOSED');
    await jkpsPage.getByText('No repatriation case matches these filters.').waitFor();
    await jkpsPage.getByLabel('Case status').selectOption('');
    await jkpsPage.getByLabel('Only cases with something overdue').check();
    await card.waitFor();
    await bothWidths(jkpsPage, 'repatriation-list');
  });

  it('shows the BD-PARTNER liaison the ordering rule as a sentence naming the blocking step, writing nothing', async () => {
    await partnerPage.getByRole('link', { name: caseCode }).click();
    await partnerPage.getByRole('heading', { name: `Repatriation case ${caseCode}` }).waitFor();

    // The counterpart sees buttons only on its own steps.
    expect(await step(partnerPage, 'VOLUNTARINESS_ASSESSED').getByRole('button').count()).toBe(0);
    const verified = step(partnerPage, 'NATIONALITY_VERIFIED');
    expect(await verified.innerText()).toContain('Carried out by BD-PARTNER (counterpart) — your organisation’s step');

    const before = await t.snapshot();
    await verified.getByRole('button', { name: 'Mark “Nationality verified” done' }).click();
    await expect(verified.getByRole('alert').innerText()).resolves.toBe(
      '“Nationality verified” cannot be marked done yet: “Voluntariness assessed” must be done or marked not applicable first.',
    );
    expect(await t.snapshot()).toEqual(before);
    await screenshot(partnerPage, 'repatriation-blocked-step', verified);
  });

  it("shows JKPS the counterpart's completed step live, without a reload", async () => {
    await jkpsPage.getByRole('link', { name: caseCode }).click();
    await jkpsPage.getByRole('heading', { name: `Repatriation case ${caseCode}` }).waitFor();
    await jkpsPage.evaluate("sessionStorage.setItem('not-reloaded', 'yes')");
    for (const kind of ['VOLUNTARINESS_ASSESSED', 'NATIONALITY_VERIFICATION_REQUESTED']) {
      const name = kind === 'VOLUNTARINESS_ASSESSED' ? 'Voluntariness assessed' : 'Nationality verification requested';
      await step(jkpsPage, kind)
        .getByRole('button', { name: `Mark “${name}” done` })
        .click();
      await step(jkpsPage, kind).locator('.step-status-done').waitFor();
    }

    await partnerPage.reload();
    const verified = step(partnerPage, 'NATIONALITY_VERIFIED');
    await verified.getByRole('button', { name: 'Mark “Nationality verified” done' }).click();
    await verified.locator('.step-status-done').waitFor();

    await jkpsPage
      .getByRole('status')
      .filter({ hasText: `${caseCode}: the other organisation completed “Nationality verified”.` })
      .waitFor();
    await step(jkpsPage, 'NATIONALITY_VERIFIED').locator('.step-status-done').waitFor();
    expect(await jkpsPage.evaluate("sessionStorage.getItem('not-reloaded')")).toBe('yes');
    await screenshot(partnerPage, 'repatriation-case');
  });

  it('lets JKPS record a document, put the case on hold with a reason and resume it', async () => {
    await jkpsPage.getByRole('button', { name: 'Record a document' }).click();
    const form = jkpsPage.getByRole('form', { name: 'Record a document' });
    await form.getByLabel('Document', { exact: true }).selectOption('TRAVEL_PERMIT');
    await form.getByLabel('Issued by').fill('Bangladesh Deputy High Commission, Kolkata');
    await form.getByLabel('Issued on').fill(day(-1));
    await form.getByLabel('Expires on').fill(day(20));
    await form.getByRole('button', { name: 'Save' }).click();
    const permit = jkpsPage.locator('tr', { hasText: 'Bangladesh Deputy High Commission' });
    await permit.waitFor();
    expect(await permit.innerText()).toContain('Expires within 30 days');

    await jkpsPage.getByLabel('What to do').selectOption('hold');
    await jkpsPage.getByLabel('Reason (for example: not voluntary, not safe)').fill('Family risk unclear after flood');
    await jkpsPage.getByRole('button', { name: 'Put on hold' }).click();
    await jkpsPage.getByText('Reason: Family risk unclear after flood').waitFor();
    expect(await jkpsPage.locator('.facts').first().innerText()).toContain('On hold');
    await partnerPage
      .getByRole('status')
      .filter({ hasText: `${caseCode} is now “On hold”.` })
      .waitFor();
    await bothWidths(jkpsPage, 'repatriation-case-on-hold');

    await jkpsPage.getByRole('button', { name: 'Resume the case' }).click();
    await jkpsPage.getByText('Reason: Family risk unclear after flood').waitFor({ state: 'detached' });
    expect(await jkpsPage.locator('.facts').first().innerText()).toContain('In progress');
    const events = await jkpsPage.getByRole('region', { name: 'What happened' }).innerText();
    expect(events).toContain('Status changed In progress → On hold');
    expect(events).toContain('Step updated Nationality verified: Done');
  });

  it('shows the name only when asked, and only where a consent shares it', async () => {
    const before = await jkpsIdentityReads();
    expect(await jkpsPage.content()).not.toContain(SUBJECT_NAME);
    await jkpsPage.getByRole('button', { name: 'Show name' }).click();
    await jkpsPage.getByText(`Name: ${SUBJECT_NAME}`).waitFor();
    expect(await jkpsIdentityReads()).toBe(before + 1);
    await bothWidths(jkpsPage, 'repatriation-case');
  });

  it('shows the case in Bengali', async () => {
    await partnerPage.getByLabel('Language').selectOption('bn');
    await partnerPage.getByRole('heading', { name: `প্রত্যাবাসনের কেস ${caseCode}` }).waitFor();
    await partnerPage.getByText('নাগরিকত্ব যাচাই সম্পন্ন').first().waitFor();
    // The events in words from their structured fields: step and status, statuses, document, counterpart.
    const events = await partnerPage.getByRole('region', { name: 'যা ঘটেছে' }).innerText();
    expect(events).toContain('ধাপ হালনাগাদ নাগরিকত্ব যাচাই সম্পন্ন: সম্পন্ন');
    expect(events).toContain('অবস্থা বদলেছে চলছে → স্থগিত');
    expect(events).toContain('নথি লেখা হয়েছে সিডব্লিউসি আদেশ: যাচাই করা হয়েছে');
    expect(events).toContain('সহযোগী সংস্থা নির্ধারিত BD-PARTNER');
    expect(events).not.toMatch(/NATIONALITY_VERIFIED|IN_PROGRESS|CWC_ORDER/);
    await screenshot(partnerPage, 'repatriation-case-bengali');
    await partnerPage.getByLabel('ভাষা').selectOption('en');
  });
});

describe('the audit trail', () => {
  it('lets the JKPS organisation admin find who read the name, and what changed on the case, without any name', async () => {
    const admin = await session.desktop();
    await session.signIn(admin, 'admin@jkps.demo');
    await admin.getByRole('link', { name: 'Audit', exact: true }).click();
    await admin.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await admin.locator('tr[data-audit-id]').first().waitFor();

    await admin.getByLabel('Action').fill('READ_IDENTITY');
    await admin.getByRole('button', { name: 'Show entries' }).click();
    expect(await onlyRows(admin, 'READ_IDENTITY')).toHaveLength(await jkpsIdentityReads());
    const read = await admin.locator('tr[data-action="READ_IDENTITY"]').first().innerText();
    expect(read).toContain('Abhijit Sarkar, JKPS');
    expect(read).toContain('Identity read');

    await admin.getByLabel('Action').fill('');
    await admin.getByLabel('Record type').selectOption('RepatriationCase');
    await admin.getByLabel('Record id').fill(caseId);
    await admin.getByRole('button', { name: 'Show entries' }).click();
    expect(new Set(await onlyRows(admin, 'REPATRIATION_'))).toEqual(
      new Set([
        'REPATRIATION_OPENED',
        'REPATRIATION_COUNTERPART_SET',
        'REPATRIATION_MILESTONE_UPDATED',
        'REPATRIATION_DOCUMENT_RECORDED',
        'REPATRIATION_STATUS_CHANGED',
      ]),
    );
    expect(await admin.content()).not.toContain(SUBJECT_NAME);
    await bothWidths(admin, 'audit');
    await admin.context().close();
  });

  it('pages back through older entries with `before`', async () => {
    const admin = await session.desktop();
    await session.signIn(admin, 'admin@jkps.demo');
    const liaison = await t.signIn('liaison@jkps.demo');
    // Sixty audited reads make more than one page of fifty.
    for (let i = 0; i < 60; i++) {
      await liaison.data(`query ($id: ID!) { repatriationCase(id: $id) { subject { identity { fullName } } } }`, {
        id: caseId,
      });
    }
    await admin.goto(session.url('/audit'));
    await admin.getByLabel('Action').fill('READ_IDENTITY');
    await admin.getByRole('button', { name: 'Show entries' }).click();
    await onlyRows(admin, 'READ_IDENTITY');
    expect(await admin.locator('tr[data-audit-id]').count()).toBe(50);
    await admin.getByRole('button', { name: 'Show older entries' }).click();
    await admin.getByText('There are no older entries.').waitFor();
    expect(await admin.locator('tr[data-action="READ_IDENTITY"]').count()).toBe(await jkpsIdentityReads());
    await admin.context().close();
  });
});

describe('a bed unit’s occupancy chart', () => {
  it('draws the history of a unit from its real changes, and redraws live after the next one', async () => {
    const coordinator = await session.desktop();
    await session.signIn(coordinator, 'coordinator@mahima.demo');
    await coordinator.getByRole('button', { name: 'Edit Mahima Umeed, Girls 8-12', exact: true }).click();
    await coordinator.getByLabel('Occupied: Mahima Umeed, Girls 8-12').fill('11');
    await coordinator.getByRole('button', { name: 'Save', exact: true }).click();
    await coordinator.getByRole('button', { name: 'Edit Mahima Umeed, Girls 8-12', exact: true }).waitFor();

    await coordinator.getByRole('link', { name: 'Occupancy history of Mahima Umeed, Girls 8-12' }).click();
    await coordinator.getByRole('heading', { name: 'Girls 8-12, Mahima Umeed: occupancy over time' }).waitFor();
    const chart = coordinator.getByRole('img', { name: 'Occupancy of Mahima Umeed, Girls 8-12' });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    const rows = coordinator.locator('table.records tbody tr');
    await expect(rows.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/Edited by the shelter\s+12\s+11\s+0\s+1/),
      expect.stringMatching(/Unit created\s+12\s+10\s+0\s+2/),
    ]);
    const occupiedArea = await coordinator.locator('path.occupied-area').getAttribute('d');
    expect(occupiedArea).toMatch(/^M[\d.]+,[\d.]+H/);

    const admin = await t.signIn('admin@mahima.demo');
    const [unit] = await t.sql<{ id: string; version: number }>(
      `SELECT u.id, u.version FROM bed_unit u JOIN facility f ON f.id = u.facility_id WHERE f.name = 'Mahima Umeed'`,
    );
    await admin.data(`mutation ($input: UpdateBedUnitInput!) { updateBedUnit(input: $input) { version } }`, {
      input: { unitId: unit?.id, expectedVersion: unit?.version, capacity: 14 },
    });
    await rows.filter({ has: coordinator.locator('td[data-label="Capacity"]', { hasText: /^14$/ }) }).waitFor();
    expect((await rows.allInnerTexts())[0]).toMatch(/Edited by the shelter\s+14\s+11\s+0\s+3/);
    expect(await coordinator.locator('path.occupied-area').getAttribute('d')).not.toBe(occupiedArea);

    // The whole history spans seconds here, so that range draws its steps across the width.
    await coordinator.getByLabel('Period').selectOption({ label: 'All history' });
    await expect(rows.count()).resolves.toBe(3);
    await bothWidths(coordinator, 'occupancy-history', chart);
    await coordinator.context().close();
  });

  it('logged no script, policy or network error in any browser', () => {
    expect(session.errors).toEqual([]);
  });
});
