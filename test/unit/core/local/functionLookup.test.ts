import * as assert from 'node:assert/strict';
import { findLocalFunction } from '../../../../src/core/local/functionLookup';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';

const fn = (name: string, deployedName?: string): LocalFunctionDefinition => ({
  name,
  codeDir: '/code',
  handler: 'index.handler',
  runtime: 'nodejs20.x',
  timeoutSeconds: 3,
  memoryMb: 128,
  environment: {},
  architecture: 'x86_64',
  ...(deployedName ? { deployedName } : {}),
});

describe('core/local findLocalFunction: the function a user or an SDK names', () => {
  const functions = [fn('Orders', 'shop-orders'), fn('shop-orders'), fn('aws_lambda_function.a', 'same'), fn('aws_lambda_function.b', 'same'), fn('Report', 'report-prod')];

  it('takes the local name first, then the name in AWS', () => {
    assert.equal(findLocalFunction(functions, 'shop-orders')?.name, 'shop-orders');
    assert.equal(findLocalFunction(functions, 'report-prod')?.name, 'Report');
  });

  it('finds none by a name in AWS that two functions share (two configurations deploy it to different accounts)', () => {
    assert.equal(findLocalFunction(functions, 'same'), undefined);
  });
});
