// AWS Step Functions: the Context object ($$) a Task state passes, a callback task's token, and a Catch's error output { Error, Cause } (at its ResultPath).
// Data-keyed maps (headers, attributes, slots…) are listed by their own path only.
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'stepfunctions catch-result-path': [
    'error.Error',
    'error.Cause',
  ],
  'stepfunctions error': [
    'Error',
    'Cause',
  ],
  'stepfunctions task': [
    'input',
    'context.Execution.Id',
    'context.Execution.Input',
    'context.Execution.Name',
    'context.Execution.RoleArn',
    'context.Execution.StartTime',
    'context.Execution.RedriveCount',
    'context.State.EnteredTime',
    'context.State.Name',
    'context.State.RetryCount',
    'context.StateMachine.Id',
    'context.StateMachine.Name',
  ],
  'stepfunctions wait-for-task-token': [
    'input',
    'taskToken',
    'context.Execution.Id',
    'context.Execution.Input',
    'context.Execution.Name',
    'context.Execution.RoleArn',
    'context.Execution.StartTime',
    'context.Execution.RedriveCount',
    'context.State.EnteredTime',
    'context.State.Name',
    'context.State.RetryCount',
    'context.StateMachine.Id',
    'context.StateMachine.Name',
    'context.Task.Token',
  ],
};
