// EKS on Fargate: the clusters' Fargate profiles.
export { EKSClient, listEksFargateProfiles } from '../fargate/eksFargate';
