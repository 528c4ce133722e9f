// Credentials, clients and error descriptions: what every AWS call of the ui needs first.
export { AwsClientFactory } from '../aws/clients';
export { describeAwsError } from '../aws/errors';
export { assumeExecutionRole } from '../lambda/executionRole';
