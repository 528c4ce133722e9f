import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { CodeServer, installExtension } from '../support/codeServer';
import { MotoServer } from '../support/moto';
import { CACHE, ROOT, VSIX } from '../support/paths';
import { seedDemo } from '../support/seed';
import { runFromPalette } from '../support/workbenchPalette';

const OUT = path.join(ROOT, 'test', 'e2e', 'out');
// code-server's product scheme.
const LINKS = 'code-oss://serverless-explorer.serverless-explorer/function';

// A person pasting a function link into Developer: Open URL (the workbench's own route for a link), answering the
// dialogs the link brings up, and seeing the function selected with what to do next.
describe('e2e: function links in VS Code (code-server) and Chromium', function () {
  this.timeout(120_000);
  let scratch: string;
  let moto: MotoServer;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run "npm run package" first`);
    fs.mkdirSync(OUT, { recursive: true });
    fs.mkdirSync(CACHE, { recursive: true });
    scratch = fs.mkdtempSync(path.join(CACHE, 'e2e-links-'));
    const workspace = path.join(scratch, 'workspace');
    fs.mkdirSync(workspace);
    const awsConfig = path.join(scratch, 'aws-config');
    fs.writeFileSync(awsConfig, '[profile demo]\nregion = us-east-1\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    installExtension(scratch, VSIX);
    moto = await MotoServer.start();
    await seedDemo(moto.endpoint);
    server = await CodeServer.start({
      home: scratch,
      env: { AWS_CONFIG_FILE: awsConfig, AWS_SHARED_CREDENTIALS_FILE: path.join(scratch, 'none'), AWS_PROFILE: '' },
      settings: { 'serverlessExplorer.endpointUrl': moto.endpoint },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.workbenchUrl(workspace));
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page.screenshot({ path: path.join(OUT, `failed-${name}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await moto?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const palette = (command: string) => runFromPalette(page, command);

  /** Developer: Open URL, the link pasted, and VS Code's own "Allow … to open this URI?" answered. */
  async function openUrl(link: string) {
    await palette('Developer: Open URL');
    const input = page.locator('.quick-input-widget input');
    await input.fill(link);
    await input.press('Enter');
    const allow = page.locator('.monaco-dialog-box', { hasText: 'to open this URI' });
    await allow.waitFor({ timeout: 30_000 });
    await allow.locator('.monaco-button', { hasText: /^Open$/ }).click();
  }

  const dialog = (text: string | RegExp) => page.locator('.monaco-dialog-box', { hasText: text });
  const selectedRow = (text: string) => page.locator('#workbench\\.parts\\.sidebar .monaco-list-row.selected', { hasText: text });

  // The first link also activates the extension (activation event onUri): nothing opened its view before.
  it('a link to a region the view does not show asks first, then selects the function and offers what to do', async () => {
    await openUrl(`${LINKS}?name=edge-auth&region=eu-west-1&profile=demo`);
    const ask = dialog('Add eu-west-1 under profile "demo" to the AWS view?');
    await ask.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'link-add-region.png') });
    await ask.locator('.monaco-button', { hasText: 'Add to View' }).click();
    await selectedRow('edge-auth').waitFor({ timeout: 30_000 });
    const offer = page.locator('.notification-toast', { hasText: 'edge-auth (profile "demo", eu-west-1) is selected in the AWS view.' });
    await offer.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(800); // the toast slides in
    await page.screenshot({ path: path.join(OUT, 'link-revealed.png') });
    const buttons = await offer.locator('.monaco-button').allTextContents();
    // Pull to Debug Locally is offered where the build has it (another feature's command).
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const pull = manifest.contributes.commands.some((c) => c.command === 'serverlessExplorer.pullFunction') ? ['Pull to Debug Locally'] : [];
    assert.deepEqual(buttons.map((b) => b.trim()).filter((b) => b !== ''), ['Invoke…', 'Open Monitor', ...pull]);
    // The region was added beside the one shown before, not in its place.
    await page.locator('#workbench\\.parts\\.sidebar .monaco-list-row', { hasText: 'us-east-1' }).first().waitFor({ timeout: 10_000 });
    await offer.locator('.monaco-button', { hasText: 'Open Monitor' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'edge-auth' }).waitFor({ timeout: 30_000 });
  });

  it('a link naming a profile this machine does not have says so and lets you choose one of yours', async () => {
    await palette('View: Close All Editors');
    await openUrl(`${LINKS}?name=orders-api&region=us-east-1&profile=colleague`);
    const unknown = dialog('The link names profile "colleague", which is not defined on this machine.');
    await unknown.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'link-unknown-profile.png') });
    await unknown.locator('.monaco-button', { hasText: 'Choose a Profile…' }).click();
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'demo' }).first();
    await pick.waitFor({ timeout: 10_000 });
    await page.locator('.quick-input-widget input').press('Enter');
    await selectedRow('orders-api').waitFor({ timeout: 30_000 });
  });

  it('an ARN of another account warns before showing a function of the same name', async () => {
    await palette('Notifications: Clear All Notifications');
    await openUrl(`${LINKS}?arn=arn:aws:lambda:us-east-1:999999999999:function:stream-processor`);
    const warning = dialog('The link is for another account');
    await warning.waitFor({ timeout: 30_000 });
    assert.match((await warning.textContent()) ?? '', /stream-processor is in account 999999999999, but profile "demo" works in account 123456789012/);
    await page.screenshot({ path: path.join(OUT, 'link-other-account.png') });
    await warning.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await page.waitForTimeout(1000);
    assert.equal(await selectedRow('stream-processor').count(), 0, 'it was shown anyway');
  });

  it('a hostile link is refused with what is wrong, and nothing is opened', async () => {
    await palette('View: Close All Editors');
    await palette('Notifications: Clear All Notifications');
    await openUrl(`${LINKS}?name=${encodeURIComponent('[x](command:workbench.action.quit)')}&region=us-east-1`);
    const refusal = page.locator('.notification-toast', { hasText: 'Serverless Explorer cannot open this link.' });
    await refusal.waitFor({ timeout: 30_000 });
    assert.match((await refusal.textContent()) ?? '', /function name contains U\+005B at position 1, which is not allowed/);
    assert.equal(await refusal.locator('.notification-list-item-message a').count(), 0, 'the refusal has a link in it');
    await page.waitForTimeout(800); // the toast slides in
    await page.screenshot({ path: path.join(OUT, 'link-refused.png') });
    assert.equal(await page.locator('.tabs-container .tab').count(), 0);
  });
});
