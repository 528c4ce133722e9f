import type * as vscode from 'vscode';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments are whatever the caller passes
export type CommandHandler = (...args: any[]) => unknown;

/**
 * The handlers of the commands the shell registered at activation: a feature, loaded on first use, registers its
 * handlers here (deps.commands.register), the one way every command gets its implementation.
 */
export class CommandHandlers {
  private readonly handlers = new Map<string, CommandHandler>();

  register(id: string, handler: CommandHandler): vscode.Disposable {
    if (this.handlers.has(id)) throw new Error(`${id} has a handler already`);
    this.handlers.set(id, handler);
    return { dispose: () => this.handlers.delete(id) };
  }

  get(id: string): CommandHandler | undefined {
    return this.handlers.get(id);
  }
}
