import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { listSavedEvents } from '../../core/events/savedEvents';
import type { SavedEvent } from '../../core/events/savedEvents';
import type { SampleEvent } from '../../core/events/types';
import { buildSampleEvent } from './eventParameters';
import { eventsSdk } from '../aws/sdk';

export interface EventChoice {
  readonly label: string;
  readonly json: string;
  readonly editor?: vscode.TextEditor;
}

export interface EventOptions {
  /** A catalogue id ("s3 put"), with optional parameters. */
  readonly eventId?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** The event as JSON text. */
  readonly payload?: string;
  /** What the result view calls `payload` (default "given payload"). */
  readonly payloadLabel?: string;
  /** The picker's title; default "Invoke <name> with which event?". */
  readonly title?: string;
}

export async function readSaved(saved: SavedEvent): Promise<EventChoice> {
  return { label: `saved: ${saved.name}`, json: await fs.readFile(saved.file, 'utf8') };
}

interface EventItem extends vscode.QuickPickItem {
  readonly choose?: () => Promise<EventChoice | undefined>;
}

/**
 * Picks the event to invoke with: the function's saved events first, then the active editor's JSON, then the
 * catalogue by trigger source, the function's own trigger sources first. Options given by a caller skip the picker.
 */
export async function chooseEvent(functionName: string, triggerServicesOf: () => Promise<string[]>, options: EventOptions): Promise<EventChoice | undefined> {
  if (options.payload !== undefined) return { label: options.payloadLabel ?? 'given payload', json: options.payload };
  if (options.eventId) {
    const event = eventsSdk().findEventById(options.eventId);
    return { label: options.eventId, json: JSON.stringify(eventsSdk().generateEvent(event, options.params ?? {}), null, 2) };
  }
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const saved = root ? await listSavedEvents(root, functionName).catch(() => []) : [];
  const triggerServices = await triggerServicesOf();
  const editor = vscode.window.activeTextEditor;
  const items: EventItem[] = [];
  if (saved.length) {
    items.push({ label: 'Saved test events', kind: vscode.QuickPickItemKind.Separator });
    items.push(...saved.map((s) => ({ label: `$(beaker) ${s.name}`, description: vscode.workspace.asRelativePath(s.file), choose: () => readSaved(s) })));
  }
  if (editor && editor.document.getText().trim()) {
    items.push({ label: 'Editor', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: '$(file-code) The JSON in the active editor',
      description: vscode.workspace.asRelativePath(editor.document.uri),
      choose: async () => ({ label: vscode.workspace.asRelativePath(editor.document.uri), json: editor.document.getText(), editor }),
    });
  }
  const groups = new Map<string, SampleEvent[]>();
  for (const event of eventsSdk().CATALOG) groups.set(event.group, [...(groups.get(event.group) ?? []), event]);
  const ownGroups = new Set(eventsSdk().CATALOG.filter((e) => triggerServices.includes(e.service)).map((e) => e.group));
  const ordered = [...groups].sort(([a], [b]) => Number(ownGroups.has(b)) - Number(ownGroups.has(a)) || a.localeCompare(b));
  for (const [group, events] of ordered) {
    items.push({ label: ownGroups.has(group) ? `${group} (a trigger of this function)` : group, kind: vscode.QuickPickItemKind.Separator });
    items.push(
      ...events.map((event) => ({
        label: event.title,
        description: eventsSdk().eventId(event),
        choose: async () => {
          const built = await buildSampleEvent(event);
          return built && { label: eventsSdk().eventId(event), json: built.json };
        },
      })),
    );
  }
  const choice = await vscode.window.showQuickPick(items, { title: options.title ?? `Invoke ${functionName} with which event?`, placeHolder: 'A saved event, the active editor, or a sample event', matchOnDescription: true });
  return choice?.choose?.();
}

