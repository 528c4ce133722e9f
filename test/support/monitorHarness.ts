import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { HostMessage, PageMessage } from '../../src/shared/monitorMessages';
import { monitorHtml } from '../../src/ui/monitor/monitorHtml';
import { launchChromium } from './browser';
import { ROOT } from './paths';

/**
 * The Monitor page (dist/media/monitor.js, built by `npm run build`) alone in headless Chromium, with the same HTML
 * shell and Content Security Policy as the panel, and a stand-in for the webview API: what the page posts is recorded,
 * and `send` delivers a host message as VS Code does (a `message` event on window). For page-level tests and the
 * filter-latency bench; the real panel is tested in code-server by the e2e suite.
 */
export interface MonitorHarness {
  readonly page: Page;
  /** Everything the page has posted so far, oldest first. */
  posted(): Promise<PageMessage[]>;
  /** Waits until the page has posted a message of this type (after `since` earlier ones), and returns it. */
  waitForPosted<T extends PageMessage['type']>(type: T, since?: number): Promise<Extract<PageMessage, { type: T }>>;
  send(message: HostMessage): Promise<void>;
  /** The page's last `setState` value. */
  state(): Promise<unknown>;
  /** Content Security Policy violations the page reported (must stay empty). */
  cspViolations(): Promise<string[]>;
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

const THEMES = {
  dark: {
    '--vscode-font-family': 'system-ui, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace',
    '--vscode-editor-font-size': '13px',
    '--vscode-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-errorForeground': '#f85149',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-list-hoverBackground': '#2a2d2e',
    '--vscode-editor-findMatchHighlightBackground': '#623315',
    '--vscode-badge-background': '#616161',
    '--vscode-badge-foreground': '#f8f8f8',
    '--vscode-inputValidation-errorBackground': '#5a1d1d',
    '--vscode-inputValidation-warningBackground': '#352a05',
  },
} as const;

export async function openMonitorHarness(options: { browser?: Browser; width?: number; height?: number } = {}): Promise<MonitorHarness> {
  const media = path.join(ROOT, 'dist', 'media');
  if (!fs.existsSync(path.join(media, 'monitor.js'))) throw new Error('dist/media/monitor.js is missing: run "npm run build" first.');
  const nonce = randomBytes(16).toString('base64');
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(monitorHtml({ cspSource: origin, nonce, title: 'Monitor', scriptUri: `${origin}/media/monitor.js`, styleUri: `${origin}/media/monitor.css` }));
      return;
    }
    // Chromium asks for one on its own; a 404 would be a console error.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = path.join(media, path.normalize(url.pathname.replace(/^\/media\//, '')));
    if (!file.startsWith(media) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ownBrowser = !options.browser;
  const browser = options.browser ?? (await launchChromium());
  const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: options.height ?? 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript((theme: Record<string, string>) => {
    const w = window as unknown as { __posted: unknown[]; __state: unknown; __csp: string[]; acquireVsCodeApi: () => unknown };
    w.__posted = [];
    w.__state = undefined;
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    // VS Code sets the theme's variables on <html>; the harness does the same with a dark theme (through the CSSOM,
    // which the page's CSP allows, unlike a style attribute).
    // Init scripts run before the parser has made <html>: apply the theme as soon as it exists.
    const applyTheme = () => {
      for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
      document.documentElement.classList.add('vscode-dark');
    };
    if (document.documentElement) applyTheme();
    else
      new MutationObserver((_, observer) => {
        if (!document.documentElement) return;
        observer.disconnect();
        applyTheme();
      }).observe(document, { childList: true });
    let acquired = false;
    w.acquireVsCodeApi = () => {
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return {
        postMessage: (m: unknown) => w.__posted.push(JSON.parse(JSON.stringify(m))),
        setState: (s: unknown) => {
          w.__state = JSON.parse(JSON.stringify(s));
        },
        getState: () => w.__state,
      };
    };
  }, THEMES.dark as Record<string, string>);
  await page.goto(`${origin}/`);

  const posted = () => page.evaluate(() => (window as unknown as { __posted: PageMessage[] }).__posted);
  return {
    page,
    errors,
    posted,
    async waitForPosted(type, since = 0) {
      const handle = await page.waitForFunction(
        ([t, s]) => (window as unknown as { __posted: { type: string }[] }).__posted.slice(s as number).find((m) => m.type === t),
        [type, since] as const,
        { timeout: 10_000 },
      );
      return (await handle.jsonValue()) as never;
    },
    async send(message) {
      await page.evaluate((m) => window.postMessage(m, '*'), message as unknown as Record<string, unknown>);
    },
    state: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    async close() {
      await context.close();
      if (ownBrowser) await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
