import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(id: string, values: Record<string, string> = {}): any {
  return generateEvent(findEventById(id), values, FIXED);
}

describe('core/events catalogue: AWS Batch', () => {
  it('get-job carries the jobId DescribeJobs takes, and every key of SAM CLI’s template (jobName, jobQueue, jobDefinition)', () => {
    const event = build('batch get-job', { jobId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:7' });
    assert.deepEqual(Object.keys(event).sort(), ['jobDefinition', 'jobId', 'jobName', 'jobQueue']);
    assert.equal(event.jobId, '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:7', 'an array child keeps its index');
  });

  it('submit-job carries what SubmitJob takes, queue and definition as ARNs of the account and region given', () => {
    const event = build('batch submit-job', { account: '210987654321', region: 'eu-west-3', jobQueue: 'spot-queue', jobDefinition: 'etl:12', jobName: 'etl_run-7' });
    assert.equal(event.jobName, 'etl_run-7');
    assert.equal(event.jobQueue, 'arn:aws:batch:eu-west-3:210987654321:job-queue/spot-queue');
    assert.equal(event.jobDefinition, 'arn:aws:batch:eu-west-3:210987654321:job-definition/etl:12');
    assert.ok('jobId' in event, 'SAM CLI’s submit-job template has jobId');
  });

  it('submit-job: jobParameters arrive as strings in parameters and the command’s Ref:: names must be among them', () => {
    const event = build('batch submit-job', { jobParameters: '{"day":"2026-11-27","retries":3}', command: 'run.sh  Ref::day  --retries Ref::retries' });
    assert.deepEqual(event.parameters, { day: '2026-11-27', retries: '3' });
    assert.deepEqual(event.containerOverrides.command, ['run.sh', 'Ref::day', '--retries', 'Ref::retries']);
    assert.throws(
      () => build('batch submit-job', { command: 'run.sh Ref::missing' }),
      (e: Error) => e instanceof EventLookupError && /Ref::missing/.test(e.message) && /\bcommand\b/.test(e.message),
    );
    assert.throws(() => build('batch submit-job', { jobParameters: '["a"]' }), (e: Error) => e instanceof EventLookupError && /jobParameters must be a JSON object/.test(e.message));
  });

  it('refuses names Batch refuses, and a definition without its revision, saying what is allowed', () => {
    for (const [param, value] of [
      ['jobName', 'nightly report'],
      ['jobName', '-starts-with-hyphen'],
      ['jobQueue', 'a'.repeat(129)],
      ['jobDefinition', 'report-generator'],
      ['jobId', 'not-a-job-id'],
    ]) {
      assert.throws(
        () => build('batch get-job', { [param]: value }),
        (e: Error) => e instanceof EventLookupError && e.message.includes(`Parameter ${param}`),
        `${param}=${value}`,
      );
    }
  });
});
