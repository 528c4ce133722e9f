import * as assert from 'node:assert/strict';
import { findEventById, generateEvent } from '../../../../src/core/events/catalog';

describe('core/events: Alexa smart home payload versions', () => {
  it('builds version 3 directives by default and version 2 requests (SAM CLI’s shape) on request', () => {
    const v3 = generateEvent(findEventById('alexa-smart-home smart-home-control-turn-on-request'), { endpointId: 'hall-lamp' }) as { directive: { header: { name: string; payloadVersion: string }; endpoint: { endpointId: string } } };
    assert.equal(v3.directive.header.payloadVersion, '3');
    assert.equal(v3.directive.endpoint.endpointId, 'hall-lamp');
    const v2 = generateEvent(findEventById('alexa-smart-home smart-home-control-turn-on-request'), { endpointId: 'hall-lamp', payloadVersion: '2', token: 'tok' }) as {
      header: { name: string; namespace: string; payloadVersion: string };
      payload: { accessToken: string; appliance: { applianceId: string } };
    };
    assert.deepEqual([v2.header.namespace, v2.header.name, v2.header.payloadVersion], ['Alexa.ConnectedHome.Control', 'TurnOnRequest', '2']);
    assert.deepEqual([v2.payload.accessToken, v2.payload.appliance.applianceId], ['tok', 'hall-lamp']);
    const discovery = generateEvent(findEventById('alexa-smart-home smart-home-discovery-request'), { payloadVersion: '2' }) as { header: { name: string }; payload: object };
    assert.equal(discovery.header.name, 'DiscoverAppliancesRequest');
    assert.ok(!('appliance' in discovery.payload));
  });

  it('refuses a version Alexa never had, naming the valid ones', () => {
    assert.throws(() => generateEvent(findEventById('alexa-smart-home smart-home-discovery-request'), { payloadVersion: '4' }), /payloadVersion must be one of 2, 3/);
  });
});
