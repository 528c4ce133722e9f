import type { TfBlock, TfModule } from './terraformModule';

/** What an expression evaluates to locally; `unresolved` names each reference that has no value before `terraform apply`. */
export interface Evaluated {
  readonly value: unknown;
  readonly unresolved: string[];
}

const TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*$/;
const STEP = /\.([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\]/g;

/** The `${…}` parts of a string hclTree wrote, with the literal text between them. */
function templateParts(text: string): ({ literal: string } | { expression: string })[] {
  const parts: ({ literal: string } | { expression: string })[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('${', i)) {
      let depth = 1;
      let j = i + 2;
      let quoted = false;
      for (; j < text.length && depth > 0; j++) {
        const c = text[j];
        if (c === '"' && text[j - 1] !== '\\') quoted = !quoted;
        else if (!quoted && c === '{') depth++;
        else if (!quoted && c === '}') depth--;
      }
      if (depth === 0) {
        if (literal) parts.push({ literal });
        literal = '';
        parts.push({ expression: text.slice(i + 2, j - 1).trim() });
        i = j;
        continue;
      }
    }
    literal += text[i];
    i++;
  }
  if (literal) parts.push({ literal });
  return parts;
}

function traversal(expression: string): string[] {
  const [head] = /^[A-Za-z_][\w-]*/.exec(expression) ?? [''];
  const steps = [head];
  for (const [, name, index, key] of expression.slice(head.length).matchAll(STEP)) steps.push(name ?? index ?? key);
  return steps;
}

function step(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value[Number(key)];
  if (typeof value === 'object' && value !== null) return (value as Record<string, unknown>)[key];
  return undefined;
}

/**
 * Evaluates what a configuration can know before `terraform apply`: literals, `var.x` (the module's inputs, a
 * terraform.tfvars value or the variable's default), `local.x`, `path.module`, attributes written in a resource or data
 * block, and `"…${…}…"` templates of these. What else an expression needs (a resource's computed `arn`, a function call)
 * stays as its `${…}` text and is named in `unresolved`.
 */
export class TfEvaluator {
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly module: TfModule,
    private readonly inputs: Readonly<Record<string, unknown>>,
    /** The root module's folder: relative paths are resolved against it, as terraform runs there. */
    readonly rootDir: string,
  ) {}

  evaluate(value: unknown): Evaluated {
    const unresolved: string[] = [];
    const result = this.value(value, unresolved);
    return { value: result, unresolved };
  }

  private value(value: unknown, unresolved: string[]): unknown {
    if (typeof value === 'string') return this.template(value, unresolved);
    if (Array.isArray(value)) return value.map((item) => this.value(item, unresolved));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.value(item, unresolved)]));
    }
    return value;
  }

  private template(text: string, unresolved: string[]): unknown {
    const parts = templateParts(text);
    if (parts.length === 1 && 'expression' in parts[0]) {
      const value = this.expression(parts[0].expression);
      if (value !== undefined) return value;
      unresolved.push(parts[0].expression);
      return text;
    }
    return parts
      .map((part) => {
        if ('literal' in part) return part.literal;
        const value = this.expression(part.expression);
        if (value === undefined || (typeof value === 'object' && value !== null)) {
          unresolved.push(part.expression);
          return `\${${part.expression}}`;
        }
        return String(value);
      })
      .join('');
  }

  /** The value of one expression, or undefined when it has none locally. */
  private expression(expression: string): unknown {
    const call = CALL.exec(expression);
    if (call) {
      const args = splitArguments(call[2]).map((arg) => this.argument(arg));
      return args.some((arg) => arg === undefined) ? undefined : callFunction(call[1], args);
    }
    if (!TRAVERSAL.test(expression)) return undefined;
    const steps = traversal(expression);
    const [head, first, second] = steps;
    let value: unknown;
    let rest: string[];
    if (head === 'var') {
      value = first in this.inputs ? this.inputs[first] : this.variableDefault(first);
      rest = steps.slice(2);
    } else if (head === 'local') {
      value = this.guarded(`local.${first}`, () => {
        const local = this.module.locals.get(first);
        return local === undefined ? undefined : this.strict(local.value);
      });
      rest = steps.slice(2);
    } else if (head === 'path') {
      value = first === 'module' ? this.module.dir : first === 'root' || first === 'cwd' ? this.rootDir : undefined;
      rest = steps.slice(2);
    } else if (head === 'data') {
      value = this.attribute(this.module.data, first, second, steps[3]);
      rest = steps.slice(4);
    } else {
      value = this.attribute(this.module.resources, head, first, second);
      rest = steps.slice(3);
    }
    for (const key of rest) value = step(value, key);
    return value ?? undefined;
  }

  /** A function's argument: a quoted string (a template itself), a number, or another expression. */
  private argument(text: string): unknown {
    if (/^"(?:[^"\\]|\\.)*"$/.test(text)) {
      const literal = JSON.parse(text) as string;
      const unresolved: string[] = [];
      const value = this.template(literal, unresolved);
      return unresolved.length > 0 ? undefined : value;
    }
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    return this.expression(text);
  }

  private variableDefault(name: string): unknown {
    const variable = this.module.variables.get(name);
    return variable === undefined ? undefined : this.strict(variable.body.default);
  }

  private attribute(blocks: readonly TfBlock[], type: string, name: string, attribute: string | undefined): unknown {
    const block = blocks.find((b) => b.type === type && b.name === name);
    if (block === undefined || attribute === undefined || !(attribute in block.body)) return undefined;
    return this.guarded(`${type}.${name}.${attribute}`, () => this.strict(block.body[attribute]));
  }

  /** A value only when all of it resolves: a part-resolved local is no value. */
  private strict(value: unknown): unknown {
    const { value: result, unresolved } = this.evaluate(value);
    return unresolved.length > 0 ? undefined : result;
  }

  private guarded(key: string, read: () => unknown): unknown {
    if (this.evaluating.has(key)) return undefined;
    this.evaluating.add(key);
    try {
      return read();
    } finally {
      this.evaluating.delete(key);
    }
  }
}

const CALL = /^([a-z]+)\(([\s\S]*)\)$/;

/** The arguments of a call, split at the commas outside quotes and brackets. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && '([{'.includes(c)) depth++;
    else if (!quoted && ')]}'.includes(c)) depth--;
    if (c === ',' && !quoted && depth === 0) {
      args.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim() !== '') args.push(current.trim());
  return args;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);

/** The string functions that are safe to evaluate locally; any other function has no value here. */
function callFunction(name: string, args: unknown[]): unknown {
  const [first, second, third] = args;
  switch (name) {
    case 'upper':
      return text(first)?.toUpperCase();
    case 'lower':
      return text(first)?.toLowerCase();
    case 'format': {
      const values = args.slice(1);
      const format = text(first);
      if (format === undefined) return undefined;
      let missing = false;
      const result = format.replace(/%%|%[sdv]/g, (verb) => {
        if (verb === '%%') return '%';
        const value = text(values.shift());
        if (value === undefined) missing = true;
        return value ?? '';
      });
      return missing ? undefined : result;
    }
    case 'join': {
      const separator = text(first);
      if (separator === undefined || !Array.isArray(second)) return undefined;
      const items = second.map(text);
      return items.some((item) => item === undefined) ? undefined : items.join(separator);
    }
    case 'lookup': {
      const key = text(second);
      if (typeof first !== 'object' || first === null || Array.isArray(first) || key === undefined) return undefined;
      return key in first ? (first as Record<string, unknown>)[key] : third;
    }
    default:
      return undefined;
  }
}

/** The address a `${type.name.attribute}` reference names ("aws_lambda_layer_version.shared"), when the text is only that. */
export function referencedAddress(value: unknown, type: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\$\{\s*([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\.[A-Za-z_][\w-]*)?\s*\}$/.exec(value);
  return match && match[1] === type ? match[2] : undefined;
}
