import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';

/**
 * The debug adapter of a Debug Local API session: the API has no threads of its own (each function's runtime is a
 * child session of the language's debugger), so it answers the protocol's lifecycle only. Ending the session stops
 * the API; the API stopping ends the session.
 */
export class ApiDebugAdapter implements vscode.DebugAdapter {
  private readonly sent = new vscode.EventEmitter<vscode.DebugProtocolMessage>();
  readonly onDidSendMessage = this.sent.event;
  private seq = 1;
  private ended = false;

  /** @param onEnd the user ended the session (Stop, Disconnect): stop the API. */
  constructor(private readonly onEnd: () => void) {}

  handleMessage(message: vscode.DebugProtocolMessage): void {
    const request = message as DebugProtocol.Request;
    if (request.type !== 'request') return;
    const body = request.command === 'initialize' ? { supportsConfigurationDoneRequest: true } : request.command === 'threads' ? { threads: [] } : undefined;
    this.send({ type: 'response', request_seq: request.seq, success: true, command: request.command, ...(body ? { body } : {}) });
    if (request.command === 'initialize') this.send({ type: 'event', event: 'initialized' });
    if (request.command === 'disconnect' || request.command === 'terminate') {
      this.ended = true;
      this.onEnd();
    }
  }

  /** The API stopped without the session asking: the session ends. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.send({ type: 'event', event: 'terminated' });
  }

  dispose(): void {
    this.sent.dispose();
  }

  private send(message: Omit<DebugProtocol.ProtocolMessage, 'seq'> & Record<string, unknown>): void {
    this.sent.fire({ ...message, seq: this.seq++ } as vscode.DebugProtocolMessage);
  }
}
