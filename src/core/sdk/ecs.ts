// ECS clusters, Fargate services and tasks: what the explorer's Fargate rows and the Fargate commands need.
export { ECSClient, describeFargateService, listClusters, listFargateServices, listServiceTasks } from '../fargate/services';
export { RunTaskError, buildRunTaskInput, runServiceTask } from '../fargate/runTask';
export { FargateError } from '../fargate/fargateError';
export { describeTaskChange, followTask, taskSucceeded } from '../fargate/followTask';
export { deploymentSettled, redeployService, scaleService, stopTask, validateDesiredCount } from '../fargate/serviceOps';
export { taskLogSource } from '../fargate/taskLogStream';
