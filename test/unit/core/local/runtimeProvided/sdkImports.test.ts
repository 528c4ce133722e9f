import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { awsSdkImports } from '../../../../../src/core/local/runtimeProvided/sdkImports';

describe("the runtime SDK's packages a function imports (src/core/local/runtimeProvided/sdkImports.ts)", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-sdk-imports-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds every import form in its own files, and leaves out node_modules and the CRT signers a bundled SDK only tries to load', async () => {
    fs.writeFileSync(path.join(dir, 'app.mjs'), "import { S3Client } from '@aws-sdk/client-s3';\nexport * from \"@aws-sdk/lib-dynamodb\";\nconst later = () => import('@aws-sdk/client-sqs');\n");
    // What esbuild makes of an SDK that probes for the CRT: a require inside try/catch, which Lambda cannot satisfy either.
    fs.writeFileSync(path.join(dir, 'bundle.js'), "try { require('@aws-sdk/signature-v4-crt'); } catch {}\ntry { require(\"@aws-sdk/signature-v4a\"); } catch {}\nconst sts = require('@aws-sdk/client-sts');\n");
    fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'index.js'), "require('@aws-sdk/client-ec2');\n");
    assert.deepEqual(await awsSdkImports(dir), ['@aws-sdk/client-s3', '@aws-sdk/client-sqs', '@aws-sdk/client-sts', '@aws-sdk/lib-dynamodb']);
  });
});
