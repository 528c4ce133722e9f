import * as assert from 'node:assert/strict';
import { buildRunTaskInput, RunTaskError } from '../../../../src/core/fargate/runTask';
import type { RunTaskRequest } from '../../../../src/core/fargate/runTask';
import { container, serviceOf, taskDefinitionOf } from './fargateFixtures';

const request = (extra: Partial<RunTaskRequest> = {}): RunTaskRequest => ({ cluster: 'jobs', serviceName: 'batch', event: '{"a":1}', ...extra });

function rejects(run: () => unknown, message: RegExp): void {
  assert.throws(run, (error: Error) => {
    assert.ok(error instanceof RunTaskError, `a RunTaskError, not ${error.name}`);
    assert.match(error.message, message);
    return true;
  });
}

describe('core/fargate buildRunTaskInput', () => {
  it("runs one task of the service's current task definition with its network configuration, launch type and platform version", () => {
    const input = buildRunTaskInput(serviceOf(), taskDefinitionOf(), request());
    assert.deepEqual(input, {
      cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/jobs',
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/batch:7',
      count: 1,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } },
      overrides: { containerOverrides: [{ name: 'app', environment: [{ name: 'EVENT', value: '{"a":1}' }] }] },
      startedBy: 'serverless-explorer',
    });
  });

  it('uses the capacity provider strategy instead of a launch type when the service has one', () => {
    const strategy = [
      { capacityProvider: 'FARGATE_SPOT', weight: 2, base: 0 },
      { capacityProvider: 'FARGATE', weight: 1, base: 1 },
    ];
    const input = buildRunTaskInput(serviceOf({ launchType: undefined, capacityProviderStrategy: strategy }), taskDefinitionOf(), request());
    assert.deepEqual(input.capacityProviderStrategy, strategy);
    assert.equal(input.launchType, undefined);
    assert.ok(!('launchType' in input), 'never both');
  });

  it('leaves both out for a service on the cluster default strategy', () => {
    const input = buildRunTaskInput(serviceOf({ launchType: undefined }), taskDefinitionOf(), request());
    assert.ok(!('launchType' in input) && !('capacityProviderStrategy' in input));
  });

  it('carries the event text exactly as given: whitespace, key order, unicode and escapes untouched', () => {
    const event = '{\n  "z": 1,   "a": "é ✓ \\u00e9",\n  "n": 1.50, "big": 12345678901234567890\n}\n';
    const input = buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ event, envName: 'JOB_EVENT' }));
    assert.deepEqual(input.overrides?.containerOverrides?.[0].environment, [{ name: 'JOB_EVENT', value: event }]);
  });

  it('overrides the command of the chosen container only when one is given', () => {
    const definition = taskDefinitionOf([container('proxy', { essential: false }), container('worker'), container('app')]);
    const input = buildRunTaskInput(serviceOf(), definition, request({ container: 'app', command: ['node', 'job.js', '--dry run'] }));
    assert.deepEqual(input.overrides?.containerOverrides, [{ name: 'app', environment: [{ name: 'EVENT', value: '{"a":1}' }], command: ['node', 'job.js', '--dry run'] }]);
    assert.ok(!('command' in buildRunTaskInput(serviceOf(), definition, request({ command: [] }))!.overrides!.containerOverrides![0]));
  });

  it('gives the event to the first essential container by default (a container is essential unless it says otherwise)', () => {
    const definition = taskDefinitionOf([container('xray', { essential: false }), { ...container('worker'), essential: undefined }, container('app')]);
    assert.equal(buildRunTaskInput(serviceOf(), definition, request()).overrides?.containerOverrides?.[0].name, 'worker');
  });

  it('copies the tags of the task definition when the service does, never SERVICE (RunTask refuses it)', () => {
    assert.equal(buildRunTaskInput(serviceOf({ propagateTags: 'TASK_DEFINITION' }), taskDefinitionOf(), request()).propagateTags, 'TASK_DEFINITION');
    assert.ok(!('propagateTags' in buildRunTaskInput(serviceOf({ propagateTags: 'SERVICE' }), taskDefinitionOf(), request())));
  });

  it('names the containers there are when the one asked for is not in the task definition', () => {
    rejects(() => buildRunTaskInput(serviceOf(), taskDefinitionOf([container('app'), container('sidecar')]), request({ container: 'ap' })), /^The task definition batch:7 has no container "ap"\. Its containers: app, sidecar\.$/);
  });

  it('refuses an environment variable name that is not one', () => {
    for (const envName of ['1EVENT', 'MY-EVENT', '', 'EV ENT', 'ÉVÉNEMENT']) {
      rejects(() => buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ envName })), /is not a valid environment variable name: use letters, digits and underscores/);
    }
    assert.doesNotThrow(() => buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ envName: '_event_2' })));
  });

  it('refuses a startedBy ECS would refuse', () => {
    rejects(() => buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ startedBy: 'x'.repeat(37) })), /up to 36 letters, digits/);
    rejects(() => buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ startedBy: 'me@example.com' })), /up to 36 letters, digits/);
    assert.equal(buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ startedBy: 'ci/job_42' })).startedBy, 'ci/job_42');
  });

  it("says how large the overrides are over ECS's 8,192-byte limit and suggests passing a reference", () => {
    const event = JSON.stringify({ data: 'x'.repeat(8200) });
    rejects(() => buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ event })), /overrides would be 8,2\d\d bytes, and ECS accepts at most 8,192\. Pass a reference instead, such as an S3 URI/);
  });

  it('counts the whole overrides JSON in UTF-8 bytes, up to the limit exactly', () => {
    const overhead = JSON.stringify({ containerOverrides: [{ name: 'app', environment: [{ name: 'EVENT', value: '' }] }] }).length;
    const fits = 'x'.repeat(8192 - overhead);
    assert.doesNotThrow(() => buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ event: fits })));
    rejects(() => buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ event: `${fits}x` })), /8,193 bytes/);
    // As many characters as fit, but one of them takes two bytes.
    rejects(() => buildRunTaskInput(serviceOf(), taskDefinitionOf(), request({ event: `${fits.slice(1)}é` })), /8,193 bytes/);
  });

  it('refuses a service without awsvpc networking, which a Fargate task needs', () => {
    rejects(() => buildRunTaskInput(serviceOf({ networkConfiguration: undefined }), taskDefinitionOf(), request()), /^The service batch has no awsvpc network configuration \(subnets, security groups\), which a Fargate task needs/);
  });
});
