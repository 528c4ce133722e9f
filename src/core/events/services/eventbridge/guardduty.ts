import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, int, isoTime, md5 } from '../../helpers';
import { GROUP, WHERE, envelope, internalDns, secondsBefore } from './envelope';

export const guarddutyEvents = [
  // @types/aws-lambda types only GuardDuty's malware-scan event; a finding follows GuardDuty's finding format.
  defineEvent<EventBridgeEvent<'GuardDuty Finding', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'guardduty-finding',
    title: 'GuardDuty finding (unprotected port probed on an EC2 instance)',
    group: GROUP,
    params: {
      ...WHERE,
      instanceId: { default: 'i-0123456789abcdef0', description: 'EC2 instance id' },
      severity: { default: '2', description: 'Severity (1–8: low 1–3, medium 4–6, high 7–8)' },
    },
    build: (p, ctx) => {
      const detectorId = md5(`${p.account}:${p.region}`);
      const findingId = md5(ctx.uuid());
      const seen = isoTime(secondsBefore(ctx.now, 600));
      return envelope(p, ctx, 'aws.guardduty', 'GuardDuty Finding', [], {
        schemaVersion: '2.0',
        accountId: p.account,
        region: p.region,
        partition: 'aws',
        id: findingId,
        arn: arn('guardduty', p.region, p.account, `detector/${detectorId}/finding/${findingId}`),
        type: 'Recon:EC2/PortProbeUnprotectedPort',
        resource: {
          resourceType: 'Instance',
          instanceDetails: {
            instanceId: p.instanceId,
            instanceType: 't3.micro',
            launchTime: isoTime(secondsBefore(ctx.now, 86_400)),
            productCodes: [],
            iamInstanceProfile: { arn: arn('iam', '', p.account, 'instance-profile/web-server'), id: 'AIPAJ4EXAMPLE2QW3EXMP' },
            networkInterfaces: [
              {
                ipv6Addresses: [],
                networkInterfaceId: 'eni-0a1b2c3d4e5f67890',
                privateDnsName: internalDns(p.region, '10.0.0.12'),
                privateIpAddress: '10.0.0.12',
                privateIpAddresses: [{ privateDnsName: internalDns(p.region, '10.0.0.12'), privateIpAddress: '10.0.0.12' }],
                publicDnsName: `ec2-198-51-100-20.${p.region === 'us-east-1' ? 'compute-1' : `${p.region}.compute`}.amazonaws.com`,
                publicIp: '198.51.100.20',
                securityGroups: [{ groupId: 'sg-0a1b2c3d4e5f67890', groupName: 'web-server' }],
                subnetId: 'subnet-0a1b2c3d4e5f67890',
                vpcId: 'vpc-0a1b2c3d4e5f67890',
              },
            ],
            tags: [{ key: 'Name', value: 'web-server' }],
            instanceState: 'running',
            availabilityZone: `${p.region}a`,
            imageId: 'ami-0abcdef1234567890',
            imageDescription: 'Amazon Linux 2023 AMI',
          },
        },
        service: {
          serviceName: 'guardduty',
          detectorId,
          action: {
            actionType: 'PORT_PROBE',
            portProbeAction: {
              blocked: false,
              portProbeDetails: [
                {
                  localPortDetails: { port: 22, portName: 'SSH' },
                  remoteIpDetails: {
                    ipAddressV4: '203.0.113.99',
                    organization: { asn: '64496', asnOrg: 'Example Networks', isp: 'Example ISP', org: 'Example Org' },
                    country: { countryName: 'Netherlands' },
                    city: { cityName: 'Amsterdam' },
                    geoLocation: { lat: 52.37, lon: 4.89 },
                  },
                },
              ],
            },
          },
          resourceRole: 'TARGET',
          additionalInfo: { value: '{"threatListName":"ProofPoint"}', type: 'default' },
          eventFirstSeen: seen,
          eventLastSeen: isoTime(ctx.now),
          archived: false,
          count: 1,
        },
        severity: int('severity', p.severity),
        createdAt: seen,
        updatedAt: isoTime(ctx.now),
        title: `Unprotected port on EC2 instance ${p.instanceId} is being probed.`,
        description: `EC2 instance ${p.instanceId} has an unprotected port which is being probed by a known malicious host.`,
      });
    },
  }),
];
