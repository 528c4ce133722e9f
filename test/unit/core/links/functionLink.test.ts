import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { functionLink, parseFunctionLink } from '../../../../src/core/links/functionLink';
import type { LinkParts, ParsedFunctionLink } from '../../../../src/core/links/functionLink';
import { parseFunctionArn } from '../../../../src/core/lambda/identifiers';

// A link as VS Code gives it to a URI handler: path, query and fragment each percent-decoded once (URI.parse).
// The integration test (test/integration/links.test.ts) sends links through VS Code's own route.
function asHanded(link: string): LinkParts {
  const url = new URL(link);
  return { path: decodeURIComponent(url.pathname), query: decodeURIComponent(url.search.slice(1)), fragment: decodeURIComponent(url.hash.slice(1)) };
}

const open = (link: string) => parseFunctionLink(asHanded(link));
const BASE = 'vscode://serverless-explorer.serverless-explorer/function';

function problemOf(parsed: ParsedFunctionLink): string {
  assert.equal(parsed.ok, false, `expected a refusal, got ${JSON.stringify(parsed)}`);
  return parsed.ok ? '' : parsed.problem;
}

describe('core/links function links', () => {
  it('reads a name link with region, profile and qualifier', () => {
    assert.deepEqual(open(`${BASE}?name=orders-api&region=us-east-1&profile=dev&qualifier=live`), {
      ok: true,
      target: { name: 'orders-api', region: 'us-east-1', profile: 'dev', qualifier: 'live' },
    });
    assert.deepEqual(open(`${BASE}?region=eu-west-1&name=edge_auth`), { ok: true, target: { name: 'edge_auth', region: 'eu-west-1' } });
  });

  it('reads an ARN link: name, region and account from the ARN, its qualifier too', () => {
    assert.deepEqual(open(`${BASE}?arn=arn:aws:lambda:us-gov-west-1:123456789012:function:orders-api:7&profile=gov`), {
      ok: true,
      target: { name: 'orders-api', region: 'us-gov-west-1', account: '123456789012', profile: 'gov', qualifier: '7' },
    });
    // As a browser or chat app percent-encodes it.
    assert.deepEqual(open(`${BASE}?arn=arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Aedge-auth`), {
      ok: true,
      target: { name: 'edge-auth', region: 'eu-west-1', account: '123456789012' },
    });
  });

  it('refuses a malformed ARN, saying what a function ARN looks like', () => {
    assert.match(problemOf(open(`${BASE}?arn=orders-api`)), /not an ARN: a function ARN is arn:aws:lambda:<region>:<12-digit account>:function:<name>/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:lambda:us-east-1:12345:function:x`)), /account "12345" is not a 12-digit account id/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:lambda:moon-1:123456789012:function:x`)), /region "moon-1" is not a region name/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:lambda:us-east-1:123456789012:function:x:1:2`)), /does not end with a function name and an optional qualifier/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:lambda:us-east-1:123456789012:function:`)), /ARN's function name is empty/);
  });

  it('refuses the ARN of another service, or of a Lambda layer', () => {
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:s3:::my-bucket`)), /ARN is of "s3", not of a Lambda function/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:sqs:us-east-1:123456789012:queue`)), /ARN is of "sqs"/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:iam::123456789012:role/deployer`)), /ARN is of "iam", not of a Lambda function/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:lambda:us-east-1:123456789012:layer:deps:3`)), /names a Lambda "layer", not a function/);
  });

  it('refuses paths other than /function and #fragments', () => {
    assert.match(problemOf(open('vscode://serverless-explorer.serverless-explorer/service?name=web&region=us-east-1')), /path "\/service" is not one Serverless Explorer opens/);
    assert.match(problemOf(open('vscode://serverless-explorer.serverless-explorer/?name=x&region=us-east-1')), /path "\/" is not one/);
    assert.match(problemOf(open(`${BASE}/../../etc?name=x&region=us-east-1`)), /is not one Serverless Explorer opens/);
    assert.match(problemOf(open(`${BASE}?name=x&region=us-east-1#run`)), /#fragment/);
  });

  it('refuses unknown, repeated and value-less parameters, and a link naming no function', () => {
    assert.match(problemOf(open(`${BASE}?name=x&region=us-east-1&command=rm`)), /parameter "command" that function links do not have: they take arn, name, region, profile, qualifier/);
    assert.match(problemOf(open(`${BASE}?name=x&region=us-east-1&%5Bx%5D(command:y)=1`)), /parameter \(not shown: it has unusual characters\)/);
    assert.match(problemOf(open(`${BASE}?name=a&name=b&region=us-east-1`)), /gives name twice/);
    assert.match(problemOf(open(`${BASE}?name&region=us-east-1`)), /name has no value/);
    assert.match(problemOf(open(`${BASE}?name=x`)), /names no function/);
    assert.match(problemOf(open(`${BASE}`)), /names no function/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:lambda:us-east-1:123456789012:function:x&name=x`)), /ARN and also a name or region/);
    assert.match(problemOf(open(`${BASE}?arn=arn:aws:lambda:us-east-1:123456789012:function:x:1&qualifier=2`)), /qualifier in the ARN and a different one/);
  });

  it('refuses names with characters Lambda does not allow, naming the character (never echoing markup)', () => {
    assert.match(problemOf(open(`${BASE}?name=orders.api&region=us-east-1`)), /function name contains "\." \(U\+002E\) at position 7, which is not allowed: a Lambda function name is 1 to 64 letters, digits, hyphens and underscores/);
    const markup = problemOf(open(`${BASE}?name=${encodeURIComponent('[x](command:workbench.action.quit)')}&region=us-east-1`));
    assert.match(markup, /contains U\+005B at position 1/);
    assert.ok(!markup.includes('command:'), markup);
    assert.match(problemOf(open(`${BASE}?name=a%0Ab&region=us-east-1`)), /contains U\+000A at position 2/);
    assert.match(problemOf(open(`${BASE}?name=caf%C3%A9&region=us-east-1`)), /contains U\+00E9 at position 4/);
    assert.match(problemOf(open(`${BASE}?name=&region=us-east-1`)), /function name is empty/);
    assert.match(problemOf(open(`${BASE}?name=x&region=us-east-1&qualifier=v%201`)), /qualifier contains " " \(U\+0020\)/);
    assert.match(problemOf(open(`${BASE}?name=x&region=us-east-1&profile=a%3Cb`)), /profile contains U\+003C/);
    assert.match(problemOf(open(`${BASE}?name=x&region=US-EAST-1`)), /region "US-EAST-1" is not a region name/);
  });

  it('decodes once: a value still percent-encoded after VS Code decoded it is refused, with why', () => {
    // %252D is "%2D" once decoded: a link encoded twice.
    const problem = problemOf(open(`${BASE}?name=orders%252Dapi&region=us-east-1`));
    assert.match(problem, /contains "%" \(U\+0025\) at position 7, which is not allowed \(a link is decoded once: encode each character once/);
    assert.deepEqual(open(`${BASE}?name=orders%2Dapi&region=us%2Deast%2D1`), { ok: true, target: { name: 'orders-api', region: 'us-east-1' } });
  });

  it('refuses very long values without quoting them, and a very long link as a whole', () => {
    assert.match(problemOf(open(`${BASE}?name=${'a'.repeat(65)}&region=us-east-1`)), /^The function name is 65 characters long: a Lambda function name is 1 to 64/);
    assert.match(problemOf(open(`${BASE}?name=x&region=us-east-1&profile=${'p'.repeat(129)}`)), /profile is 129 characters long/);
    assert.match(problemOf(open(`${BASE}?name=x&region=us-east-1&qualifier=${'q'.repeat(129)}`)), /qualifier is 129 characters long/);
    const huge = problemOf(open(`${BASE}?name=x&region=us-east-1&profile=${'p'.repeat(5000)}`));
    assert.match(huge, /query is 5\d{3} characters long; a function link's is at most 1024/);
    assert.ok(huge.length < 200);
  });

  it('makes the link Copy Link copies, in the product scheme, leaving out a profile no link could carry', () => {
    assert.equal(
      functionLink('vscode-insiders', 'serverless-explorer.serverless-explorer', { name: 'orders-api', region: 'us-east-1', profile: 'dev', qualifier: '$LATEST' }),
      'vscode-insiders://serverless-explorer.serverless-explorer/function?name=orders-api&region=us-east-1&profile=dev&qualifier=%24LATEST',
    );
    assert.equal(functionLink('code-oss', 'p.n', { name: 'f', region: 'eu-west-1', profile: 'a<b' }), 'code-oss://p.n/function?name=f&region=eu-west-1');
  });

  it('round-trips any valid name, region, profile and qualifier through the link Copy Link makes', () => {
    const text = (set: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...set.split('')), minLength: 1, maxLength });
    const name = text('abcxyzABCXYZ0189-_', 64);
    const region = fc.tuple(fc.constantFrom('us', 'eu', 'ap', 'cn', 'me', 'il'), fc.constantFrom('', '-gov', '-iso', '-isob'), fc.constantFrom('east', 'west', 'central', 'southeast', 'north'), fc.integer({ min: 1, max: 14 })).map(([a, b, c, d]) => `${a}${b}-${c}-${d}`);
    const profile = text('abzAZ09 ._-@+:/,', 128).filter((p) => p.trim() === p && p.trim() !== '');
    const qualifier = fc.oneof(fc.constant('$LATEST'), fc.integer({ min: 1, max: 99999 }).map(String), text('abcXYZ09-_', 128));
    fc.assert(
      fc.property(name, region, fc.option(profile, { nil: undefined }), fc.option(qualifier, { nil: undefined }), fc.constantFrom('vscode', 'vscode-insiders', 'vscodium', 'code-oss'), (n, r, p, q, scheme) => {
        const target = { name: n, region: r, ...(p !== undefined ? { profile: p } : {}), ...(q !== undefined ? { qualifier: q } : {}) };
        assert.deepEqual(open(functionLink(scheme, 'serverless-explorer.serverless-explorer', target)), { ok: true, target });
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts a link whose values carry characters outside the rules, whatever they are', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), (value) => {
        const parsed = parseFunctionLink({ path: '/function', query: `name=${value}&region=us-east-1` });
        if (parsed.ok) assert.match(parsed.target.name, /^[A-Za-z0-9_-]{1,64}$/);
        else assert.ok(!/\[[^\]]*\]\(/.test(parsed.problem), `a refusal echoed markup: ${parsed.problem}`);
      }),
      { numRuns: 500 },
    );
  });

  it('never echoes markup or control characters from any link, whatever its path and query', () => {
    const text = fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '`', '<', '>', '\n', '$', '=', '&', 'a', ':', '/', 'command'), maxLength: 120 });
    fc.assert(
      fc.property(text, text, (path, query) => {
        const parsed = parseFunctionLink({ path: `/${path}`, query });
        // A notification renders [text](target) as a link: none may come from the link, nor a line break or a backtick.
        if (!parsed.ok) assert.ok(!/\[[^\]]*\]\(|[\n`]/.test(parsed.problem), parsed.problem);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the qualified ARN of a version or alias (what Copy Link reads from those nodes)', () => {
    assert.deepEqual(parseFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:orders-api:live'), {
      arn: { partition: 'aws', region: 'us-east-1', account: '123456789012', name: 'orders-api', qualifier: 'live' },
    });
    assert.deepEqual(parseFunctionArn('arn:aws-cn:lambda:cn-north-1:123456789012:function:f'), { arn: { partition: 'aws-cn', region: 'cn-north-1', account: '123456789012', name: 'f' } });
  });
});
