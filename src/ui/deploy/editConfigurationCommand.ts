import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import type { ConfigurationPlan, ConfigurationResult, ReadSettings } from '../../core/lambda/deploy/configurationEdit';
import { memoryProblem, timeoutProblem, variableNameProblem, type ConfigurationEdit } from '../../core/lambda/deploy/configurationRules';
import { looksLikeSecret, shownValue } from '../../core/lambda/secretValues';
import type { AwsConnection } from '../aws/awsConnection';
import { deploySdk, lambdaSdk } from '../aws/sdk';
import { confirmChange } from './confirmChange';
import { deployTargetOf, type DeployTarget } from './deployTarget';

/** For callers other than a person (tests): the edit, instead of the quick inputs. */
export interface EditConfigurationOptions {
  readonly edit?: ConfigurationEdit;
}

export type EditOutcome =
  | { readonly status: 'updated'; readonly result: ConfigurationResult }
  | { readonly status: 'unchanged' | 'cancelled' }
  | { readonly status: 'refused' | 'failed'; readonly message: string };

const CANCELLED: EditOutcome = { status: 'cancelled' };

/**
 * `serverlessExplorer.editConfiguration`: memory, timeout or an environment variable of a deployed function, through
 * quick inputs (secret-looking values masked), checked before AWS is asked, confirmed for production, and guarded
 * against a change made since the settings were read.
 */
export async function editConfigurationCommand(aws: AwsConnection, target: unknown, options: EditConfigurationOptions = {}): Promise<EditOutcome> {
  const to = await deployTargetOf(aws, target, 'Edit the configuration of which function?');
  if (!to) return CANCELLED;
  const client = aws.clients.client(lambdaSdk().LambdaClient, to.session);
  const where = `${to.session.profile} · ${to.session.region}`;
  let read: ReadSettings;
  try {
    read = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading ${to.name}…` }, () => deploySdk().readFunctionSettings(client, to.name));
  } catch (error) {
    return failed(error, to, 'read the function (lambda:GetFunction)', aws);
  }
  const edit = options.edit ?? (await chooseEdit(to.name, read));
  if (!edit) return CANCELLED;
  let plan: ConfigurationPlan;
  try {
    plan = deploySdk().planEdit(read, edit);
  } catch (error) {
    const message = `${to.name}: ${(error as Error).message}.`;
    void vscode.window.showErrorMessage(message);
    return { status: 'refused', message };
  }
  if (plan.unchanged) {
    void vscode.window.showInformationMessage(`${to.name} already has these settings: nothing to change.`);
    return { status: 'unchanged' };
  }
  if (!(await confirmChange(`Change ${plan.changes.join(', ')} of ${to.name} (${where})?`, plan.production, 'Change'))) return CANCELLED;
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Updating ${to.name}`, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return deploySdk().applyConfigurationEdit(client, plan, { onProgress: (message) => progress.report({ message }), signal: controller.signal });
    });
    void vscode.window.showInformationMessage(`${to.name}: ${plan.changes.join(', ')}.`);
    return { status: 'updated', result };
  } catch (error) {
    if (error instanceof deploySdk().ConcurrentChangeError) {
      void vscode.window.showErrorMessage(error.message, 'Look Again').then((choice) => {
        if (choice === 'Look Again') void editConfigurationCommand(aws, to);
      });
      return { status: 'refused', message: error.message };
    }
    return failed(error, to, 'update its configuration (lambda:UpdateFunctionConfiguration)', aws);
  }
}

interface SettingItem extends vscode.QuickPickItem {
  readonly kind?: vscode.QuickPickItemKind;
  readonly action?: 'memory' | 'timeout' | 'add' | 'variable';
  readonly variable?: string;
}

/** One change, chosen from the function's settings as read. */
async function chooseEdit(name: string, read: ReadSettings): Promise<ConfigurationEdit | undefined> {
  const { settings } = read;
  const variables = Object.entries(settings.environment).sort(([a], [b]) => a.localeCompare(b));
  const items: SettingItem[] = [
    { label: '$(dashboard) Memory', description: `${settings.memoryMb} MB`, action: 'memory' },
    { label: '$(watch) Timeout', description: `${settings.timeoutSeconds} s`, action: 'timeout' },
    { label: '$(add) Add an environment variable…', action: 'add' },
    ...(variables.length > 0 ? [{ label: 'Environment variables', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...variables.map(([key, value]) => ({ label: `$(symbol-variable) ${key}`, description: shownValue(key, value), action: 'variable' as const, variable: key })),
  ];
  const choice = await vscode.window.showQuickPick(items, { title: `Edit ${name}: what?` });
  switch (choice?.action) {
    case 'memory': {
      const value = await wholeNumber(`Memory of ${name}, in MB`, settings.memoryMb, (n) => memoryProblem(n));
      return value === undefined ? undefined : { memoryMb: value };
    }
    case 'timeout': {
      const value = await wholeNumber(`Timeout of ${name}, in seconds`, settings.timeoutSeconds, (n) => timeoutProblem(n));
      return value === undefined ? undefined : { timeoutSeconds: value };
    }
    case 'add': {
      const key = await vscode.window.showInputBox({ title: `New environment variable of ${name}`, prompt: 'Its name', validateInput: (v) => variableNameProblem(v) ?? (v in settings.environment ? `${v} is set already: pick it in the list to change it` : undefined) });
      if (!key) return undefined;
      const value = await variableValue(name, key, '');
      return value === undefined ? undefined : { setEnvironment: { [key]: value } };
    }
    case 'variable': {
      const key = choice.variable!;
      const what = await vscode.window.showQuickPick([{ label: 'Change its value…', remove: false }, { label: `Remove ${key}`, remove: true }], { title: `${key} of ${name}` });
      if (!what) return undefined;
      if (what.remove) return { unsetEnvironment: [key] };
      const value = await variableValue(name, key, settings.environment[key]);
      return value === undefined ? undefined : { setEnvironment: { [key]: value } };
    }
    default:
      return undefined;
  }
}

async function wholeNumber(title: string, current: number, problem: (n: number) => string | undefined): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({ title, value: String(current), validateInput: (v) => (/^\d+$/.test(v.trim()) ? problem(Number(v)) : 'a whole number') });
  return text === undefined ? undefined : Number(text.trim());
}

/** The new value; a secret-looking one is typed masked and never shown back. */
async function variableValue(name: string, key: string, current: string): Promise<string | undefined> {
  const secret = looksLikeSecret(key, current);
  return vscode.window.showInputBox({ title: `${key} of ${name}`, prompt: secret ? 'The new value (it looks like a secret: typed masked, the current one not shown)' : 'The new value', password: secret, value: secret ? '' : current });
}

function failed(error: unknown, to: DeployTarget, action: string, aws: AwsConnection): EditOutcome {
  if ((error as Error).name === 'AbortError') return CANCELLED;
  const message = (error as { $metadata?: unknown }).$metadata
    ? (({ title, detail }) => `${title}: ${detail}`)(describeAwsError(error, to.session, action, aws.clients.endpointUrl))
    : `${to.name}: ${(error as Error).message}`;
  void vscode.window.showErrorMessage(message);
  return { status: 'failed', message };
}
