/* global require, exports, setTimeout */
// CommonJS handlers for test/unit/core/local/runtime.test.ts.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { randomUUID } = require('node:crypto');

// Module state: kept by a warm environment, new in each environment.
const instance = randomUUID();
let count = 0;

exports.echo = async (event) => ({ echo: event });

// Keeps event.mb megabytes resident (filled, so that the pages are really used).
const held = [];
exports.allocate = async (event) => {
  held.push(Buffer.alloc(event.mb * 1024 * 1024, 1));
  return held.length;
};

exports.counter = async () => {
  count += 1;
  return { count, instance };
};

exports.context = async (event, context) => ({
  functionName: context.functionName,
  functionVersion: context.functionVersion,
  memoryLimitInMB: context.memoryLimitInMB,
  awsRequestId: context.awsRequestId,
  invokedFunctionArn: context.invokedFunctionArn,
  logGroupName: context.logGroupName,
  logStreamName: context.logStreamName,
  remaining: context.getRemainingTimeInMillis(),
  identity: context.identity,
  clientContext: context.clientContext,
});

exports.env = async () => {
  const e = process.env;
  return {
    AWS_LAMBDA_FUNCTION_NAME: e.AWS_LAMBDA_FUNCTION_NAME,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: e.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    _HANDLER: e._HANDLER,
    LAMBDA_TASK_ROOT: e.LAMBDA_TASK_ROOT,
    AWS_REGION: e.AWS_REGION,
    TZ: e.TZ,
    AWS_LAMBDA_RUNTIME_API: e.AWS_LAMBDA_RUNTIME_API,
    GREETING: e.GREETING,
    AWS_ACCESS_KEY_ID: e.AWS_ACCESS_KEY_ID,
    cwd: process.cwd(),
  };
};

exports.log = async (event) => {
  console.log('hello from %s', 'console.log');
  console.error('an error line');
  return event;
};

// A callback handler: three parameters, no promise.
exports.callback = (event, context, callback) => {
  setTimeout(() => callback(null, { via: 'callback', requestId: context.awsRequestId }), 10);
};

// Prints after it has answered: the line must not be lost.
exports.lateLog = async (event) => {
  setTimeout(() => console.log(`late line ${event.i}`), 50);
  return event.i;
};

exports.callbackError = (event, context, callback) => {
  callback(new TypeError('bad input'));
};

exports.slow = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.ms));
  count += 1;
  return { instance, count };
};

class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
  }
}

// One definition, many failures: what it does depends on the event, so a failure can be followed by a
// successful invocation of the very same definition.
exports.failing = async (event) => {
  count += 1;
  switch (event.mode) {
    case 'throw':
      throw new ValidationError('the name is missing');
    case 'reject':
      return Promise.reject(new RangeError('out of range'));
    case 'rejectString':
      return Promise.reject('just a string');
    case 'hang':
      return new Promise(() => undefined);
    case 'loop':
      for (;;) {
        // busy: the event loop never turns again
      }
    case 'exit':
      process.exit(3);
      break;
    case 'uncaught':
      // Thrown outside the handler's promise: an uncaught exception ends the runtime.
      setTimeout(() => {
        throw new Error('thrown from a timer');
      }, 5);
      return new Promise(() => undefined);
    case 'oom': {
      const hoard = [];
      for (;;) hoard.push(new Array(1 << 20).fill(hoard.length + 0.5));
    }
    case 'big':
      return 'x'.repeat(7 * 1024 * 1024);
    default:
      return { ok: true, count, instance };
  }
};
