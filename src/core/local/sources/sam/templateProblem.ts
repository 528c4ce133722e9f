import type { LocalFunctionDefinition } from '../../types';

/** Something in a template that keeps a function (or the whole template) from running locally, with how to fix it. */
export interface TemplateProblem {
  /** The resource the problem is about; absent for problems with the whole template. */
  readonly logicalId?: string;
  readonly message: string;
  /** 1-based line in the template, when known (syntax errors). */
  readonly line?: number;
}

export interface TemplateFunctions {
  functions: LocalFunctionDefinition[];
  problems: TemplateProblem[];
}

