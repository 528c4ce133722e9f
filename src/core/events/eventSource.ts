import { SAM_EVENT_IDS } from './samEventIds';
import type { EventContext, SampleEvent } from './types';

/** Where an event's format comes from, for `events list` and the Sample Events view. */
export interface EventSource {
  /** The same id `sam local generate-event <service> <event>` has. */
  readonly sam: boolean;
  /** An event an AWS service sends through EventBridge: its `source` and `detail-type`. */
  readonly eventBridge?: { readonly source: string; readonly detailType: string };
  /** Short: "SAM CLI", "EventBridge: aws.codebuild", "SAM CLI, EventBridge: aws.events", or "AWS docs" (a format AWS documents). */
  readonly label: string;
}

// The source and detail-type do not depend on parameters or the clock, so any context will do.
const PROBE: EventContext = { now: new Date(0), uuid: () => '00000000-0000-4000-8000-000000000000' };
const known = new WeakMap<SampleEvent, EventSource>();

export function eventSource(event: SampleEvent): EventSource {
  let source = known.get(event);
  if (!source) {
    source = sourceOf(event);
    known.set(event, source);
  }
  return source;
}

function sourceOf(event: SampleEvent): EventSource {
  const sam = SAM_EVENT_IDS.has(`${event.service} ${event.event}`);
  const eventBridge = eventBridgeOrigin(buildWithDefaults(event));
  const labels = [sam ? 'SAM CLI' : '', eventBridge ? `EventBridge: ${eventBridge.source}` : ''].filter(Boolean);
  return { sam, ...(eventBridge && { eventBridge }), label: labels.length ? labels.join(', ') : 'AWS docs' };
}

function buildWithDefaults(event: SampleEvent): unknown {
  const params: Record<string, string> = {};
  for (const p of event.params) params[p.name] = p.default;
  return event.build(params, PROBE);
}

/** An AWS service's own event: `source` "aws.<service>" (custom events cannot use the aws. prefix) and a `detail-type`. */
function eventBridgeOrigin(built: unknown): EventSource['eventBridge'] {
  if (built === null || typeof built !== 'object') return undefined;
  const { source, 'detail-type': detailType } = built as Record<string, unknown>;
  if (typeof source !== 'string' || !source.startsWith('aws.') || typeof detailType !== 'string') return undefined;
  return { source, detailType };
}
