import { escapeMarkdown as e } from './escapeMarkdown';
import type { ServiceDetails } from './serviceDetailsTypes';
import type { ContainerSummary } from './taskDefinitionSummary';

type Field = readonly [label: string, value: string | number | undefined];

/** The service's details as a read-only Markdown document; every value from AWS is escaped, so it shows as text. */
export function serviceDetailsMarkdown(details: ServiceDetails): string {
  const { service, taskDefinition } = details;
  const sections = [
    `# ${e(service.name)}\n\nFargate service in cluster ${e(details.cluster)}, ${e(details.region)}.`,
    section('Service', fields([
      ['Status', service.status],
      ['Tasks', `${service.running} running, ${service.pending} pending, ${service.desired} desired`],
      ['Launch', service.launch],
      ['Platform version', service.platformVersion],
      ['Platform family', service.platformFamily],
      ['Deployment controller', service.deploymentController],
      ['Health check grace period', service.healthCheckGracePeriodSeconds !== undefined ? `${service.healthCheckGracePeriodSeconds} s` : undefined],
      ['ECS Exec', service.enableExecuteCommand ? 'enabled' : 'disabled'],
      ['Created', time(service.createdAt)],
      ['ARN', service.arn],
    ])),
    section(`Task definition ${e(taskDefinition.name)}`, [
      fields([
        ['CPU', taskDefinition.cpu !== undefined ? `${taskDefinition.cpu} units` : undefined],
        ['Memory', taskDefinition.memory !== undefined ? `${taskDefinition.memory} MiB` : undefined],
        ['Network mode', taskDefinition.networkMode],
        ['Runtime platform', taskDefinition.runtimePlatform],
        ['Task role', taskDefinition.taskRoleArn],
        ['Execution role', taskDefinition.executionRoleArn],
      ]),
      ...taskDefinition.containers.map(containerSection),
    ].join('\n\n')),
    section('Network', details.network ? fields([
      ['VPC', details.network.vpcId],
      ['Subnets', list(details.network.subnets)],
      ['Security groups', list(details.network.securityGroups)],
      ['Public IP', details.network.assignPublicIp],
    ]) : 'No awsvpc network configuration.'),
    section('Load balancers', details.loadBalancers.length === 0 ? 'None.' : table(
      ['Target group or load balancer', 'Container', 'Port'],
      details.loadBalancers.map((lb) => [lb.targetGroupArn ?? lb.loadBalancerName, lb.containerName, lb.containerPort]),
    )),
    section('Auto scaling', autoScalingText(details)),
    section('Deployments', details.deployments.length === 0 ? 'None.' : table(
      ['Status', 'Rollout', 'Running', 'Pending', 'Desired', 'Failed', 'Task definition', 'Created', 'Updated'],
      details.deployments.map((d) => [d.status, [d.rolloutState, d.rolloutStateReason].filter(Boolean).join(': '), d.running, d.pending, d.desired, d.failed, d.taskDefinition, time(d.createdAt), time(d.updatedAt)]),
    )),
    section('Recent events', details.events.length === 0 ? 'None.' : table(['Time', 'Message'], details.events.map((ev) => [time(ev.createdAt), ev.message]))),
  ];
  return `${sections.join('\n\n')}\n`;
}

function containerSection(container: ContainerSummary): string {
  const memory = [container.memory !== undefined && `${container.memory} MiB (hard limit)`, container.memoryReservation !== undefined && `${container.memoryReservation} MiB (soft limit)`].filter(Boolean).join(', ');
  const secrets = container.secrets.map((s) => `${e(s.name)} (${s.source})`).join(', ');
  return `### Container ${e(container.name)}\n\n${fields([
    ['Image', container.image],
    ['Essential', container.essential ? 'yes' : 'no'],
    ['CPU', container.cpu !== undefined ? `${container.cpu} units` : undefined],
    ['Memory', memory || undefined],
    ['Ports', list(container.ports)],
    ['Environment variables (names only)', list(container.environmentNames)],
  ])}${secrets ? `\n- **Secrets (names only):** ${secrets}` : ''}${container.logDriver ? `\n- **Logs:** ${e(container.logDriver)}${container.logGroup ? ` to ${e(container.logGroup)}` : ''}` : ''}`;
}

function autoScalingText(details: ServiceDetails): string {
  const scaling = details.autoScaling;
  if (!scaling.available) return `Not available: ${e(scaling.reason)}`;
  const target = scaling.target
    ? fields([
        ['Tasks', `${scaling.target.minCapacity} to ${scaling.target.maxCapacity}`],
        ['Scaling', scaling.target.suspended ? 'suspended' : 'active'],
      ])
    : 'The desired count is not registered with Application Auto Scaling: it changes only when someone sets it.';
  if (scaling.policies.length === 0) return `${target}\n\nNo scaling policies.`;
  return `${target}\n\n${table(
    ['Policy', 'Type', 'Target', 'Metric', 'Alarms'],
    scaling.policies.map((p) => [p.name, p.type, p.targetValue, p.metric, p.alarms.join(', ')]),
  )}`;
}

function section(title: string, body: string): string {
  return `## ${title}\n\n${body}`;
}

/** A bullet per field that has a value; labels are ours, values escaped. */
function fields(items: readonly Field[]): string {
  return items
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([label, value]) => `- **${label}:** ${e(String(value))}`)
    .join('\n');
}

function table(headers: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map((r) => line(r.map((cell) => (cell === undefined || cell === '' ? ' ' : e(String(cell))))))].join('\n');
}

function list(values: readonly string[]): string | undefined {
  return values.length ? values.join(', ') : undefined;
}

function time(date: Date | undefined): string | undefined {
  return date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : undefined;
}
