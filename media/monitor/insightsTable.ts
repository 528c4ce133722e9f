// The Logs Insights result table: a header and virtualised rows (Insights returns up to 10,000), columns sized from
// their content, scrolled sideways together. Cells are text.
import { el } from './dom';
import { VirtualList } from './virtualList';

const ROW_HEIGHT = 20;
const MAX_CELL_CHARS = 2000;

export class InsightsTable {
  readonly element = el('div', 'insights-table');
  private readonly header = el('div', 'insights-header');
  private readonly headerRow = el('div', 'irow header-row');
  private readonly list: VirtualList;
  private fields: readonly string[] = [];
  private rows: readonly (readonly string[])[] = [];

  constructor() {
    this.list = new VirtualList({ className: 'insights-list', rowHeight: ROW_HEIGHT, render: (row, i) => this.renderRow(row, i), label: 'Logs Insights results' });
    this.header.append(this.headerRow);
    this.element.append(this.header, this.list.element);
    this.list.element.addEventListener('scroll', () => (this.header.scrollLeft = this.list.element.scrollLeft));
  }

  show(fields: readonly string[], rows: readonly (readonly string[])[]): void {
    this.fields = fields;
    this.rows = rows;
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
        const node = el('span', 'cell', value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS)}…` : value);
        if (value.length > 20) node.title = value.slice(0, MAX_CELL_CHARS);
        return node;
      }),
    );
  }
}
