import { defineEvent } from '../types';
import { sha256 } from '../helpers';

// @types/aws-lambda has no Client VPN type; this is AWS's documented request of a client connect handler.
export interface ClientVpnConnectionHandlerRequest {
  'connection-id': string;
  'endpoint-id': string;
  'common-name': string;
  username: string;
  platform: string;
  'platform-version': string;
  'public-ip': string;
  'client-openvpn-version': string;
  'aws-client-version': string;
  groups: string;
  'schema-version': string;
}

/** Client VPN ids are a prefix and 17 hex digits; the connection's is derived from what identifies it, so it is stable for one input. */
function resourceId(prefix: string, seed: string): string {
  return `${prefix}-${sha256(seed).slice(0, 17)}`;
}

export const clientvpnEvents = [
  defineEvent<ClientVpnConnectionHandlerRequest>()({
    service: 'clientvpn',
    event: 'connection-handler',
    title: 'Client VPN client connect handler (connection attempt)',
    group: 'AWS Client VPN',
    params: {
      endpointId: { default: 'cvpn-endpoint-0b2f6a3c91d4e5f70', description: 'Client VPN endpoint id' },
      username: { default: 'alice', description: 'User name (Active Directory or SAML authentication; empty for certificates only)' },
      commonName: { default: 'alice.vpn.example.com', description: 'Common name of the client certificate (mutual authentication; empty otherwise)' },
      groups: { default: 'engineering,vpn-users', description: 'Groups of a SAML user, comma-separated (empty: none)' },
      platform: { default: 'mac', description: 'Operating system of the device: win | mac | linux | ios | android' },
      platformVersion: { default: '15.1', description: 'Operating system version' },
      publicIp: { default: '203.0.113.45', description: 'Public address the device connects from' },
      openvpnVersion: { default: 'OpenVPN 2.6.8', description: 'OpenVPN version of the client' },
      awsClientVersion: { default: '5.0.1', description: 'Version of the AWS provided client (empty: another OpenVPN client)' },
    },
    build: (p, ctx) => ({
      'connection-id': resourceId('cvpn-connection', `${p.endpointId}/${p.username}/${p.commonName}/${p.publicIp}/${ctx.now.toISOString()}`),
      'endpoint-id': p.endpointId,
      'common-name': p.commonName,
      username: p.username,
      platform: p.platform,
      'platform-version': p.platformVersion,
      'public-ip': p.publicIp,
      'client-openvpn-version': p.openvpnVersion,
      'aws-client-version': p.awsClientVersion,
      groups: p.groups
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g !== '')
        .join(','),
      'schema-version': 'v1',
    }),
  }),
];
