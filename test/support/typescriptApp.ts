import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The line of `const bucket = …` in ts-app/src/handler.ts: where the debugging tests put their breakpoint. */
export const BREAKPOINT_LINE = 9;

const HANDLER = `import { describe } from './describe';

interface S3Like {
  Records: { s3: { bucket: { name: string }; object: { key: string } } }[];
}

export const handler = async (event: S3Like) => {
  const record = event.Records[0];
  const bucket = record.s3.bucket.name;
  if (bucket === 'refuse') throw new RangeError(\`bucket \${bucket} refused\`);
  if (bucket === 'slow') await new Promise((resolve) => setTimeout(resolve, 60_000));
  console.log('described', bucket);
  return describe(bucket, record.s3.object.key);
};
`;

const DESCRIBE = `export function describe(bucket: string, key: string): { object: string; length: number } {
  const object = \`s3://\${bucket}/\${decodeURIComponent(key)}\`;
  return { object, length: object.length };
}
`;

/**
 * A TypeScript Lambda app in <workspace>/ts-app, in the two layouts users have: tsc output beside the sources
 * (dist-tsc, one .js and .js.map per file) and an esbuild bundle (dist-esbuild/handler.js with one map), each a
 * function of ts-app/ts.template.yaml — the workspace's second template.
 */
export function writeTypeScriptApp(workspace: string): void {
  const app = path.join(workspace, 'ts-app');
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  fs.writeFileSync(path.join(app, 'src', 'handler.ts'), HANDLER);
  fs.writeFileSync(path.join(app, 'src', 'describe.ts'), DESCRIBE);
  fs.writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', rootDir: 'src', outDir: 'dist-tsc', sourceMap: true, strict: true, skipLibCheck: true, types: [] }, include: ['src'] }, null, 2),
  );
  fs.writeFileSync(
    path.join(app, 'ts.template.yaml'),
    [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Runtime: nodejs20.x',
      '    Timeout: 5',
      'Resources:',
      '  TsHandlerTsc:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: dist-tsc/',
      '      Handler: handler.handler',
      '  TsHandlerEsbuild:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: dist-esbuild/',
      '      Handler: handler.handler',
      '',
    ].join('\n'),
  );
  execFileSync(process.execPath, [require.resolve('typescript/lib/tsc.js'), '-p', path.join(app, 'tsconfig.json')], { stdio: 'inherit' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a dev dependency, only where fixtures are written
  const esbuild = require('esbuild') as typeof import('esbuild');
  esbuild.buildSync({ entryPoints: [path.join(app, 'src', 'handler.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, outfile: path.join(app, 'dist-esbuild', 'handler.js'), logLevel: 'error' });
}
