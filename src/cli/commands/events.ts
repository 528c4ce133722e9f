import { CATALOG, EventLookupError, eventId, findEvent, generateEvent, replacementOf, services } from '../../core/events/catalog';
import { eventSource } from '../../core/events/eventSource';
import { table } from '../io';
import type { CliIo } from '../io';

const USAGE = `Usage:
  serverless-explorer events list [--json]
  serverless-explorer events generate <service> <event> [--<parameter> <value> …]
  serverless-explorer events generate <service> <event> --help     (its parameters)`;

/** `events list` and `events generate`; parameters are per event, so this command parses its own arguments. */
export function eventsCommand(args: readonly string[], io: CliIo): number {
  const [sub, ...rest] = args;
  const wantsHelp = (a: readonly string[]) => a.includes('--help') || a.includes('-h');
  if (wantsHelp(sub === 'generate' ? rest.slice(0, 2) : args)) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (sub === 'list') return list(rest, io);
  if (sub === 'generate') return generate(rest, io);
  return usage(io, sub === undefined ? 'events needs list or generate.' : `unknown events command "${sub}".`);
}

function usage(io: CliIo, message: string): number {
  io.err(`serverless-explorer: ${message}\n${USAGE}\n`);
  return 2;
}

function list(args: readonly string[], io: CliIo): number {
  const json = args.includes('--json');
  const unknown = args.find((a) => a !== '--json');
  if (unknown) return usage(io, `unexpected argument "${unknown}" for events list.`);
  if (json) {
    const events = CATALOG.map((e) => {
      const { sam, eventBridge } = eventSource(e);
      return { id: eventId(e), service: e.service, event: e.event, title: e.title, group: e.group, source: { sam, ...(eventBridge && { eventBridge }) }, params: e.params };
    });
    io.out(`${JSON.stringify(events, null, 2)}\n`);
  } else {
    io.out(table([['EVENT', 'TRIGGER SOURCE', 'FORMAT FROM', 'TITLE'], ...CATALOG.map((e) => [eventId(e), e.group, eventSource(e).label, e.title])]));
    io.out(`${CATALOG.length} events for ${services().length} services. Generate one: serverless-explorer events generate s3 put --bucket my-bucket\n`);
  }
  return 0;
}

function generate(args: readonly string[], io: CliIo): number {
  const [service, event, ...rest] = args;
  if (!service || service.startsWith('-')) return usage(io, `events generate needs a service. Services: ${services().join(', ')}.`);
  let definition;
  try {
    if (!event || event.startsWith('-')) findEvent(service, '');
    definition = findEvent(service, event ?? '');
  } catch (error) {
    if (error instanceof EventLookupError) return usage(io, error.message.replace(/^Unknown event "" for/, 'events generate needs an event for'));
    throw error;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${eventId(definition)}: ${definition.title}\n\nParameters:\n`);
    io.out(table(definition.params.map((p) => [`  --${p.name}`, p.description, `(default: ${JSON.stringify(p.default)})`])));
    return 0;
  }
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) return usage(io, `unexpected argument "${arg}"; parameters are given as --name value.`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined) return usage(io, `--${name} needs a value.`);
    values[name] = value;
  }
  const replacement = replacementOf(definition);
  if (replacement) io.err(`serverless-explorer: "${eventId(definition)}" is now "${replacement}"; the old id keeps working.\n`);
  try {
    io.out(`${JSON.stringify(generateEvent(definition, values), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof EventLookupError) return usage(io, error.message);
    throw error;
  }
}
