import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, isoSeconds, md5 } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf } from './envelope';

const ROTATION_EVENTS = ['RotationStarted', 'RotationSucceeded', 'RotationFailed'] as const;

/** A secret's ARN: its name, a dash and six characters Secrets Manager adds, stable for the name. */
function secretArn(p: { region: string; account: string; secret: string }): string {
  const suffix = Buffer.from(md5(p.secret), 'hex').toString('base64url').replace(/[-_]/g, 'x').slice(0, 6);
  return arn('secretsmanager', p.region, p.account, `secret:${p.secret}-${suffix}`);
}

export const cloudtrailEvents = [
  // @types/aws-lambda has no CloudTrail record type; the detail is a CloudTrail record (S3 CreateBucket by an IAM user).
  defineEvent<EventBridgeEvent<'AWS API Call via CloudTrail', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'aws-api-call-via-cloudtrail',
    title: 'AWS API call via CloudTrail (S3 CreateBucket)',
    group: GROUP,
    params: {
      ...WHERE,
      bucket: { default: 'amzn-s3-demo-bucket', description: 'Name of the bucket created' },
      userName: { default: 'alice', description: 'IAM user who made the call' },
    },
    build: (p, ctx) => {
      const host = `${p.bucket}.s3.${p.region}.amazonaws.com`;
      return envelope(p, ctx, 'aws.s3', 'AWS API Call via CloudTrail', [], {
        eventVersion: '1.09',
        userIdentity: {
          type: 'IAMUser',
          principalId: 'AIDAJ45Q7YFFAREXAMPLE',
          arn: arn('iam', '', p.account, `user/${p.userName}`),
          accountId: p.account,
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          userName: p.userName,
        },
        eventTime: isoSeconds(ctx.now),
        eventSource: 's3.amazonaws.com',
        eventName: 'CreateBucket',
        awsRegion: p.region,
        sourceIPAddress: '203.0.113.10',
        userAgent: '[aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#s3api.create-bucket]',
        requestParameters: { bucketName: p.bucket, Host: host },
        responseElements: null,
        additionalEventData: {
          SignatureVersion: 'SigV4',
          CipherSuite: 'TLS_AES_128_GCM_SHA256',
          bytesTransferredIn: 0,
          AuthenticationMethod: 'AuthHeader',
          'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
          bytesTransferredOut: 0,
        },
        requestID: md5(ctx.uuid()).slice(0, 16).toUpperCase(),
        eventID: ctx.uuid(),
        readOnly: false,
        resources: [{ type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${p.bucket}` }],
        eventType: 'AwsApiCall',
        managementEvent: true,
        recipientAccountId: p.account,
        eventCategory: 'Management',
        tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: host },
      });
    },
  }),
  // Secrets Manager's rotation events are CloudTrail records of AWS's own doing: no caller, the secret in additionalEventData.
  defineEvent<EventBridgeEvent<'AWS Service Event via CloudTrail', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'secretsmanager-rotation-via-cloudtrail',
    title: 'Secrets Manager rotation event via CloudTrail',
    group: GROUP,
    params: {
      ...WHERE,
      secret: { default: 'prod/app/db-credentials', description: 'Secret name' },
      eventName: { default: 'RotationSucceeded', description: `Rotation event: ${ROTATION_EVENTS.join(', ')}` },
    },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.secretsmanager', 'AWS Service Event via CloudTrail', [], {
        eventVersion: '1.09',
        userIdentity: { accountId: p.account, invokedBy: 'secretsmanager.amazonaws.com' },
        eventTime: isoSeconds(ctx.now),
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: oneOf('eventName', p.eventName, ROTATION_EVENTS),
        awsRegion: p.region,
        sourceIPAddress: 'secretsmanager.amazonaws.com',
        userAgent: 'secretsmanager.amazonaws.com',
        requestParameters: null,
        responseElements: null,
        additionalEventData: { SecretId: secretArn(p) },
        requestID: ctx.uuid(),
        eventID: ctx.uuid(),
        readOnly: false,
        eventType: 'AwsServiceEvent',
        managementEvent: true,
        recipientAccountId: p.account,
        eventCategory: 'Management',
      }),
  }),
];
