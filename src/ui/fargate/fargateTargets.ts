import * as vscode from 'vscode';
import type { AwsSession } from '../../core/aws/sessions';
import type { FargateService } from '../../core/fargate/services';
import type { AwsNode } from '../explorer/nodes/awsNode';
import { ServiceNode, TaskNode } from '../explorer/nodes/fargateNodes';

/** The Fargate service a command acts on. */
export interface ServiceTarget {
  readonly session: AwsSession;
  readonly cluster: string;
  readonly serviceName: string;
  /** As the tree last showed it, when the command came from its node. */
  readonly service?: FargateService;
}

/** The task a command acts on. */
export interface TaskTarget {
  readonly session: AwsSession;
  readonly cluster: string;
  readonly taskArn: string;
  /** "family:revision", when known. */
  readonly taskDefinition?: string;
  /** The service that owns the task, when the tree listed it under one. */
  readonly serviceName?: string;
}

/**
 * A service node, a plain `{ profile, region, cluster, serviceName }` (tests, keybindings, other extensions), or else the
 * AWS view's selection.
 */
export function serviceTargetOf(value: unknown, selection: readonly AwsNode[] = []): ServiceTarget | undefined {
  const node = value instanceof ServiceNode ? value : value === undefined && selection[0] instanceof ServiceNode ? selection[0] : undefined;
  if (node) return { session: node.session, cluster: node.clusterName, serviceName: node.service.name, service: node.service };
  const plain = value as { profile?: unknown; region?: unknown; cluster?: unknown; serviceName?: unknown } | undefined;
  if (isText(plain?.profile) && isText(plain.region) && isText(plain.cluster) && isText(plain.serviceName)) {
    return { session: { profile: plain.profile, region: plain.region }, cluster: plain.cluster, serviceName: plain.serviceName };
  }
  return undefined;
}

/** A task node, a plain `{ profile, region, cluster, taskArn }`, or else the AWS view's selection. */
export function taskTargetOf(value: unknown, selection: readonly AwsNode[] = []): TaskTarget | undefined {
  const node = value instanceof TaskNode ? value : value === undefined && selection[0] instanceof TaskNode ? selection[0] : undefined;
  if (node) {
    const group = node.task.group ?? '';
    return {
      session: node.session,
      cluster: node.clusterName,
      taskArn: node.task.arn,
      taskDefinition: node.task.taskDefinition,
      ...(group.startsWith('service:') && { serviceName: group.slice('service:'.length) }),
    };
  }
  const plain = value as { profile?: unknown; region?: unknown; cluster?: unknown; taskArn?: unknown; serviceName?: unknown } | undefined;
  if (isText(plain?.profile) && isText(plain.region) && isText(plain.cluster) && isText(plain.taskArn)) {
    return {
      session: { profile: plain.profile, region: plain.region },
      cluster: plain.cluster,
      taskArn: plain.taskArn,
      ...(isText(plain.serviceName) && { serviceName: plain.serviceName }),
    };
  }
  return undefined;
}

/** The options a programmatic caller passed; a tree's second argument (the selected nodes) is no options. */
export function optionsOf<T extends object>(value: unknown): Partial<T> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<T>) : {};
}

export function where(target: { session: AwsSession; cluster: string }): string {
  return `cluster ${target.cluster}, ${target.session.profile} · ${target.session.region}`;
}

export function taskIdOf(taskArn: string): string {
  return taskArn.split('/').pop() ?? taskArn;
}

/** Says what to select when a command came from the palette with nothing to act on. */
export function noTarget(what: 'service' | 'task'): { readonly status: 'cancelled' } {
  void vscode.window.showWarningMessage(
    what === 'service' ? 'Select a Fargate service in the Serverless Explorer (Region → Fargate → cluster → service) first.' : 'Select a running Fargate task under its service in the Serverless Explorer first.',
  );
  return { status: 'cancelled' };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
