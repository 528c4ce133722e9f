import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(id: string, values: Record<string, string> = {}): any {
  return generateEvent(findEventById(id), values, FIXED);
}

describe('core/events catalogue: Amazon SageMaker Ground Truth', () => {
  it('pre-human: the data object an S3 URI names comes as source-ref, text from the manifest as source', () => {
    const image = build('sagemaker ground-truth-pre-human', { sourceRef: 's3://labels-in/cats/001.jpg' });
    assert.deepEqual(Object.keys(image).sort(), ['dataObject', 'labelingJobArn', 'version']);
    assert.deepEqual(image.dataObject, { 'source-ref': 's3://labels-in/cats/001.jpg' });
    const text = build('sagemaker ground-truth-pre-human', { sourceRef: 'The parcel arrived damaged.' });
    assert.deepEqual(text.dataObject, { source: 'The parcel arrived damaged.' });
    assert.equal(image.version, '2018-10-16');
  });

  it('both requests name the labeling job by its ARN, in the account and region given', () => {
    for (const id of ['sagemaker ground-truth-pre-human', 'sagemaker ground-truth-annotation-consolidation']) {
      const event = build(id, { account: '210987654321', region: 'eu-west-1', labelingJobName: 'Sentiment-Batch-2' });
      assert.equal(event.labelingJobArn, 'arn:aws:sagemaker:eu-west-1:210987654321:labeling-job/sentiment-batch-2', id);
    }
  });

  it('annotation-consolidation: labelAttributeName, the role and the workers’ answers of the iteration, under the job’s output path', () => {
    const event = build('sagemaker ground-truth-annotation-consolidation', {
      account: '210987654321',
      labelingJobName: 'birds',
      labelAttributeName: 'species',
      outputPath: 's3://gt-out/runs/',
      roleName: 'LabelRole',
      iteration: '3',
    });
    assert.deepEqual(Object.keys(event).sort(), ['labelAttributeName', 'labelingJobArn', 'payload', 'roleArn', 'version']);
    assert.equal(event.labelAttributeName, 'species');
    assert.equal(event.roleArn, 'arn:aws:iam::210987654321:role/LabelRole');
    assert.equal(event.payload.s3Uri, 's3://gt-out/runs/birds/annotations/worker-response/iteration-3/0/2026-11-26_14:05:09.json');
  });

  it('refuses what Ground Truth refuses, naming the parameter', () => {
    const cases: [string, Record<string, string>][] = [
      ['sagemaker ground-truth-pre-human', { labelingJobName: 'no_underscores' }],
      ['sagemaker ground-truth-pre-human', { sourceRef: 's3://' }],
      ['sagemaker ground-truth-annotation-consolidation', { labelAttributeName: 'species-metadata' }],
      ['sagemaker ground-truth-annotation-consolidation', { outputPath: 'gt-out/runs' }],
      ['sagemaker ground-truth-annotation-consolidation', { iteration: '0' }],
      ['sagemaker ground-truth-annotation-consolidation', { roleName: 'role/with/slash' }],
    ];
    for (const [id, values] of cases) {
      const [name] = Object.keys(values);
      assert.throws(() => build(id, values), (e: Error) => e instanceof EventLookupError && e.message.includes(`Parameter ${name}`), `${id} ${name}`);
    }
  });
});
