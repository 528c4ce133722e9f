import { randomUUID } from 'node:crypto';
import { autoscalingEvents } from './services/autoscaling';
import { clientvpnEvents } from './services/clientvpn';
import { FIREHOSE_REPLACEMENTS, retiredFirehoseEvents } from './services/firehose';
import { platformEvents } from './services/platform';
import { s3Events } from './services/s3';
import { s3LifecycleEvents } from './services/s3Lifecycle';
import { sqsEvents } from './services/sqs';
import { streamEvents } from './services/streams';
import { transferEvents } from './services/transfer';
import { webEvents } from './services/web';
import { workloadEvents } from './services/workloads';
import type { EventContext, SampleEvent } from './types';

/** Every sample event, sorted by group, then id. */
export const CATALOG: readonly SampleEvent[] = [...s3Events, ...s3LifecycleEvents, ...sqsEvents, ...webEvents, ...streamEvents, ...platformEvents, ...autoscalingEvents, ...transferEvents, ...workloadEvents, ...clientvpnEvents].sort(
  (a, b) => a.group.localeCompare(b.group) || eventId(a).localeCompare(eventId(b)),
);

/** Events kept under an id that was renamed: found by findEvent, never listed. */
const RETIRED: readonly SampleEvent[] = [...retiredFirehoseEvents];
const REPLACED_BY: Readonly<Record<string, string>> = { ...FIREHOSE_REPLACEMENTS };

/** The id that replaced a retired event's, or undefined for a current event. */
export function replacementOf(event: Pick<SampleEvent, 'service' | 'event'>): string | undefined {
  return REPLACED_BY[eventId(event)];
}

export function eventId(event: Pick<SampleEvent, 'service' | 'event'>): string {
  return `${event.service} ${event.event}`;
}

/** A request the user must correct; `choices` are the valid values, for the message and for completion. */
export class EventLookupError extends Error {
  override readonly name = 'EventLookupError';
  constructor(
    message: string,
    readonly choices: readonly string[],
  ) {
    super(message);
  }
}

export function services(): string[] {
  return [...new Set(CATALOG.map((e) => e.service))].sort();
}

export function findEvent(service: string, event: string): SampleEvent {
  const ofService = CATALOG.filter((e) => e.service === service);
  if (ofService.length === 0) {
    throw new EventLookupError(`Unknown service "${service}". Services: ${services().join(', ')}.`, services());
  }
  const found = ofService.find((e) => e.event === event) ?? RETIRED.find((e) => e.service === service && e.event === event);
  if (!found) {
    const events = ofService.map((e) => e.event);
    throw new EventLookupError(`Unknown event "${event}" for ${service}. Events: ${events.join(', ')}.`, events);
  }
  return found;
}

/** Finds an event by its id, "s3 put". */
export function findEventById(id: string): SampleEvent {
  const [service = '', ...rest] = id.trim().split(/\s+/);
  return findEvent(service, rest.join(' '));
}

export function defaultContext(): EventContext {
  return { now: new Date(), uuid: randomUUID };
}

/**
 * Builds an event with the given parameters (the rest take their defaults).
 * An unknown parameter, or a value a builder cannot use, throws EventLookupError naming the valid ones.
 */
export function generateEvent(event: SampleEvent, values: Readonly<Record<string, string>> = {}, ctx: EventContext = defaultContext()): unknown {
  const names = event.params.map((p) => p.name);
  for (const name of Object.keys(values)) {
    if (!names.includes(name)) {
      throw new EventLookupError(
        `"${eventId(event)}" has no parameter "${name}". Parameters: ${names.length ? names.join(', ') : '(none)'}.`,
        names,
      );
    }
  }
  const params: Record<string, string> = {};
  for (const p of event.params) params[p.name] = values[p.name] ?? p.default;
  try {
    return event.build(params, ctx);
  } catch (error) {
    if (error instanceof TypeError) throw new EventLookupError(error.message, names);
    throw error;
  }
}
