// The event each invocation logged (core/logs/loggedEvent.ts), found once per invocation and found again only when
// the invocation gained lines (a live tail or a later batch may bring the line that carries it).
import type { LambdaInvocation } from '../../src/core/logs/lambdaLogs';
import { findLoggedEvent, type LoggedEvent } from '../../src/core/logs/loggedEvent';

export class LoggedEvents {
  private cache = new WeakMap<LambdaInvocation, { readonly lines: number; readonly logged: LoggedEvent | undefined }>();

  of(invocation: LambdaInvocation): LoggedEvent | undefined {
    const cached = this.cache.get(invocation);
    if (cached && cached.lines === invocation.lines.length) return cached.logged;
    const logged = findLoggedEvent(invocation);
    this.cache.set(invocation, { lines: invocation.lines.length, logged });
    return logged;
  }

  clear(): void {
    this.cache = new WeakMap();
  }
}
