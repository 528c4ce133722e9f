import * as path from 'node:path';
import { noApiDefinitions } from '../../api/apiDefinitions';
import { readTemplateApis } from '../../api/templateApis';
import { staleBuiltTemplate } from '../../build/builtTemplate';
import type { FunctionSource } from '../functionSource';
import { TEMPLATE_WATCH_GLOB, findTemplates, mayBeTemplate } from './templateDiscovery';
import { isRecord } from './intrinsics';
import { SAM_SOURCE, parseTemplate, parseTemplateDocument } from './templateFunctions';

/** SAM and CloudFormation templates (YAML or JSON): AWS::Serverless::Function and AWS::Lambda::Function resources. */
export const samSource: FunctionSource = {
  kind: SAM_SOURCE,
  fileLabel: 'SAM/CloudFormation template',
  title: 'SAM / CloudFormation',
  findFiles: findTemplates,
  mayDefineFunctions: mayBeTemplate,
  watchGlob: TEMPLATE_WATCH_GLOB,
  // A template may have any name (sam's --template takes any file): this source reads what no other claims.
  readsFile: () => true,
  readFunctions(text, file) {
    const { functions, problems } = parseTemplate(text, file);
    // A template sam build wrote runs its artifacts as they are: say so when its sources changed since.
    const stale = staleBuiltTemplate(file, functions.map((f) => f.name));
    if (stale) problems.push({ message: stale });
    return { functions, problems: problems.map(({ logicalId, ...problem }) => ({ ...problem, file, ...(logicalId !== undefined ? { functionId: logicalId } : {}) })) };
  },
  readApis(text, file, functions) {
    const parsed = parseTemplateDocument(text, file);
    if ('problem' in parsed || !isRecord(parsed.value)) return noApiDefinitions();
    return readTemplateApis(parsed.value, new Set(functions.map((f) => f.name)), path.resolve(file));
  },
};
