import * as assert from 'node:assert/strict';
import { describeTaskChange, taskSucceeded } from '../../../../src/core/fargate/followTask';
import type { TaskSnapshot } from '../../../../src/core/fargate/followTask';

const snapshot = (lastStatus: string, containers: TaskSnapshot['containers'] = [], extra: Partial<TaskSnapshot> = {}): TaskSnapshot => ({ lastStatus, desiredStatus: 'RUNNING', containers, ...extra });

describe('core/fargate describeTaskChange', () => {
  it('says the first status and each container', () => {
    assert.deepEqual(describeTaskChange(undefined, snapshot('PROVISIONING', [{ name: 'web', lastStatus: 'PENDING' }])), ['PROVISIONING', 'container web: PENDING']);
  });

  it('says a status transition and a container that changed, and nothing for one that did not', () => {
    const before = snapshot('PENDING', [{ name: 'web', lastStatus: 'PENDING' }, { name: 'proxy', lastStatus: 'PENDING' }]);
    const after = snapshot('RUNNING', [{ name: 'web', lastStatus: 'RUNNING' }, { name: 'proxy', lastStatus: 'PENDING' }]);
    assert.deepEqual(describeTaskChange(before, after), ['PENDING → RUNNING', 'container web: RUNNING']);
    assert.deepEqual(describeTaskChange(after, after), []);
  });

  it('says an exit code with its reason once the container stops, then the stop code and reason of the task', () => {
    const running = snapshot('RUNNING', [{ name: 'web', lastStatus: 'RUNNING' }, { name: 'proxy', lastStatus: 'RUNNING' }]);
    const exited = snapshot('DEPROVISIONING', [{ name: 'web', lastStatus: 'STOPPED', exitCode: 1, reason: 'OutOfMemoryError: Container killed due to memory usage' }, { name: 'proxy', lastStatus: 'RUNNING' }], { desiredStatus: 'STOPPED' });
    assert.deepEqual(describeTaskChange(running, exited), ['RUNNING → DEPROVISIONING', 'stop requested', 'container web exited with code 1: OutOfMemoryError: Container killed due to memory usage']);
    const stopped = snapshot('STOPPED', [{ name: 'web', lastStatus: 'STOPPED', exitCode: 1 }, { name: 'proxy', lastStatus: 'STOPPED', exitCode: 143 }], {
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
    assert.deepEqual(describeTaskChange(exited, stopped), ['DEPROVISIONING → STOPPED', 'container proxy exited with code 143', 'stopped (EssentialContainerExited): Essential container in task exited']);
  });

  it('says a container that stopped without an exit code (an image that could not be pulled)', () => {
    const stopped = snapshot('STOPPED', [{ name: 'web', lastStatus: 'STOPPED', reason: 'CannotPullContainerError: pull access denied' }], { stopCode: 'TaskFailedToStart', stoppedReason: 'Task failed to start' });
    assert.deepEqual(describeTaskChange(snapshot('PENDING', [{ name: 'web', lastStatus: 'PENDING' }]), stopped), [
      'PENDING → STOPPED',
      'container web stopped without an exit code: CannotPullContainerError: pull access denied',
      'stopped (TaskFailedToStart): Task failed to start',
    ]);
  });

  it('does not take an exit code reported before the container stops for an exit (some endpoints report 0 from the start)', () => {
    const before = snapshot('PENDING', [{ name: 'web', lastStatus: 'PENDING', exitCode: 0 }]);
    assert.deepEqual(describeTaskChange(before, snapshot('RUNNING', [{ name: 'web', lastStatus: 'RUNNING', exitCode: 0 }])), ['PENDING → RUNNING', 'container web: RUNNING']);
    assert.deepEqual(describeTaskChange(before, snapshot('STOPPED', [{ name: 'web', lastStatus: 'PENDING', exitCode: 0 }])), ['PENDING → STOPPED', 'container web exited with code 0', 'stopped']);
  });

  it('says "stopped" once, not the status too, for a task first seen stopped', () => {
    assert.deepEqual(describeTaskChange(undefined, snapshot('STOPPED', [{ name: 'web', lastStatus: 'STOPPED', exitCode: 0 }], { stopCode: 'EssentialContainerExited' })), [
      'container web exited with code 0',
      'stopped (EssentialContainerExited)',
    ]);
  });
});

describe('core/fargate taskSucceeded', () => {
  const stopped = (containers: TaskSnapshot['containers']) => snapshot('STOPPED', containers);

  it('is true only when every essential container exited 0', () => {
    assert.equal(taskSucceeded(stopped([{ name: 'job', exitCode: 0 }, { name: 'xray', exitCode: 137 }]), ['job']), true);
    assert.equal(taskSucceeded(stopped([{ name: 'job', exitCode: 2 }, { name: 'xray', exitCode: 0 }]), ['job']), false);
    assert.equal(taskSucceeded(stopped([{ name: 'job' }]), ['job']), false, 'no exit code: it never ran');
  });

  it('judges every container when none is named essential, and never a task that has not stopped', () => {
    assert.equal(taskSucceeded(stopped([{ name: 'a', exitCode: 0 }, { name: 'b', exitCode: 1 }])), false);
    assert.equal(taskSucceeded(stopped([{ name: 'a', exitCode: 0 }])), true);
    assert.equal(taskSucceeded(snapshot('RUNNING', [{ name: 'a', exitCode: 0 }]), ['a']), false);
    assert.equal(taskSucceeded(stopped([]), []), false);
  });
});
