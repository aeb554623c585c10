import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { format } from './format';

/** Props of {@link MoveButtons}. */
export interface IMoveButtonsProps {
  /** The item as the buttons' names say it ("Move up: Finance"). */
  name: string;
  /** Where the item stands in the list, and how many there are: the first cannot go up, the last not down. */
  index: number;
  count: number;
  /** True while a change is being saved: the buttons wait. */
  busy: boolean;
  onMove: (direction: 'up' | 'down') => void;
  /** The attribute the panel finds a button by to put focus back on it, holding `up-<id>` or `down-<id>`. */
  focusAttribute: 'data-section-focus' | 'data-setup-focus';
  /** The item's id, in the focus keys. */
  id: number;
}

/** Move up and Move down for one item of an ordered list in a set-up panel (sections, workstreams). */
export function MoveButtons(props: IMoveButtonsProps): JSX.Element {
  const focusKey = (direction: 'up' | 'down'): { [attribute: string]: string } => ({ [props.focusAttribute]: `${direction}-${props.id}` });
  return (
    <>
      <DefaultButton
        text={strings.MoveUp}
        ariaLabel={format(strings.MoveUpLabel, props.name)}
        onClick={() => props.onMove('up')}
        disabled={props.index === 0 || props.busy}
        {...focusKey('up')}
      />
      <DefaultButton
        text={strings.MoveDown}
        ariaLabel={format(strings.MoveDownLabel, props.name)}
        onClick={() => props.onMove('down')}
        disabled={props.index === props.count - 1 || props.busy}
        {...focusKey('down')}
      />
    </>
  );
}
