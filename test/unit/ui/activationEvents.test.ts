import * as assert from 'node:assert/strict';
import { packageManifest } from './packageManifest';

interface Manifest {
  readonly activationEvents: string[];
  readonly contributes: {
    readonly commands: { readonly command: string }[];
    readonly views: Record<string, { readonly id: string }[]>;
    readonly debuggers: { readonly type: string }[];
  };
}

const manifest = packageManifest<Manifest>();

// VS Code (1.74 and later) generates onCommand for contributes.commands and onView for contributes.views;
// it generates nothing for contributes.debuggers, nor onWebviewPanel or workspaceContains.
describe('package.json activationEvents', () => {
  it('declares none of the events VS Code generates from the contributions', () => {
    const generated = new Set([...manifest.contributes.commands.map((c) => `onCommand:${c.command}`), ...Object.values(manifest.contributes.views).flatMap((views) => views.map((v) => `onView:${v.id}`))]);
    assert.deepEqual(manifest.activationEvents.filter((event) => generated.has(event)), []);
  });

  it('activates for its debug type, the Run and Debug picker, a restored Monitor panel, a function link and a SAM, CDK, Serverless or Terraform workspace or one with pulled functions', () => {
    const [debugType] = manifest.contributes.debuggers.map((d) => d.type);
    assert.deepEqual([...manifest.activationEvents].sort(), [
      `onDebugDynamicConfigurations:${debugType}`,
      'onDebugInitialConfigurations',
      `onDebugResolve:${debugType}`,
      'onUri',
      'onWebviewPanel:serverlessExplorer.monitor',
      'workspaceContains:**/*.tf',
      'workspaceContains:**/cdk.json',
      'workspaceContains:**/serverless.{yml,yaml}',
      'workspaceContains:**/template.{yaml,yml}',
      'workspaceContains:.serverless-explorer/pulled/*/function.json',
    ]);
  });
});
