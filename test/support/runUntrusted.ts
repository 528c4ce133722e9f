import * as fs from 'node:fs';
import * as path from 'node:path';
import { MotoServer } from './moto';
import { hostSummary, runAsScript } from './mochaRun';
import type { TestSummary } from './mochaRun';
import { CACHE, ROOT } from './paths';
import { runInHost } from './runInHost';
import { seedDemo } from './seed';

/**
 * Restricted Mode: test/untrusted inside a real extension host whose folder is not trusted (Workspace Trust on),
 * against a seeded moto_server. Apart from the integration suite because trust is fixed for a window.
 */
export async function runUntrusted(summaryFile?: string): Promise<TestSummary> {
  fs.mkdirSync(CACHE, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(CACHE, 'untrusted-'));
  const summaryPath = summaryFile ?? path.join(scratch, 'summary.json');
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
  // A handler that leaves a mark when anything loads it: in Restricted Mode nothing may.
  fs.writeFileSync(path.join(workspace, 'src', 'app.js'), "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'ran.marker'), 'loaded');\nexports.handler = async () => 'ran';\n");
  fs.writeFileSync(
    path.join(workspace, 'template.yaml'),
    'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  MarkerFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.handler\n      Runtime: nodejs20.x\n',
  );
  const awsConfig = path.join(scratch, 'aws-config');
  fs.writeFileSync(awsConfig, '[profile moto]\nregion = us-east-1\naws_access_key_id = testing\naws_secret_access_key = testing\n');
  const moto = await MotoServer.start();
  try {
    await seedDemo(moto.endpoint);
    const code = await runInHost({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'untrusted', 'index.js'),
      workspace,
      untrusted: true,
      env: {
        SE_TEST_SUMMARY: summaryPath,
        SE_MOTO_ENDPOINT: moto.endpoint,
        AWS_CONFIG_FILE: awsConfig,
        AWS_SHARED_CREDENTIALS_FILE: path.join(scratch, 'aws-credentials-none'),
        AWS_PROFILE: '',
        HOME: scratch,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    return hostSummary('untrusted', summaryPath, code);
  } finally {
    await moto.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) runAsScript('untrusted', runUntrusted);
