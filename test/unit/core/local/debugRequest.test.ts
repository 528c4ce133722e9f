import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { debuggerConfiguration } from '../../../../src/core/local/debugLaunch';
import { LaunchConfigError, resolveLaunchEvent, resolveLaunchTarget } from '../../../../src/core/local/debugRequest';
import { substituteVariables } from '../../../../src/core/local/launchVariables';
import { PausableTimer } from '../../../../src/core/local/pausableTimer';

// What an `aws-lambda-local` launch configuration turns into: the function, the event, the variables in it, and
// the Node debugger's launch; and the timeout clock a breakpoint stops.

describe('core/local aws-lambda-local launch configurations', () => {
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-launch-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'index.js'), 'exports.handler = async () => 1;\n');
    fs.writeFileSync(
      path.join(root, 'template.yaml'),
      ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Api:', '    Type: AWS::Serverless::Function', '    Properties:', '      CodeUri: src/', '      Handler: index.handler', '      Runtime: nodejs20.x', '      Timeout: 9', '      Environment:', '        Variables:', '          TABLE: !Ref T', '  T:', '    Type: AWS::DynamoDB::Table', ''].join('\n'),
    );
    fs.mkdirSync(path.join(root, '.vscode', 'lambda-events', 'Api'), { recursive: true });
    fs.writeFileSync(path.join(root, '.vscode', 'lambda-events', 'Api', 'big order.json'), '{"order": 42}');
    fs.writeFileSync(path.join(root, 'event.json'), '{"from": "file"}');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('the target', () => {
    it('a template function, with the configuration overriding timeout, memory and environment', async () => {
      const d = await resolveLaunchTarget({ template: 'template.yaml', logicalId: 'Api', timeout: 30, memorySize: 512, environment: { STAGE: 'dev', N: 1 as unknown as string } }, root);
      assert.equal(d.codeDir, path.join(root, 'src'));
      assert.equal(d.handler, 'index.handler');
      assert.equal(d.timeoutSeconds, 30);
      assert.equal(d.memoryMb, 512);
      assert.deepEqual({ ...d.environment, TABLE: 'from the template' }, { TABLE: 'from the template', STAGE: 'dev', N: '1' });
      assert.ok(d.environment.TABLE, "the template's own variables stay");
    });

    it('a code directory and handler, without a template', async () => {
      const d = await resolveLaunchTarget({ codeUri: 'src', handler: 'index.handler', runtime: 'nodejs22.x' }, root);
      assert.deepEqual([d.codeDir, d.handler, d.runtime, d.timeoutSeconds], [path.join(root, 'src'), 'index.handler', 'nodejs22.x', 3]);
    });

    const refuses = (attributes: Record<string, unknown>, message: RegExp) => assert.rejects(resolveLaunchTarget(attributes, root), (e: Error) => e instanceof LaunchConfigError && message.test(e.message));

    it('says what is missing or wrong, with the valid choices', async () => {
      await refuses({}, /Say which function to debug: "template" and "logicalId", or "codeUri", "handler" and "runtime"/);
      await refuses({ template: 'template.yaml' }, /Give both "template" .* and "logicalId"/);
      await refuses({ template: 'template.yaml', logicalId: 'Nope' }, /template\.yaml has no function Nope\. Its functions: Api\./);
      await refuses({ template: 'missing.yaml', logicalId: 'Api' }, /missing\.yaml cannot be read/);
      await refuses({ codeUri: 'nowhere', handler: 'index.handler' }, /nowhere is not a directory/);
      await refuses({ codeUri: 'src' }, /Give both "codeUri" .* and "handler"/);
      await refuses({ template: 'template.yaml', logicalId: 'Api', timeout: 901 }, /"timeout" is in seconds, from 1 to 900/);
      await refuses({ template: 'template.yaml', logicalId: 'Api', memorySize: 64 }, /"memorySize" is in MB, from 128 to 10240/);
    });
  });

  describe('the event', () => {
    const event = async (value: unknown) => {
      const e = await resolveLaunchEvent(value, 'Api', root);
      return e && { label: e.label, json: JSON.parse(e.json) as Record<string, unknown> };
    };

    it('a catalogue id with parameters, or just the id', async () => {
      const s3 = await event({ id: 's3 put', params: { bucket: 'b1' } });
      assert.equal(s3?.label, 's3 put');
      assert.equal((s3?.json.Records as { s3: { bucket: { name: string } } }[])[0].s3.bucket.name, 'b1');
      assert.ok(((await event('sqs receive-message'))?.json.Records as unknown[]).length > 0);
    });

    it('a saved event by name, a file, JSON text, or the event itself', async () => {
      assert.deepEqual(await event('big order'), { label: 'saved: big order', json: { order: 42 } });
      assert.deepEqual(await event('event.json'), { label: 'event.json', json: { from: 'file' } });
      assert.deepEqual(await event('{"inline": true}'), { label: 'inline event', json: { inline: true } });
      // An EventBridge event has an "id" of its own: only { id, params } is a catalogue reference.
      assert.deepEqual((await event({ id: 'abc', source: 'my.app', detail: {} }))?.json, { id: 'abc', source: 'my.app', detail: {} });
    });

    it('none: undefined (the user picks one); a wrong one: the reason', async () => {
      assert.equal(await resolveLaunchEvent(undefined, 'Api', root), undefined);
      await assert.rejects(resolveLaunchEvent('nosuch put', 'Api', root), /"event": Unknown service "nosuch"/);
      await assert.rejects(resolveLaunchEvent({ id: 's3 put', params: { nope: 'x' } }, 'Api', root), /"event": .*nope/);
      await assert.rejects(resolveLaunchEvent('missing.json', 'Api', root), /missing\.json cannot be read/);
    });
  });

  it('substitutes launch.json variables, and names one it cannot know', () => {
    const ctx = { workspaceFolder: '/w/app', file: '/w/app/src/a.ts', env: { STAGE: 'dev' } };
    assert.deepEqual(substituteVariables({ t: '${workspaceFolder}/t.yaml', f: ['${fileDirname}', '${fileBasenameNoExtension}', '${relativeFile}'], e: { x: '${env:STAGE}-${env:NONE}' }, n: 3 }, ctx), {
      t: '/w/app/t.yaml',
      f: ['/w/app/src', 'a', path.join('src', 'a.ts')],
      e: { x: 'dev-' },
      n: 3,
    });
    assert.throws(() => substituteVariables('${input:pick}', ctx), /\$\{input:pick\} cannot be used in an aws-lambda-local attribute/);
    assert.throws(() => substituteVariables('${file}', { workspaceFolder: '/w' }), /\$\{file\} has no value here \(no file is open\)/);
  });

  it('resolves Node into a launch of VS Code\'s JavaScript debugger: our runtime client, source maps, its frames skipped', () => {
    const launch = { command: '/usr/bin/node', args: ['--max-old-space-size=115', '--enable-source-maps', '/ext/dist/runtimes/node-bootstrap.js'], cwd: '/w/dist', env: { AWS_LAMBDA_RUNTIME_API: '127.0.0.1:1' } };
    const config = debuggerConfiguration('nodejs20.x', launch, { name: 'n', runtimesDir: '/ext/dist/runtimes', codeDir: '/w/dist', workspaceFolder: '/w', preLaunchTask: 'tsc: build', marker: { __run: 'r1' } });
    assert.deepEqual(config, {
      name: 'n',
      request: 'launch',
      program: '/ext/dist/runtimes/node-bootstrap.js',
      cwd: '/w/dist',
      env: { AWS_LAMBDA_RUNTIME_API: '127.0.0.1:1' },
      preLaunchTask: 'tsc: build',
      __run: 'r1',
      type: 'node',
      runtimeExecutable: '/usr/bin/node',
      runtimeArgs: ['--max-old-space-size=115', '--enable-source-maps'],
      console: 'internalConsole',
      outputCapture: 'std',
      sourceMaps: true,
      outFiles: ['/w/dist/**/*.js', '/w/dist/**/*.mjs', '/w/dist/**/*.cjs', '/w/**/*.js', '/w/**/*.mjs', '/w/**/*.cjs', '!**/node_modules/**'],
      resolveSourceMapLocations: ['/w/dist/**', '/w/**', '!**/node_modules/**'],
      skipFiles: ['<node_internals>/**', '/ext/dist/runtimes/**'],
      autoAttachChildProcesses: false,
    });
    assert.equal(debuggerConfiguration('provided.al2023', { ...launch, args: [] }, { name: 'p', runtimesDir: '/r', codeDir: '/w', marker: {} }), undefined);
  });

  it('a pausable timer: time paused does not count', async () => {
    let fired = 0;
    const timer = new PausableTimer(120, () => fired++);
    await new Promise((r) => setTimeout(r, 60));
    timer.pause();
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(fired, 0, 'paused past its time: not fired');
    assert.ok(timer.pausedMs >= 140);
    timer.resume();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(fired, 0, 'about 60 ms were left');
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(fired, 1);
  });
});
