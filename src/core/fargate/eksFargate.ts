import { DescribeFargateProfileCommand, EKSClient, paginateListClusters, paginateListFargateProfiles } from '@aws-sdk/client-eks';
import type { FargateProfile } from '@aws-sdk/client-eks';

export { EKSClient };

export interface EksFargateProfile {
  readonly clusterName: string;
  readonly name: string;
  readonly status?: string;
  readonly podExecutionRoleArn?: string;
  readonly subnets: readonly string[];
  /** Pods in one of these namespaces, with all of the labels, run on Fargate. */
  readonly selectors: readonly { readonly namespace: string; readonly labels: Readonly<Record<string, string>> }[];
  readonly createdAt?: Date;
}

/** Every EKS cluster of the region with its Fargate profiles (none: []), clusters and profiles sorted by name. */
export async function listEksFargateProfiles(eks: EKSClient, signal?: AbortSignal): Promise<{ readonly cluster: string; readonly profiles: EksFargateProfile[] }[]> {
  const clusters: string[] = [];
  for await (const page of paginateListClusters({ client: eks }, {}, { abortSignal: signal })) clusters.push(...(page.clusters ?? []));
  // One cluster at a time (a region may have 100), its profiles (at most 10 by quota) side by side.
  const result: { cluster: string; profiles: EksFargateProfile[] }[] = [];
  for (const cluster of clusters.sort((a, b) => a.localeCompare(b))) result.push({ cluster, profiles: await profilesOf(eks, cluster, signal) });
  return result;
}

async function profilesOf(eks: EKSClient, clusterName: string, signal?: AbortSignal): Promise<EksFargateProfile[]> {
  const names: string[] = [];
  for await (const page of paginateListFargateProfiles({ client: eks }, { clusterName }, { abortSignal: signal })) names.push(...(page.fargateProfileNames ?? []));
  const profiles = await Promise.all(
    names.map(async (fargateProfileName) => {
      const { fargateProfile } = await eks.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName }), { abortSignal: signal });
      return toEksFargateProfile(clusterName, fargateProfileName, fargateProfile);
    }),
  );
  return profiles.sort((a, b) => a.name.localeCompare(b.name));
}

function toEksFargateProfile(clusterName: string, name: string, profile: FargateProfile | undefined): EksFargateProfile {
  return {
    clusterName,
    name: profile?.fargateProfileName ?? name,
    ...(profile?.status && { status: profile.status }),
    ...(profile?.podExecutionRoleArn && { podExecutionRoleArn: profile.podExecutionRoleArn }),
    subnets: profile?.subnets ?? [],
    selectors: (profile?.selectors ?? []).map((s) => ({ namespace: s.namespace ?? '', labels: { ...s.labels } })),
    ...(profile?.createdAt && { createdAt: profile.createdAt }),
  };
}
