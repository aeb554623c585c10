import * as React from 'react';
import { strings } from '../loc/strings';
import { useNarrow } from '../hooks/useNarrow';
import { format } from './format';
import { useClassNames } from './useClassNames';

/** Props of {@link ScrollRegion}. */
export interface IScrollRegionProps {
  /** What the region holds, for screen readers (it is a landmark they can scroll). */
  label: string;
  children: React.ReactNode;
}

/**
 * Gives each body cell of the region's tables its column's heading (`data-label`, which the
 * stacked layout shows before the value) and, while stacked, explicit table roles: a table laid
 * out as blocks may lose its table semantics in some browsers, and the roles keep every value
 * announced with its column. Runs after every render, so rows added later are labelled too.
 */
function labelCells(region: HTMLElement, stacked: boolean): void {
  const tables: HTMLTableElement[] = Array.prototype.slice.call(region.querySelectorAll('table'));
  for (const table of tables) {
    const headRows: HTMLCollectionOf<HTMLTableRowElement> | undefined = table.tHead ? table.tHead.rows : undefined;
    const headRow: HTMLTableRowElement | undefined = headRows && headRows.length ? headRows[headRows.length - 1] : undefined;
    const headings: string[] = headRow ? Array.prototype.map.call(headRow.cells, (c: HTMLTableCellElement) => (c.textContent || '').trim()) as string[] : [];
    setRole(table, stacked ? 'table' : undefined);
    Array.prototype.forEach.call(table.rows, (row: HTMLTableRowElement) => {
      setRole(row, stacked ? 'row' : undefined);
      const inHead: boolean = row.parentElement !== null && row.parentElement.tagName === 'THEAD';
      Array.prototype.forEach.call(row.cells, (cell: HTMLTableCellElement, i: number) => {
        const header: boolean = cell.tagName === 'TH';
        setRole(cell, stacked ? (inHead ? 'columnheader' : header ? 'rowheader' : 'cell') : undefined);
        if (!inHead && !header && headings[i]) {
          cell.setAttribute('data-label', headings[i]);
        }
      });
    });
    Array.prototype.forEach.call(table.tBodies, (body: HTMLTableSectionElement) => setRole(body, stacked ? 'rowgroup' : undefined));
    if (table.tHead) {
      setRole(table.tHead, stacked ? 'rowgroup' : undefined);
    }
  }
}

function setRole(element: Element, role: string | undefined): void {
  if (role) {
    element.setAttribute('role', role);
  } else {
    element.removeAttribute('role');
  }
}

/**
 * Holds a table in the dashboard. In a container of 600 px or more the table keeps its columns
 * and, if still too wide, scrolls sideways inside the region (which takes keyboard focus so it can
 * be scrolled without a mouse). Below that — a Teams tab on a phone, a narrow column of a page —
 * each row becomes a stacked card, every value under its column's heading, so nothing has to be
 * squeezed letter by letter.
 */
export function ScrollRegion(props: IScrollRegionProps): JSX.Element {
  const classNames = useClassNames();
  const ref: React.RefObject<HTMLDivElement> = React.useRef<HTMLDivElement>(null);
  const stacked: boolean = useNarrow(ref);
  React.useLayoutEffect(() => {
    if (ref.current) {
      labelCells(ref.current, stacked);
    }
  });
  return (
    <div
      ref={ref}
      className={stacked ? `${classNames.scrollRegion} ${classNames.stacked}` : classNames.scrollRegion}
      role="region"
      aria-label={format(strings.ScrollableTable, props.label)}
      tabIndex={0}
      data-layout={stacked ? 'cards' : 'table'}
    >
      {props.children}
    </div>
  );
}

/** Props of {@link DataTable}. */
export interface IDataTableProps {
  /** What the table holds: the scrollable region's name, and the caption unless one is given. */
  label: string;
  /** The table's caption, when it says more than the label. */
  caption?: React.ReactNode;
  /** The caption is for screen readers only (a heading above already says it on screen). */
  hideCaption?: boolean;
  /** The column headings: the cells of the table's one heading row. */
  columns: React.ReactNode;
  /** The table's class, when it is not the dashboard's plain table (the risk matrix). */
  className?: string;
  /** The rows. */
  children: React.ReactNode;
}

/**
 * A table of the dashboard: a caption, one row of column headings and the rows, in a
 * {@link ScrollRegion} (so it scrolls by keyboard on a wide page and stacks as cards at phone
 * width, every value under its heading).
 */
export function DataTable(props: IDataTableProps): JSX.Element {
  const classNames = useClassNames();
  return (
    <ScrollRegion label={props.label}>
      <table className={props.className || classNames.table}>
        <caption className={props.hideCaption ? classNames.visuallyHidden : undefined}>{props.caption === undefined ? props.label : props.caption}</caption>
        <thead>
          <tr>{props.columns}</tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </ScrollRegion>
  );
}
