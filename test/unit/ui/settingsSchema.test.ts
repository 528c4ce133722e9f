import * as assert from 'node:assert/strict';
import { SECTION, SETTINGS, SETTING_NAMES, settingsAffecting, validSetting } from '../../../src/ui/settingsSchema';
import type { SettingSpec } from '../../../src/ui/settingsSchema';
import { packageManifest } from './packageManifest';

interface DeclaredSetting {
  readonly type?: string;
  readonly default?: unknown;
  readonly enum?: readonly string[];
  readonly items?: { readonly type?: string };
  readonly minimum?: number;
  readonly maximum?: number;
}

const declared = packageManifest<{ contributes: { configuration: { properties: Record<string, DeclaredSetting> } } }>().contributes.configuration.properties;

/** Declared in package.json, they must be in the table too. */
const CONSTRAINTS = ['enum', 'minimum', 'maximum'] as const;

/** What package.json should declare for a setting of the table. */
function expectedDeclaration(spec: SettingSpec): DeclaredSetting {
  switch (spec.kind) {
    case 'stringList':
      return { type: 'array', items: { type: 'string' }, default: spec.default };
    case 'enum':
      return { type: 'string', enum: spec.values, default: spec.default };
    case 'integer':
    case 'number':
      return { type: spec.kind, default: spec.default, minimum: spec.minimum, maximum: spec.maximum };
    default:
      return { type: spec.kind, default: spec.default };
  }
}

describe('settings table (src/ui/settingsSchema.ts)', () => {
  it('has the settings package.json declares, and no other', () => {
    assert.deepEqual(SETTING_NAMES.map((name) => `${SECTION}.${name}`).sort(), Object.keys(declared).sort());
  });

  for (const name of SETTING_NAMES) {
    it(`declares ${SECTION}.${name} as package.json does: type, default, enum, bounds`, () => {
      const actual = declared[`${SECTION}.${name}`];
      assert.ok(actual, `package.json does not declare ${SECTION}.${name}`);
      const expected = expectedDeclaration(SETTINGS[name]);
      const constraints = CONSTRAINTS.filter((key) => actual[key] !== undefined);
      const keys = [...new Set([...Object.keys(expected), ...constraints])];
      const picked = Object.fromEntries(keys.map((key) => [key, key === 'items' ? { type: actual.items?.type } : actual[key as keyof DeclaredSetting]]));
      assert.deepEqual(picked, expected);
    });
  }

  it('refreshes the AWS tree for the session and timeout settings only, and the warm local environments for localAlwaysCold and the capacity settings, the functions for the Serverless stage', () => {
    assert.deepEqual(settingsAffecting('awsTree'), ['profiles', 'regions', 'endpointUrl', 'aws.connectTimeoutSeconds', 'aws.requestTimeoutSeconds']);
    assert.deepEqual(settingsAffecting('localInvoker'), ['localAlwaysCold', 'localMaxConcurrency', 'localIdleMinutes']);
    assert.deepEqual(settingsAffecting('codeLens'), ['codeLens.enabled']);
    assert.deepEqual(settingsAffecting('localFunctions'), ['serverless.stage']);
  });
});

describe('validSetting: hand-edited values', () => {
  it('keeps the trimmed non-blank strings of a list, and reads anything else as empty', () => {
    assert.deepEqual(validSetting('profiles', [' dev ', '', '  ', 3, null, 'prod']), ['dev', 'prod']);
    assert.deepEqual(validSetting('regions', 'eu-west-1'), []);
    assert.deepEqual(validSetting('regions', undefined), []);
  });

  it('trims strings and reads a blank or a non-string as the default', () => {
    assert.equal(validSetting('fargate.eventVariable', '  PAYLOAD '), 'PAYLOAD');
    assert.equal(validSetting('fargate.eventVariable', '   '), 'EVENT');
    assert.equal(validSetting('fargate.eventVariable', 42), 'EVENT');
    assert.equal(validSetting('endpointUrl', undefined), '');
  });

  it('reads an unknown enum value or a non-boolean as the default', () => {
    assert.equal(validSetting('confirmInvoke', 'never'), 'never');
    assert.equal(validSetting('confirmInvoke', 'sometimes'), 'production');
    assert.equal(validSetting('monitor.liveTail', undefined), 'poll');
    assert.equal(validSetting('codeLens.enabled', 'false'), true);
    assert.equal(validSetting('localAlwaysCold', true), true);
  });

  it('keeps numbers within their bounds, integers whole, and reads a non-number as the default', () => {
    assert.equal(validSetting('monitor.maxLogEvents', 10), 1_000);
    assert.equal(validSetting('monitor.maxLogEvents', 5e9), 1_000_000);
    assert.equal(validSetting('monitor.maxLogEvents', '5000'), 100_000);
    assert.equal(validSetting('localEndpointPort', 3002.7), 3002);
    assert.equal(validSetting('localEndpointPort', 0), 0);
    assert.equal(validSetting('localEndpointPort', Number.NaN), 3001);
  });
});
