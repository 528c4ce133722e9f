import * as fs from 'node:fs';
import * as path from 'node:path';
import { MotoServer } from './moto';
import { summaryLine } from './mochaRun';
import type { TestSummary } from './mochaRun';
import { CACHE, ROOT } from './paths';
import { runInHost } from './runInHost';
import type { HostRun } from './runInHost';
import { DEMO, seedDemo, seedManyFunctions } from './seed';

/** Integration tests: the mocha suite of test/integration inside a real extension host, against a seeded moto_server. */
export async function runIntegration(summaryFile?: string, host: (run: HostRun) => Promise<number> = runInHost): Promise<TestSummary> {
  fs.mkdirSync(CACHE, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(CACHE, 'integration-'));
  const summaryPath = summaryFile ?? path.join(scratch, 'summary.json');
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'README.md'), '# integration test workspace\n');
  writeLocalFunctions(workspace);
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
    const summary: TestSummary = fs.existsSync(summaryPath)
      ? JSON.parse(fs.readFileSync(summaryPath, 'utf8'))
      : { suite: 'integration', passed: 0, failed: 1, skipped: 0 };
    if (code !== 0 && summary.failed === 0) return { ...summary, failed: 1 };
    return summary;
  } finally {
    await moto.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runIntegration(process.env.SE_TEST_SUMMARY).then(
    (summary) => {
      console.log(`integration: ${summaryLine(summary)}`);
      process.exitCode = summary.failed > 0 || summary.passed === 0 ? 1 : 0;
    },
    (error: Error) => {
      console.error(`integration: ${error.message}`);
      process.exitCode = 1;
    },
  );
}

/**
 * A SAM app for the local-runtime tests. Named app.template.yaml, not template.yaml: the latter would
 * activate the extension at startup (workspaceContains), which the activation test must not see.
 */
function writeLocalFunctions(workspace: string): void {
  const app = path.join(workspace, 'app');
  fs.mkdirSync(path.join(app, 'node'), { recursive: true });
  fs.mkdirSync(path.join(app, 'python'), { recursive: true });
  fs.writeFileSync(
    path.join(app, 'app.template.yaml'),
    [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Timeout: 5',
      '    Environment:',
      '      Variables:',
      '        STAGE: local',
      'Resources:',
      '  HelloNode:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: node/',
      '      Handler: index.handler',
      '      Runtime: nodejs20.x',
      '      MemorySize: 256',
      '      Environment:',
      '        Variables:',
      '          TABLE: !Ref OrdersTable',
      '  FailingNode:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: node/',
      '      Handler: index.fail',
      '      Runtime: nodejs20.x',
      '  HelloPython:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: python/',
      '      Handler: app.handler',
      '      Runtime: python3.11',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(app, 'node', 'index.js'),
    [
      'let calls = 0;',
      'exports.handler = async (event, context) => {',
      '  calls++;',
      "  console.log('records', (event.Records || []).length);",
      '  return { calls, stage: process.env.STAGE, fn: context.functionName, source: event.Records && event.Records[0] && event.Records[0].eventSource };',
      '};',
      "exports.fail = async () => { throw new RangeError('quantity must be positive'); };",
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(app, 'python', 'app.py'), 'def handler(event, context):\n    print("python got", sorted(event))\n    return {"keys": sorted(event), "memory": context.memory_limit_in_mb}\n');
}
