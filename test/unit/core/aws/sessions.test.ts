import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AwsProfile } from '../../../../src/core/aws/profiles';
import { FALLBACK_REGION, regionsFor, selectProfiles } from '../../../../src/core/aws/sessions';

const profile = (name: string, region?: string): AwsProfile => ({ name, kind: 'static', region, source: 'config' });
const none = { profiles: [], regions: [] };

describe('core/aws sessions', () => {
  const available = [profile('default', 'eu-west-1'), profile('dev', 'eu-central-1'), profile('prod')];

  it('uses the profiles of the setting, in its order, and names the ones that do not exist', () => {
    const selection = selectProfiles(available, { profiles: ['prod', 'ghost', 'dev'], regions: [] }, {});
    assert.deepEqual(selection.profiles.map((p) => p.name), ['prod', 'dev']);
    assert.deepEqual(selection.missing, ['ghost']);
  });

  it('falls back to AWS_PROFILE, then default, then every profile', () => {
    assert.deepEqual(selectProfiles(available, none, { AWS_PROFILE: 'dev' }).profiles.map((p) => p.name), ['dev']);
    assert.deepEqual(selectProfiles(available, none, {}).profiles.map((p) => p.name), ['default']);
    assert.deepEqual(selectProfiles(available.slice(1), none, {}).profiles.map((p) => p.name), ['dev', 'prod']);
  });

  it('reports AWS_PROFILE as missing when no file defines it', () => {
    assert.deepEqual(selectProfiles(available, none, { AWS_PROFILE: 'typo' }).missing, ['typo']);
  });

  it("picks regions: setting, else the profile's region, else AWS_REGION, else us-east-1", () => {
    assert.deepEqual(regionsFor(available[0], { profiles: [], regions: ['ap-south-1', 'us-west-2'] }, {}), ['ap-south-1', 'us-west-2']);
    assert.deepEqual(regionsFor(available[0], none, { AWS_REGION: 'sa-east-1' }), ['eu-west-1']);
    assert.deepEqual(regionsFor(available[2], none, { AWS_REGION: 'sa-east-1' }), ['sa-east-1']);
    assert.deepEqual(regionsFor(available[2], none, { AWS_DEFAULT_REGION: 'ca-central-1' }), ['ca-central-1']);
    assert.deepEqual(regionsFor(available[2], none, {}), [FALLBACK_REGION]);
  });

  it('never selects a profile twice, nor one that is not defined, and accounts for every requested name', () => {
    const name = fc.constantFrom<string>('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.uniqueArray(name), fc.array(name), (defined, requested) => {
        const selection = selectProfiles(defined.map((n) => profile(n)), { profiles: requested, regions: [] }, {});
        const chosen = selection.profiles.map((p) => p.name);
        assert.equal(new Set(chosen).size, chosen.length);
        assert.ok(chosen.every((n) => defined.includes(n)));
        if (requested.length > 0) assert.deepEqual([...chosen, ...selection.missing].sort(), [...new Set(requested)].sort());
      }),
    );
  });
});
