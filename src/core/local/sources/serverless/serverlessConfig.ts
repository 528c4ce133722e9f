import * as path from 'node:path';
import { isRecord, type Json } from '../sam/intrinsics';
import { parseTemplateText } from '../sam/templateText';
import { VariableResolver, type ServerlessOptions } from './variableResolver';

/** A serverless.yml read as data, with the resolver of its variables. */
export interface ServerlessConfig {
  readonly file: string;
  readonly serviceDir: string;
  readonly raw: Json;
  readonly resolver: VariableResolver;
}

/** The configuration, or the problem (a syntax error with its line) that keeps it from being read. */
export function readServerlessConfig(text: string, file: string, options: ServerlessOptions = {}): ServerlessConfig | { problem: { message: string; line?: number } } {
  const absolute = path.resolve(file);
  const parsed = parseTemplateText(text, absolute);
  if ('problem' in parsed) return { problem: { message: parsed.problem.message.replace('so the template can be read', 'so serverless.yml can be read'), ...(parsed.problem.line !== undefined ? { line: parsed.problem.line } : {}) } };
  if (parsed.value !== undefined && parsed.value !== null && !isRecord(parsed.value)) {
    return { problem: { message: 'the top level is not a mapping (a serverless.yml has service, provider and functions)' } };
  }
  const raw = (parsed.value ?? {}) as Json;
  const serviceDir = path.dirname(absolute);
  return { file: absolute, serviceDir, raw, resolver: new VariableResolver(raw, serviceDir, options) };
}
