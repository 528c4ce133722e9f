import * as vscode from 'vscode';
import type { SampleEvent } from '../../core/events/types';
import { CONTEXT_VALUE } from './contextValues';
import { eventsSdk } from '../aws/sdk';

export class TriggerSourceItem extends vscode.TreeItem {
  override readonly contextValue = CONTEXT_VALUE.triggerSource;

  constructor(
    readonly group: string,
    readonly events: readonly SampleEvent[],
  ) {
    super(group, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `group:${group}`;
    this.description = `${events.length}`;
    this.iconPath = new vscode.ThemeIcon('folder-library');
  }
}

export class SampleEventItem extends vscode.TreeItem {
  override readonly contextValue = CONTEXT_VALUE.sampleEvent;

  constructor(
    readonly eventId: string,
    readonly event: SampleEvent,
  ) {
    super(event.title, vscode.TreeItemCollapsibleState.None);
    this.id = `event:${eventId}`;
    this.description = eventId;
    this.tooltip = `${eventId}\n${event.title}${event.params.length ? `\nParameters: ${event.params.map((p) => p.name).join(', ')}` : ''}`;
    this.iconPath = new vscode.ThemeIcon('json');
    this.command = { title: 'Open Sample Event', command: 'serverlessExplorer.openSampleEvent', arguments: [eventId] };
  }
}

/** The `serverlessExplorer.events` view: trigger sources → their sample events. */
export class SampleEventsTree implements vscode.TreeDataProvider<vscode.TreeItem> {
  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(item?: vscode.TreeItem): vscode.TreeItem[] {
    if (item instanceof TriggerSourceItem) return item.events.map((e) => new SampleEventItem(eventsSdk().eventId(e), e));
    if (item) return [];
    const groups = new Map<string, SampleEvent[]>();
    for (const event of eventsSdk().CATALOG) groups.set(event.group, [...(groups.get(event.group) ?? []), event]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, events]) => new TriggerSourceItem(group, events));
  }
}
