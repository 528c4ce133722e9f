import type { TransferFamilyAuthorizerEvent } from 'aws-lambda';
import { defineEvent } from '../types';

const PROTOCOLS = ['SFTP', 'FTP', 'FTPS'] as const;

export const transferEvents = [
  // AWS Transfer Family custom identity provider: the function decides whether the user may log in.
  defineEvent<TransferFamilyAuthorizerEvent>()({
    service: 'transfer',
    event: 'authorizer',
    title: 'Transfer Family custom identity provider (login)',
    group: 'AWS Transfer Family',
    params: {
      serverId: { default: 's-1234567890abcdef0', description: 'Transfer server id' },
      username: { default: 'partner-upload', description: 'User name' },
      password: { default: 'correct horse battery staple', description: 'Password (empty for a public-key login)' },
      protocol: { default: 'SFTP', description: `Protocol: ${PROTOCOLS.join(', ')}` },
      sourceIp: { default: '198.51.100.23', description: "The client's IP address" },
    },
    build: (p) => {
      const protocol = PROTOCOLS.find((x) => x === p.protocol);
      if (!protocol) throw new TypeError(`Parameter protocol must be one of ${PROTOCOLS.join(', ')}, not "${p.protocol}".`);
      return { username: p.username, ...(p.password ? { password: p.password } : {}), protocol, serverId: p.serverId, sourceIp: p.sourceIp };
    },
  }),
];
