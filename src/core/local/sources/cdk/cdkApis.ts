import { noApiDefinitions, type ApiDefinitions, type ApiStage, type AuthorizerConfig } from '../../api/apiDefinitions';
import { readTemplateApis } from '../../api/templateApis';
import type { LocalFunctionDefinition } from '../../types';
import type { AssemblyTemplate } from './cloudAssembly';
import { CDK_SOURCE, localTemplate } from './cdkFunctions';

/** An authorizer naming its function by construct path, as the functions are named. */
function renamedAuthorizer(authorizer: AuthorizerConfig, rename: (id: string) => string): AuthorizerConfig {
  return authorizer.kind === 'lambda' ? { ...authorizer, functionName: rename(authorizer.functionName) } : authorizer;
}

function renamedStage(stage: ApiStage, rename: (id: string) => string): ApiStage {
  if (!stage.authorizers) return stage;
  const authorizers = Object.fromEntries(Object.entries(stage.authorizers).map(([name, a]) => [name, renamedAuthorizer(a, rename)]));
  return { ...stage, authorizers };
}

/** One template's API definitions, with functions named as readCdkFunctions names them. */
function templateApis(assembly: AssemblyTemplate, functions: readonly LocalFunctionDefinition[]): ApiDefinitions {
  const { template, names } = localTemplate(assembly);
  // Only the functions that run locally, by the logical ids the template refers to them with.
  const ids = new Set(functions.filter((f) => f.origin?.source === CDK_SOURCE && f.origin.file === assembly.file).map((f) => f.origin!.id));
  const apis = readTemplateApis(template, ids, assembly.file);
  const rename = (id: string): string => names.get(id) ?? id;
  return {
    ...apis,
    routes: apis.routes.map((route) => ({ ...route, functionName: rename(route.functionName) })),
    stages: new Map([...apis.stages].map(([id, stage]) => [id, renamedStage(stage, rename)])),
    functionUrls: apis.functionUrls.map((url) => ({ ...url, functionName: rename(url.functionName) })),
    webSockets: apis.webSockets.map((ws) => ({
      ...ws,
      routes: ws.routes.map((route) => ({ ...route, functionName: rename(route.functionName) })),
      ...(ws.connectAuthorizer ? { connectAuthorizer: renamedAuthorizer(ws.connectAuthorizer, rename) } : {}),
    })),
  };
}

/** The local API of every template of a cloud assembly, as one. */
export function readCdkApis(templates: readonly AssemblyTemplate[], functions: readonly LocalFunctionDefinition[], files: readonly string[]): ApiDefinitions {
  const all = noApiDefinitions();
  const included = new Set(files);
  for (const assembly of templates) {
    const apis = templateApis(assembly, functions);
    all.routes.push(...apis.routes);
    apis.stages.forEach((stage, id) => all.stages.set(id, stage));
    all.functionUrls.push(...apis.functionUrls);
    all.webSockets.push(...apis.webSockets);
    all.problems.push(...apis.problems);
    apis.includedFiles?.forEach((file) => included.add(file));
  }
  return { ...all, includedFiles: [...included] };
}
