/** AWS Client VPN's client connect handler: the request schema of its Lambda interface (connection authorization). */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'clientvpn connection-handler': [
    'connection-id',
    'endpoint-id',
    'common-name',
    'username',
    'platform',
    'platform-version',
    'public-ip',
    'client-openvpn-version',
    'aws-client-version',
    'groups',
    'schema-version',
  ],
};
