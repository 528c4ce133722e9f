// A service's details document: Application Auto Scaling and EC2 (its network) besides ECS.
export { describeServiceDetails, serviceDetailsMarkdown } from '../fargate/serviceDetails';
export { ApplicationAutoScalingClient } from '../fargate/serviceAutoScaling';
export { EC2Client } from '@aws-sdk/client-ec2';
