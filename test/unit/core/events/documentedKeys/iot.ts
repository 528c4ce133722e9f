// AWS IoT: custom authorizer requests (MQTT, HTTP), the IoT Button and IoT 1-Click device events, the fleet provisioning pre-provisioning hook; a rule's event is what its SQL selects (here topic() and timestamp()).
// Data-keyed maps (headers, attributes, slots…) are listed by their own path only.
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'iot 1-click': [
    'deviceEvent.buttonClicked.clickType',
    'deviceEvent.buttonClicked.reportedTime',
    'deviceInfo.attributes',
    'deviceInfo.type',
    'deviceInfo.deviceId',
    'deviceInfo.remainingLife',
    'placementInfo.projectName',
    'placementInfo.placementName',
    'placementInfo.attributes',
    'placementInfo.devices',
  ],
  'iot button': [
    'serialNumber',
    'clickType',
    'batteryVoltage',
  ],
  'iot custom-authorizer': [
    'token',
    'signatureVerified',
    'protocols[]',
    'protocolData.tls.serverName',
    'protocolData.mqtt.username',
    'protocolData.mqtt.password',
    'protocolData.mqtt.clientId',
    'connectionMetadata.id',
  ],
  'iot custom-authorizer-http': [
    'token',
    'signatureVerified',
    'protocols[]',
    'protocolData.tls.serverName',
    'protocolData.http.headers',
    'protocolData.http.queryString',
    'connectionMetadata.id',
  ],
  'iot pre-provisioning-hook': [
    'claimCertificateId',
    'certificateId',
    'certificatePem',
    'templateArn',
    'clientId',
    'parameters',
  ],
  'iot rule': [
    'topic',
    'timestamp',
  ],
};
