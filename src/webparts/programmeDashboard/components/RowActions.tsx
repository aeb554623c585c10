import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { FontIcon } from '@fluentui/react/lib/Icon';
import type { IContextualMenuItem } from '@fluentui/react/lib/ContextualMenu';
import { format } from './format';
import { loadControls } from './lazy';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

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

type Controls = typeof import('./fluentControls');

/**
 * A row's actions behind one "More actions" button, so that a row of a table (or a stacked
 * card at phone width) carries one control instead of a column of buttons. The button is a
 * native one that says it opens a menu (aria-haspopup, aria-expanded); the menu is Fluent's
 * ContextualMenu, fetched with Fluent's other heavy controls after the view is on screen (or on
 * first open, if it has not come yet), so the first load does not carry it. Fluent's menu gives
 * the keyboard behaviour: Enter, Space or Down opens it with focus on its first item, arrows move,
 * Escape closes it and focus returns to the button. Unavailable actions stay listed, disabled,
 * so the menu's shape does not change from row to row. Renders nothing when the row has no actions.
 */
export function RowActions(props: IRowActionsProps): JSX.Element | null {
  const classNames = useClassNames();
  const button: React.RefObject<HTMLButtonElement> = React.useRef<HTMLButtonElement>(null);
  const [open, setOpen] = React.useState<boolean>(false);
  const [controls, setControls] = React.useState<Controls | undefined>(undefined);
  const [failed, setFailed] = React.useState<boolean>(false);
  const failedId: string = useUniqueId('ph-row-actions-failed');
  const mounted: React.MutableRefObject<boolean> = React.useRef<boolean>(true);
  const restoreFocus: React.MutableRefObject<boolean> = React.useRef<boolean>(false);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  React.useEffect(() => {
    // Once the menu has gone: focus back to the button, unless it went somewhere on purpose
    // (a click elsewhere on the page, a panel an action opened).
    if (!open && restoreFocus.current) {
      restoreFocus.current = false;
      const active: Element | null = document.activeElement;
      if (button.current && (!active || active === document.body)) {
        button.current.focus();
      }
    }
  }, [open]);
  if (props.actions.length === 0) {
    return null;
  }
  const label: string = format(strings.RowActionsAria, props.rowLabel);
  const show = (): void => {
    setFailed(false);
    setOpen(true);
    if (!controls) {
      loadControls()
        .then((c) => {
          if (mounted.current) {
            setControls(c);
          }
        })
        .catch(() => {
          if (mounted.current) {
            setOpen(false);
            setFailed(true);
          }
        });
    }
  };
  const close = (): void => {
    restoreFocus.current = true;
    setOpen(false);
  };
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
    <>
      <button
        ref={button}
        type="button"
        className={`${classNames.plainButton} ${classNames.iconButton}`}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open && !!controls}
        aria-describedby={failed ? failedId : undefined}
        data-focus-key={props.focusKey}
        onClick={() => (open ? close() : show())}
        onKeyDown={(e) => {
          // As a menu button: Down (and Alt+Down) opens the menu too.
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            show();
          }
        }}
      >
        <FontIcon iconName="More" aria-hidden={true} />
      </button>
      {failed ? (
        <span id={failedId} role="alert" className={classNames.muted}>
          {strings.PartLoadFailed}
        </span>
      ) : undefined}
      {open && controls ? (
        <controls.ContextualMenu
          items={items}
          target={button}
          ariaLabel={label}
          shouldFocusOnMount={true}
          directionalHint={controls.DirectionalHint.bottomLeftEdge}
          onDismiss={close}
        />
      ) : undefined}
    </>
  );
}
