import * as vscode from 'vscode';
import type { SampleEvent } from '../../core/events/types';
import { eventsSdk } from '../aws/sdk';

interface ParamItem extends vscode.QuickPickItem {
  readonly param?: string;
}

/**
 * Asks for a sample event's parameters in one picker: Enter creates it with the values shown (the defaults
 * unless changed); picking a parameter edits it. Resolves with the event's JSON text, or undefined if cancelled.
 */
export async function buildSampleEvent(event: SampleEvent, initial: Readonly<Record<string, string>> = {}): Promise<{ json: string; values: Record<string, string> } | undefined> {
  const { eventId, generateEvent } = eventsSdk();
  const values: Record<string, string> = Object.fromEntries(event.params.map((p) => [p.name, initial[p.name] ?? p.default]));
  const title = `${eventId(event)} — ${event.title}`;
  for (;;) {
    if (event.params.length > 0) {
      const create: ParamItem = { label: '$(check) Create the event', description: 'with the values below' };
      const items: ParamItem[] = [
        create,
        { label: 'Parameters: pick one to change it', kind: vscode.QuickPickItemKind.Separator },
        ...event.params.map((p) => ({ label: p.name, description: values[p.name] || '(empty)', detail: p.description, param: p.name })),
      ];
      const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Enter creates the event; pick a parameter to change it', matchOnDetail: true });
      if (!picked) return undefined;
      if (picked.param) {
        const spec = event.params.find((p) => p.name === picked.param)!;
        const value = await vscode.window.showInputBox({ title: `${title}: ${spec.name}`, prompt: `${spec.description} (default: ${spec.default})`, value: values[spec.name] });
        if (value !== undefined) values[spec.name] = value;
        continue;
      }
    }
    try {
      return { json: JSON.stringify(generateEvent(event, values), null, 2), values };
    } catch (error) {
      // A value the event cannot use (a size that is not a number, a step that does not exist…): say so and ask again.
      void vscode.window.showErrorMessage((error as Error).message);
      if (event.params.length === 0) return undefined;
    }
  }
}

/** Opens JSON in a new, unsaved editor named after the event (s3-put.json, s3-put-2.json…). */
export async function openJsonEditor(baseName: string, json: string): Promise<vscode.TextEditor> {
  const taken = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  let uri = vscode.Uri.from({ scheme: 'untitled', path: `${baseName}.json` });
  for (let i = 2; taken.has(uri.toString()); i++) uri = vscode.Uri.from({ scheme: 'untitled', path: `${baseName}-${i}.json` });
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), json));
  if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
  return editor;
}
