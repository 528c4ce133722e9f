// The Logs tab: an Events mode (FilterLogEvents, live tail, invocations) and a Logs Insights mode, switched by a
// two-button control that sits at the start of the active mode's toolbar.
import { el } from './dom';
import { createEventsView } from './eventsView';
import { createInsightsView } from './insightsView';
import type { PageContext, TabController } from './tab';

type Mode = 'events' | 'insights';

export function createLogsTab(ctx: PageContext): TabController {
  const events = createEventsView(ctx);
  // A request id in a Lambda function's Insights results opens that invocation in Events, where its event's actions are.
  const showInvocation = (requestId: string) => {
    setMode('events', false);
    events.reveal(requestId);
  };
  const insights = createInsightsView(ctx, ctx.init.groupInvocations ? showInvocation : undefined);
  const element = el('section', 'logs-tab');
  element.append(events.element, insights.element);

  const modeSwitch = el('span', 'mode-switch');
  modeSwitch.setAttribute('role', 'group');
  modeSwitch.setAttribute('aria-label', 'Logs view');
  const modeButton = (mode: Mode, label: string) => {
    const node = el('button', 'mode', label);
    node.type = 'button';
    node.id = `mode-${mode}`;
    node.addEventListener('click', () => setMode(mode));
    modeSwitch.append(node);
    return node;
  };
  const buttons = { events: modeButton('events', 'Events'), insights: modeButton('insights', 'Logs Insights') };
  let mode: Mode = 'events';

  function setMode(next: Mode, byUser = true): void {
    mode = next;
    for (const [m, node] of Object.entries(buttons)) node.setAttribute('aria-pressed', String(m === next));
    events.element.hidden = next !== 'events';
    insights.element.hidden = next !== 'insights';
    (next === 'events' ? events.modeSlot : insights.modeSlot).append(modeSwitch);
    if (next === 'events' && byUser) events.activate();
  }
  setMode('events', false);

  const visible = () => element.checkVisibility();

  return {
    element,
    activate() {
      if (mode === 'events') events.activate();
    },
    rangeChanged() {
      events.rangeChanged(mode === 'events' && visible());
      insights.rangeChanged();
    },
    handle(message) {
      switch (message.type) {
        case 'logSource':
        case 'logs':
        case 'logsError':
        case 'tailEvents':
        case 'tailState':
          events.handle(message);
          break;
        case 'insightsStatus':
        case 'insightsResult':
        case 'insightsError':
          insights.handle(message);
          break;
      }
    },
  };
}
