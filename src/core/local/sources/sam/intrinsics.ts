// Resolving CloudFormation intrinsic functions with the values a local run has.

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ Ref: … }` or `{ 'Fn::…': … }`. */
export function isIntrinsic(value: unknown): value is Json {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** `!Ref AWS::NoValue`: the property is left out. */
const NO_VALUE = Symbol('AWS::NoValue');

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '123456789012';
export const LOCAL_STACK_NAME = 'local';

const PSEUDO_PARAMETERS: Readonly<Record<string, unknown>> = {
  'AWS::Region': LOCAL_REGION,
  'AWS::AccountId': LOCAL_ACCOUNT_ID,
  'AWS::StackName': LOCAL_STACK_NAME,
  'AWS::StackId': `arn:aws:cloudformation:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stack/${LOCAL_STACK_NAME}/00000000-0000-0000-0000-000000000000`,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::NotificationARNs': [],
  'AWS::NoValue': NO_VALUE,
};

const MAX_DEPTH = 64;

/** A value as text: lists joined with commas, objects as JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(',');
  if (value === undefined || value === null || value === NO_VALUE) return '';
  return JSON.stringify(value);
}

function canonical(value: unknown): string {
  return Array.isArray(value) ? JSON.stringify(value.map(canonical)) : asText(value);
}

/**
 * Resolves intrinsic functions with the values a local run has: parameter defaults, a local region, account and
 * stack name, mappings and conditions. What only exists once deployed becomes a readable placeholder ("${Table.Arn}")
 * and is recorded in `missing`.
 */
export class Resolver {
  private readonly parameters: Json;
  private readonly mappings: Json;
  private readonly conditions: Json;
  private readonly conditionValues = new Map<string, boolean | undefined>();

  constructor(template: Json) {
    this.parameters = isRecord(template.Parameters) ? template.Parameters : {};
    this.mappings = isRecord(template.Mappings) ? template.Mappings : {};
    this.conditions = isRecord(template.Conditions) ? template.Conditions : {};
  }

  resolve(value: unknown): { value: unknown; missing: string[] } {
    const missing: string[] = [];
    return { value: this.walk(value, missing, 0), missing };
  }

  private walk(value: unknown, missing: string[], depth: number): unknown {
    if (depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) return value.map((v) => this.walk(v, missing, depth + 1)).filter((v) => v !== NO_VALUE);
    if (!isRecord(value)) return value;
    if (isIntrinsic(value)) {
      const [name, argument] = Object.entries(value)[0];
      return this.intrinsic(name, argument, missing, depth + 1);
    }
    const out: Json = {};
    for (const [key, v] of Object.entries(value)) {
      const resolved = this.walk(v, missing, depth + 1);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }

  private placeholder(text: string, missing: string[]): string {
    missing.push(text);
    return `\${${text}}`;
  }

  private ref(name: string, missing: string[]): unknown {
    if (name in PSEUDO_PARAMETERS) return PSEUDO_PARAMETERS[name];
    const parameter = this.parameters[name];
    if (isRecord(parameter)) {
      const type = typeof parameter.Type === 'string' ? parameter.Type : 'String';
      // An SSM parameter's Default is the parameter's name, not its value.
      if (parameter.Default === undefined || parameter.Default === null || type.startsWith('AWS::SSM::Parameter::Value<')) {
        return this.placeholder(name, missing);
      }
      const value = parameter.Default;
      if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof value === 'string') {
        return value.split(',').map((item) => item.trim());
      }
      if (type === 'Number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      return value;
    }
    // A resource: its physical id exists once deployed.
    return this.placeholder(name, missing);
  }

  private intrinsic(name: string, argument: unknown, missing: string[], depth: number): unknown {
    const arg = (value: unknown): unknown => this.walk(value, missing, depth + 1);
    const list = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Ref':
        return this.ref(asText(arg(argument)), missing);
      case 'Fn::Sub': {
        const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
        const values = isRecord(variables) ? variables : {};
        return asText(arg(template)).replace(/\$\{([^}]*)\}/g, (_match, variable: string) => {
          if (variable.startsWith('!')) return `\${${variable.slice(1)}}`;
          if (variable in values) return asText(arg(values[variable]));
          if (variable.includes('.')) return this.placeholder(variable, missing);
          return asText(this.ref(variable, missing));
        });
      }
      case 'Fn::GetAtt': {
        const parts = typeof argument === 'string' ? argument.split(/\.(.*)/s, 2) : list.map((part) => asText(arg(part)));
        return this.placeholder(parts.filter((part) => part !== '').join('.'), missing);
      }
      case 'Fn::Join': {
        const [delimiter, items] = list;
        const resolved = arg(items);
        return Array.isArray(resolved) ? resolved.map(asText).join(asText(delimiter)) : this.placeholder('Join', missing);
      }
      case 'Fn::Select': {
        const index = Number(asText(arg(list[0])));
        const items = arg(list[1]);
        return Array.isArray(items) && Number.isInteger(index) && index >= 0 && index < items.length
          ? items[index]
          : this.placeholder('Select', missing);
      }
      case 'Fn::Split': {
        const [delimiter, source] = list;
        const before = missing.length;
        const text = arg(source);
        return typeof text === 'string' && missing.length === before ? text.split(asText(delimiter)) : this.placeholder('Split', missing);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = list.slice(0, 3).map((key) => asText(arg(key)));
        const options = list[3];
        const table = this.mappings[map];
        const row = isRecord(table) ? table[top] : undefined;
        const found = isRecord(row) ? row[second] : undefined;
        if (found !== undefined) return arg(found);
        if (isRecord(options) && 'DefaultValue' in options) return arg(options.DefaultValue);
        return this.placeholder(`FindInMap:${map}.${top}.${second}`, missing);
      }
      case 'Fn::ImportValue':
        return this.placeholder(`ImportValue:${asText(arg(argument))}`, missing);
      case 'Fn::Base64': {
        const before = missing.length;
        const text = asText(arg(argument));
        return missing.length === before ? Buffer.from(text, 'utf8').toString('base64') : this.placeholder(`Base64:${text}`, missing);
      }
      case 'Fn::GetAZs':
        return this.placeholder('GetAZs', missing);
      case 'Fn::Cidr':
        return this.placeholder('Cidr', missing);
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = list;
        const holds = this.condition(asText(condition), new Set());
        if (holds === undefined) return this.placeholder(`If:${asText(condition)}`, missing);
        return arg(holds ? whenTrue : whenFalse);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': {
        const holds = this.evaluate({ [name]: argument }, new Set());
        return holds === undefined ? this.placeholder(name.slice(4), missing) : holds;
      }
      case 'Fn::Transform': {
        const transform = isRecord(argument) ? asText(argument.Name) : '';
        return this.placeholder(transform ? `Transform:${transform}` : 'Transform', missing);
      }
      case 'Fn::ToJsonString': {
        const resolved = arg(argument);
        return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
      }
      case 'Fn::Length': {
        const resolved = arg(argument);
        return Array.isArray(resolved) ? resolved.length : this.placeholder('Length', missing);
      }
      default:
        return this.placeholder(name, missing);
    }
  }

  /** A named condition from the Conditions section; undefined when it depends on something unknown locally. */
  private condition(name: string, seen: Set<string>): boolean | undefined {
    if (this.conditionValues.has(name)) return this.conditionValues.get(name);
    if (seen.has(name) || !(name in this.conditions)) return undefined;
    seen.add(name);
    const value = this.evaluate(this.conditions[name], seen);
    this.conditionValues.set(name, value);
    return value;
  }

  private evaluate(expression: unknown, seen: Set<string>): boolean | undefined {
    if (typeof expression === 'boolean') return expression;
    if (!isRecord(expression) || Object.keys(expression).length !== 1) return undefined;
    const [name, argument] = Object.entries(expression)[0];
    const list = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Condition':
        return this.condition(asText(argument), seen);
      case 'Fn::Equals': {
        const { value, missing } = this.resolve(list);
        return missing.length > 0 || !Array.isArray(value) || value.length !== 2 ? undefined : canonical(value[0]) === canonical(value[1]);
      }
      case 'Fn::Not': {
        const inner = this.evaluate(list[0], seen);
        return inner === undefined ? undefined : !inner;
      }
      case 'Fn::And': {
        const values = list.map((item) => this.evaluate(item, seen));
        return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
      }
      case 'Fn::Or': {
        const values = list.map((item) => this.evaluate(item, seen));
        return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
      }
      default:
        return undefined;
    }
  }
}

