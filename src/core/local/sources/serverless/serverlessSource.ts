import * as path from 'node:path';
import { noApiDefinitions } from '../../api/apiDefinitions';
import type { FunctionSource } from '../functionSource';
import { readServerlessApis } from './serverlessApis';
import { readServerlessConfig } from './serverlessConfig';
import { findServerlessConfigs, isServerlessConfig, mayBeServerlessConfig } from './serverlessDiscovery';
import { SERVERLESS_SOURCE, readServerlessFunctions } from './serverlessFunctions';
import type { ServerlessOptions } from './variableResolver';

/**
 * Serverless Framework services: each serverless.yml / serverless.yaml, its variables resolved for `options`
 * (`--stage`…; none given: provider.stage or dev), the .env files and file() includes it reads.
 */
export function createServerlessSource(options: ServerlessOptions = {}): FunctionSource {
  // The files the last reads included: a change to one changes the functions, which the path alone cannot tell.
  const included = new Set<string>();
  return {
    kind: SERVERLESS_SOURCE,
    fileLabel: 'serverless.yml',
    title: 'Serverless Framework',
    findFiles: findServerlessConfigs,
    mayDefineFunctions: (file, root) => mayBeServerlessConfig(file, root) || included.has(path.resolve(file)),
    watchGlob: '**/{serverless.yml,serverless.yaml,.env,.env.*,*.yml,*.yaml,*.json}',
    readsFile: isServerlessConfig,
    readFunctions(text, file) {
      const config = readServerlessConfig(text, file, options);
      if ('problem' in config) return { functions: [], problems: [{ file: path.resolve(file), ...config.problem }] };
      const read = readServerlessFunctions(config);
      for (const other of config.resolver.readFiles) included.add(other);
      return { ...read, readFiles: [...config.resolver.readFiles] };
    },
    readApis(text, file, functions) {
      const config = readServerlessConfig(text, file, options);
      if ('problem' in config) return noApiDefinitions();
      const apis = readServerlessApis(config, new Set(functions.map((f) => f.name)));
      return { ...apis, ...(config.resolver.readFiles.size > 0 ? { includedFiles: [...config.resolver.readFiles] } : {}) };
    },
  };
}

/** With no options: the stage the file itself names. */
export const serverlessSource = createServerlessSource();
