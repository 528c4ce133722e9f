import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function build(id: string, values: Record<string, string> = {}): Json {
  return generateEvent(findEventById(id), values, FIXED) as Json;
}

function refuses(id: string, name: string, value: string): void {
  assert.throws(() => build(id, { [name]: value }), (e: Error) => e instanceof EventLookupError && e.message.includes(name) && e.message.includes(value));
}

describe('core/events catalogue: EventBridge events of AWS services', () => {
  describe('S3 notifications', () => {
    it('each detail-type has its own object fields: a delete has no size (an ETag only for a delete marker), tags have no size', () => {
      assert.deepEqual(Object.keys(build('eventbridge s3-object-deleted').detail.object), ['key', 'etag', 'version-id', 'sequencer']);
      assert.equal(build('eventbridge s3-object-deleted').detail.object.etag, 'd41d8cd98f00b204e9800998ecf8427e', 'a delete marker has no bytes');
      assert.deepEqual(Object.keys(build('eventbridge s3-object-deleted', { deletionType: 'Permanently Deleted' }).detail.object), ['key', 'version-id', 'sequencer']);
      assert.deepEqual(Object.keys(build('eventbridge s3-object-tags-added').detail.object), ['key', 'etag', 'version-id']);
      assert.deepEqual(Object.keys(build('eventbridge s3-object-restore-completed').detail.object), ['key', 'size', 'etag', 'version-id']);
    });

    it('a permanent delete names the version that was created; a delete marker has a version of its own', () => {
      const created = build('eventbridge s3-object-created').detail.object['version-id'];
      assert.equal(build('eventbridge s3-object-deleted', { deletionType: 'Permanently Deleted' }).detail.object['version-id'], created);
      const marker = build('eventbridge s3-object-deleted');
      assert.equal(marker.detail['deletion-type'], 'Delete Marker Created');
      assert.notEqual(marker.detail.object['version-id'], created);
      refuses('eventbridge s3-object-deleted', 'deletionType', 'Soft Deleted');
    });

    it("S3's own work (restore done, lifecycle transition or expiration) has S3 as requester and no caller IP; a request has both", () => {
      const own: [string, Record<string, string>][] = [
        ['eventbridge s3-object-restore-completed', {}],
        ['eventbridge s3-object-storage-class-changed', {}],
        ['eventbridge s3-object-deleted', { reason: 'Lifecycle Expiration' }],
      ];
      for (const [id, values] of own) {
        const { detail } = build(id, { account: '210987654321', ...values });
        assert.equal(detail.requester, 's3.amazonaws.com', id);
        assert.equal(detail['source-ip-address'], undefined, id);
      }
      const initiated = build('eventbridge s3-object-restore-initiated', { account: '210987654321', storageClass: 'DEEP_ARCHIVE' }).detail;
      assert.equal(initiated.requester, '210987654321');
      assert.equal(initiated['source-storage-class'], 'DEEP_ARCHIVE');
      assert.ok(initiated['source-ip-address']);
    });

    it('a restored copy expires at the midnight after its days; days below 1 are refused', () => {
      assert.equal(build('eventbridge s3-object-restore-completed', { days: '1' }).detail['restore-expiry-time'], '2026-11-28T00:00:00Z');
      assert.equal(build('eventbridge s3-object-restore-completed', { days: '10' }).detail['restore-expiry-time'], '2026-12-07T00:00:00Z');
      refuses('eventbridge s3-object-restore-completed', 'days', '0');
    });

    it('bucket and key arrive as given in every S3 detail-type, the bucket ARN as the resource', () => {
      const ids = ['created', 'deleted', 'restore-initiated', 'restore-completed', 'tags-added', 'storage-class-changed'].map((e) => `eventbridge s3-object-${e}`);
      fc.assert(
        fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{2,20}[a-z0-9]$/), fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), fc.constantFrom(...ids), (bucket, key, id) => {
          const built = build(id, { bucket, key });
          assert.equal(built.detail.bucket.name, bucket);
          assert.equal(built.detail.object.key, key);
          assert.deepEqual(built.resources, [`arn:aws:s3:::${bucket}`]);
          assert.match(built.detail.object['version-id'], /^[A-Za-z0-9._]{32}$/);
        }),
      );
    });
  });

  describe('ECS', () => {
    it('a stopped task carries its exit code, stop code and reason; a running one none of them', () => {
      const running = build('eventbridge ecs-task-state-change').detail;
      for (const key of ['stoppedAt', 'stoppingAt', 'stoppedReason', 'stopCode', 'executionStoppedAt']) assert.equal(running[key], undefined, key);
      assert.equal(running.containers[0].exitCode, undefined);
      const stopped = build('eventbridge ecs-task-state-change', { lastStatus: 'STOPPED' }).detail;
      assert.equal(stopped.lastStatus, 'STOPPED');
      assert.equal(stopped.desiredStatus, 'STOPPED');
      assert.equal(stopped.containers[0].exitCode, 1);
      assert.equal(stopped.stopCode, 'EssentialContainerExited');
      assert.equal(stopped.stoppedAt, FIXED.now.toISOString());
      assert.ok(stopped.startedAt < stopped.stoppingAt && stopped.stoppingAt < stopped.stoppedAt);
      refuses('eventbridge ecs-task-state-change', 'lastStatus', 'PENDINGX');
    });

    it('a deployment names its service; a failed one is an ERROR, the others INFO', () => {
      const completed = build('eventbridge ecs-deployment-state-change', { cluster: 'prod', service: 'api', region: 'eu-central-2' });
      assert.deepEqual(completed.resources, ['arn:aws:ecs:eu-central-2:123456789012:service/prod/api']);
      assert.equal(completed.detail.eventType, 'INFO');
      assert.ok(completed.detail.reason.includes(completed.detail.deploymentId));
      const failed = build('eventbridge ecs-deployment-state-change', { eventName: 'SERVICE_DEPLOYMENT_FAILED' }).detail;
      assert.equal(failed.eventType, 'ERROR');
      assert.equal(failed.eventName, 'SERVICE_DEPLOYMENT_FAILED');
    });

    it('a container instance is in its cluster, and its ARN is the resource', () => {
      const built = build('eventbridge ecs-container-instance-state-change', { cluster: 'batch', instanceId: 'i-0fedcba9876543210', status: 'DRAINING' });
      assert.deepEqual(built.resources, [built.detail.containerInstanceArn]);
      assert.match(built.detail.containerInstanceArn, /^arn:aws:ecs:us-east-1:123456789012:container-instance\/batch\/[0-9a-f]{32}$/);
      assert.equal(built.detail.ec2InstanceId, 'i-0fedcba9876543210');
      assert.equal(built.detail.status, 'DRAINING');
    });
  });

  describe('CodeBuild, CodeDeploy, CodePipeline, ECR', () => {
    it('a phase change lists the phases done, the completed one last, then the next one started at the event time', () => {
      const detail = build('eventbridge codebuild-build-phase-change', { phase: 'INSTALL' }).detail;
      const phases = detail['additional-information'].phases;
      assert.deepEqual(
        phases.map((p: Json) => p['phase-type']),
        ['SUBMITTED', 'QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD'],
      );
      assert.equal(detail['completed-phase'], 'INSTALL');
      assert.equal(detail['completed-phase-end'], 'Nov 26, 2026 2:05:09 PM');
      assert.equal(detail['completed-phase-duration-seconds'], phases[4]['duration-in-seconds']);
      assert.equal(detail['additional-information']['build-complete'], false);
      const last = build('eventbridge codebuild-build-phase-change', { phase: 'FINALIZING' }).detail;
      assert.equal(last['additional-information'].phases.at(-1)['phase-type'], 'COMPLETED');
      assert.equal(last['additional-information']['build-complete'], true);
      refuses('eventbridge codebuild-build-phase-change', 'phase', 'COMPLETED');
    });

    it('CodeDeploy: both events name the same deployment; the instance event lists instance, group and application', () => {
      const values = { application: 'shop', deploymentGroup: 'blue', region: 'eu-central-2' };
      const deployment = build('eventbridge codedeploy-deployment-state-change', values);
      const instance = build('eventbridge codedeploy-instance-state-change', { ...values, instanceId: 'i-0fedcba9876543210', state: 'FAILURE' });
      assert.equal(instance.detail.deploymentId, deployment.detail.deploymentId);
      assert.equal(instance.detail.state, 'FAILURE');
      assert.deepEqual(instance.resources, [
        'arn:aws:ec2:eu-central-2:123456789012:instance/i-0fedcba9876543210',
        'arn:aws:codedeploy:eu-central-2:123456789012:deploymentgroup:shop/blue',
        'arn:aws:codedeploy:eu-central-2:123456789012:application:shop',
      ]);
      refuses('eventbridge codedeploy-instance-state-change', 'state', 'STOPPED');
    });

    it('CodePipeline action: a finished action has its execution result, a failed one its error code; a started one neither', () => {
      const started = build('eventbridge codepipeline-action-execution-state-change', { state: 'STARTED' }).detail;
      assert.equal(started['execution-result'], undefined);
      const succeeded = build('eventbridge codepipeline-action-execution-state-change').detail['execution-result'];
      assert.equal(succeeded['error-code'], undefined);
      assert.ok(succeeded['external-execution-url'].includes(succeeded['external-execution-id']));
      const failed = build('eventbridge codepipeline-action-execution-state-change', { state: 'FAILED' }).detail['execution-result'];
      assert.equal(failed['external-execution-state'], 'FAILED');
      assert.equal(failed['error-code'], 'JobFailed');
    });

    it('CodePipeline stage: the stage and state arrive as given, the pipeline ARN is the resource', () => {
      const built = build('eventbridge codepipeline-stage-execution-state-change', { pipeline: 'release', stage: 'Build', state: 'FAILED' });
      assert.deepEqual(built.resources, ['arn:aws:codepipeline:us-east-1:123456789012:release']);
      assert.equal(built.detail.stage, 'Build');
      assert.equal(built.detail.state, 'FAILED');
      refuses('eventbridge codepipeline-stage-execution-state-change', 'state', 'SUPERSEDED');
    });

    it('ECR: a push names repository and tag with no resources; a scan counts its findings per severity', () => {
      const push = build('eventbridge ecr-image-push', { repository: 'web', tag: 'v2' });
      assert.deepEqual(push.resources, []);
      assert.equal(push.detail['image-tag'], 'v2');
      const scan = build('eventbridge ecr-image-scan', { repository: 'web', tag: 'v2', critical: '0', high: '5' });
      assert.deepEqual(scan.resources, ['arn:aws:ecr:us-east-1:123456789012:repository/web']);
      assert.equal(scan.detail['image-digest'], push.detail['image-digest'], 'the same image has the same digest');
      assert.equal(scan.detail['finding-severity-counts'].CRITICAL, 0);
      assert.equal(scan.detail['finding-severity-counts'].HIGH, 5);
      refuses('eventbridge ecr-image-scan', 'medium', '-1');
    });
  });

  describe('Auto Scaling, Security Hub, Secrets Manager', () => {
    it('launching moves an instance from EC2 into the group, terminating back; a failure says why', () => {
      for (const verb of ['launch', 'terminate']) {
        const ok = build(`eventbridge autoscaling-instance-${verb}-successful`, { group: 'web', instanceId: 'i-0fedcba9876543210' });
        const failed = build(`eventbridge autoscaling-instance-${verb}-unsuccessful`).detail;
        const lifecycle = build(`eventbridge autoscaling-instance-${verb}-lifecycle`).detail;
        const [origin, destination] = verb === 'launch' ? ['EC2', 'AutoScalingGroup'] : ['AutoScalingGroup', 'EC2'];
        for (const detail of [ok.detail, failed, lifecycle]) assert.deepEqual([detail.Origin, detail.Destination], [origin, destination], verb);
        assert.equal(ok.detail.StatusCode, 'InProgress');
        assert.equal(ok.detail.StatusMessage, '');
        assert.equal(ok.resources[1], 'arn:aws:ec2:us-east-1:123456789012:instance/i-0fedcba9876543210');
        assert.match(ok.resources[0], /:autoScalingGroupName\/web$/);
        assert.equal(failed.StatusCode, 'Failed');
        assert.ok(failed.StatusMessage.length > 0 && failed.Description.includes(failed.StatusMessage));
        assert.equal(lifecycle.LifecycleTransition, `autoscaling:EC2_INSTANCE_${verb === 'launch' ? 'LAUNCHING' : 'TERMINATING'}`);
      }
    });

    it('Security Hub: a failed control is HIGH and NEW, a passed one INFORMATIONAL and RESOLVED, on the bucket given', () => {
      const failed = build('eventbridge securityhub-findings-imported', { bucket: 'logs-bucket', region: 'eu-central-2' });
      const [finding] = failed.detail.findings;
      assert.deepEqual(failed.resources, [finding.Id]);
      assert.equal(finding.Resources[0].Id, 'arn:aws:s3:::logs-bucket');
      assert.deepEqual([finding.Severity.Label, finding.Workflow.Status, finding.Compliance.Status], ['HIGH', 'NEW', 'FAILED']);
      assert.equal(finding.ProductArn, 'arn:aws:securityhub:eu-central-2::product/aws/securityhub');
      const [passed] = build('eventbridge securityhub-findings-imported', { complianceStatus: 'PASSED' }).detail.findings;
      assert.deepEqual([passed.Severity.Label, passed.Severity.Normalized, passed.Workflow.Status], ['INFORMATIONAL', 0, 'RESOLVED']);
      assert.equal(passed.FindingProviderFields.Severity.Label, 'INFORMATIONAL');
      refuses('eventbridge securityhub-findings-imported', 'complianceStatus', 'WARNING');
    });

    it('Secrets Manager rotation: each rotation event by name, the secret ARN with its 6-character suffix; API calls are refused', () => {
      for (const eventName of ['RotationStarted', 'RotationSucceeded', 'RotationFailed']) {
        const built = build('eventbridge secretsmanager-rotation-via-cloudtrail', { eventName, secret: 'app/db' });
        assert.equal(built['detail-type'], 'AWS Service Event via CloudTrail');
        assert.equal(built.detail.eventName, eventName);
        assert.equal(built.detail.eventType, 'AwsServiceEvent');
        assert.match(built.detail.additionalEventData.SecretId, /^arn:aws:secretsmanager:us-east-1:123456789012:secret:app\/db-[A-Za-z0-9]{6}$/);
      }
      refuses('eventbridge secretsmanager-rotation-via-cloudtrail', 'eventName', 'RotateSecret');
    });
  });
  describe('CloudWatch composite alarm action', () => {
    it('with a suppressor, the alarm was already in ALARM a wait period ago with its actions held; now they run', () => {
      const { alarmData } = build('cloudwatch composite-alarm-state-change', { actionsSuppressor: 'maintenance' });
      assert.equal(alarmData.configuration.actionsSuppressor, 'maintenance');
      assert.deepEqual([alarmData.previousState.value, alarmData.previousState.actionsSuppressedBy], ['ALARM', 'WaitPeriod']);
      const waitMs = alarmData.configuration.actionsSuppressorWaitPeriod * 1000;
      assert.equal(Date.parse(alarmData.state.timestamp.replace('+0000', 'Z')) - Date.parse(alarmData.previousState.timestamp.replace('+0000', 'Z')), waitMs);
      assert.equal(alarmData.state.actionsSuppressedBy, undefined);
      assert.equal(alarmData.state.reason, alarmData.previousState.reason, 'both name the same change of the child alarm');
      const plain = build('cloudwatch composite-alarm-state-change', { actionsSuppressor: '' }).alarmData;
      assert.equal(plain.previousState.value, 'OK');
      assert.equal(plain.previousState.actionsSuppressedBy, undefined);
    });
  });
});
