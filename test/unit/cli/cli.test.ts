import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO, seedDemo } from '../../support/seed';
import { useMoto } from '../../support/useMoto';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli serverless-explorer', () => {
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-'));
    fs.writeFileSync(path.join(dir, 'config'), '[profile alpha]\nregion = eu-west-3\n[profile beta]\nsso_session = x\n');
    fs.writeFileSync(path.join(dir, 'credentials'), '[alpha]\naws_access_key_id = AKIA\naws_secret_access_key = SECRETVALUE\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = () => ({ AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') });

  it('prints the package version for --version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(cli(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints usage with its commands for --help', () => {
    const { code, stdout } = cli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Usage:\n {2}serverless-explorer <command>/);
    assert.match(stdout, /profiles/);
  });

  it('lists profiles with the regions they would use, and never prints a secret', () => {
    const { code, stdout } = cli(['profiles', '--profile', 'alpha', '--profile', 'beta', '--region', 'us-east-2'], files());
    assert.equal(code, 0);
    assert.match(stdout, /\* alpha {2}static \(eu-west-3\) {2}→ us-east-2/);
    assert.match(stdout, /\* beta {3}sso {2}→ us-east-2/);
    assert.doesNotMatch(stdout, /SECRETVALUE|AKIA/);
  });

  it('gives JSON with --json', () => {
    const { code, stdout } = cli(['profiles', '--json'], { ...files(), AWS_PROFILE: 'beta', AWS_REGION: 'ap-east-1' });
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    assert.deepEqual(parsed.profiles.filter((p: { selected: boolean }) => p.selected).map((p: { name: string; regions: string[] }) => [p.name, p.regions]), [['beta', ['ap-east-1']]]);
  });

  it('fails with a clear message for a profile that does not exist', () => {
    const { code, stderr } = cli(['profiles', '--profile', 'gamma'], files());
    assert.equal(code, 1);
    assert.match(stderr, /profile "gamma" is not defined in the AWS config or credentials file/);
  });

  it('says how to get help for an unknown command or option, with exit code 2', () => {
    const unknown = cli(['destroy']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "destroy"[\s\S]*--help/);
    const badOption = cli(['profiles', '--colour']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /--colour[\s\S]*--help/);
    assert.doesNotMatch(badOption.stderr, /\n\s+at /, 'no stack trace');
  });

  it('tells a new user how to create a profile when there is none', () => {
    const { code, stdout } = cli(['profiles'], { AWS_CONFIG_FILE: path.join(dir, 'missing'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'missing2') });
    assert.equal(code, 0);
    assert.match(stdout, /No AWS profiles found.*aws configure sso/);
  });
});

describe('cli serverless-explorer list, against moto_server', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-list-'));
    fs.writeFileSync(
      path.join(dir, 'config'),
      '[profile east]\nregion = us-east-1\naws_access_key_id = testing\naws_secret_access_key = testing\n' +
        '[profile west]\nregion = eu-west-1\naws_access_key_id = testing\naws_secret_access_key = testing\n' +
        '[profile broken]\nregion = us-east-1\ncredential_process = /bin/false\n',
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none') });

  it('lists the functions of several profiles and regions side by side', async () => {
    await seedDemo(moto.endpoint);
    const { code, stdout, stderr } = cli(['list', 'functions', '--profile', 'east', '--profile', 'west', '--endpoint-url', moto.endpoint], env());
    assert.equal(code, 0, stderr);
    const lines = stdout.trim().split('\n');
    assert.match(lines[0], /^PROFILE\s+REGION\s+FUNCTION\s+RUNTIME\s+MEMORY\s+LAST MODIFIED$/);
    assert.equal(lines.length, 1 + DEMO.functions.length + DEMO.secondRegionFunctions.length);
    assert.match(stdout, /\neast\s+us-east-1\s+orders-api\s+nodejs20\.x\s+512 MB\s+/);
    assert.match(stdout, /\nwest\s+eu-west-1\s+edge-auth\s+nodejs20\.x\s+128 MB\s+/);
    assert.equal(stderr, '', 'no SDK warning or other noise on stderr');
  });

  it('lists only Fargate services, as JSON too', async () => {
    await seedDemo(moto.endpoint);
    const { code, stdout } = cli(['list', 'services', '--profile', 'east', '--endpoint-url', moto.endpoint, '--json'], env());
    assert.equal(code, 0);
    const services = JSON.parse(stdout) as { name: string; cluster: string; desired: number; profile: string }[];
    assert.deepEqual(services.map((s) => s.name).sort(), ['queue-worker', 'web']);
    assert.deepEqual([services[0].cluster, services[0].profile], ['demo-cluster', 'east']);
  });

  it('reports a profile that fails and still lists the others, exiting 1', async () => {
    await seedDemo(moto.endpoint);
    const { code, stdout, stderr } = cli(['list', 'functions', '--profile', 'broken', '--profile', 'east', '--endpoint-url', moto.endpoint], env());
    assert.equal(code, 1);
    assert.match(stderr, /broken us-east-1: No usable credentials/);
    assert.match(stdout, /orders-api/);
  });

  it('says an endpoint is unreachable, naming it, and rejects one that is not a URL', () => {
    const down = cli(['list', 'functions', '--profile', 'east', '--endpoint-url', 'http://127.0.0.1:9'], env());
    assert.equal(down.code, 1);
    assert.match(down.stderr, /Endpoint unreachable\. Could not reach http:\/\/127\.0\.0\.1:9/);
    const bad = cli(['list', 'functions', '--profile', 'east', '--endpoint-url', 'localhost:4566'], env());
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /must start with http:\/\/ or https:\/\//);
  });

  it('asks what to list when the subject is missing or unknown', () => {
    const { code, stderr } = cli(['list', 'lambdas'], env());
    assert.equal(code, 2);
    assert.match(stderr, /"list" needs what to list: functions or services \(not "lambdas"\)/);
  });
});

describe('cli serverless-explorer events', () => {
  it('lists the catalogue, as a table and as JSON', () => {
    const table = cli(['events', 'list']);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /^EVENT\s+TRIGGER SOURCE\s+FORMAT FROM\s+TITLE\n/);
    assert.match(table.stdout, /\ns3 put\s+Amazon S3\s+SAM CLI\s+/);
    assert.match(table.stdout, /\neventbridge ec2-instance-state-change\s+Amazon EventBridge\s+EventBridge: aws\.ec2\s+/);
    assert.match(table.stdout, /\ncloudwatch scheduled-event\s+Amazon EventBridge\s+SAM CLI, EventBridge: aws\.events\s+/);
    assert.match(table.stdout, /\ns3 object-lambda-get\s+Amazon S3\s+AWS docs\s+/);
    assert.doesNotMatch(table.stdout, /kinesis-firehose-apache-log/, 'a retired id is not listed');
    const json = cli(['events', 'list', '--json']);
    type Listed = { id: string; params: { name: string; default: string }[]; source: { sam: boolean; eventBridge?: { source: string; detailType: string } } };
    const events = JSON.parse(json.stdout) as Listed[];
    const put = events.find((e) => e.id === 's3 put')!;
    assert.ok(put.params.some((p) => p.name === 'bucket' && p.default.length > 0));
    assert.deepEqual(put.source, { sam: true });
    assert.deepEqual(events.find((e) => e.id === 'eventbridge ec2-instance-state-change')!.source, {
      sam: false,
      eventBridge: { source: 'aws.ec2', detailType: 'EC2 Instance State-change Notification' },
    });
  });

  it('still generates an event under its 0.1.0 id, with its own parameters, and says which id replaced it', () => {
    const { code, stdout, stderr } = cli(['events', 'generate', 'kinesis', 'kinesis-firehose-apache-log', '--status', '404']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /"kinesis kinesis-firehose-apache-log" is now "kinesis apachelog"; the old id keeps working/);
    const line = Buffer.from(JSON.parse(stdout).records[0].data, 'base64').toString('utf8');
    assert.match(line, /" 404 \d+ /);
  });

  it('generates an event as JSON with the parameters given, like sam local generate-event', () => {
    const { code, stdout, stderr } = cli(['events', 'generate', 's3', 'put', '--bucket', 'my-bucket', '--key=a b.jpg']);
    assert.equal(code, 0, stderr);
    const event = JSON.parse(stdout);
    assert.equal(event.Records[0].s3.bucket.arn, 'arn:aws:s3:::my-bucket');
    assert.equal(event.Records[0].s3.object.key, 'a+b.jpg');
  });

  it('exits 2 with the valid choices for an unknown service, event or parameter, or a missing value', () => {
    const cases: [string[], RegExp][] = [
      [['events', 'generate', 's4', 'put'], /Unknown service "s4"\. Services: .*\bs3\b.*\bsqs\b/],
      [['events', 'generate', 's3', 'putt'], /Unknown event "putt" for s3\. Events: .*\bput\b/],
      [['events', 'generate', 's3'], /needs an event for s3\. Events: /],
      [['events', 'generate', 's3', 'put', '--buckett', 'x'], /no parameter "buckett"\. Parameters: .*bucket/],
      [['events', 'generate', 's3', 'put', '--bucket'], /--bucket needs a value/],
      [['events', 'generate', 's3', 'put', '--size', 'big'], /size must be a whole number/],
      [['events', 'frobnicate'], /unknown events command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = cli(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '', 'nothing on stdout, so a pipe gets no half event');
      assert.match(stderr, message, args.join(' '));
    }
  });

  it("shows an event's parameters with --help", () => {
    const { code, stdout } = cli(['events', 'generate', 'sqs', 'receive-message', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--queue\s+Queue name\s+\(default: "my-queue"\)/);
  });
});
