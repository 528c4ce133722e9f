import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeServer, installExtension } from '../test/support/codeServer';
import { portInUse } from '../test/support/freePort';
import { readFirstLine } from '../test/support/firstLine';
import { MotoServer } from '../test/support/moto';
import { CACHE, VSIX } from '../test/support/paths';
import { writeSampleApp } from '../test/support/sampleApp';
import { writeTypeScriptApp } from '../test/support/typescriptApp';
import { groupAlive, stopGroup } from '../test/support/processGroup';
import { DEMO, seedDemo } from '../test/support/seed';
import { PULLABLE, seedPullableFunction } from '../test/support/pullableFunction';
import { freePort } from '../test/support/freePort';
import { spawnGroup } from '../test/support/processGroup';

// The demo: the packaged extension in a real VS Code (code-server) wired to a seeded local moto_server.
// Both keep running on 127.0.0.1 after this script ends; `bash scripts/demo.sh stop` stops them by process group.

const DIR = path.join(CACHE, 'demo');
const STATE = path.join(DIR, 'state.json');

interface DemoState {
  readonly url: string;
  readonly motoEndpoint: string;
  readonly motoPid: number;
  /** The stand-in in front of moto that serves function packages (moto serves none), which the extension talks to. */
  readonly standInEndpoint?: string;
  readonly standInPid?: number;
  readonly codeServerPid: number;
}

function readState(): DemoState | undefined {
  try {
    return JSON.parse(fs.readFileSync(STATE, 'utf8')) as DemoState;
  } catch {
    return undefined;
  }
}

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name}=${value} is not a port number (1–65535).`);
  return n;
}

async function start(): Promise<void> {
  const running = readState();
  if (running && groupAlive(running.codeServerPid) && groupAlive(running.motoPid) && (!running.standInPid || groupAlive(running.standInPid))) {
    printStarted(running, true);
    return;
  }
  if (running) await stop(false);
  const codePort = port('SE_DEMO_PORT', 8080);
  const motoPort = port('SE_DEMO_MOTO_PORT', 5000);
  for (const [p, variable] of [[codePort, 'SE_DEMO_PORT'], [motoPort, 'SE_DEMO_MOTO_PORT']] as const) {
    if (await portInUse(p)) {
      throw new Error(`Port ${p} on 127.0.0.1 is already in use. Stop what uses it, or choose another port: ${variable}=${p + 1} bash scripts/demo.sh`);
    }
  }
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run "npm run package" first.`);

  fs.rmSync(DIR, { recursive: true, force: true });
  const home = path.join(DIR, 'home');
  const workspace = path.join(DIR, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(
    path.join(workspace, 'README.md'),
    '# Serverless Explorer demo\n\nOpen the Serverless Explorer icon in the activity bar. The AWS view lists the `demo` and `demo-eu` profiles,\n' +
      'which point at a local moto_server seeded with Lambda functions, Fargate services, logs and metrics.\n' +
      'The Local Functions view lists the SAM app in app/: run its functions locally, without Docker.\n',
  );
  writeSampleApp(workspace, 'template.yaml');
  writeTypeScriptApp(workspace);
  const awsConfig = path.join(DIR, 'aws-config');
  fs.writeFileSync(
    awsConfig,
    `[profile demo]\nregion = ${DEMO.region}\naws_access_key_id = testing\naws_secret_access_key = testing\n\n` +
      `[profile demo-eu]\nregion = ${DEMO.secondRegion}\naws_access_key_id = testing\naws_secret_access_key = testing\n`,
  );

  step(`starting moto_server on 127.0.0.1:${motoPort}`);
  const moto = await MotoServer.start({ port: motoPort, detached: true });
  let standInPid: number | undefined;
  try {
    step('seeding Lambda functions, Fargate services, logs and metrics');
    await seedDemo(moto.endpoint);
    const packages = path.join(DIR, 'packages');
    await seedPullableFunction(moto.endpoint, packages);
    step(`starting the stand-in that serves ${PULLABLE}'s package (moto serves no code downloads), in front of moto`);
    // Its errors go to a log of its own: an inherited stderr would keep this script's output open after it ends.
    const standInLog = fs.openSync(path.join(DIR, 'stand-in.log'), 'w');
    const standIn = spawnGroup(process.execPath, [path.join(__dirname, '..', 'test', 'support', 'standInMain.js'), moto.endpoint, String(await freePort()), packages], { stdio: ['ignore', 'pipe', standInLog] });
    fs.closeSync(standInLog);
    standInPid = standIn.pid;
    const standInEndpoint = await readFirstLine(standIn.stdout!, 10_000);
    standIn.stdout!.destroy();
    standIn.unref();
    step('installing the extension into code-server');
    installExtension(home, VSIX);
    step(`starting code-server on 127.0.0.1:${codePort}`);
    const server = await CodeServer.start({
      home,
      port: codePort,
      detached: true,
      env: { AWS_CONFIG_FILE: awsConfig, AWS_SHARED_CREDENTIALS_FILE: path.join(DIR, 'aws-credentials'), AWS_PROFILE: '' },
      settings: {
        'serverlessExplorer.profiles': ['demo', 'demo-eu'],
        'serverlessExplorer.endpointUrl': standInEndpoint,
      },
    });
    const state: DemoState = { url: server.workbenchUrl(workspace), motoEndpoint: moto.endpoint, motoPid: moto.pid, standInEndpoint, standInPid: standIn.pid, codeServerPid: server.pid };
    fs.writeFileSync(STATE, JSON.stringify(state, null, 2));
    printStarted(state, false);
  } catch (error) {
    await stopGroup(standInPid);
    await moto.stop();
    throw error;
  }
}

async function stop(verbose = true): Promise<void> {
  const state = readState();
  if (!state) {
    if (verbose) console.log('The demo is not running.');
    return;
  }
  await stopGroup(state.codeServerPid, 5000);
  await stopGroup(state.standInPid);
  await stopGroup(state.motoPid);
  fs.rmSync(STATE, { force: true });
  if (verbose) console.log('Stopped the demo (code-server, the stand-in and moto_server).');
}

function step(text: string): void {
  console.log(`[demo] ${text}`);
}

function printStarted(state: DemoState, already: boolean): void {
  console.log(`
${already ? 'The demo is already running.' : 'The demo is running.'}

  Open VS Code:   ${state.url}
  moto_server:    ${state.motoEndpoint}   (try: AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing aws --endpoint-url ${state.motoEndpoint} --region ${DEMO.region} lambda list-functions)
  Packages:       ${state.standInEndpoint ?? '(none)'}   (a stand-in in front of moto that serves function packages: right-click ${PULLABLE} → Pull to Run and Debug Locally…)
  Stop it:        bash scripts/demo.sh stop
`);
}

const command = process.argv[2] ?? 'start';
const action = command === 'start' ? start : command === 'stop' ? () => stop() : undefined;
if (!action) {
  console.error(`Unknown demo command "${command}". Use: bash scripts/demo.sh [start|stop]`);
  process.exitCode = 2;
} else {
  action().catch((error: Error) => {
    console.error(`[demo] ${error.message}`);
    process.exitCode = 1;
  });
}
