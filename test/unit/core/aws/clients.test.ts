import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ECSClient } from '@aws-sdk/client-ecs';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { AwsClientFactory } from '../../../../src/core/aws/clients';
import { DEFAULT_CHAIN } from '../../../../src/core/aws/sessions';

const STATIC = '[profile alpha]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = s3cr3t\n';

describe('core/aws clients: AwsClientFactory', () => {
  let dir: string;
  let configFile: string;
  let credentialsFile: string;
  const factories: AwsClientFactory[] = [];

  /** A factory reading only the temporary config files (disposed after each test). */
  function factory(options: { endpointUrl?: string; maxAttempts?: number } = {}): AwsClientFactory {
    const created = new AwsClientFactory({ configFile, credentialsFile, ...options });
    factories.push(created);
    return created;
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-clients-'));
    configFile = path.join(dir, 'config');
    credentialsFile = path.join(dir, 'credentials');
    fs.writeFileSync(configFile, STATIC);
    fs.writeFileSync(credentialsFile, '');
  });

  afterEach(() => {
    for (const f of factories.splice(0)) f.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('client', () => {
    it('returns the same client for the same profile, region and service', () => {
      const clients = factory();
      const first = clients.client(LambdaClient, { profile: 'alpha', region: 'eu-west-1' });
      assert.ok(first instanceof LambdaClient);
      assert.equal(clients.client(LambdaClient, { profile: 'alpha', region: 'eu-west-1' }), first);
    });

    it('returns another client for another region, profile or service', () => {
      const clients = factory();
      const lambda = clients.client(LambdaClient, { profile: 'alpha', region: 'eu-west-1' });
      const otherRegion = clients.client(LambdaClient, { profile: 'alpha', region: 'us-east-1' });
      const otherProfile = clients.client(LambdaClient, { profile: 'beta', region: 'eu-west-1' });
      const ecs = clients.client(ECSClient, { profile: 'alpha', region: 'eu-west-1' });
      assert.ok(ecs instanceof ECSClient);
      assert.equal(new Set([lambda, otherRegion, otherProfile, ecs]).size, 4);
    });

    it('does not confuse profile and region names that would join into the same text', () => {
      const clients = factory();
      const a = clients.client(LambdaClient, { profile: 'a-b', region: 'c' });
      const b = clients.client(LambdaClient, { profile: 'a', region: 'b-c' });
      assert.notEqual(a, b);
    });

    it('gives a fresh client after dispose()', () => {
      const clients = factory();
      const session = { profile: 'alpha', region: 'eu-west-1' };
      const before = clients.client(LambdaClient, session);
      clients.dispose();
      const after = clients.client(LambdaClient, session);
      assert.notEqual(after, before);
      assert.ok(after instanceof LambdaClient);
    });

    it("configures the session's region, adaptive retries and the attempts asked for", async () => {
      const client = factory({ maxAttempts: 5 }).client(LambdaClient, { profile: 'alpha', region: 'ap-southeast-2' });
      assert.equal(await client.config.region(), 'ap-southeast-2');
      assert.equal(((await client.config.retryStrategy()) as { mode?: string }).mode, 'adaptive');
      assert.equal(await client.config.maxAttempts(), 5);
      assert.equal(await factory().client(LambdaClient, { profile: 'alpha', region: 'eu-west-1' }).config.maxAttempts(), 3);
    });

    it('points the client at the endpoint URL given to the factory', async () => {
      const clients = factory({ endpointUrl: 'http://localhost:4566' });
      assert.equal(clients.endpointUrl, 'http://localhost:4566');
      const endpoint = await clients.client(ECSClient, { profile: 'alpha', region: 'eu-west-1' }).config.endpoint?.();
      assert.equal(endpoint?.hostname, 'localhost');
      assert.equal(endpoint?.port, 4566);
      assert.equal(endpoint?.protocol, 'http:');
    });

    it('leaves the endpoint to the SDK when none is given', () => {
      const clients = factory();
      assert.equal(clients.endpointUrl, undefined);
      assert.equal(clients.client(LambdaClient, { profile: 'alpha', region: 'eu-west-1' }).config.isCustomEndpoint, false);
    });

    it("sends requests to the endpoint, signed with the profile's keys and region", async () => {
      const seen: { url?: string; authorization?: string }[] = [];
      const server = http.createServer((req, res) => {
        seen.push({ url: req.url, authorization: req.headers.authorization });
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Functions: [{ FunctionName: 'hello' }] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const client = factory({ endpointUrl: url }).client(LambdaClient, { profile: 'alpha', region: 'eu-north-1' });
        const out = await client.send(new ListFunctionsCommand({}));
        assert.deepEqual(out.Functions?.map((f) => f.FunctionName), ['hello']);
        assert.equal(seen.length, 1);
        assert.match(seen[0].url ?? '', /^\/2015-03-31\/functions/);
        assert.match(seen[0].authorization ?? '', /Credential=AKIDEXAMPLE\/\d{8}\/eu-north-1\/lambda\/aws4_request/);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });

  describe('credentialsFor', () => {
    it('resolves the static keys of a profile in the config file', async () => {
      const credentials = await factory().credentialsFor('alpha')();
      assert.equal(credentials.accessKeyId, 'AKIDEXAMPLE');
      assert.equal(credentials.secretAccessKey, 's3cr3t');
    });

    it('resolves the keys of a profile in the credentials file', async () => {
      fs.writeFileSync(credentialsFile, '[gamma]\naws_access_key_id = AKIDGAMMA\naws_secret_access_key = g4mm4\n');
      const credentials = await factory().credentialsFor('gamma')();
      assert.equal(credentials.accessKeyId, 'AKIDGAMMA');
    });

    it('shares one provider per profile between its regions', () => {
      const clients = factory();
      assert.equal(clients.credentialsFor('alpha'), clients.credentialsFor('alpha'));
      assert.notEqual(clients.credentialsFor('alpha'), clients.credentialsFor('beta'));
    });

    it('rejects for a profile whose credential_process fails, every time it is asked, and recovers once the profile is fixed', async () => {
      fs.writeFileSync(configFile, '[profile beta]\ncredential_process = /bin/false\n');
      const clients = factory();
      const provider = clients.credentialsFor('beta');
      await assert.rejects(provider(), { name: 'CredentialsProviderError' });
      await assert.rejects(provider(), { name: 'CredentialsProviderError' });

      fs.writeFileSync(configFile, '[profile beta]\naws_access_key_id = AKIDFIXED\naws_secret_access_key = f1x3d\n');
      assert.equal((await factory().credentialsFor('beta')()).accessKeyId, 'AKIDFIXED');
      // The failure was not kept: the same provider asks again and sees the fixed file.
      assert.equal((await provider()).accessKeyId, 'AKIDFIXED');
    });

    it('runs credential_process once and shares what it returns while it is fresh', async () => {
      const counter = path.join(dir, 'runs');
      const script = path.join(dir, 'creds.sh');
      const expiration = new Date(Date.now() + 3_600_000).toISOString();
      fs.writeFileSync(
        script,
        `#!/bin/sh\necho run >> '${counter}'\necho '{"Version":1,"AccessKeyId":"AKIDPROC","SecretAccessKey":"pr0c","SessionToken":"t","Expiration":"${expiration}"}'\n`,
        { mode: 0o755 },
      );
      fs.writeFileSync(configFile, `[profile proc]\ncredential_process = ${script}\n`);
      const provider = factory().credentialsFor('proc');
      const [a, b] = await Promise.all([provider(), provider()]);
      const c = await provider();
      assert.equal(a.accessKeyId, 'AKIDPROC');
      assert.equal(b.accessKeyId, 'AKIDPROC');
      assert.equal(c.accessKeyId, 'AKIDPROC');
      assert.equal(fs.readFileSync(counter, 'utf8').trim().split('\n').length, 1);
    });

    it('asks again for credentials that expire within minutes', async () => {
      const counter = path.join(dir, 'runs');
      const script = path.join(dir, 'creds.sh');
      const expiration = new Date(Date.now() + 60_000).toISOString();
      fs.writeFileSync(
        script,
        `#!/bin/sh\necho run >> '${counter}'\necho '{"Version":1,"AccessKeyId":"AKIDSOON","SecretAccessKey":"s00n","SessionToken":"t","Expiration":"${expiration}"}'\n`,
        { mode: 0o755 },
      );
      fs.writeFileSync(configFile, `[profile soon]\ncredential_process = ${script}\n`);
      const provider = factory().credentialsFor('soon');
      await provider();
      await provider();
      assert.equal(fs.readFileSync(counter, 'utf8').trim().split('\n').length, 2);
    });

    it('forgets credentials on dispose(), so a changed profile is read again', async () => {
      const clients = factory();
      assert.equal((await clients.credentialsFor('alpha')()).accessKeyId, 'AKIDEXAMPLE');
      fs.writeFileSync(configFile, '[profile alpha]\naws_access_key_id = AKIDROTATED\naws_secret_access_key = r0t4t3d\n');
      clients.dispose();
      assert.equal((await clients.credentialsFor('alpha')()).accessKeyId, 'AKIDROTATED');
    });

    it('uses the default credential chain (environment variables) for the environment pseudo-profile', async () => {
      const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
      process.env.AWS_ACCESS_KEY_ID = 'AKIDFROMENV';
      process.env.AWS_SECRET_ACCESS_KEY = 'env-s3cr3t';
      try {
        const credentials = await factory().credentialsFor(DEFAULT_CHAIN)();
        assert.equal(credentials.accessKeyId, 'AKIDFROMENV');
        assert.equal(credentials.secretAccessKey, 'env-s3cr3t');
      } finally {
        restore('AWS_ACCESS_KEY_ID', saved.id);
        restore('AWS_SECRET_ACCESS_KEY', saved.secret);
      }
    });
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
