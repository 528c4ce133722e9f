// Deployed Lambda functions: what the explorer's Lambda rows and Invoke need.
export { LambdaClient, listAliases, listFunctions, listTriggers, listVersions } from '../lambda/functions';
export { functionTags, invokeFunction } from '../lambda/invoke';
export { layerDownloader } from '../lambda/layerDownload';
export { lookUpFunction } from '../lambda/functionLookup';
export { getDeployedFunction } from '../lambda/deployedFunction';
export { functionArn } from '../lambda/functionArn';
