import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { LabelledSection } from './LabelledSection';
import { Button } from './Button';
import type { IDeleteRequest } from './DeletePanel';
import { type IRowAction, RowActions } from './RowActions';
import { DataTable } from './ScrollRegion';
import { useClassNames } from './useClassNames';

/** A row's actions as {@link RowActions} offers them. */
export interface IItemRowActions {
  /** The row as people refer to it: the menu button's name says which row. */
  rowLabel: string;
  actions: IRowAction[];
  /** Lets the view put focus back on the row's button after the row moved. */
  focusKey?: string;
}

/** A row's "Delete", asked first (the delete panel), its name saying which item. */
export function deleteAction(request: IDeleteRequest, ariaLabel: string, onDelete: (request: IDeleteRequest) => void): IRowAction {
  return { key: 'delete', text: strings.Delete, ariaLabel, onClick: () => onDelete(request) };
}

/** Props of {@link NumberedItemsSection}. */
export interface INumberedItemsSectionProps<T extends { id: number; number?: string }> {
  /** The section's heading, and the table's name. */
  heading: string;
  /** The heading's id prefix ({@link useUniqueId}). */
  idPrefix: string;
  /** The table's caption, for screen readers (the heading says it on screen). */
  caption: string;
  /** Said instead of the table when there are no items. */
  empty: string;
  /** The items, in the report's order. */
  items: T[];
  /** The column headings after the number's (the actions' heading is added when there are actions). */
  columns: React.ReactNode;
  /** An item's cells after its number. */
  cells: (item: T, index: number) => React.ReactNode;
  /** An item's actions in one "More actions" menu; no column of actions when undefined. */
  actions?: (item: T, index: number) => IItemRowActions;
  /** The button that adds an item, when the user's rights allow. */
  add?: { text: string; onClick: () => void };
}

/**
 * A section of a workstream's report that lists numbered items (milestones, risks): its heading,
 * then the items as a {@link DataTable} — their number, their own cells, and a row's actions in
 * one menu where the user's rights allow any — or words saying there are none; and the button
 * that adds one.
 */
export function NumberedItemsSection<T extends { id: number; number?: string }>(props: INumberedItemsSectionProps<T>): JSX.Element {
  const classNames = useClassNames();
  const { heading, items, actions, add } = props;
  return (
    <LabelledSection idPrefix={props.idPrefix} heading={heading}>
      {items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <DataTable
          label={heading}
          caption={props.caption}
          hideCaption
          columns={
            <>
              <th scope="col" className={classNames.numberCell}>
                {strings.NumberColumn}
              </th>
              {props.columns}
              {actions ? <th scope="col">{strings.ActionsColumn}</th> : undefined}
            </>
          }
        >
          {items.map((item, i) => {
            const row: IItemRowActions | undefined = actions ? actions(item, i) : undefined;
            return (
              <tr key={item.id}>
                <td className={classNames.numberCell}>{item.number}</td>
                {props.cells(item, i)}
                {row ? (
                  <td className={classNames.actionsCell}>
                    <RowActions rowLabel={row.rowLabel} actions={row.actions} focusKey={row.focusKey} />
                  </td>
                ) : undefined}
              </tr>
            );
          })}
        </DataTable>
      )}
      {add ? <Button text={add.text} onClick={add.onClick} style={{ marginTop: 8 }} /> : undefined}
    </LabelledSection>
  );
}
