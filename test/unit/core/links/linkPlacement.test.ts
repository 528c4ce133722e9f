import * as assert from 'node:assert/strict';
import type { AwsProfile } from '../../../../src/core/aws/profiles';
import { DEFAULT_CHAIN } from '../../../../src/core/aws/sessions';
import { accountMismatch, placeLink, widenSelection } from '../../../../src/core/links/linkPlacement';

const profile = (name: string, account?: string, region?: string): AwsProfile => ({ name, kind: 'static', source: 'config', ...(region ? { region } : {}), ...(account ? { account } : {}) });
const defined = [profile('dev', '111111111111', 'us-east-1'), profile('prod', '222222222222', 'eu-west-1'), profile('sandbox')];
const link = { name: 'orders-api', region: 'us-east-1' };

describe('core/links where a link opens', () => {
  it('opens at once where the view already shows the profile and region', () => {
    assert.deepEqual(placeLink({ ...link, profile: 'dev' }, defined, [{ profile: 'dev', regions: ['us-east-1'] }]), { kind: 'shown', session: { profile: 'dev', region: 'us-east-1' } });
  });

  it('asks before adding a defined profile, or a region, the view does not show', () => {
    const shown = [{ profile: 'dev', regions: ['eu-west-1'] }];
    assert.deepEqual(placeLink({ ...link, profile: 'dev' }, defined, shown), { kind: 'not-shown', session: { profile: 'dev', region: 'us-east-1' }, profileShown: true });
    assert.deepEqual(placeLink({ ...link, profile: 'prod' }, defined, shown), { kind: 'not-shown', session: { profile: 'prod', region: 'us-east-1' }, profileShown: false });
  });

  it('a profile this machine does not define: offers the defined ones, the link’s account first', () => {
    assert.deepEqual(placeLink({ ...link, profile: 'colleague', account: '222222222222' }, defined, [{ profile: 'dev', regions: ['us-east-1'] }]), {
      kind: 'unknown-profile',
      profile: 'colleague',
      candidates: ['prod', 'dev', 'sandbox'],
    });
  });

  it('no profile in the link: the one showing the region, else the one of the account, else the user chooses', () => {
    const shown = [{ profile: 'dev', regions: ['us-east-1'] }, { profile: 'prod', regions: ['eu-west-1'] }];
    assert.deepEqual(placeLink(link, defined, shown), { kind: 'shown', session: { profile: 'dev', region: 'us-east-1' } });
    const both = [{ profile: 'dev', regions: ['us-east-1'] }, { profile: 'prod', regions: ['us-east-1'] }];
    assert.deepEqual(placeLink({ ...link, account: '222222222222' }, defined, both), { kind: 'shown', session: { profile: 'prod', region: 'us-east-1' } });
    assert.deepEqual(placeLink(link, defined, both), { kind: 'choose-profile', candidates: ['dev', 'prod'] });
    assert.deepEqual(placeLink({ ...link, region: 'ap-south-1' }, defined, [{ profile: 'dev', regions: ['us-east-1'] }]), { kind: 'not-shown', session: { profile: 'dev', region: 'ap-south-1' }, profileShown: true });
    assert.deepEqual(placeLink(link, [], []), { kind: 'no-profiles' });
    // Environment credentials only: the view's one pseudo-profile.
    assert.deepEqual(placeLink(link, [], [{ profile: DEFAULT_CHAIN, regions: ['us-east-1'] }]), { kind: 'shown', session: { profile: DEFAULT_CHAIN, region: 'us-east-1' } });
  });

  it('warns when the link’s account and the profile’s known account differ, and only then', () => {
    assert.match(accountMismatch({ ...link, account: '111111111111' }, 'prod', '222222222222') ?? '', /orders-api is in account 111111111111, but profile "prod" works in account 222222222222/);
    assert.equal(accountMismatch({ ...link, account: '111111111111' }, 'dev', '111111111111'), undefined);
    assert.equal(accountMismatch({ ...link, account: '111111111111' }, 'sandbox', undefined), undefined);
    assert.equal(accountMismatch(link, 'prod', '222222222222'), undefined);
  });

  it('adds to the selection without dropping what the view showed', () => {
    const session = { profile: 'prod', region: 'us-east-1' };
    // Settings empty (the view showed AWS_PROFILE's or default's own region): write what it showed, plus the link's.
    assert.deepEqual(widenSelection({ profiles: [], regions: [] }, [{ profile: 'dev', regions: ['us-east-1'] }], session, ['eu-west-1']), { profiles: ['dev', 'prod'], regions: ['us-east-1', 'eu-west-1'] });
    // The new profile's own region is the link's: only the profile is added.
    assert.deepEqual(widenSelection({ profiles: ['dev'], regions: [] }, [{ profile: 'dev', regions: ['eu-west-1'] }], session, ['us-east-1']), { profiles: ['dev', 'prod'] });
    // A region under a shown profile: the regions setting gets it.
    assert.deepEqual(widenSelection({ profiles: ['prod'], regions: ['eu-west-1'] }, [{ profile: 'prod', regions: ['eu-west-1'] }], session, []), { regions: ['eu-west-1', 'us-east-1'] });
    // The environment's pseudo-profile is never written into serverlessExplorer.profiles.
    assert.deepEqual(widenSelection({ profiles: [], regions: [] }, [{ profile: DEFAULT_CHAIN, regions: ['us-east-1'] }], session, ['us-east-1']), { profiles: ['prod'] });
  });
});
