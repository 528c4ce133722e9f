import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LambdaClient, PublishLayerVersionCommand } from '@aws-sdk/client-lambda';
import { execFileResult } from '../../support/execFileResult';
import { LayerApiStandIn } from '../../support/layerApiStandIn';
import { writeLayeredApp } from '../../support/layeredApp';
import { useMoto } from '../../support/useMoto';
import { zipFolder } from '../../support/zipFolder';

// `serverless-explorer invoke` (dist/cli.js) on a function whose layer is named by ARN: downloaded with --profile's
// credentials through --endpoint-url (moto, with the stand-in of layerApiStandIn.ts), once.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('cli: invoke with a layer named by ARN', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let standIn: LayerApiStandIn;
  let project: string;

  before(async () => {
    standIn = await LayerApiStandIn.start(moto.endpoint);
  });
  after(() => standIn.stop());
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  it('downloads the layer with --profile through --endpoint-url, then runs from the cache', async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-layers-'));
    const template = writeLayeredApp(project);
    fs.writeFileSync(path.join(project, 'credentials'), '[layers]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    fs.writeFileSync(path.join(project, 'config'), '[profile layers]\nregion = eu-west-1\n');
    const zip = zipFolder(path.join(project, 'layers', 'shared'));
    const client = new LambdaClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const { LayerVersionArn: arn } = await client.send(new PublishLayerVersionCommand({ LayerName: 'cli-shared', Content: { ZipFile: zip } }));
    client.destroy();
    standIn.serve(arn!, zip);
    fs.writeFileSync(template, fs.readFileSync(template, 'utf8').replace('      - !Ref SharedLayer', `      - ${arn}`));
    fs.writeFileSync(path.join(project, 'event.json'), '{"name":"cy"}');
    const env = {
      PATH: process.env.PATH,
      HOME: project,
      AWS_SHARED_CREDENTIALS_FILE: path.join(project, 'credentials'),
      AWS_CONFIG_FILE: path.join(project, 'config'),
      SERVERLESS_EXPLORER_CACHE_DIR: path.join(project, 'cache'),
    };
    const args = [CLI, 'invoke', 'LayeredNode', '--template', template, '--event', path.join(project, 'event.json'), '--profile', 'layers', '--endpoint-url', standIn.endpoint];
    const first = await execFileResult(process.execPath, args, env);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(JSON.parse(first.stdout).greeting, 'hello cy from the shared layer');
    assert.match(first.stderr, new RegExp(`^Downloading layer ${arn}…$`, 'm'));
    const second = await execFileResult(process.execPath, args, env);
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(second.stderr, /Downloading layer/);
    assert.deepEqual([standIn.lookups, standIn.downloads], [1, 1], 'the second run used the cache');

    // No --profile and no credentials anywhere: the default chain finds none, and the CLI says how to give some.
    const refused = await execFileResult(process.execPath, [...args.slice(0, -4), '--endpoint-url', standIn.endpoint], {
      ...env,
      SERVERLESS_EXPLORER_CACHE_DIR: path.join(project, 'empty-cache'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(project, 'none'),
      AWS_CONFIG_FILE: path.join(project, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(
      refused.stderr,
      /^serverless-explorer: LayeredNode: the layer arn:aws:lambda:eu-west-1:\d{12}:layer:cli-shared:1 could not be downloaded: downloading a layer needs valid AWS credentials, even for a public layer, and none came from the default credentials \(environment variables, AWS_PROFILE or the default profile\): .* Or choose another profile with --profile\.$/m,
    );
  });
});
