import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Our own projects in the layouts of sam init's TypeScript starters (hello-ts, hello-ts-pt): a template.yaml with
// `Metadata: BuildMethod: esbuild`, the code in hello-world/ with its package.json and tsconfig, events/event.json.

/** The line of `const name = …` in hello-world/app.ts: where the debugging test puts its breakpoint. */
export const APP_BREAKPOINT_LINE = 8;

const APP = `import { greeting } from './greeting';

interface ApiEvent {
  queryStringParameters?: Record<string, string> | null;
  path?: string;
}
export const lambdaHandler = async (event: ApiEvent) => {
  const name = event.queryStringParameters?.name ?? 'world';
  if (name === 'fail') throw new TypeError(\`no greeting for \${name}\`);
  return { statusCode: 200, body: JSON.stringify({ message: greeting(name), path: event.path }) };
};
`;
/** The 1-based line of the throw in APP (what a mapped stack trace points at). */
export const APP_THROW_LINE = 9;

const GREETING = `export const greeting = (name: string): string => \`hello \${name}\`;
`;

const PT_APP = `import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const logger = new Logger({ serviceName: 'orders' });
const metrics = new Metrics({ namespace: 'fixtures', serviceName: 'orders' });

export const lambdaHandler = async (event: { orderId?: string }) => {
  logger.info('order received', { orderId: event.orderId });
  metrics.addMetric('ordersReceived', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
  return { statusCode: 200, body: JSON.stringify({ orderId: event.orderId, logger: typeof Logger }) };
};
`;

const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'es2020', strict: true, preserveConstEnums: true, noEmit: true, sourceMap: false, module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, skipLibCheck: true }, exclude: ['node_modules'] }, null, 2);

/** sam init hello-ts's event: GET /hello on the implicit REST API. */
const HELLO_EVENT = ['Events:', '  HelloWorld:', '    Type: Api', '    Properties:', '      Path: /hello', '      Method: get'];

function template(functionId: string, buildProperties: string[], events: string[] = []): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Globals:',
    '  Function:',
    '    Timeout: 10',
    'Resources:',
    `  ${functionId}:`,
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      CodeUri: hello-world/',
    '      Handler: app.lambdaHandler',
    '      Runtime: nodejs20.x',
    '      Architectures:',
    '        - x86_64',
    ...events.map((line) => `      ${line}`),
    '    Metadata:',
    '      BuildMethod: esbuild',
    '      BuildProperties:',
    ...buildProperties.map((line) => `        ${line}`),
    '',
  ].join('\n');
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

/** hello-ts: one function, GreetFunction (GET /hello), bundled from app.ts (and greeting.ts). Without node_modules: see installDependencies. */
export function writeHelloTs(root: string, templateName = 'template.yaml'): string {
  write(root, {
    [templateName]: template('GreetFunction', ['Minify: true', 'Target: "es2020"', 'Sourcemap: true', 'EntryPoints:', '  - app.ts'], HELLO_EVENT),
    'events/event.json': JSON.stringify({ path: '/hello', queryStringParameters: { name: 'ada' } }, null, 2),
    'hello-world/app.ts': APP,
    'hello-world/greeting.ts': GREETING,
    'hello-world/tsconfig.json': TSCONFIG,
    'hello-world/package.json': JSON.stringify({ name: 'greet', version: '1.0.0', private: true, devDependencies: { esbuild: '^0.28.0' } }, null, 2),
  });
  return root;
}

/** hello-ts-pt: OrdersFunction with Powertools' Logger (bundled) and Metrics (External: resolved from node_modules when it runs). */
export function writeHelloTsPt(root: string): string {
  write(root, {
    'template.yaml': template('OrdersFunction', ['Minify: true', 'Target: "es2020"', 'External:', '  - "@aws-lambda-powertools/metrics"', 'EntryPoints:', '  - app.ts']),
    'events/event.json': JSON.stringify({ orderId: 'o-1' }, null, 2),
    'hello-world/app.ts': PT_APP,
    'hello-world/tsconfig.json': TSCONFIG,
    'hello-world/package.json': JSON.stringify(
      { name: 'orders', version: '1.0.0', private: true, dependencies: { '@aws-lambda-powertools/logger': '^2.0.0', '@aws-lambda-powertools/metrics': '^2.0.0' }, devDependencies: { esbuild: '^0.28.0' } },
      null,
      2,
    ),
  });
  return root;
}

/**
 * The code folder's npm dependencies, as `npm install` there would make them: installed once per package.json into a
 * folder of the machine's temp dir (so that the suite stays fast), and linked as the code folder's node_modules.
 */
export function installDependencies(codeDir: string): void {
  const manifest = fs.readFileSync(path.join(codeDir, 'package.json'), 'utf8');
  const installed = path.join(os.tmpdir(), 'serverless-explorer-test-npm', createHash('sha256').update(manifest).digest('hex').slice(0, 16));
  if (!fs.existsSync(path.join(installed, 'done'))) {
    fs.rmSync(installed, { recursive: true, force: true });
    fs.mkdirSync(installed, { recursive: true });
    fs.writeFileSync(path.join(installed, 'package.json'), manifest);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: installed, stdio: 'pipe', timeout: 300_000 });
    fs.writeFileSync(path.join(installed, 'done'), '');
  }
  fs.rmSync(path.join(codeDir, 'node_modules'), { recursive: true, force: true });
  fs.symlinkSync(path.join(installed, 'node_modules'), path.join(codeDir, 'node_modules'), 'dir');
}
