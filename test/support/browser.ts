// Browser test kit: the real app on a local port, the system Chromium driven by
// playwright-core, phone and desktop contexts, axe-core checks and screenshots.
// One browser per test file (launch it in beforeAll); a context per test.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { makeTestApp, type TestEnv } from './app';

export type { Browser, BrowserContext, Page };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname;

// Quiet and offline: no background fetches, no QUIC, nothing that makes a run
// depend on the network or slow on 2 shared cores.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface ServedApp extends TestEnv {
  /** http://127.0.0.1:<port> */
  base: string;
  stop(): Promise<void>;
}

/** A fresh test app (as makeTestApp builds it) served over HTTP on a random free port. */
export async function serveTestApp(env: Record<string, string> = {}): Promise<ServedApp> {
  const t = await makeTestApp(env);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...t,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

/**
 * Launches /usr/bin/chromium (override with CHROMIUM_PATH). playwright-core
 * gives every launch a fresh temporary profile (user-data-dir) and removes it
 * on close, so no cookie or cache survives from one run to the next.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface ContextOptions {
  /** false: test that a page works without JavaScript */
  javaScriptEnabled?: boolean;
  /**
   * Lets checkA11y inject axe-core past the app's strict CSP. Only for
   * accessibility checks: a context with it cannot notice CSP violations.
   */
  a11y?: boolean;
  /** the session cookie value as login() returns it ("danban_session=…") */
  cookie?: string;
  base?: string;
}

async function withCookie(ctx: BrowserContext, opts: ContextOptions): Promise<BrowserContext> {
  if (opts.cookie) {
    if (!opts.base) throw new Error('a cookie needs the base URL');
    const [name, ...rest] = opts.cookie.split('=');
    await ctx.addCookies([{ name: name!, value: rest.join('='), url: opts.base }]);
  }
  return ctx;
}

/** A cheap Android phone in Zalo's browser: 360×740 CSS pixels, touch. */
export async function phoneContext(browser: Browser, opts: ContextOptions = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    bypassCSP: opts.a11y ?? false,
  });
  return withCookie(ctx, opts);
}

/** Commune staff at a desktop: 1280×800. */
export async function desktopContext(browser: Browser, opts: ContextOptions = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    bypassCSP: opts.a11y ?? false,
  });
  return withCookie(ctx, opts);
}

export interface PageProblems {
  /** console errors, CSP refusals included ("Refused to apply inline style …") */
  console: string[];
  /** uncaught exceptions in page scripts */
  errors: string[];
  /** subresources (CSS, scripts, icons) that failed or answered ≥ 400 */
  failedRequests: string[];
}

/** Records what went wrong while a page loaded; read it after the journey. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { console: [], errors: [], failedRequests: [] };
  // "Failed to load resource" repeats a response status; subresources are
  // counted below, and a page's own 404 is what an error-page test wants.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.console.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.failedRequests.push(`${r.url()} ${r.status()}`);
  });
  return problems;
}

let axeSource: string | null = null;

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on the page and returns its serious and
 * critical violations. The page's context must be made with `a11y: true`.
 */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axeSource });
    if (!(await page.evaluate(() => 'axe' in window))) {
      throw new Error('axe-core did not load: make the context with { a11y: true } (bypassCSP)');
    }
  }
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'minor', help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** True when the page is wider than the screen (the reader would have to scroll sideways). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Saves a PNG (the full page unless `fullPage: false`) to test-output/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}
