import * as fs from 'node:fs';
import * as path from 'node:path';
import { MotoServer } from './moto';
import { hostSummary, runAsScript } from './mochaRun';
import type { TestSummary } from './mochaRun';
import { CACHE, ROOT } from './paths';
import { runInHost } from './runInHost';
import type { HostRun } from './runInHost';
import { DEMO, seedDemo, seedManyFunctions } from './seed';
import { writeSampleApp } from './sampleApp';
import { installDependencies, writeHelloTs } from './esbuildProjects';
import { writeTypeScriptApp } from './typescriptApp';
import { writeApiApp } from './apiApp';
import { packPythonExtensionStandIn } from './pythonExtensionStandIn';

/** Integration tests: the mocha suite of test/integration inside a real extension host, against a seeded moto_server. */
export async function runIntegration(summaryFile?: string, host: (run: HostRun) => Promise<number> = runInHost): Promise<TestSummary> {
  fs.mkdirSync(CACHE, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(CACHE, 'integration-'));
  const summaryPath = summaryFile ?? path.join(scratch, 'summary.json');
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'README.md'), '# integration test workspace\n');
  // Not template.yaml: that name would activate the extension at startup (workspaceContains), which the activation test must not see.
  writeSampleApp(workspace, 'app.template.yaml');
  writeTypeScriptApp(workspace);
  writeApiApp(workspace);
  // The sam init hello-ts layout (Metadata: BuildMethod: esbuild), with its esbuild installed as npm install does.
  installDependencies(path.join(writeHelloTs(path.join(workspace, 'hello-ts'), 'esbuild.template.yaml'), 'hello-world'));
  const awsConfig = path.join(scratch, 'aws-config');
  fs.writeFileSync(
    awsConfig,
    '[profile moto]\nregion = us-east-1\naws_access_key_id = testing\naws_secret_access_key = testing\n\n' +
      '[profile moto-eu]\nregion = eu-west-1\naws_access_key_id = testing\naws_secret_access_key = testing\n\n' +
      // Two profiles whose credentials fail: an SSO one never signed in, and a failing credential_process.
      '[profile eu]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev\nregion = eu-west-1\n\n' +
      '[profile broken]\nregion = us-east-1\ncredential_process = /bin/false\n\n' +
      '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
  );
  const moto = await MotoServer.start();
  try {
    await seedDemo(moto.endpoint);
    // 120 functions over two regions with the demo's own (see test/integration/explorer.test.ts).
    await seedManyFunctions(moto.endpoint, DEMO.region, 'bulk-east', 120 / 2 - DEMO.functions.length);
    await seedManyFunctions(moto.endpoint, DEMO.secondRegion, 'bulk-west', 120 / 2 - DEMO.secondRegionFunctions.length);
    const code = await host({
      extensionDevelopmentPath: ROOT,
      // The Python extension cannot be installed here (no marketplace): a stand-in of its API (test/integration/interpreters.test.ts).
      vsixes: [packPythonExtensionStandIn(scratch)],
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
      workspace,
      env: {
        SE_TEST_SUMMARY: summaryPath,
        SE_MOTO_ENDPOINT: moto.endpoint,
        AWS_CONFIG_FILE: awsConfig,
        AWS_SHARED_CREDENTIALS_FILE: path.join(scratch, 'aws-credentials-none'),
        AWS_PROFILE: '',
        // The SSO token cache must not be the machine's own.
        HOME: scratch,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    return hostSummary('integration', summaryPath, code);
  } finally {
    await moto.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) runAsScript('integration', runIntegration);
