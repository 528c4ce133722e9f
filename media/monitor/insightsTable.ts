// The Logs Insights result table: a header and virtualised rows (Insights returns up to 10,000), columns sized from
// their content, scrolled sideways together. Cells are text; a request id (Lambda's @requestId, a JSON log's requestId
// or function_request_id) is a link to that invocation in the Events mode.
import { el } from './dom';
import { VirtualList } from './virtualList';

const ROW_HEIGHT = 20;
const MAX_CELL_CHARS = 2000;
const REQUEST_ID_FIELDS = new Set(['@requestId', 'requestId', 'function_request_id', '@requestid', 'request_id']);
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InsightsTable {
  readonly element = el('div', 'insights-table');
  private readonly header = el('div', 'insights-header');
  private readonly headerRow = el('div', 'irow header-row');
  private readonly list: VirtualList;
  private fields: readonly string[] = [];
  private rows: readonly (readonly string[])[] = [];
  private requestIdColumns = new Set<number>();

  /** `onRequestId`: a request id cell was clicked. */
  constructor(onRequestId?: (requestId: string) => void) {
    this.list = new VirtualList({ className: 'insights-list', rowHeight: ROW_HEIGHT, render: (row, i) => this.renderRow(row, i), label: 'Logs Insights results' });
    this.header.append(this.headerRow);
    this.element.append(this.header, this.list.element);
    this.list.element.addEventListener('scroll', () => (this.header.scrollLeft = this.list.element.scrollLeft));
    this.list.element.addEventListener('click', (e) => {
      const link = (e.target as Element).closest<HTMLElement>('[data-request-id]');
      if (link?.dataset.requestId) onRequestId?.(link.dataset.requestId);
    });
  }

  show(fields: readonly string[], rows: readonly (readonly string[])[]): void {
    this.fields = fields;
    this.rows = rows;
    this.requestIdColumns = new Set(fields.flatMap((field, c) => (REQUEST_ID_FIELDS.has(field) ? [c] : [])));
    const widths = fields.map((field, c) => {
      let longest = field.length;
      for (let r = 0; r < rows.length && r < 500; r++) longest = Math.max(longest, rows[r][c]?.length ?? 0);
      return Math.min(Math.max(longest, 6), 80) + 2;
    });
    this.element.style.setProperty('--columns', widths.map((w) => `${w}ch`).join(' '));
    this.element.style.setProperty('--table-width', `${widths.reduce((a, b) => a + b, 0) + 2}ch`);
    this.headerRow.replaceChildren(...fields.map((field) => el('span', 'cell', field)));
    this.element.hidden = fields.length === 0;
    this.list.setCount(rows.length);
  }

  private renderRow(row: HTMLElement, index: number): void {
    row.className = 'irow';
    row.setAttribute('role', 'treeitem');
    const cells = this.rows[index] ?? [];
    row.replaceChildren(
      ...this.fields.map((_, c) => {
        const value = cells[c] ?? '';
        if (this.requestIdColumns.has(c) && REQUEST_ID.test(value)) {
          const link = el('button', 'cell request-link', value);
          link.type = 'button';
          link.tabIndex = -1;
          link.dataset.requestId = value;
          link.title = 'Show this invocation in Events (its lines and, when it logged its event, Replay)';
          return link;
        }
        const node = el('span', 'cell', value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS)}…` : value);
        if (value.length > 20) node.title = value.slice(0, MAX_CELL_CHARS);
        return node;
      }),
    );
  }
}
