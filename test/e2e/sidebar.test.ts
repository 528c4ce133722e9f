import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { CodeServer, installExtension } from '../support/codeServer';
import { MotoServer } from '../support/moto';
import { CACHE, ROOT, VSIX } from '../support/paths';
import { HOSTILE_LOG_TEXT, seedDemo } from '../support/seed';
import { BREAKPOINT_LINE, writeTypeScriptApp } from '../support/typescriptApp';
import { writeApiApp } from '../support/apiApp';
import { copyCdkFixture } from '../support/cdkFixture';
import { freePort } from '../support/freePort';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LayerApiStandIn } from '../support/layerApiStandIn';
import { zipFolder } from '../support/zipFolder';
import { runFromPalette } from '../support/workbenchPalette';

const OUT = path.join(ROOT, 'test', 'e2e', 'out');

describe('e2e: the packaged extension in VS Code (code-server) and Chromium', function () {
  this.timeout(120_000);
  let scratch: string;
  let moto: MotoServer;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let awsConfig: string;
  let workspace: string;
  let apiPort: number;

  before(async () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run "npm run package" first`);
    fs.mkdirSync(OUT, { recursive: true });
    for (const old of fs.readdirSync(OUT).filter((f) => f.startsWith('failed-'))) fs.rmSync(path.join(OUT, old));
    fs.mkdirSync(CACHE, { recursive: true });
    scratch = fs.mkdtempSync(path.join(CACHE, 'e2e-'));
    workspace = path.join(scratch, 'workspace');
    fs.mkdirSync(workspace);
    // For the debugging test, from the start: VS Code reads launch.json when the folder opens (a later write may
    // not be seen in time). The app it names is written by that test.
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, '.vscode', 'launch.json'),
      JSON.stringify({ version: '0.2.0', configurations: [{ type: 'aws-lambda-local', request: 'launch', name: 'Debug TsHandlerTsc', template: '${workspaceFolder}/ts-app/ts.template.yaml', logicalId: 'TsHandlerTsc', event: { id: 's3 put', params: { bucket: 'e2e-bucket' } } }] }, null, 2),
    );
    awsConfig = path.join(scratch, 'aws-config');
    fs.writeFileSync(awsConfig, '[profile demo]\nregion = us-east-1\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    installExtension(scratch, VSIX);
    moto = await MotoServer.start();
    await seedDemo(moto.endpoint);
    // The local API's port: one free now, so that another server on 3000 does not turn the screenshot into a question.
    apiPort = await freePort();
    server = await CodeServer.start({
      home: scratch,
      env: { AWS_CONFIG_FILE: awsConfig, AWS_SHARED_CREDENTIALS_FILE: path.join(scratch, 'none') },
      settings: { 'serverlessExplorer.endpointUrl': moto.endpoint, 'serverlessExplorer.localApiPort': apiPort },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.workbenchUrl(workspace));
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
  });

  /** Opens the Serverless Explorer container unless it is open. */
  async function openSidebar() {
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    if ((await sidebar.locator('.composite.title', { hasText: /serverless explorer/i }).count()) === 0) {
      await page.locator('.activitybar .action-item a[aria-label^="Serverless Explorer"]').click();
      await sidebar.locator('.composite.title', { hasText: /serverless explorer/i }).waitFor({ timeout: 30_000 });
    }
    return sidebar;
  }

  /**
   * The Local Functions view with the side bar's height (the two others folded), read again, after the editors and
   * the panel (the debugging test leaves its Debug Console open) are closed: the side bar and the view's header.
   */
  async function showLocalFunctions() {
    await palette('View: Close All Editors');
    if (await page.locator('#workbench\\.parts\\.panel').isVisible()) await palette('View: Hide Panel');
    const sidebar = await openSidebar();
    await palette('Serverless Explorer: Refresh Local Functions');
    for (const title of [/^\s*AWS/, 'Sample Events']) {
      const header = sidebar.locator('.pane-header', { hasText: title });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const local = sidebar.locator('.pane-header', { hasText: 'Local Functions' });
    if ((await local.getAttribute('aria-expanded')) !== 'true') await local.click();
    return { sidebar, local };
  }

  /** Widens the side bar (drags its sash) so that descriptions are readable, unless an earlier test did. */
  async function widenSidebar() {
    const box = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
    if (box && box.width < 500) {
      await page.mouse.move(box.x + box.width + 2, 400);
      await page.mouse.down();
      await page.mouse.move(box.x + 560, 400, { steps: 5 });
      await page.mouse.up();
    }
  }

  const palette = (command: string) => runFromPalette(page, command);

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

  it('shows the Serverless Explorer icon in the activity bar and opens its three views on a click', async () => {
    const icon = page.locator('.activitybar .action-item a[aria-label^="Serverless Explorer"]');
    await icon.waitFor({ timeout: 30_000 });
    await icon.click();
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.locator('.composite.title', { hasText: /serverless explorer/i }).waitFor({ timeout: 30_000 });
    for (const title of ['AWS', 'Local Functions', 'Sample Events']) {
      await sidebar.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }).waitFor({ timeout: 30_000 });
    }
    await sidebar.locator('.monaco-list-row', { hasText: 'demo' }).first().waitFor({ timeout: 30_000 });
    await sidebar.locator('.monaco-list-row', { hasText: 'us-east-1' }).first().waitFor({ timeout: 30_000 });
    await sidebar.getByText('No Lambda functions found in this workspace', { exact: false }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'sidebar.png') });
    const titles = await sidebar.locator('.pane-header h3.title').allTextContents();
    assert.deepEqual(titles.map((t) => t.trim().toLowerCase()), ['aws', 'local functions', 'sample events']);
    const regionRow = await sidebar.locator('.monaco-list-row', { hasText: 'us-east-1' }).first().textContent();
    assert.ok(regionRow?.includes(moto.endpoint), `the region row does not show the endpoint override: ${regionRow}`);
  });

  it('expands the tree: functions with runtime and memory, Fargate services only, their tasks', async () => {
    const sidebar = await openSidebar();
    // Give the AWS view the whole height: fold the two views below it.
    for (const title of ['Local Functions', 'Sample Events']) {
      const header = sidebar.locator('.pane-header', { hasText: title });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const row = (text: string | RegExp) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
    await row(/^\s*Lambda/).click();
    await row('orders-api').waitFor({ timeout: 30_000 });
    await row(/Lambda\s*5 functions/).waitFor({ timeout: 10_000 });
    await row('Fargate').click();
    await row('demo-cluster').click();
    await row('queue-worker').waitFor({ timeout: 30_000 });
    await row(/^\s*web/).click();
    await row('RUNNING').waitFor({ timeout: 30_000 });
    // Widen the side bar (drag its sash) so that descriptions are readable in the screenshot.
    const box = await sidebar.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width + 2, 400);
      await page.mouse.down();
      await page.mouse.move(box.x + 640, 400, { steps: 5 });
      await page.mouse.up();
    }
    await page.mouse.move(1100, 700);
    await page.screenshot({ path: path.join(OUT, 'explorer.png') });
    assert.match((await row('orders-api').textContent()) ?? '', /nodejs20\.x · 512 MB/);
    assert.equal(await sidebar.locator('.monaco-list-row', { hasText: 'legacy-ec2' }).count(), 0, 'an EC2 service is listed');
    const status = page.locator('.statusbar-item', { hasText: 'demo · us-east-1' });
    await status.waitFor({ timeout: 10_000 });
  });

  it('invokes a function from the tree with a sample event and shows the result view', async () => {
    const sidebar = await openSidebar();
    const fnRow = sidebar.locator('.monaco-list-row', { hasText: 'orders-api' }).first();
    await fnRow.hover();
    await fnRow.locator('.action-label[aria-label^="Invoke"]').click();
    const input = page.locator('.quick-input-widget input');
    const pick = async (text: string, row: string | RegExp) => {
      await input.fill(text);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ timeout: 10_000 });
      await input.press('Enter');
    };
    await pick('s3 put', 'S3 object created');
    await pick('', 'Create the event');
    await pick('', 'RequestResponse');
    await pick('', '$LATEST');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('.status', { hasText: 'Succeeded (200)' }).waitFor({ timeout: 30_000 });
    await frame.locator('#payload', { hasText: 'amzn-s3-demo-bucket' }).waitFor();
    assert.match((await frame.locator('h1').textContent()) ?? '', /orders-api/);
    await page.screenshot({ path: path.join(OUT, 'invoke.png') });
    await page.keyboard.press('Escape');
  });

  it('monitors a function: grouped logs with hostile text shown as text, metrics charts, restored after a reload', async () => {
    await palette('View: Close All Editors');
    const sidebar = await openSidebar();
    const fnRow = sidebar.locator('.monaco-list-row', { hasText: 'orders-api' }).first();
    if ((await fnRow.count()) === 0) await sidebar.locator('.monaco-list-row', { hasText: /^\s*Lambda/ }).first().click();
    await fnRow.click({ button: 'right' });
    // The keyboard, not the mouse: a tree row re-rendering under the menu (a deploying service's spinner) can swallow a click.
    const focused = page.locator('.monaco-menu .action-item.focused');
    for (let i = 0; i < 10 && !((await focused.textContent().catch(() => '')) ?? '').includes('Open Monitor'); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const monitorTab = page.locator('.tabs-container .tab', { hasText: 'Monitor: orders-api' });
    await monitorTab.waitFor({ timeout: 30_000 });
    // The panel gets the whole window for the screenshots (focus on the workbench first: the webview has it now).
    await monitorTab.click();
    await palette('View: Toggle Primary Side Bar Visibility');
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    // Six invocations, one of them timed out, one failed; the hostile lines are inside the fourth.
    await webview.getByText('6 invocations', { exact: false }).first().waitFor({ timeout: 30_000 });
    await webview.getByText('Timed out', { exact: false }).first().waitFor({ timeout: 10_000 });
    await webview.getByText('Expand all', { exact: false }).first().click();
    for (const text of HOSTILE_LOG_TEXT) await webview.getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
    await page.mouse.move(1200, 780);
    await page.screenshot({ path: path.join(OUT, 'monitor-logs.png') });
    const frames = await Promise.all(page.frames().map(async (f) => ((await f.evaluate(() => document.querySelector('.tab-logs') !== null).catch(() => false)) ? f : undefined)));
    const inner = frames.find(Boolean);
    assert.ok(inner, 'the Monitor page frame');
    assert.deepEqual(
      await inner.evaluate(() => ({ xss: (window as unknown as { __seXss?: number }).__seXss, images: document.querySelectorAll('img').length })),
      { xss: undefined, images: 0 },
      'a log line ran as HTML',
    );

    await webview.getByRole('tab', { name: 'Metrics' }).click();
    await webview.locator('canvas').nth(5).waitFor({ timeout: 30_000 });
    await webview.locator('.panel-metrics').getByText('Invocations', { exact: true }).first().waitFor();
    await page.mouse.move(1200, 780);
    await page.screenshot({ path: path.join(OUT, 'monitor-metrics.png') });

    // A reload restores the panel, on the tab it showed (WebviewPanelSerializer).
    await palette('Developer: Reload Window');
    await page.locator('.tabs-container .tab', { hasText: 'Monitor: orders-api' }).waitFor({ timeout: 60_000 });
    const restored = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await restored.locator('canvas').first().waitFor({ timeout: 60_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Monitor: orders-api' }).click();
    await palette('View: Close All Editors');
    await palette('View: Toggle Primary Side Bar Visibility');
  });

  it('browses the Sample Events view by trigger source', async () => {
    const sidebar = await openSidebar();
    const header = sidebar.locator('.pane-header', { hasText: 'Sample Events' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const aws = sidebar.locator('.pane-header', { hasText: /^\s*AWS/ });
    if ((await aws.getAttribute('aria-expanded')) === 'true') await aws.click();
    // The list renders only the rows in view: give the Sample Events view the height.
    const local = sidebar.locator('.pane-header', { hasText: 'Local Functions' });
    const localWasExpanded = (await local.getAttribute('aria-expanded')) === 'true';
    if (localWasExpanded) await local.click();
    const group = sidebar.locator('.monaco-list-row', { hasText: 'Amazon S3' }).first();
    await group.waitFor({ timeout: 30_000 });
    await group.click();
    const put = sidebar.locator('.monaco-list-row', { hasText: 'S3 object created (PUT)' }).first();
    await put.waitFor({ timeout: 10_000 });
    assert.match((await put.textContent()) ?? '', /s3 put · SAM CLI/, 'the row says where its format comes from');
    await group.click();
    // The list renders only the rows in view: scroll through it to find each trigger source.
    // Hovering by coordinates: hover() would scroll the element into view, which shifts the whole workbench.
    const box = (await sidebar.boundingBox())!;
    const overList = () => page.mouse.move(box.x + box.width / 2, box.y + box.height - 80);
    for (const source of ['Amazon Cognito', 'Amazon EventBridge', 'Amazon SQS', 'API Gateway', 'AWS Client VPN']) {
      let found = false;
      for (let step = 0; step < 12 && !found; step++) {
        found = (await sidebar.locator('.monaco-list-row', { hasText: source }).count()) > 0;
        if (!found) {
          await overList();
          await page.mouse.wheel(0, 200);
        }
      }
      assert.ok(found, `${source} is not listed`);
    }
    await overList();
    await page.mouse.wheel(0, -10_000);
    const eventBridge = sidebar.locator('.monaco-list-row', { hasText: 'Amazon EventBridge' }).first();
    await eventBridge.click();
    // AWS services' own EventBridge events are listed by their source; SAM CLI's scheduled event stays at the top.
    await sidebar.locator('.monaco-list-row', { hasText: 'cloudwatch scheduled-event · SAM CLI · aws.events' }).first().waitFor({ timeout: 10_000 });
    await sidebar.locator('.monaco-list-row', { hasText: /^\s*aws\.codebuild/ }).first().click();
    const codeBuild = sidebar.locator('.monaco-list-row', { hasText: 'eventbridge codebuild-build-state-change · aws.codebuild' }).first();
    await codeBuild.waitFor({ timeout: 10_000 });
    await widenSidebar();
    await page.mouse.move(1100, 700);
    await page.screenshot({ path: path.join(OUT, 'sample-events.png') });
    await eventBridge.click();
    if (localWasExpanded) await local.click();
    await aws.click();
  });

  it('chooses regions with the picker: the tree and the status bar follow', async () => {
    const sidebar = await openSidebar();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Serverless Explorer: Choose Regions');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Choose Regions' }).first().waitFor();
    await input.press('Enter');
    await input.fill('eu-west-1');
    const option = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Europe (Ireland)' }).first();
    await option.waitFor({ timeout: 10_000 });
    await option.locator('.monaco-checkbox, input[type=checkbox]').first().click();
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).click();
    await sidebar.locator('.monaco-list-row', { hasText: 'eu-west-1' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: 'demo · eu-west-1' }).waitFor({ timeout: 10_000 });
    assert.equal(await sidebar.locator('.monaco-list-row', { hasText: 'us-east-1' }).count(), 0, 'us-east-1 is still listed');
  });

  it('debugs a TypeScript handler: CodeLens above it, a breakpoint in the .ts source, then the result', async () => {
    writeTypeScriptApp(workspace);
    await openSidebar();
    await palette('Serverless Explorer: Refresh Local Functions');
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('ts-app/src/handler.ts');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'handler.ts' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: 'export const handler' }).waitFor({ timeout: 30_000 });
    // Two template functions share this export (tsc and esbuild builds): each lens names its function.
    await editor.locator('.codelens-decoration', { hasText: /Debug TsHandlerTsc locally/ }).first().waitFor({ timeout: 30_000 });
    assert.match((await editor.locator('.codelens-decoration').first().textContent()) ?? '', /Invoke TsHandlerTsc locally/);
    // A breakpoint on the line that reads the bucket: go to it and toggle one (F9).
    await palette('Go to Line/Column');
    await page.locator('.quick-input-widget input').fill(`:${BREAKPOINT_LINE}`);
    await page.keyboard.press('Enter');
    await palette('Debug: Toggle Breakpoint');
    await editor.locator('.codicon-debug-breakpoint').first().waitFor({ timeout: 10_000 });
    // The Run and Debug picker: launch.json's configuration, and every workspace function under "AWS Lambda (local)".
    await palette('Debug: Select and Start Debugging');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'AWS Lambda (local)' }).first().waitFor({ timeout: 10_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Debug TsHandlerTsc' }).first().click();
    await page.getByText(/Paused on breakpoint/i).first().waitFor({ timeout: 60_000 });
    const local = page.locator('.monaco-list-row', { hasText: /^\s*Local: handler/ }).first();
    await local.click();
    await page.locator('.monaco-list-row', { hasText: 'Records: Array(1)' }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'debug.png') });
    assert.equal(await editor.locator('.debug-top-stack-frame-line, .codicon-debug-stackframe').count() > 0, true, 'the editor marks the stopped line');
    await palette('Debug: Continue');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('#payload', { hasText: 's3://e2e-bucket/' }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(OUT, 'debug-result.png') });
  });

  it('serves the local API from the Local Functions view: routes under their function, the status bar item, Send Request… and its response', async () => {
    writeApiApp(workspace);
    const { sidebar, local } = await showLocalFunctions();
    const row = (text: string | RegExp) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
    await row('ItemsFunction').waitFor({ timeout: 30_000 });
    await row('ANY /items/{id}').waitFor({ timeout: 30_000 });
    assert.match((await row('ANY /items/{id}').textContent()) ?? '', /HTTP API · payload 2\.0/);
    assert.match((await row('POST /items').textContent()) ?? '', /REST · payload 1\.0/);

    // The view's own button starts it.
    await local.hover();
    await local.locator('.action-label[aria-label^="Start Local API"]').click();
    const status = page.locator('.statusbar-item', { hasText: `Local API :${apiPort}` });
    await status.waitFor({ timeout: 30_000 });
    await widenSidebar();
    await row('ANY /items/{id}').hover();
    await page.screenshot({ path: path.join(OUT, 'local-api.png') });

    // Send Request… from the route's inline action, through its quick inputs.
    await row('ANY /items/{id}').locator('.action-label[aria-label^="Send Request"]').click();
    const input = page.locator('.quick-input-widget input');
    const choose = async (text: string) => {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout: 10_000 });
      await input.fill(text);
      await input.press('Enter');
    };
    await choose('PUT');
    // The path comes with {id} selected: typing replaces it.
    await page.locator('.quick-input-widget', { hasText: 'its {parameters} filled in' }).waitFor({ timeout: 10_000 });
    await page.keyboard.type('42');
    await page.keyboard.type('?color=blue');
    await input.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Headers (optional)' }).waitFor({ timeout: 10_000 });
    await input.fill('X-Trace: e2e');
    await input.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'The body of the PUT request' }).waitFor({ timeout: 10_000 });
    await input.fill('{"name": "widget"}');
    await input.press('Enter');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('.status', { hasText: '200' }).waitFor({ timeout: 30_000 });
    await frame.locator('#payload', { hasText: '"widget"' }).waitFor();
    const body = JSON.parse((await frame.locator('#payload').textContent()) ?? '') as Record<string, unknown>;
    assert.deepEqual(body, { method: 'PUT', path: '/items/42', id: '42', trace: 'e2e', query: { color: 'blue' }, body: { name: 'widget' } });
    assert.match((await frame.locator('#headers').textContent()) ?? '', /x-served-by: ItemsFunction/);
    await page.mouse.move(1200, 780);
    await page.screenshot({ path: path.join(OUT, 'local-api-response.png') });

    // The status bar item's actions: Stop.
    await status.click();
    await choose('Stop Local API');
    await status.waitFor({ state: 'hidden', timeout: 10_000 });

    // Its port taken by another program: the next free one is offered, and a click starts it there.
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(apiPort, '127.0.0.1', resolve));
    try {
      await palette('View: Close All Editors');
      await palette('Serverless Explorer: Start Local API');
      await page.locator('.notifications-toasts', { hasText: `Port ${apiPort} on 127.0.0.1 is in use` }).waitFor({ timeout: 30_000 });
      const offer = page.locator('.notifications-toasts .monaco-button', { hasText: /^Use Port \d+$/ });
      const offered = Number(/\d+/.exec((await offer.textContent()) ?? '')?.[0]);
      assert.ok(offered > apiPort, `offered port ${offered}`);
      // The toast slides in: let it settle for the screenshot.
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(OUT, 'local-api-port-taken.png') });
      await offer.click();
      await page.locator('.statusbar-item', { hasText: `Local API :${offered}` }).waitFor({ timeout: 30_000 });
      await palette('Serverless Explorer: Stop Local API');
      await page.locator('.statusbar-item', { hasText: 'Local API :' }).waitFor({ state: 'hidden', timeout: 10_000 });
    } finally {
      other.close();
    }
    await palette('View: Close All Editors');
    await sidebar.locator('.pane-header', { hasText: /^\s*AWS/ }).click();
  });

  it('groups the Local Functions view by source when a CDK app and a Serverless service are beside a SAM template', async () => {
    writeApiApp(workspace);
    const cdkApp = path.join(workspace, 'cdk-app');
    const service = path.join(workspace, 'serverless-app');
    copyCdkFixture(cdkApp);
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'serverless-app'), service, { recursive: true });
    try {
      const { sidebar } = await showLocalFunctions();
      const row = (text: string | RegExp) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
      await row(/AWS CDK\s*4 functions · 1 problem/).waitFor({ timeout: 30_000 });
      await row(/Serverless Framework\s*4 functions/).waitFor({ timeout: 30_000 });
      await row(/SAM \/ CloudFormation/).waitFor({ timeout: 30_000 });
      await row('OrdersStack/Checkout').waitFor({ timeout: 10_000 });
      await widenSidebar();
      // No row's tooltip nor a focused header in the picture: the focus goes to the (empty) editor area.
      await page.mouse.click(1100, 700);
      await page.locator('.workbench-hover, .monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      await page.screenshot({ path: path.join(OUT, 'local-functions-sources.png') });
      for (const title of ['AWS CDK', 'Serverless Framework', 'SAM / CloudFormation']) {
        assert.ok(await row(title).isVisible(), `the "${title}" group is not visible`);
      }
      // Each function under its own group: the CDK app's by construct path, then the service's, then the template's.
      const labels = (await sidebar.locator('.pane-body .monaco-list-row .label-name').allTextContents()).map((t) => t.trim());
      const at = (name: string) => labels.indexOf(name);
      assert.ok(at('AWS CDK') < at('OrdersStack/Checkout') && at('OrdersStack/Checkout') < at('Serverless Framework'), labels.join(' | '));
      assert.ok(at('Serverless Framework') < at('hello') && at('hello') < at('SAM / CloudFormation'), labels.join(' | '));
      assert.ok(at('SAM / CloudFormation') < at('ItemsFunction'), labels.join(' | '));
    } finally {
      fs.rmSync(cdkApp, { recursive: true, force: true });
      fs.rmSync(service, { recursive: true, force: true });
    }
    await palette('Serverless Explorer: Refresh Local Functions');
    await page.locator('#workbench\\.parts\\.sidebar .pane-header', { hasText: /^\s*AWS/ }).click();
  });

  it('pulls a deployed function from its context menu: listed under Pulled from AWS, its secret masked', async () => {
    // moto serves no code downloads: the stand-in in front of it serves this function's package at Code.Location.
    const standIn = await LayerApiStandIn.start(moto.endpoint);
    const settingsFile = path.join(workspace, '.vscode', 'settings.json');
    const pulledRoot = path.join(workspace, '.serverless-explorer');
    try {
      const src = path.join(scratch, 'checkout-src');
      fs.mkdirSync(src);
      fs.writeFileSync(path.join(src, 'index.js'), 'exports.handler = async (event) => ({ ok: true, table: process.env.ORDERS_TABLE, event });\n');
      const zip = zipFolder(src);
      const clients = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
      const iam = new IAMClient(clients);
      const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
      const role = (await iam.send(new CreateRoleCommand({ RoleName: 'checkout-e2e', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
      iam.destroy();
      const lambda = new LambdaClient(clients);
      await lambda.send(new CreateFunctionCommand({ FunctionName: 'checkout-prod', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: role, Code: { ZipFile: zip }, MemorySize: 1024, Timeout: 15, Environment: { Variables: { ORDERS_TABLE: 'orders-prod', STRIPE_SECRET_KEY: 'sk_live_51HxE2e4eC39HqLyjWDarjtT1zdp7dc', LOG_LEVEL: 'INFO' } } }));
      lambda.destroy();
      standIn.serveFunction('checkout-prod', zip);
      // The region it was made in, whatever the region picker's test left selected; both go with the file.
      fs.writeFileSync(settingsFile, JSON.stringify({ 'serverlessExplorer.endpointUrl': standIn.endpoint, 'serverlessExplorer.regions': ['us-east-1'] }));

      const sidebar = await openSidebar();
      const aws = sidebar.locator('.pane-header', { hasText: /^\s*AWS/ });
      if ((await aws.getAttribute('aria-expanded')) !== 'true') await aws.click();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.fill('>Serverless Explorer: Refresh');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: /Serverless Explorer: Refresh(?! Local)/ }).first().click();
      const row = (text: string | RegExp) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
      const regionRow = row(/^\s*us-east-1/);
      await regionRow.waitFor({ timeout: 30_000 });
      if ((await regionRow.getAttribute('aria-expanded')) !== 'true') await regionRow.click();
      const lambdaRow = row(/^\s*Lambda/);
      await lambdaRow.waitFor({ timeout: 30_000 });
      if ((await lambdaRow.getAttribute('aria-expanded')) !== 'true') await lambdaRow.click();
      await row('checkout-prod').waitFor({ timeout: 30_000 });
      await row('checkout-prod').click({ button: 'right' });
      // The keyboard, as for Open Monitor above: a row re-rendering under the menu can swallow a click.
      const focused = page.locator('.monaco-menu .action-item.focused');
      for (let i = 0; i < 10 && !((await focused.textContent().catch(() => '')) ?? '').includes('Pull to Run'); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      // Where: the workspace folder (first), then whose credentials: the profile's (first).
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '.serverless-explorer' }).first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(OUT, 'pull-where.png') });
      await input.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Its execution role' }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(OUT, 'pull-credentials.png') });
      await input.press('Enter');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Pulled checkout-prod' });
      await toast.waitFor({ timeout: 30_000 });
      assert.match((await toast.textContent()) ?? '', /1024 MB, 15 s, 3 environment variables, 1 hidden as secrets\) into \.serverless-explorer\/pulled\/checkout-prod/);
      assert.ok(fs.existsSync(path.join(pulledRoot, 'pulled', 'checkout-prod', 'code', 'index.js')), 'the code is in the workspace');

      const { sidebar: side } = await showLocalFunctions();
      const local = (text: string | RegExp) => side.locator('.monaco-list-row', { hasText: text }).first();
      // Under "Pulled from AWS" when the workspace has other kinds of project (the earlier tests' apps), else alone.
      await local('checkout-prod').waitFor({ timeout: 30_000 });
      await widenSidebar();
      await local('checkout-prod').hover();
      const hover = page.locator('.workbench-hover, .monaco-hover:not(.hidden)').filter({ hasText: 'Environment' }).first();
      await hover.waitFor({ timeout: 10_000 });
      const shown = ((await hover.textContent()) ?? '').replace(/\u00a0/g, ' ');
      assert.match(shown, /STRIPE_SECRET_KEY = •+ \(39 characters, hidden\)/);
      assert.match(shown, /ORDERS_TABLE = orders-prod/);
      assert.doesNotMatch(shown, /sk_live/);
      await page.screenshot({ path: path.join(OUT, 'pulled-function.png') });
    } finally {
      fs.rmSync(settingsFile, { force: true });
      fs.rmSync(pulledRoot, { recursive: true, force: true });
      await standIn.stop();
    }
    await page.keyboard.press('Escape');
    await palette('Serverless Explorer: Refresh Local Functions');
    // As the tests after it expect: the AWS view open again (showLocalFunctions folded it).
    const awsHeader = page.locator('#workbench\\.parts\\.sidebar .pane-header', { hasText: /^\s*AWS/ });
    if ((await awsHeader.getAttribute('aria-expanded')) !== 'true') await awsHeader.click();
  });

  it('guides a user without AWS profiles to the config file, and opens it with an example', async () => {
    await openSidebar();
    fs.rmSync(awsConfig);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Serverless Explorer: Refresh');
    // Not "Refresh Local Functions" (recently used, so it may come first).
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /Serverless Explorer: Refresh(?! Local)/ }).first().click();
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.getByText('No AWS profiles found', { exact: false }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'aws-welcome.png') });
    await sidebar.getByRole('button', { name: 'Open AWS Config File' }).click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'aws-config' });
    await tab.waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'AWS shared config' }).waitFor({ timeout: 30_000 });
    assert.ok(!fs.existsSync(awsConfig), 'the config file must not be written before the user saves it');
  });
});
