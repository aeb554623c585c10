import * as React from 'react';
import { strings } from '../loc/strings';
import { type IButton, IconButton } from '@fluentui/react/lib/Button';
import type { IContextualMenuItem } from '@fluentui/react/lib/ContextualMenu';
import { format } from './format';

/** One thing that can be done to a table row. */
export interface IRowAction {
  key: string;
  /** The menu item's words ("Edit", "Move up"). */
  text: string;
  /** What a screen reader hears for the item, naming the row ("Edit: milestone 3 (…)"). */
  ariaLabel: string;
  onClick: () => void;
  disabled?: boolean;
}

/** Props of {@link RowActions}. */
export interface IRowActionsProps {
  /** The row as people refer to it ("milestone 3 (Launch the hub)"): the button's name says which row. */
  rowLabel: string;
  actions: IRowAction[];
  /** Lets a view put focus back on this row's button after the row moved (see WorkstreamView). */
  focusKey?: string;
}

/**
 * A row's actions behind one "More actions" button, so that a row of a table (or a stacked
 * card at phone width) carries one control instead of a column of buttons. Fluent's menu gives
 * the keyboard behaviour (Enter, Space or Down opens it, arrows move, Escape closes and returns
 * focus to the button); unavailable actions stay listed, disabled, so the menu's shape does not
 * change from row to row. Renders nothing when the row has no actions.
 */
export function RowActions(props: IRowActionsProps): JSX.Element | null {
  const button: React.MutableRefObject<IButton | null> = React.useRef<IButton | null>(null);
  if (props.actions.length === 0) {
    return null;
  }
  const label: string = format(strings.RowActionsAria, props.rowLabel);
  const items: IContextualMenuItem[] = props.actions.map((a) => ({
    key: a.key,
    text: a.text,
    ariaLabel: a.ariaLabel,
    disabled: a.disabled,
    onClick: () => {
      // Focus the row's button first: a panel the action opens remembers the focused element
      // to return to, and the menu item is gone once the menu closes.
      if (button.current) {
        button.current.focus();
      }
      a.onClick();
    }
  }));
  return (
    <IconButton
      componentRef={(b: IButton | null) => {
        button.current = b;
      }}
      iconProps={{ iconName: 'More' }}
      ariaLabel={label}
      title={label}
      menuProps={{ items, ariaLabel: label, shouldFocusOnMount: true }}
      onRenderMenuIcon={() => null}
      data-focus-key={props.focusKey}
    />
  );
}
