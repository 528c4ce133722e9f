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

/** The error output of a failed Lambda task: Error is the function's errorType; Cause its error response (Node.js shape), serialized. */
interface StepFunctionsError {
  Error: string;
  Cause: string;
}

const ERROR_PARAMS = {
  errorType: { default: 'OrderValidationError', description: 'Error name (the failed function’s errorType): the Error field' },
  errorMessage: { default: 'Order 1234 has no items', description: 'Error message, inside Cause' },
};

function errorOutput(p: Readonly<Record<keyof typeof ERROR_PARAMS, string>>): StepFunctionsError {
  const Cause = JSON.stringify({
    errorType: p.errorType,
    errorMessage: p.errorMessage,
    trace: [`${p.errorType}: ${p.errorMessage}`, '    at Runtime.handler (file:///var/task/index.mjs:12:11)'],
  });
  return { Error: p.errorType, Cause };
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
  // @types/aws-lambda has no Step Functions type. A Catch passes the error output { Error, Cause } on to its Next state;
  // with ResultPath "$" (the default) it replaces the state's input, so a Lambda task there with the default Payload
  // (the state input) receives exactly { Error, Cause }.
  defineEvent<StepFunctionsError>()({
    service: 'stepfunctions',
    event: 'error',
    title: 'Step Functions Catch handler (error output of a failed Lambda task)',
    group: GROUP,
    params: ERROR_PARAMS,
    build: (p) => errorOutput(p),
  }),
  // With a ResultPath such as "$.error" the Catch adds the error output to the failed state's input instead.
  defineEvent<Record<string, unknown> | StepFunctionsError>()({
    service: 'stepfunctions',
    event: 'catch-result-path',
    title: 'Step Functions Catch handler with a ResultPath (error output added to the failed state’s input)',
    group: GROUP,
    params: {
      input: { default: '{"orderId":"1234","items":2}', description: 'Input of the state that failed (a JSON object)' },
      ...ERROR_PARAMS,
      resultPath: { default: '$.error', description: 'ResultPath of the Catch: a path of field names such as $.error ($ replaces the input with the error output)' },
    },
    build: (p) => {
      const error = errorOutput(p);
      const path = p.resultPath.trim();
      if (path === '$') return error;
      const m = /^\$((?:\.[A-Za-z_][\w-]*)+)$/.exec(path);
      if (!m) throw new TypeError(`Parameter resultPath must be $ or a path of field names such as $.error, not "${p.resultPath}".`);
      const input = json('input', p.input);
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw new TypeError(`Parameter input must be a JSON object for ResultPath to add the error to, not ${p.input}.`);
      const result = structuredClone(input) as Record<string, unknown>;
      const names = m[1].slice(1).split('.');
      // Own properties only, defined rather than assigned: a field may be named __proto__ or constructor.
      const put = (target: Record<string, unknown>, name: string, value: unknown) => Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
      let at = result;
      for (const name of names.slice(0, -1)) {
        const next = Object.hasOwn(at, name) ? at[name] : undefined;
        const child = next && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
        put(at, name, child);
        at = child;
      }
      put(at, names[names.length - 1], error);
      return result;
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
