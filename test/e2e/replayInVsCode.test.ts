import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { CodeServer, installExtension } from '../support/codeServer';
import { MotoServer } from '../support/moto';
import { CACHE, ROOT, VSIX } from '../support/paths';
import { DEMO, seedDemo } from '../support/seed';
import { runFromPalette } from '../support/workbenchPalette';

// Replay from the logs in the packaged extension (code-server + Chromium, against moto): an orders-api invocation
// that logged its event with Powertools shows the three actions when expanded; a click on "Invoke deployed with this
// event" invokes the deployed function with it (moto answers with the payload it received) and the result view shows it.

const OUT = path.join(ROOT, 'test', 'e2e', 'out');
const REQUEST_ID = 'feedbeef-0000-4000-8000-00000000e2e1';
const EVENT = { 'detail-type': 'Order Placed', source: 'shop.orders', detail: { orderId: 'o-2051', replayMarker: 'replayed-from-the-logs' } };

describe('e2e: replay an invocation from the Monitor (code-server)', function () {
  this.timeout(180_000);
  let scratch: string;
  let moto: MotoServer;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run "npm run package" first`);
    fs.mkdirSync(OUT, { recursive: true });
    fs.mkdirSync(CACHE, { recursive: true });
    scratch = fs.mkdtempSync(path.join(CACHE, 'e2e-replay-'));
    const workspace = path.join(scratch, 'workspace');
    fs.mkdirSync(workspace);
    const awsConfig = path.join(scratch, 'aws-config');
    fs.writeFileSync(awsConfig, '[profile demo]\nregion = us-east-1\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    installExtension(scratch, VSIX);
    moto = await MotoServer.start();
    const now = Date.now();
    await seedDemo(moto.endpoint, now);
    // A newer invocation of orders-api in a stream of its own, logged by Powertools' logEvent.
    const logs = new CloudWatchLogsClient({ endpoint: moto.endpoint, region: DEMO.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const group = '/aws/lambda/orders-api';
    const stream = '2026/01/01/[$LATEST]e2e0000000000000000000000000000';
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
    const t = now - 20_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const lines = [
      `START RequestId: ${REQUEST_ID} Version: $LATEST`,
      JSON.stringify({ level: 'INFO', message: 'Lambda invocation event', service: 'orders', timestamp: iso(t + 1), cold_start: false, function_name: 'orders-api', function_request_id: REQUEST_ID, event: EVENT }),
      `${iso(t + 2)}\t${REQUEST_ID}\tINFO\tstored order o-2051`,
      `END RequestId: ${REQUEST_ID}`,
      `REPORT RequestId: ${REQUEST_ID}\tDuration: 31.40 ms\tBilled Duration: 32 ms\tMemory Size: 512 MB\tMax Memory Used: 74 MB\t`,
    ];
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: lines.map((message, i) => ({ timestamp: t + i, message })) }));
    server = await CodeServer.start({
      home: scratch,
      env: { AWS_CONFIG_FILE: awsConfig, AWS_SHARED_CREDENTIALS_FILE: path.join(scratch, 'none') },
      settings: { 'serverlessExplorer.endpointUrl': moto.endpoint },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.workbenchUrl(workspace));
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await page.screenshot({ path: path.join(OUT, 'failed-replay.png') }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await moto?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const palette = (command: string) => runFromPalette(page, command);

  it('expands an invocation that logged its event: the three actions; Invoke deployed with this event sends exactly it', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Serverless Explorer"]').click();
    const sidebar = page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.locator('.monaco-list-row', { hasText: 'us-east-1' }).first().waitFor({ timeout: 30_000 });
    await sidebar.locator('.monaco-list-row', { hasText: /^\s*Lambda/ }).first().click({ timeout: 30_000 });
    const fnRow = sidebar.locator('.monaco-list-row', { hasText: 'orders-api' }).first();
    await fnRow.click({ button: 'right', timeout: 30_000 });
    const focused = page.locator('.monaco-menu .action-item.focused');
    for (let i = 0; i < 10 && !((await focused.textContent().catch(() => '')) ?? '').includes('Open Monitor'); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const monitorTab = page.locator('.tabs-container .tab', { hasText: 'Monitor: orders-api' });
    await monitorTab.waitFor({ timeout: 30_000 });
    await monitorTab.click();
    await palette('View: Toggle Primary Side Bar Visibility');
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const row = webview.locator('.row.inv', { hasText: REQUEST_ID });
    await row.waitFor({ timeout: 30_000 });
    await row.locator('.toggle').click();
    const actions = webview.locator('.row.actions');
    await actions.waitFor({ timeout: 10_000 });
    assert.match(await actions.innerText(), /event logged by Powertools/);
    assert.deepEqual(await actions.locator('button').allInnerTexts(), ['Replay locally', 'Invoke deployed with this event', 'Save as test event']);
    await page.mouse.move(1200, 780);
    await page.screenshot({ path: path.join(OUT, 'monitor-replay.png') });
    // A seeded invocation that logged no event: opened, it offers nothing.
    const plain = webview.locator('.row.inv', { hasText: '1a2b3c4d-0000-4000-8000-000000000001' });
    await plain.locator('.toggle').click();
    await webview.locator('.row.nested', { hasText: 'processed order 1001' }).waitFor({ timeout: 10_000 });
    assert.equal(await webview.locator('.row.actions').count(), 1, 'actions only under the invocation that logged its event');

    await actions.locator('button', { hasText: 'Invoke deployed with this event' }).click();
    const result = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
    await result.locator('.status', { hasText: 'Succeeded (200)' }).waitFor({ timeout: 30_000 });
    const payload = JSON.parse((await result.locator('#payload').textContent()) ?? '') as unknown;
    assert.deepEqual(payload, EVENT, 'moto echoes the payload: the deployed function got the logged event');
    await page.screenshot({ path: path.join(OUT, 'monitor-replay-invoked.png') });
  });
});
