import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, isoTime, json, sha256 } from '../helpers';

const GROUP = 'AWS Step Functions';

/*
 * A Lambda task receives whatever JSON its state passes as Payload; there is no fixed event. These events show the
 * common shape of a Task state that hands the function its input and the Context object:
 *   "Parameters": { "FunctionName": "…", "Payload": { "input.$": "$", "context.$": "$$" } }
 * (and "taskToken.$": "$$.Task.Token" for a .waitForTaskToken callback task).
 */

const EXECUTION_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  stateMachine: { default: 'OrderProcessing', description: 'State machine name' },
  execution: { default: 'order-1234-run', description: 'Execution name' },
  input: { default: '{"orderId":"1234","items":2}', description: 'Execution input (JSON)' },
};

type ExecutionParams = Readonly<Record<keyof typeof EXECUTION_PARAMS, string>>;

/** The Context object ($$) as a Task state sees it; Task appears only in a callback task. */
function contextObject(p: ExecutionParams, state: string, ctx: { now: Date }, input: unknown, taskToken?: string): Record<string, unknown> {
  const context: Record<string, unknown> = {
    Execution: {
      Id: arn('states', p.region, p.account, `execution:${p.stateMachine}:${p.execution}`),
      Input: input,
      Name: p.execution,
      RoleArn: `arn:aws:iam::${p.account}:role/service-role/StepFunctions-${p.stateMachine}-role`,
      StartTime: isoTime(new Date(ctx.now.getTime() - 2000)),
      RedriveCount: 0,
    },
    State: { EnteredTime: isoTime(ctx.now), Name: state, RetryCount: 0 },
    StateMachine: { Id: arn('states', p.region, p.account, `stateMachine:${p.stateMachine}`), Name: p.stateMachine },
  };
  if (taskToken !== undefined) context.Task = { Token: taskToken };
  return context;
}

/** An opaque task token (Step Functions' are long base64 strings), stable for a given execution and state. */
function taskToken(p: ExecutionParams, state: string): string {
  const seed = `${p.region}:${p.account}:${p.stateMachine}:${p.execution}:${state}`;
  return `AQCEAAAAKgAAAA${Buffer.concat([0, 1, 2, 3].map((i) => Buffer.from(sha256(`${i}:${seed}`), 'hex'))).toString('base64')}`;
}

export const stepfunctionsEvents = [
  // @types/aws-lambda has no Step Functions type: a task's payload is whatever the state machine passes.
  defineEvent<Record<string, unknown>>()({
    service: 'stepfunctions',
    event: 'task',
    title: 'Step Functions Lambda task (input and Context object)',
    group: GROUP,
    params: { ...EXECUTION_PARAMS, state: { default: 'ProcessOrder', description: 'Name of the Task state' } },
    build: (p, ctx) => {
      const input = json('input', p.input);
      return { input, context: contextObject(p, p.state, ctx, input) };
    },
  }),
  // @types/aws-lambda has no Step Functions type: a Catch handler's payload is the caught error (ResultPath "$").
  defineEvent<Record<string, unknown>>()({
    service: 'stepfunctions',
    event: 'error',
    title: 'Step Functions Catch handler (error from a failed Lambda task)',
    group: GROUP,
    params: {
      ...EXECUTION_PARAMS,
      state: { default: 'NotifyFailure', description: 'Name of the Catch handler state' },
      errorType: { default: 'OrderValidationError', description: 'Error name (the failed function’s errorType)' },
      errorMessage: { default: 'Order 1234 has no items', description: 'Error message' },
    },
    build: (p, ctx) => {
      // A Lambda error's Cause is the function's error response (Node.js shape), serialized as a string.
      const cause = JSON.stringify({
        errorType: p.errorType,
        errorMessage: p.errorMessage,
        trace: [`${p.errorType}: ${p.errorMessage}`, '    at Runtime.handler (file:///var/task/index.mjs:12:11)'],
      });
      return { input: { Error: p.errorType, Cause: cause }, context: contextObject(p, p.state, ctx, json('input', p.input)) };
    },
  }),
  // @types/aws-lambda has no Step Functions type: a callback task passes the task token from the Context object.
  defineEvent<Record<string, unknown>>()({
    service: 'stepfunctions',
    event: 'wait-for-task-token',
    title: 'Step Functions callback task (.waitForTaskToken)',
    group: GROUP,
    params: { ...EXECUTION_PARAMS, state: { default: 'WaitForApproval', description: 'Name of the callback Task state' } },
    build: (p, ctx) => {
      const input = json('input', p.input);
      const token = taskToken(p, p.state);
      return { input, taskToken: token, context: contextObject(p, p.state, ctx, input, token) };
    },
  }),
];
