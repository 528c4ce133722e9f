/** One CloudWatch log event, as FilterLogEvents / GetLogEvents return it: what core hands on and the Monitor page receives. */
export interface LogEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly logStreamName?: string;
  readonly eventId?: string;
}
