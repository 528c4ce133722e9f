import type { EventBridgeEvent } from 'aws-lambda';
import { ACCOUNT, REGION, isoSeconds } from '../../helpers';
import type { EventContext } from '../../types';

export const GROUP = 'Amazon EventBridge';
export const WHERE = { region: REGION, account: ACCOUNT };

export type Where = Readonly<Record<keyof typeof WHERE, string>>;

/** The envelope every EventBridge event shares, fields in the order AWS writes them. */
export function envelope<T extends string, D>(p: Where, ctx: EventContext, source: string, detailType: T, resources: string[], detail: D): EventBridgeEvent<T, D> {
  return { version: '0', id: ctx.uuid(), 'detail-type': detailType, source, account: p.account, time: isoSeconds(ctx.now), region: p.region, resources, detail };
}

/** A parameter that must be one of the given values, or a TypeError naming them. */
export function oneOf<C extends string>(name: string, value: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(value)) throw new TypeError(`Parameter ${name} must be one of ${choices.join(', ')}, not "${value}".`);
  return value as C;
}

export function secondsBefore(now: Date, seconds: number): Date {
  return new Date(now.getTime() - seconds * 1000);
}

/** An EC2 private DNS suffix: ec2.internal in us-east-1, <region>.compute.internal elsewhere. */
export function internalDns(region: string, ip: string): string {
  return `ip-${ip.replace(/\./g, '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`;
}
