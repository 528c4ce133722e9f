import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FunctionSource, SourceFunctions } from '../functionSource';
import { readCdkApis } from './cdkApis';
import { ASSEMBLY_DIR, CDK_JSON, CDK_WATCH_GLOB, MANIFEST, assemblyDirOf, findCdkApps, isAssemblyDir, isAssemblyFile, mayBeCdkFile } from './cdkDiscovery';
import { CDK_SOURCE, readCdkFunctions } from './cdkFunctions';
import { staleAssembly, synthAdvice } from './cdkStaleness';
import { readAssemblyTemplates, readTemplateFile, type AssemblyTemplates } from './cloudAssembly';

/** The templates a file stands for: a manifest's stacks, one template's, or (a cdk.json) its cdk.out's, when synthesized. */
function templatesOf(text: string, file: string): AssemblyTemplates | undefined {
  if (path.basename(file) === CDK_JSON) {
    const manifest = path.join(assemblyDirOf(path.dirname(path.resolve(file))), MANIFEST);
    return fs.existsSync(manifest) ? readAssemblyTemplates(manifest) : undefined;
  }
  return path.basename(file) === MANIFEST ? readAssemblyTemplates(file, text) : readTemplateFile(file, text);
}

/** AWS CDK apps, through the cloud assembly `cdk synth` writes (cdk.out): their stacks' AWS::Lambda::Function resources. */
export const cdkSource: FunctionSource = {
  kind: CDK_SOURCE,
  fileLabel: 'AWS CDK cloud assembly',
  title: 'AWS CDK',
  findFiles: findCdkApps,
  mayDefineFunctions: mayBeCdkFile,
  watchGlob: CDK_WATCH_GLOB,
  readsFile: (file) => isAssemblyFile(file) || path.basename(file) === CDK_JSON || (/\.json$/i.test(file) && isAssemblyDir(path.dirname(path.resolve(file)))),
  readFunctions(text, file): SourceFunctions {
    const read = templatesOf(text, file);
    if (!read) {
      const appDir = path.dirname(path.resolve(file));
      const assembly = path.relative(appDir, assemblyDirOf(appDir)) || ASSEMBLY_DIR;
      return { functions: [], problems: [{ file: path.resolve(file), message: `the CDK app has no ${assembly} yet, so its functions are unknown: ${synthAdvice(appDir)} to write it`, synthApp: appDir }] };
    }
    const out = { functions: [] as SourceFunctions['functions'], problems: [...read.problems], readFiles: read.files };
    for (const template of read.templates) {
      const { functions, problems } = readCdkFunctions(template);
      out.functions.push(...functions);
      out.problems.push(...problems);
    }
    const manifest = read.files[0];
    const stale = manifest && path.basename(manifest) === MANIFEST ? staleAssembly(manifest) : undefined;
    if (stale) out.problems.push({ file: manifest!, message: stale.message, synthApp: stale.appDir });
    return out;
  },
  readApis(text, file, functions) {
    const read = templatesOf(text, file);
    return readCdkApis(read?.templates ?? [], functions, read?.files ?? []);
  },
};
