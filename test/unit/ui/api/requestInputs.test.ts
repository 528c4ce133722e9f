import * as assert from 'node:assert/strict';
import { bodyContentType, firstParameter, parseHeaders, pathProblem, pathTemplate, routeOf, takesBody } from '../../../../src/ui/api/requestInputs';
import type { ApiRoute } from '../../../../src/core/local/api/apiRoute';

// What Send Request… and Open in Browser read from what the user typed (src/ui/api/requestInputs.ts).

const ROUTE: ApiRoute = { method: 'ANY', path: '/items/{id}/parts/{part}', functionName: 'Items', kind: 'http', payloadVersion: '2.0', apiId: 'ServerlessHttpApi' };

describe('Send Request… inputs', () => {
  it('reads "Name: value" headers, one per line or separated by "; ", keeping a ";" inside a value', () => {
    assert.deepEqual(parseHeaders('Authorization: Bearer abc; X-Trace: 1'), { headers: [['Authorization', 'Bearer abc'], ['X-Trace', '1']] });
    assert.deepEqual(parseHeaders('Content-Type: text/plain; charset=utf-8\nCookie: a=1; b=2'), {
      headers: [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Cookie', 'a=1; b=2'],
      ],
    });
    assert.deepEqual(parseHeaders('X-Empty:'), { headers: [['X-Empty', '']] });
    assert.deepEqual(parseHeaders('   '), { headers: [] });
  });

  it('reads a JSON object of headers, numbers and booleans as text', () => {
    assert.deepEqual(parseHeaders('{"X-Trace": "abc", "X-Count": 2, "X-On": true}'), {
      headers: [
        ['X-Trace', 'abc'],
        ['X-Count', '2'],
        ['X-On', 'true'],
      ],
    });
  });

  it('says what is wrong with headers it cannot read', () => {
    assert.deepEqual(parseHeaders('just text'), { problem: '"just text" is not a header: write Name: value (several separated by "; "), or a JSON object' });
    assert.deepEqual(parseHeaders('Bad Name: x'), { problem: '"Bad Name: x" is not a header: write Name: value (several separated by "; "), or a JSON object' });
    assert.match((parseHeaders('{"a": ') as { problem: string }).problem, /^The headers are not valid JSON \(.+\): write \{"Name": "value"\}, or Name: value$/);
    assert.deepEqual(parseHeaders('{"X-List": [1]}'), { problem: 'The header X-List needs a text value, not a list' });
    assert.deepEqual(parseHeaders('{"a b": "1"}'), { problem: '"a b" is not a header name: use letters, digits and -' });
  });

  it('asks to fill in each {parameter} of the path, and takes a query string', () => {
    assert.equal(pathProblem('/items/{id}/parts/{part}'), 'Replace {id} with its value');
    assert.equal(pathProblem('/items/42/parts/{part}'), 'Replace {part} with its value');
    assert.equal(pathProblem('/items/42/parts/7?filter={x}'), undefined, 'braces in the query are the user’s');
    assert.equal(pathProblem('items/42'), 'Give a path that starts with "/", e.g. /hello?name=ada');
    assert.equal(pathProblem('/a b'), 'A path has no spaces: write %20 for one');
    assert.equal(pathProblem('/files/{proxy+}'), 'Replace {proxy+} with its value');
  });

  it('starts from the route’s path with its first parameter selected; "/" for $default', () => {
    assert.equal(pathTemplate(ROUTE), '/items/{id}/parts/{part}');
    assert.deepEqual(firstParameter(pathTemplate(ROUTE)), { name: 'id', start: 7, end: 11 });
    assert.equal(pathTemplate({ path: '$default' }), '/');
    assert.equal(firstParameter('/hello'), undefined);
  });

  it('asks for a body for POST, PUT, PATCH and DELETE only', () => {
    assert.deepEqual(['GET', 'HEAD', 'OPTIONS', 'POST', 'put', 'PATCH', 'DELETE'].map(takesBody), [false, false, false, true, true, true, true]);
  });

  it('sends a typed body as JSON when it is JSON, else as text', () => {
    assert.equal(bodyContentType('{"n": 1}'), 'application/json');
    assert.equal(bodyContentType('[1, 2]'), 'application/json');
    assert.equal(bodyContentType('name=ada'), 'text/plain; charset=utf-8');
  });

  it('takes the route of a tree item or a route itself, nothing else', () => {
    assert.equal(routeOf({ route: ROUTE, label: 'ANY /items/{id}' }), ROUTE);
    assert.equal(routeOf(ROUTE), ROUTE);
    assert.equal(routeOf({ definition: { name: 'Items' } }), undefined);
    assert.equal(routeOf(undefined), undefined);
  });
});
