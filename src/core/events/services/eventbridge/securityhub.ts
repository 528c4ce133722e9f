import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, isoTime } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf, secondsBefore } from './envelope';

const STATUSES = ['FAILED', 'PASSED'] as const;

// @types/aws-lambda has no Security Hub type; a finding is in the AWS Security Finding Format (ASFF), the subset of
// its keys a Security Hub control finding has.
interface AsffSeverity {
  Label: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  Normalized: number;
  Original: string;
}
interface AsffFinding {
  SchemaVersion: string;
  Id: string;
  ProductArn: string;
  ProductName: string;
  CompanyName: string;
  Region: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  FirstObservedAt: string;
  LastObservedAt: string;
  CreatedAt: string;
  UpdatedAt: string;
  Severity: AsffSeverity;
  Title: string;
  Description: string;
  Remediation: { Recommendation: { Text: string; Url: string } };
  ProductFields: Record<string, string>;
  Resources: { Type: string; Id: string; Partition: string; Region: string; Details: Record<string, unknown> }[];
  Compliance: { Status: (typeof STATUSES)[number]; SecurityControlId: string; AssociatedStandards: { StandardsId: string }[] };
  WorkflowState: string;
  Workflow: { Status: 'NEW' | 'RESOLVED' };
  RecordState: 'ACTIVE' | 'ARCHIVED';
  FindingProviderFields: { Severity: { Label: AsffSeverity['Label']; Original: string }; Types: string[] };
  ProcessedAt: string;
}

const TYPES = ['Software and Configuration Checks/Industry and Regulatory Standards'];

export const securityhubEvents = [
  defineEvent<EventBridgeEvent<'Security Hub Findings - Imported', { findings: AsffFinding[] }>>()({
    service: 'eventbridge',
    event: 'securityhub-findings-imported',
    title: 'Security Hub findings imported (a control check on an S3 bucket)',
    group: GROUP,
    params: {
      ...WHERE,
      bucket: { default: 'amzn-s3-demo-bucket', description: 'S3 bucket the control checked' },
      complianceStatus: { default: 'FAILED', description: `Control result: ${STATUSES.join(', ')} (a passed check is informational and resolved)` },
    },
    build: (p, ctx) => {
      const status = oneOf('complianceStatus', p.complianceStatus, STATUSES);
      const failed = status === 'FAILED';
      const findingId = arn('securityhub', p.region, p.account, `security-control/S3.8/finding/${ctx.uuid()}`);
      const severity: AsffSeverity = failed ? { Label: 'HIGH', Normalized: 70, Original: 'HIGH' } : { Label: 'INFORMATIONAL', Normalized: 0, Original: 'INFORMATIONAL' };
      const firstSeen = isoTime(secondsBefore(ctx.now, 7 * 86_400));
      const now = isoTime(ctx.now);
      const finding: AsffFinding = {
        SchemaVersion: '2018-10-08',
        Id: findingId,
        ProductArn: `arn:aws:securityhub:${p.region}::product/aws/securityhub`,
        ProductName: 'Security Hub',
        CompanyName: 'AWS',
        Region: p.region,
        GeneratorId: 'security-control/S3.8',
        AwsAccountId: p.account,
        Types: TYPES,
        FirstObservedAt: firstSeen,
        LastObservedAt: now,
        CreatedAt: firstSeen,
        UpdatedAt: now,
        Severity: severity,
        Title: 'S3 general purpose buckets should block public access',
        Description: 'This control checks whether an S3 general purpose bucket blocks public access at the bucket level.',
        Remediation: {
          Recommendation: {
            Text: 'For information on how to correct this issue, consult the AWS Security Hub controls documentation.',
            Url: 'https://docs.aws.amazon.com/console/securityhub/S3.8/remediation',
          },
        },
        ProductFields: {
          RelatedAWSResources: `0/name: securityhub-s3-bucket-level-public-access-prohibited-${p.account}`,
          'aws/securityhub/ProductName': 'Security Hub',
          'aws/securityhub/CompanyName': 'AWS',
          'aws/securityhub/FindingId': `arn:aws:securityhub:${p.region}::product/aws/securityhub/${findingId}`,
        },
        Resources: [
          {
            Type: 'AwsS3Bucket',
            Id: `arn:aws:s3:::${p.bucket}`,
            Partition: 'aws',
            Region: p.region,
            Details: { AwsS3Bucket: { OwnerId: ctx.uuid().replace(/-/g, '').repeat(2), CreatedAt: firstSeen, Name: p.bucket } },
          },
        ],
        Compliance: { Status: status, SecurityControlId: 'S3.8', AssociatedStandards: [{ StandardsId: 'standards/aws-foundational-security-best-practices/v/1.0.0' }] },
        WorkflowState: failed ? 'NEW' : 'RESOLVED',
        Workflow: { Status: failed ? 'NEW' : 'RESOLVED' },
        RecordState: 'ACTIVE',
        FindingProviderFields: { Severity: { Label: severity.Label, Original: severity.Original }, Types: TYPES },
        ProcessedAt: now,
      };
      return envelope(p, ctx, 'aws.securityhub', 'Security Hub Findings - Imported', [findingId], { findings: [finding] });
    },
  }),
];
