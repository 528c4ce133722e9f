import * as path from 'node:path';
import type { FunctionSource } from '../functionSource';
import { loadHclParser } from './hclParser';
import { readTerraformApis } from './terraformApis';
import { TERRAFORM_SOURCE, TerraformFunctionReader } from './terraformFunctions';
import { TERRAFORM_WATCH_GLOB, findTerraformRoots, mayBeTerraform } from './terraformDiscovery';
import { readTfConfiguration, type TfConfiguration } from './tfConfiguration';

/** What a configuration is read from: every module's folder (a new .tf file there changes it) and .tf files, and terraform.tfvars. */
function configurationFiles(configuration: TfConfiguration): string[] {
  return [...new Set([...configuration.modules.flatMap(({ module }) => [module.dir, ...module.files]), path.join(configuration.rootDir, 'terraform.tfvars')])];
}

/**
 * Terraform configurations: aws_lambda_function resources whose code is a data "archive_file" of a folder, in a root
 * module and the local modules it calls. A configuration is a folder: its file (main.tf) stands for all of them.
 */
export const terraformSource: FunctionSource = {
  kind: TERRAFORM_SOURCE,
  fileLabel: 'Terraform configuration',
  title: 'Terraform',
  findFiles: findTerraformRoots,
  mayDefineFunctions: mayBeTerraform,
  watchGlob: TERRAFORM_WATCH_GLOB,
  readsFile: (file) => path.extname(file).toLowerCase() === '.tf',
  prepare: loadHclParser,
  readFunctions(text, file) {
    const configuration = readTfConfiguration(file, text);
    return { ...new TerraformFunctionReader().read(configuration), readFiles: configurationFiles(configuration) };
  },
  readApis(text, file, functions) {
    const configuration = readTfConfiguration(file, text);
    return { ...readTerraformApis(configuration, new Set(functions.map((f) => f.name))), includedFiles: configurationFiles(configuration) };
  },
};
