import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestGateway, type TestGatewayOptions } from '@sahayog/testing';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/**
 * What every browser test shares: the dashboard built from today's sources, a gateway on a throwaway database
 * serving it, Debian's Chromium (never a downloaded one), pages that collect script and network errors, and
 * screenshots of each screen at desktop and phone width: in the system's temporary folder, or in
 * docs/screenshots for the README when `UPDATE_SCREENSHOTS` is set (`npm run screenshots`), so that a test
 * run leaves the working tree as it found it.
 */
export const CHROMIUM = '/usr/bin/chromium';
const DASHBOARD = path.resolve(__dirname, '..');
const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS']
  ? path.resolve(DASHBOARD, '../../docs/screenshots')
  : path.join(tmpdir(), 'sahayog-screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Each test file builds into a folder of its own, so files running in parallel never share one build. */
function buildDashboard(): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'sahayog-dashboard-'));
  const manifestPath = require.resolve('vite/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const vite = path.join(path.dirname(manifestPath), manifest.bin['vite'] as string);
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: DASHBOARD,
    stdio: 'pipe',
  });
  return outDir;
}

export class BrowserSession {
  readonly errors: string[] = [];

  private constructor(
    readonly gateway: TestGateway,
    readonly browser: Browser,
    readonly dashboardDir: string,
  ) {}

  static async start(options: TestGatewayOptions = {}): Promise<BrowserSession> {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.`);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dashboardDir = buildDashboard();
    const gateway = await TestGateway.start({ ...options, dashboardDir });
    // Each launch gets a fresh temporary profile from Playwright; contexts are isolated within it.
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return new BrowserSession(gateway, browser, dashboardDir);
  }

  url(page: string): string {
    return new URL(page, this.gateway.url).href;
  }

  async desktop(): Promise<Page> {
    return this.openPage(await this.browser.newContext({ viewport: DESKTOP, locale: 'en-GB' }));
  }

  async phone(): Promise<Page> {
    return this.openPage(
      await this.browser.newContext({ viewport: PHONE, locale: 'en-GB', isMobile: true, hasTouch: true }),
    );
  }

  async openPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(error.message));
    return page;
  }

  /** Signs in from the demo accounts list and waits for the first screen, the bed board. */
  async signIn(page: Page, email: string): Promise<void> {
    await page.goto(this.url('/?demo'));
    await page.getByRole('button', { name: email, exact: true }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Bed board' }).waitFor();
    await page.locator('[data-live-status="connected"]').waitFor();
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.gateway?.close();
    rmSync(this.dashboardDir, { recursive: true, force: true });
  }
}

/** A phone shows one screenful, from the top or around `subject`; the desktop shot takes the whole page. */
export async function screenshot(page: Page, name: string, subject?: Locator): Promise<void> {
  const phone = page.viewportSize()?.width === PHONE.width;
  if (phone && subject) await subject.scrollIntoViewIfNeeded();
  else if (phone) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}-${phone ? 'phone' : 'desktop'}.png`),
    fullPage: !phone,
  });
}
