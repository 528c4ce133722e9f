// CloudFormation custom resource requests (CloudFormation user guide, "Custom resource request objects"); ResourceProperties beyond ServiceToken are the template's own.
/** A custom resource request. */
const CUSTOM_RESOURCE_REQUEST = [
  'LogicalResourceId',
  'RequestId',
  'RequestType',
  'ResourceProperties.ServiceToken',
  'ResourceType',
  'ResponseURL',
  'ServiceToken',
  'StackId',
];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'cloudformation create-request': [
    ...CUSTOM_RESOURCE_REQUEST,
    'ResourceProperties',
  ],
  'cloudformation update-request': [
    ...CUSTOM_RESOURCE_REQUEST,
    'OldResourceProperties.ServiceToken',
    'PhysicalResourceId',
  ],
  'cloudformation delete-request': [
    ...CUSTOM_RESOURCE_REQUEST,
    'PhysicalResourceId',
  ],
};
