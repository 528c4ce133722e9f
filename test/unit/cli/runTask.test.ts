import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeTasksCommand } from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { useMoto } from '../../support/useMoto';
import { advanceTasksOnDescribe, container, keepTasksRunning, seedService } from '../core/fargate/fargateFixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('cli serverless-explorer run-task', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-run-task-'));
    fs.writeFileSync(
      path.join(dir, 'config'),
      '[profile east]\nregion = us-east-1\naws_access_key_id = testing\naws_secret_access_key = testing\n' +
        '[profile west]\nregion = eu-west-1\naws_access_key_id = testing\naws_secret_access_key = testing\n',
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => keepTasksRunning(moto.endpoint));

  function cli(args: string[], input?: string) {
    const result = spawnSync(process.execPath, [CLI, 'run-task', ...args], {
      encoding: 'utf8',
      cwd: dir,
      input,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'), AWS_PROFILE: 'east' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  const target = () => ['--cluster', 'jobs', '--service', 'batch', '--endpoint-url', moto.endpoint];

  async function overridesOf(ecs: ECSClient, taskArn: string) {
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: 'jobs', tasks: [taskArn] }));
    return tasks![0].overrides?.containerOverrides;
  }

  it('runs a task with a sample event and prints only its ARN on stdout', async () => {
    const { ecs } = await seedService(moto.endpoint);
    const { code, stdout, stderr } = cli([...target(), '--event-id', 's3 put', '--bucket', 'my-bucket', '--key=a b.jpg']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^arn:aws:ecs:us-east-1:123456789012:task\/jobs\/[0-9a-f-]+\n$/);
    assert.match(stderr, /^Started batch:1 \(FARGATE\) in jobs, the event in container app\. Logs: \/ecs\/app › jobs\/app\/[0-9a-f-]+\.\n$/);
    const [override] = (await overridesOf(ecs, stdout.trim()))!;
    const event = JSON.parse(override.environment![0].value!);
    assert.equal(override.environment![0].name, 'EVENT');
    assert.equal(event.Records[0].s3.bucket.name, 'my-bucket');
    assert.equal(event.Records[0].s3.object.key, 'a+b.jpg');
  });

  it('passes an event file byte for byte, or stdin, under the name and command given', async () => {
    const { ecs } = await seedService(moto.endpoint, { containers: [container('proxy', { essential: false }), container('job')] });
    const text = '{ "id": 7,\n  "name": "Zoë" }\n';
    fs.writeFileSync(path.join(dir, 'event.json'), text);
    const fromFile = cli([...target(), '--event', 'event.json', '--env-name', 'JOB_INPUT', '--command', 'node job.js "--mode=full run"']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.deepEqual(await overridesOf(ecs, fromFile.stdout.trim()), [{ name: 'job', environment: [{ name: 'JOB_INPUT', value: text }], command: ['node', 'job.js', '--mode=full run'] }]);

    const fromStdin = cli([...target(), '--event', '-', '--container', 'proxy'], '[1, 2]');
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.deepEqual(await overridesOf(ecs, fromStdin.stdout.trim()), [{ name: 'proxy', environment: [{ name: 'EVENT', value: '[1, 2]' }] }]);
  });

  it('follows the task with --follow: the ARN, each status change and exit code, then the verdict; exit 0', async () => {
    await seedService(moto.endpoint);
    await advanceTasksOnDescribe(moto.endpoint);
    const { code, stdout, stderr } = cli([...target(), '--follow', '--interval', '0.01']);
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0], /^arn:aws:ecs:.*:task\/jobs\//);
    assert.deepEqual(
      lines.slice(1).map((l) => l.replace(/^\d\d:\d\d:\d\d /, '')),
      ['DEACTIVATING', 'container app: PENDING', 'DEACTIVATING → STOPPING', 'STOPPING → DEPROVISIONING', 'DEPROVISIONING → STOPPED', 'container app exited with code 0', 'stopped', 'The task succeeded: every essential container exited with code 0.'],
    );
    assert.match(lines[1], /^\d\d:\d\d:\d\d /, 'progress lines carry the time');
  });

  it('prints JSON with --json: the started task, and with --follow the final snapshot, progress on stderr', async () => {
    await seedService(moto.endpoint);
    const started = cli([...target(), '--json']);
    assert.equal(started.code, 0, started.stderr);
    const task = JSON.parse(started.stdout);
    assert.deepEqual([task.container, task.taskDefinition, task.launch, task.subnets.length, task.essentialContainers], ['app', 'batch:1', 'FARGATE', 2, ['app']]);

    await advanceTasksOnDescribe(moto.endpoint);
    const followed = cli([...target(), '--json', '--follow', '--interval', '0.01']);
    assert.equal(followed.code, 0, followed.stderr);
    const result = JSON.parse(followed.stdout);
    assert.equal(result.succeeded, true);
    assert.equal(result.final.lastStatus, 'STOPPED');
    assert.match(result.task.taskArn, /task\/jobs\//);
    assert.match(followed.stderr, /DEPROVISIONING → STOPPED/);
  });

  it('says which service is missing, with exit code 1', async () => {
    await seedService(moto.endpoint);
    const { code, stdout, stderr } = cli(['--cluster', 'jobs', '--service', 'nightly', '--endpoint-url', moto.endpoint]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, 'serverless-explorer: There is no service nightly in cluster jobs (us-east-1): it may have been deleted, or be in another region.\n');
  });

  it('exits 2 with what to fix for a usage error, before calling AWS', () => {
    fs.writeFileSync(path.join(dir, 'broken.json'), '{\n  "a": 1,\n  "b": 2,\n}\n');
    const cases: [string[], RegExp][] = [
      [['--service', 'batch'], /run-task needs --cluster\./],
      [['--cluster', 'jobs'], /run-task needs --service\./],
      [['--cluster', 'jobs', '--service', 'batch', '--event-id', 's3 put', '--event', 'e.json'], /give either --event-id or --event, not both\./],
      [['--cluster', 'jobs', '--service', 'batch', '--event', 'broken.json'], /the event file broken\.json is not valid JSON \(line 4, column 1\): .*Nothing was run\./],
      [['--cluster', 'jobs', '--service', 'batch', '--event', 'missing.json'], /could not read the event file missing\.json: no such file\./],
      [['--cluster', 'jobs', '--service', 'batch', '--event-id', 's3 putt'], /Unknown event "putt" for s3\. Events: /],
      [['--cluster', 'jobs', '--service', 'batch', '--event-id', 's3 put', '--buckett', 'b'], /"s3 put" has no parameter "buckett"/],
      [['--cluster', 'jobs', '--service', 'batch', '--bucket', 'b'], /unknown option --bucket \(event parameters go with --event-id\)/],
      [['--cluster', 'jobs', '--service', 'batch', '--env-name', '1EVENT'], /--env-name "1EVENT" is not a valid environment variable name/],
      [['--cluster', 'jobs', '--service', 'batch', '--command', 'sh -c "echo'], /--command: The command has an unclosed " quote\./],
      [['--cluster', 'jobs', '--service', 'batch', '--region', 'us-east-1', '--region', 'eu-west-1'], /--region is given twice; run-task uses one region\./],
      [['--cluster', 'jobs', '--service', 'batch', '--interval', '0'], /--interval must be a number of seconds above 0/],
      [['--cluster', 'jobs', '--service', 'batch', '--endpoint-url', 'localhost:4566'], /must start with http:\/\/ or https:\/\//],
      [['jobs'], /unexpected argument "jobs"/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = cli(args);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.equal(stdout, '', args.join(' '));
      assert.match(stderr, message, args.join(' '));
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('shows its usage with --help, and the main help lists it', () => {
    const own = cli(['--help']);
    assert.equal(own.code, 0);
    assert.match(own.stdout, /^Usage:\n {2}serverless-explorer run-task --cluster <cluster> --service <service>/);
    const main = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.match(main.stdout, /\n {2}run-task --cluster <c> --service <s>\n/);
  });
});
