import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseTemplate } from '../../src/core/local/sources/sam/templateFunctions';
import type { LocalInvokeOutcome } from '../../src/ui/local/invokeLocalCommand';
import { writeLayeredApp } from '../support/layeredApp';
import { activatedApi } from './helpers';

describe('local layers: Invoke Locally on functions with layers of their template', function () {
  this.timeout(60_000);
  let project: string;
  before(() => (project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-int-layers-'))));
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  it("returns the layers' answer: two Node layers, the later one's file winning, and a Python layer", async () => {
    const api = await activatedApi();
    const template = writeLayeredApp(project, 'layers.template.yaml');
    const { functions } = parseTemplate(fs.readFileSync(template, 'utf8'), template);
    const invoke = async (name: string) => {
      const definition = functions.find((f) => f.name === name)!;
      const outcome = (await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', undefined, { definition, payload: '{"name":"dee"}' })) as LocalInvokeOutcome;
      assert.equal(outcome.status, 'invoked', JSON.stringify(outcome));
      const view = api.invokeResult()!.lastView!;
      assert.equal(view.functionError, undefined, view.payload);
      return JSON.parse(view.payload) as unknown;
    };
    assert.deepEqual(await invoke('OverriddenNode'), { greeting: 'hello dee from the shared layer', settings: 'override', versioned: 'nodejs/node20/node_modules' });
    assert.deepEqual(await invoke('LayeredPython'), { greeting: 'HELLO DEE FROM THE PYTHON LAYER', from: 'greeting.py' });
  });
});
