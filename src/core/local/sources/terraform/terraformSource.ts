import * as path from 'node:path';
import type { FunctionSource } from '../functionSource';
import { loadHclParser } from './hclParser';
import { readTerraformApis } from './terraformApis';
import { TERRAFORM_SOURCE, TerraformFunctionReader } from './terraformFunctions';
import { TERRAFORM_WATCH_GLOB, findTerraformRoots, mayBeTerraform } from './terraformDiscovery';
import { readTfConfiguration } from './tfConfiguration';

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
    return new TerraformFunctionReader().read(readTfConfiguration(file, text));
  },
  readApis(text, file, functions) {
    return readTerraformApis(readTfConfiguration(file, text), new Set(functions.map((f) => f.name)));
  },
};
