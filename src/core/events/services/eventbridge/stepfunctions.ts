import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, json } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf } from './envelope';

const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;

export const stepfunctionsEvents = [
  // @types/aws-lambda has no Step Functions event type; the detail follows "Step Functions Execution Status Change".
  defineEvent<EventBridgeEvent<'Step Functions Execution Status Change', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'step-functions-execution-status-change',
    title: 'Step Functions execution status change',
    group: GROUP,
    params: {
      ...WHERE,
      stateMachine: { default: 'order-workflow', description: 'State machine name' },
      status: { default: 'SUCCEEDED', description: `Status: ${EXECUTION_STATUSES.join(', ')}` },
      input: { default: '{"orderId":"1234"}', description: 'Execution input (JSON)' },
      output: { default: '{"orderId":"1234","shipped":true}', description: 'Execution output (JSON), when SUCCEEDED' },
    },
    build: (p, ctx) => {
      const status = oneOf('status', p.status, EXECUTION_STATUSES);
      json('input', p.input);
      json('output', p.output);
      const name = ctx.uuid();
      const executionArn = arn('states', p.region, p.account, `execution:${p.stateMachine}:${name}`);
      const running = status === 'RUNNING';
      const succeeded = status === 'SUCCEEDED';
      const failed = !running && !succeeded;
      return envelope(p, ctx, 'aws.states', 'Step Functions Execution Status Change', [executionArn], {
        executionArn,
        stateMachineArn: arn('states', p.region, p.account, `stateMachine:${p.stateMachine}`),
        name,
        status,
        startDate: ctx.now.getTime() - (running ? 0 : 4_321),
        stopDate: running ? null : ctx.now.getTime(),
        input: p.input,
        output: succeeded ? p.output : null,
        stateMachineVersionArn: null,
        stateMachineAliasArn: null,
        redriveCount: 0,
        redriveDate: null,
        redriveStatus: failed ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
        redriveStatusReason: failed ? null : `Execution is ${status} and cannot be redriven`,
        inputDetails: { included: true },
        outputDetails: succeeded ? { included: true } : null,
        error: status === 'FAILED' ? 'States.TaskFailed' : status === 'TIMED_OUT' ? 'States.Timeout' : null,
        cause: status === 'FAILED' ? 'The task ShipOrder failed: the carrier API returned 503.' : null,
      });
    },
  }),
];
