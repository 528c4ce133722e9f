import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import type { AwsSession } from '../../core/aws/sessions';
import type { AwsConnection } from '../aws/awsConnection';
import { ecsSdk } from '../aws/sdk';

/** How a Fargate command ended when it did not do its job; returned to programmatic callers (tests). */
export type FargateFailure = { readonly status: 'refused' | 'failed'; readonly message: string } | { readonly status: 'cancelled' };

export const CANCELLED: FargateFailure = { status: 'cancelled' };

/** Refuses with a message the user sees, before anything was sent. */
export function refuse(message: string): FargateFailure {
  void vscode.window.showErrorMessage(message);
  return { status: 'refused', message };
}

/**
 * Runs one AWS call under a cancellable notification. A FargateError's message is shown as it is (it says what to fix);
 * anything else is described for the profile and region.
 */
export async function runOperation<T>(
  aws: AwsConnection,
  session: AwsSession,
  title: string,
  action: string,
  operation: (signal: AbortSignal) => Promise<T>,
): Promise<{ readonly value: T } | FargateFailure> {
  const controller = new AbortController();
  try {
    const value = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      return operation(controller.signal);
    });
    return { value };
  } catch (error) {
    if (controller.signal.aborted) return CANCELLED;
    const message = failureMessage(aws, error, session, action);
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', message };
  }
}

export function failureMessage(aws: AwsConnection, error: unknown, session: AwsSession, action: string): string {
  const { clients } = aws;
  if (error instanceof ecsSdk().FargateError) return error.message;
  const problem = describeAwsError(error, session, action, clients.endpointUrl);
  return `${problem.title}: ${problem.detail}`;
}

/**
 * Asks before an action that changes what runs in AWS. Always asked of a person; a programmatic caller that has asked
 * already (or a test) passes `confirmed: true`.
 */
export async function confirmAction(question: string, detail: string, action: string, confirmed: boolean | undefined): Promise<boolean> {
  if (confirmed === true) return true;
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, action)) === action;
}
