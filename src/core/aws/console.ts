/** Links into the AWS Management Console, in the resource's partition and region. */
function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return `https://${region}.console.amazonaws-us-gov.com`;
  return `https://${region}.console.aws.amazon.com`;
}

const enc = encodeURIComponent;

export const consoleUrl = {
  lambdaFunction: (region: string, name: string) => `${consoleHost(region)}/lambda/home?region=${region}#/functions/${enc(name)}`,
  lambdaVersion: (region: string, name: string, version: string) => `${consoleHost(region)}/lambda/home?region=${region}#/functions/${enc(name)}/versions/${enc(version)}`,
  lambdaAlias: (region: string, name: string, alias: string) => `${consoleHost(region)}/lambda/home?region=${region}#/functions/${enc(name)}/aliases/${enc(alias)}`,
  ecsCluster: (region: string, cluster: string) => `${consoleHost(region)}/ecs/v2/clusters/${enc(cluster)}/services?region=${region}`,
  ecsService: (region: string, cluster: string, service: string) => `${consoleHost(region)}/ecs/v2/clusters/${enc(cluster)}/services/${enc(service)}/health?region=${region}`,
  ecsTask: (region: string, cluster: string, taskId: string) => `${consoleHost(region)}/ecs/v2/clusters/${enc(cluster)}/tasks/${enc(taskId)}/configuration?region=${region}`,
};
