import { LambdaClient } from '../../core/lambda/functions';
import { applyConfigurationEdit, planConfigurationEdit, type ConfigurationPlan } from '../../core/lambda/deploy/configurationEdit';
import { editProblems, type ConfigurationEdit } from '../../core/lambda/deploy/configurationRules';
import { deployedFunctionsOf } from '../../core/lambda/deploy/deployedFunctionOf';
import { ConcurrentChangeError } from '../../core/lambda/deploy/revisionGuard';
import type { CliIo } from '../io';
import { cliTarget, type TargetOptions } from '../deployTarget';
import { awsFailure, placeOf } from './deploy';

export interface ConfigureCliOptions extends TargetOptions {
  /** --env K=V, repeatable. */
  readonly env?: readonly string[];
  /** --unset-env K, repeatable. */
  readonly unsetEnv?: readonly string[];
  readonly memory?: string;
  readonly timeout?: string;
  readonly yes?: boolean;
}

const USAGE = 'Usage: serverless-explorer configure <function> [--env K=V …] [--unset-env K …] [--memory mb] [--timeout s] [--yes] [--profile p] [--region r] [--endpoint-url url]';

function usage(io: CliIo, message: string): number {
  io.err(`serverless-explorer: ${message}\n${USAGE}\n`);
  return 2;
}

/** The flags as an edit, or what is wrong with them. */
export function editOfFlags(options: ConfigureCliOptions): ConfigurationEdit | string {
  const setEnvironment: Record<string, string> = {};
  for (const pair of options.env ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) return `--env ${pair}: write it NAME=value (an empty value is NAME=).`;
    setEnvironment[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const whole = (flag: string, text: string | undefined): number | string | undefined => (text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : `${flag} must be a whole number, not "${text}".`);
  const memoryMb = whole('--memory', options.memory);
  if (typeof memoryMb === 'string') return memoryMb;
  const timeoutSeconds = whole('--timeout', options.timeout);
  if (typeof timeoutSeconds === 'string') return timeoutSeconds;
  const edit: ConfigurationEdit = {
    ...(Object.keys(setEnvironment).length > 0 ? { setEnvironment } : {}),
    ...(options.unsetEnv?.length ? { unsetEnvironment: options.unsetEnv } : {}),
    ...(memoryMb !== undefined ? { memoryMb } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
  };
  const problems = editProblems(edit).map((p) => p.replace(/^memory/, '--memory').replace(/^timeout/, '--timeout').replace(/^nothing to change: give .*/, 'nothing to change: give --env K=V, --unset-env K, --memory mb or --timeout s'));
  return problems.length > 0 ? `${problems.join('; ')}.` : edit;
}

/** `configure <function>`: environment variables, memory and timeout of a deployed function, guarded as deploy is. */
export async function configureCommand(target: string | undefined, options: ConfigureCliOptions, io: CliIo): Promise<number> {
  if (!target) return usage(io, 'configure needs a function: its name or ARN in AWS, or the name of a function in this folder\'s templates.');
  const edit = editOfFlags(options);
  if (typeof edit === 'string') return usage(io, edit);
  const resolved = await cliTarget(target, options, io);
  if (typeof resolved === 'number') return resolved;
  const { session, factory, local } = resolved;
  try {
    const client = factory.client(LambdaClient, session);
    let functionName = resolved.deployed ?? '';
    if (local) {
      const names = await deployedFunctionsOf(client, local).catch(() => [] as string[]);
      if (names.length !== 1) {
        io.err(`serverless-explorer: ${local.name} ${names.length === 0 ? 'has no function in AWS' : `may be any of ${names.join(', ')}`} (${placeOf(session)}): give its name in AWS.\n`);
        return 1;
      }
      functionName = names[0];
    }
    let plan: ConfigurationPlan;
    try {
      plan = await planConfigurationEdit(client, functionName, edit);
    } catch (error) {
      if (!(error as { $metadata?: unknown }).$metadata) return usage(io, `${(error as Error).message}.`);
      return awsFailure(io, error, resolved, functionName, 'read the function (lambda:GetFunction)');
    }
    io.err(`Configuring ${plan.snapshot.name} (${placeOf(session)}):\n${plan.changes.map((line) => `  ${line}\n`).join('')}`);
    if (plan.unchanged) {
      io.err('  Nothing changed: the function already has these settings.\n');
      io.out(`${JSON.stringify({ name: plan.snapshot.name, memoryMb: plan.after.memoryMb, timeoutSeconds: plan.after.timeoutSeconds, environment: Object.keys(plan.after.environment).sort(), revisionId: plan.snapshot.revisionId ?? null })}\n`);
      return 0;
    }
    if (plan.production && !options.yes) {
      io.err(`serverless-explorer: ${plan.snapshot.name} looks like production (${plan.production}): nothing was changed. Pass --yes to change it anyway.\n`);
      return 1;
    }
    try {
      const result = await applyConfigurationEdit(client, plan, { onProgress: (message) => io.err(`${message}\n`) });
      io.err('Done.\n');
      io.out(`${JSON.stringify({ name: result.name, memoryMb: result.memoryMb, timeoutSeconds: result.timeoutSeconds, environment: result.environment, revisionId: result.revisionId ?? null })}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ConcurrentChangeError || !(error as { $metadata?: unknown }).$metadata) {
        io.err(`serverless-explorer: ${(error as Error).message}\n`);
        return 1;
      }
      return awsFailure(io, error, resolved, functionName, 'update its configuration (lambda:UpdateFunctionConfiguration)');
    }
  } finally {
    factory.dispose();
  }
}
