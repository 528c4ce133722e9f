import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { parseTemplate } from '../../../../../src/core/local/sources/sam/templateFunctions';
import type { LocalFunctionDefinition } from '../../../../../src/core/local/types';
import { writeLayeredApp } from '../../../../support/layeredApp';
import { zipFolder } from '../../../../support/zipFolder';

// Layers of the template, laid out as Lambda's /opt, through the real LocalInvoker: real Node and Python processes.

const ROOT = path.resolve(__dirname, '../../../../../..');

describe('local layers: a function with layers of its template', function () {
  this.timeout(30_000);
  let project: string;
  let cacheDir: string;
  let functions: LocalFunctionDefinition[];
  let invoker: LocalInvoker;

  const fn = (name: string) => functions.find((f) => f.name === name)!;
  const read = (templateFile: string) => {
    const parsed = parseTemplate(fs.readFileSync(templateFile, 'utf8'), templateFile);
    assert.deepEqual(parsed.problems, []);
    return parsed.functions;
  };
  const run = async (definition: LocalFunctionDefinition, event: unknown = { name: 'ada' }) => {
    const result = await invoker.invoke(definition, JSON.stringify(event));
    assert.equal(result.functionError, undefined, result.payload + result.log);
    return JSON.parse(result.payload) as Record<string, unknown>;
  };

  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-layers-'));
    cacheDir = path.join(project, '.cache');
    functions = read(writeLayeredApp(project));
    invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes'), cacheDir, alwaysCold: true });
  });
  afterEach(async () => {
    await invoker.dispose();
    fs.rmSync(project, { recursive: true, force: true });
  });

  it('a CommonJS handler requires packages from nodejs/node_modules and nodejs/node20/node_modules of its layer', async () => {
    assert.deepEqual(await run(fn('LayeredNode')), { greeting: 'hello ada from the shared layer', settings: 'shared', versioned: 'nodejs/node20/node_modules' });
  });

  it('an ES module handler imports the same packages', async () => {
    assert.deepEqual(await run(fn('LayeredNodeEsm')), { greeting: 'hello ada from the shared layer', settings: 'shared', esm: true });
  });

  it('a later layer replaces an earlier layer\'s file, and an edit of a layer shows at the next cold start', async () => {
    assert.equal((await run(fn('OverriddenNode'))).settings, 'override');
    fs.writeFileSync(path.join(project, 'layers/override/nodejs/node_modules/settings/index.js'), "module.exports = { source: 'edited override' };\n");
    assert.equal((await run(fn('OverriddenNode'))).settings, 'edited override');
    fs.rmSync(path.join(project, 'layers/override/nodejs/node_modules/settings'), { recursive: true });
    assert.equal((await run(fn('OverriddenNode'))).settings, 'shared', 'a file removed from the later layer no longer hides the earlier one');
  });

  it('a Python handler imports from python/ and python/lib/python3.11/site-packages of its layer', async () => {
    assert.deepEqual(await run(fn('LayeredPython')), { greeting: 'HELLO ADA FROM THE PYTHON LAYER', from: 'greeting.py' });
  });

  it("runs an executable of a layer's bin/ by name, as PATH ends with /opt/bin on Lambda", async () => {
    assert.deepEqual(await run(fn('ToolsNode')), { tool: 'layer-tool 2.1 from bin/' });
  });

  it('a layer given as a .zip (ContentUri: layer.zip) is unpacked into the cache, executables kept', async () => {
    fs.writeFileSync(path.join(project, 'tools.zip'), zipFolder(path.join(project, 'layers/tools')));
    fs.rmSync(path.join(project, 'layers/tools'), { recursive: true });
    const template = path.join(project, 'template.yaml');
    fs.writeFileSync(template, fs.readFileSync(template, 'utf8').replace('ContentUri: layers/tools/', 'ContentUri: tools.zip'));
    functions = read(template);
    assert.deepEqual(await run(fn('ToolsNode')), { tool: 'layer-tool 2.1 from bin/' });
    assert.ok(fs.readdirSync(path.join(cacheDir, 'layers', 'zip')).length === 1, 'unpacked once, into the cache');
  });

  it('a layer folder that does not exist is refused with what to fix', async () => {
    fs.rmSync(path.join(project, 'layers/pylib'), { recursive: true });
    await assert.rejects(invoker.invoke(fn('LayeredPython'), '{}'), (error: Error) => {
      assert.equal(error.name, 'RuntimeSetupError');
      assert.match(error.message, /the layer PythonLayer has no content at .*layers\/pylib.*fix the layer's ContentUri\/Content/);
      return true;
    });
  });

  it('without layers, the function still fails as Lambda does', async () => {
    const result = await invoker.invoke({ ...fn('LayeredNode'), layers: undefined }, '{}');
    assert.equal(result.errorType, 'Runtime.ImportModuleError');
    assert.match(result.payload, /greeter/);
  });
});
