import * as fs from 'node:fs';
import * as path from 'node:path';

// A monorepo with functions of all four sources side by side (our own text, shaped like what each tool writes):
// a SAM template, a synthesized CDK app (cdk.json + cdk.out), a Serverless Framework service and a Terraform
// configuration, each in its folder with one tiny index.js per function. Then one change at a time, each source in
// turn: a function added, its handler changed, it removed again.

export type SourceKind = 'sam' | 'cdk' | 'serverless' | 'terraform';
export const SOURCE_KINDS: readonly SourceKind[] = ['sam', 'cdk', 'serverless', 'terraform'];

/** One function as the Local Functions view lists it. */
export interface ListedFunction {
  readonly name: string;
  readonly handler: string;
}

const HANDLER = 'index.handler';
const OTHER_HANDLER = 'index.other';
const INDEX_JS = "exports.handler = async () => 'ok';\nexports.other = async () => 'other';\n";
const EXTRA = 'extra';

/** How each source lists function `id`: its name (logical id, construct path, key, resource address) and handler. */
const listedAs: Record<SourceKind, (e: Entry) => ListedFunction> = {
  sam: (e) => ({ name: `Sam${e.id}`, handler: e.handler }),
  cdk: (e) => ({ name: `BenchStack/Cdk${e.id}`, handler: e.handler }),
  serverless: (e) => ({ name: `sls${e.id}`, handler: `functions/${e.id}/${e.handler}` }),
  terraform: (e) => ({ name: `aws_lambda_function.tf${e.id}`, handler: e.handler }),
};

/** The id of function i: Fn001…, and the extra one. */
const idOf = (i: number | typeof EXTRA) => (i === EXTRA ? 'Extra' : `Fn${String(i).padStart(3, '0')}`);

/** The folder of each source under the workspace, and the one file a change rewrites. */
export const SOURCE_FILES: Record<SourceKind, string> = {
  sam: 'sam-app/template.yaml',
  cdk: 'cdk-app/cdk.out/BenchStack.template.json',
  serverless: 'sls-app/serverless.yml',
  terraform: 'tf-app/main.tf',
};

const codeFolder: Record<SourceKind, (id: string) => string> = {
  sam: (id) => `sam-app/functions/${id}`,
  cdk: (id) => `cdk-app/cdk.out/asset.${id}`,
  serverless: (id) => `sls-app/functions/${id}`,
  terraform: (id) => `tf-app/functions/${id}`,
};

interface Entry {
  readonly id: string;
  readonly handler: string;
}

const samTemplate = (entries: readonly Entry[]) =>
  [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Globals:',
    '  Function:',
    '    Runtime: nodejs20.x',
    'Resources:',
    ...entries.flatMap((e) => [`  Sam${e.id}:`, '    Type: AWS::Serverless::Function', '    Properties:', `      CodeUri: functions/${e.id}`, `      Handler: ${e.handler}`]),
    '',
  ].join('\n');

const cdkTemplate = (entries: readonly Entry[]) =>
  JSON.stringify(
    {
      Resources: Object.fromEntries(
        entries.map((e) => [
          `Cdk${e.id}A1B2C3D4`,
          {
            Type: 'AWS::Lambda::Function',
            Properties: { Code: { S3Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' }, S3Key: `${e.id}.zip` }, Handler: e.handler, Runtime: 'nodejs20.x' },
            Metadata: { 'aws:cdk:path': `BenchStack/Cdk${e.id}/Resource`, 'aws:asset:path': `asset.${e.id}`, 'aws:asset:is-bundled': false, 'aws:asset:property': 'Code' },
          },
        ]),
      ),
    },
    null,
    1,
  );

const cdkManifest = JSON.stringify(
  {
    version: '36.0.0',
    artifacts: {
      BenchStack: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'BenchStack.template.json' }, displayName: 'BenchStack' },
    },
  },
  null,
  1,
);

const serverlessYml = (entries: readonly Entry[]) =>
  [
    'service: bench-service',
    "frameworkVersion: '3'",
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    'functions:',
    ...entries.flatMap((e) => [`  sls${e.id}:`, `    handler: functions/${e.id}/${e.handler}`]),
    '',
  ].join('\n');

const terraformMain = (entries: readonly Entry[]) =>
  entries
    .flatMap((e) => [
      `data "archive_file" "tf${e.id}" {`,
      '  type        = "zip"',
      `  source_dir  = "\${path.module}/functions/${e.id}"`,
      `  output_path = "\${path.module}/build/${e.id}.zip"`,
      '}',
      '',
      `resource "aws_lambda_function" "tf${e.id}" {`,
      `  function_name = "tf${e.id}"`,
      `  filename      = data.archive_file.tf${e.id}.output_path`,
      `  handler       = "${e.handler}"`,
      '  runtime       = "nodejs20.x"',
      '}',
      '',
    ])
    .join('\n');

const sourceText: Record<SourceKind, (entries: readonly Entry[]) => string> = { sam: samTemplate, cdk: cdkTemplate, serverless: serverlessYml, terraform: terraformMain };

/** What a change did, and what the view lists after it. */
export interface SourcesChange {
  readonly kind: SourceKind;
  readonly what: 'added' | 'handler changed' | 'removed';
  readonly file: string;
  readonly expected: ListedFunction[];
}

export class SourcesWorkspace {
  private readonly states = new Map<SourceKind, { entries: Entry[] }>();
  private round = 0;

  private constructor(
    readonly root: string,
    readonly perSource: number,
  ) {}

  /** The workspace `write` writes under `root`, as it is before its first change (for a process that did not write it). */
  static at(root: string, perSource = 50): SourcesWorkspace {
    const workspace = new SourcesWorkspace(root, perSource);
    for (const kind of SOURCE_KINDS) workspace.states.set(kind, { entries: Array.from({ length: perSource }, (_, i) => ({ id: idOf(i + 1), handler: HANDLER })) });
    return workspace;
  }

  /** Writes the workspace under `root` (created): `perSource` functions in each of the four sources. */
  static write(root: string, perSource = 50): SourcesWorkspace {
    const workspace = SourcesWorkspace.at(root, perSource);
    for (const kind of SOURCE_KINDS) {
      for (const e of [...workspace.states.get(kind)!.entries, { id: idOf(EXTRA) }]) workspace.put(path.join(codeFolder[kind](e.id), 'index.js'), INDEX_JS);
      workspace.writeSource(kind);
    }
    workspace.put('cdk-app/cdk.json', JSON.stringify({ app: 'node bin/app.js' }));
    workspace.put('cdk-app/cdk.out/manifest.json', cdkManifest);
    return workspace;
  }

  /** Every function, sorted by name: what the view lists now. */
  listed(): ListedFunction[] {
    return SOURCE_KINDS.flatMap((kind) => this.states.get(kind)!.entries.map(listedAs[kind])).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The next change, written: the sources take turns; each adds its extra function, changes its handler, removes it. */
  change(): SourcesChange {
    const kind = SOURCE_KINDS[this.round % SOURCE_KINDS.length];
    const step = Math.floor(this.round / SOURCE_KINDS.length) % 3;
    this.round++;
    const state = this.states.get(kind)!;
    const extra = idOf(EXTRA);
    const what = (['added', 'handler changed', 'removed'] as const)[step];
    state.entries = state.entries.filter((e) => e.id !== extra);
    if (what !== 'removed') state.entries.push({ id: extra, handler: what === 'added' ? HANDLER : OTHER_HANDLER });
    this.writeSource(kind);
    return { kind, what, file: path.join(this.root, SOURCE_FILES[kind]), expected: this.listed() };
  }

  private writeSource(kind: SourceKind): void {
    this.put(SOURCE_FILES[kind], sourceText[kind](this.states.get(kind)!.entries));
  }

  private put(relative: string, text: string): void {
    const file = path.join(this.root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** Sorted name/handler pairs of definitions, for comparing with listed(). */
export function listedOf(functions: readonly { readonly name: string; readonly handler: string }[]): ListedFunction[] {
  return functions.map((f) => ({ name: f.name, handler: f.handler })).sort((a, b) => a.name.localeCompare(b.name));
}
