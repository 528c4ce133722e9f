import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LambdaClient, PublishLayerVersionCommand } from '@aws-sdk/client-lambda';
import { AwsClientFactory } from '../../../../../src/core/aws/clients';
import { layerDownloader } from '../../../../../src/core/lambda/layerDownload';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { parseTemplate } from '../../../../../src/core/local/sources/sam/templateFunctions';
import type { LocalFunctionDefinition } from '../../../../../src/core/local/types';
import { LayerApiStandIn } from '../../../../support/layerApiStandIn';
import { writeLayeredApp } from '../../../../support/layeredApp';
import { useMoto } from '../../../../support/useMoto';
import { zipFolder } from '../../../../support/zipFolder';

// Layers named by ARN: published to moto, looked up with GetLayerVersionByArn (through the stand-in for what moto
// lacks, see layerApiStandIn.ts) by the real SDK client, downloaded, checked by CodeSha256, kept in the cache by ARN.

const ROOT = path.resolve(__dirname, '../../../../../..');
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

describe('local layers: layer versions named by ARN', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let standIn: LayerApiStandIn;
  let project: string;
  let cacheDir: string;
  let files: string;
  let arn: string;
  const saved = { ...process.env };

  before(async () => {
    standIn = await LayerApiStandIn.start(moto.endpoint);
  });
  after(() => standIn.stop());

  beforeEach(async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-arn-layers-'));
    cacheDir = path.join(project, '.cache');
    writeLayeredApp(project);
    // A profile of our own, in config files of our own: what the user's --profile or setting names.
    files = path.join(project, 'aws');
    fs.mkdirSync(files);
    fs.writeFileSync(path.join(files, 'credentials'), `[layers]\naws_access_key_id = ${CREDENTIALS.accessKeyId}\naws_secret_access_key = ${CREDENTIALS.secretAccessKey}\n`);
    fs.writeFileSync(path.join(files, 'config'), '[profile layers]\nregion = eu-west-1\n');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(files, 'credentials');
    process.env.AWS_CONFIG_FILE = path.join(files, 'config');
    const zip = zipFolder(path.join(project, 'layers', 'shared'));
    const client = new LambdaClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: CREDENTIALS });
    const published = await client.send(new PublishLayerVersionCommand({ LayerName: 'shared-by-arn', Content: { ZipFile: zip }, CompatibleRuntimes: ['nodejs20.x'] }));
    client.destroy();
    arn = published.LayerVersionArn!;
    standIn.serve(arn, zip);
    standIn.lookups = standIn.downloads = standIn.damageNext = 0;
  });
  afterEach(() => {
    // Key by key: a new object in place of process.env would leave the real environment (os.homedir…) behind.
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    fs.rmSync(project, { recursive: true, force: true });
  });

  const definitionWith = (layerArn: string): LocalFunctionDefinition => {
    const template = path.join(project, 'template.yaml');
    const text = fs.readFileSync(template, 'utf8').replace('      - !Ref SharedLayer', `      - ${layerArn}`);
    const parsed = parseTemplate(text, template);
    assert.deepEqual(parsed.problems, []);
    return parsed.functions.find((f) => f.name === 'LayeredNode')!;
  };
  const invokerFor = (profile: string, endpointUrl = standIn.endpoint) => {
    const factory = new AwsClientFactory({ endpointUrl });
    const fetchLayer = layerDownloader({ factory, profile, profileChoice: 'with --profile' });
    return new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes'), cacheDir, alwaysCold: true, fetchLayer });
  };
  const greeting = async (invoker: LocalInvoker, definition: LocalFunctionDefinition) => {
    const result = await invoker.invoke(definition, '{"name":"bo"}');
    assert.equal(result.functionError, undefined, result.payload + result.log);
    return (JSON.parse(result.payload) as { greeting: string }).greeting;
  };

  it('downloads a layer version once: the next cold start uses the cached copy without asking AWS', async () => {
    const invoker = invokerFor('layers');
    try {
      const definition = definitionWith(arn);
      assert.deepEqual(definition.layers, [{ kind: 'arn', arn }]);
      assert.equal(await greeting(invoker, definition), 'hello bo from the shared layer');
      assert.deepEqual([standIn.lookups, standIn.downloads], [1, 1]);
      assert.equal(await greeting(invoker, definition), 'hello bo from the shared layer');
      assert.deepEqual([standIn.lookups, standIn.downloads], [1, 1], 'the second cold start downloads nothing');
    } finally {
      await invoker.dispose();
    }
  });

  it('downloads it again when the cached archive is damaged, and refuses a download that does not match CodeSha256', async () => {
    const invoker = invokerFor('layers');
    try {
      const definition = definitionWith(arn);
      await greeting(invoker, definition);
      const [zipFile] = findFiles(path.join(cacheDir, 'layers', 'arn'), 'layer.zip');
      fs.writeFileSync(zipFile!, 'not a zip any more');
      assert.equal(await greeting(invoker, definition), 'hello bo from the shared layer');
      assert.deepEqual([standIn.lookups, standIn.downloads], [2, 2], 'fetched again');
      // One damaged download is fetched once more; a second is refused.
      fs.writeFileSync(zipFile!, 'damaged again');
      standIn.damageNext = 1;
      assert.equal(await greeting(invoker, definition), 'hello bo from the shared layer');
      assert.equal(standIn.downloads, 4);
      fs.writeFileSync(zipFile!, 'damaged once more');
      standIn.damageNext = 2;
      await assert.rejects(invoker.invoke(definition, '{}'), /the download of layer arn:aws:lambda:eu-west-1:\d{12}:layer:shared-by-arn:1 does not match its CodeSha256 .*twice/);
    } finally {
      await invoker.dispose();
    }
  });

  it('says which profile has no credentials, since even a public layer needs valid ones', async () => {
    const invoker = invokerFor('nobody');
    try {
      await assert.rejects(invoker.invoke(definitionWith(arn), '{}'), (error: Error) => {
        assert.equal(error.name, 'RuntimeSetupError');
        assert.match(error.message, /^the layer arn:aws:lambda:eu-west-1:\d+:layer:shared-by-arn:1 could not be downloaded: downloading a layer needs valid AWS credentials, even for a public layer, and none came from profile "nobody": .*Or choose another profile with --profile\.$/s);
        return true;
      });
    } finally {
      await invoker.dispose();
    }
  });

  it('says when the layer version does not exist, when AWS cannot be reached, and when the ARN is of another partition', async () => {
    const invoker = invokerFor('layers');
    try {
      await assert.rejects(invoker.invoke(definitionWith(arn.replace(/:1$/, ':7')), '{}'), /eu-west-1 has no layer shared-by-arn version 7 in account \d{12} \(check the ARN's region, name and version\)/);
    } finally {
      await invoker.dispose();
    }
    const closed = invokerFor('layers', 'http://127.0.0.1:9');
    try {
      await assert.rejects(closed.invoke(definitionWith(arn), '{}'), /could not reach AWS Lambda in eu-west-1 at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\): check the network or a proxy/);
    } finally {
      await closed.dispose();
    }
    const china = invokerFor('nobody');
    try {
      await assert.rejects(china.invoke(definitionWith('arn:aws-cn:lambda:cn-north-1:123456789012:layer:shared:1'), '{}'), /the layer is in the aws-cn partition, and no valid credentials for it came from profile "nobody": choose a profile of an aws-cn account with --profile\./);
    } finally {
      await china.dispose();
    }
  });

  it('without an AWS connection to download with, says so instead of failing at import', async () => {
    const invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes'), cacheDir });
    try {
      await assert.rejects(invoker.invoke(definitionWith(arn), '{}'), /the layer arn:aws:lambda:.* must be downloaded from AWS, and this run has no AWS connection/);
    } finally {
      await invoker.dispose();
    }
  });
});

function findFiles(folder: string, name: string): string[] {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === name).map((f) => path.join(folder, f));
}
