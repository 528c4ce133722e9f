import { ApplicationAutoScalingClient, paginateDescribeScalableTargets, paginateDescribeScalingPolicies } from '@aws-sdk/client-application-auto-scaling';
import type { ScalableTarget, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';

export { ApplicationAutoScalingClient };

export interface ScalingPolicySummary {
  readonly name: string;
  /** TargetTrackingScaling, StepScaling, PredictiveScaling */
  readonly type: string;
  readonly targetValue?: number;
  /** The predefined metric (ECSServiceAverageCPUUtilization…) or the custom metric's namespace/name. */
  readonly metric?: string;
  readonly scaleOutCooldownSeconds?: number;
  readonly scaleInCooldownSeconds?: number;
  readonly disableScaleIn?: boolean;
  /** Step scaling: how a step changes the capacity. */
  readonly adjustmentType?: string;
  /** The CloudWatch alarms that trigger it. */
  readonly alarms: readonly string[];
}

export type ServiceAutoScaling =
  | {
      readonly available: true;
      /** Undefined when the service's desired count is not registered with Application Auto Scaling. */
      readonly target?: { readonly minCapacity: number; readonly maxCapacity: number; readonly suspended: boolean };
      readonly policies: readonly ScalingPolicySummary[];
    }
  | { readonly available: false; readonly reason: string };

/**
 * Application Auto Scaling's target and policies for the service's desired count. A failure (access denied, most often)
 * is returned as unavailable with the reason, so that the rest of the service's details can still be shown.
 */
export async function describeServiceAutoScaling(client: ApplicationAutoScalingClient, clusterName: string, serviceName: string, signal?: AbortSignal): Promise<ServiceAutoScaling> {
  try {
    return await readServiceAutoScaling(client, clusterName, serviceName, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    return { available: false, reason: unavailableReason(error) };
  }
}

function unavailableReason(error: unknown): string {
  const { name = '', message = String(error) } = error as Error;
  const text = message.replace(/\s+/g, ' ').trim();
  if (/AccessDenied|UnauthorizedOperation|not authorized/i.test(`${name} ${text}`)) {
    return `Not allowed to read Application Auto Scaling (application-autoscaling:DescribeScalableTargets and DescribeScalingPolicies are needed): ${text}`;
  }
  return `Application Auto Scaling could not be read: ${name && !text.startsWith(name) ? `${name}: ` : ''}${text}`;
}

async function readServiceAutoScaling(client: ApplicationAutoScalingClient, clusterName: string, serviceName: string, signal?: AbortSignal): Promise<ServiceAutoScaling> {
  const resourceId = `service/${clusterName}/${serviceName}`;
  const query = { ServiceNamespace: 'ecs' as const, ScalableDimension: 'ecs:service:DesiredCount' as const };
  const targets: ScalableTarget[] = [];
  for await (const page of paginateDescribeScalableTargets({ client }, { ...query, ResourceIds: [resourceId] }, { abortSignal: signal })) targets.push(...(page.ScalableTargets ?? []));
  const policies: ScalingPolicy[] = [];
  for await (const page of paginateDescribeScalingPolicies({ client }, { ...query, ResourceId: resourceId }, { abortSignal: signal })) policies.push(...(page.ScalingPolicies ?? []));
  const target = targets.find((t) => t.ResourceId === resourceId);
  return {
    available: true,
    ...(target && {
      target: {
        minCapacity: target.MinCapacity ?? 0,
        maxCapacity: target.MaxCapacity ?? 0,
        suspended: Boolean(target.SuspendedState?.DynamicScalingInSuspended || target.SuspendedState?.DynamicScalingOutSuspended || target.SuspendedState?.ScheduledScalingSuspended),
      },
    }),
    policies: policies.filter((p) => p.ResourceId === resourceId).map(toPolicySummary),
  };
}

function toPolicySummary(policy: ScalingPolicy): ScalingPolicySummary {
  const tracking = policy.TargetTrackingScalingPolicyConfiguration;
  const custom = tracking?.CustomizedMetricSpecification;
  const metric = tracking?.PredefinedMetricSpecification?.PredefinedMetricType ?? (custom?.MetricName ? [custom.Namespace, custom.MetricName].filter(Boolean).join('/') : undefined);
  return {
    name: policy.PolicyName ?? '',
    type: policy.PolicyType ?? 'unknown',
    ...(tracking?.TargetValue !== undefined && { targetValue: tracking.TargetValue }),
    ...(metric && { metric }),
    ...(tracking?.ScaleOutCooldown !== undefined && { scaleOutCooldownSeconds: tracking.ScaleOutCooldown }),
    ...(tracking?.ScaleInCooldown !== undefined && { scaleInCooldownSeconds: tracking.ScaleInCooldown }),
    ...(tracking?.DisableScaleIn !== undefined && { disableScaleIn: tracking.DisableScaleIn }),
    ...(policy.StepScalingPolicyConfiguration?.AdjustmentType && { adjustmentType: policy.StepScalingPolicyConfiguration.AdjustmentType }),
    alarms: (policy.Alarms ?? []).map((a) => a.AlarmName ?? '').filter(Boolean),
  };
}
