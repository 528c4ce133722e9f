/** A parameter of a sample event: every value is a string (from a CLI flag or an input box); builders convert. */
export interface EventParam {
  readonly name: string;
  readonly description: string;
  readonly default: string;
}

/** What a builder may use besides its parameters: the clock and fresh ids, injectable for tests. */
export interface EventContext {
  readonly now: Date;
  uuid(): string;
}

export interface SampleEvent {
  /** First word of the id, as `sam local generate-event` names it where it has the event: `s3`, `apigateway`. */
  readonly service: string;
  /** Second word of the id: `put`, `aws-proxy`. */
  readonly event: string;
  readonly title: string;
  /** The trigger source it belongs to in pickers and the Sample Events view: "Amazon S3", "API Gateway". */
  readonly group: string;
  readonly params: readonly EventParam[];
  build(params: Readonly<Record<string, string>>, ctx: EventContext): unknown;
}

/**
 * Declares an event: `defineEvent<S3Event>()({ … })`. `T` is the event's type from @types/aws-lambda where it
 * has one, so a builder that drifts from the documented format fails to compile; the parameter names are
 * inferred from `params`, so a builder cannot use one that is not declared.
 */
export function defineEvent<T>() {
  return <P extends string>(definition: {
    service: string;
    event: string;
    title: string;
    group: string;
    params: Record<P, { default: string; description: string }>;
    build: (params: Readonly<Record<P, string>>, ctx: EventContext) => T;
  }): SampleEvent => ({
    service: definition.service,
    event: definition.event,
    title: definition.title,
    group: definition.group,
    params: Object.entries<{ default: string; description: string }>(definition.params).map(([name, spec]) => ({ name, ...spec })),
    build: definition.build as SampleEvent['build'],
  });
}
