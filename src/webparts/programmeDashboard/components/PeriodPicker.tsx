import * as React from 'react';
import { strings } from '../loc/strings';
import { Button } from './Button';
import type { IDropdown, IDropdownOption } from '@fluentui/react/lib/Dropdown';
import type { IPeriod } from '../../../domain/model';
import { loadControls, TextFieldLoader } from './lazy';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';
import { copyText } from './viewAddress';

/** Props of {@link PeriodPicker}. */
export interface IPeriodPickerProps {
  /** The periods to offer (any order: the latest is listed first). */
  periods: readonly IPeriod[];
  selectedId: number | undefined;
  onChange: (periodId: number) => void;
  /** The address of the view on screen, for "Copy link"; no button without it. */
  link?: () => string;
}

type Controls = typeof import('./fluentControls');

/** Fluent's controls once loaded, for every picker after the first. */
let loadedControls: Controls | undefined;

/**
 * The reporting period to show (a labelled drop-down, latest first) and "Copy link", which puts
 * the address of the view on screen on the clipboard and says so to screen readers; where the
 * browser refuses, the link is shown in a field to copy by hand. Wraps at phone width.
 *
 * The drop-down is Fluent's, fetched once the view is on screen (with Fluent's other heavy
 * controls, see fluentControls) so that the first load does not carry it. Until it comes, a field
 * of the same size shows the period, under the same label, reachable with Tab and announced as
 * a collapsed combobox; if it is focused, clicked or opened from the keyboard meanwhile, Fluent's
 * drop-down takes the focus when it arrives (and opens, if that was asked for).
 */
export function PeriodPicker(props: IPeriodPickerProps): JSX.Element {
  const classNames = useClassNames();
  const labelId: string = useUniqueId('ph-period-label');
  const [controls, setControls] = React.useState<Controls | undefined>(loadedControls);
  const [failed, setFailed] = React.useState<boolean>(false);
  const dropdown: React.MutableRefObject<IDropdown | null> = React.useRef<IDropdown | null>(null);
  // What the person did to the placeholder, to carry over to the drop-down: focus it, or open it.
  const handOff: React.MutableRefObject<'focus' | 'open' | undefined> = React.useRef<'focus' | 'open' | undefined>(undefined);
  const load = React.useCallback((): void => {
    setFailed(false);
    loadControls()
      .then((c) => {
        loadedControls = c;
        setControls(c);
      })
      .catch(() => setFailed(true));
  }, []);
  React.useEffect(() => {
    if (!controls) {
      load();
    }
  }, []);
  React.useEffect(() => {
    if (controls && handOff.current && dropdown.current) {
      dropdown.current.focus(handOff.current === 'open');
      handOff.current = undefined;
    }
  }, [controls]);
  const [copied, setCopied] = React.useState<'yes' | 'manual' | undefined>();
  const [manualLink, setManualLink] = React.useState<string>('');
  const options: IDropdownOption[] = props.periods
    .slice()
    .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : b.id - a.id))
    .map((p) => ({ key: p.id, text: p.title }));
  const selected: IDropdownOption | undefined = options.filter((o) => o.key === props.selectedId)[0];
  const want = (what: 'focus' | 'open'): void => {
    handOff.current = handOff.current === 'open' ? 'open' : what;
    if (failed) {
      load();
    }
  };
  const copy = async (): Promise<void> => {
    if (!props.link) {
      return;
    }
    const link: string = props.link();
    setCopied(undefined);
    const ok: boolean = await copyText(link);
    setManualLink(link);
    setCopied(ok ? 'yes' : 'manual');
  };
  return (
    <div className={classNames.toolbar} style={{ flexWrap: 'wrap', alignItems: 'flex-end', gap: 8 }}>
      {controls ? (
        <controls.Dropdown
          componentRef={dropdown}
          label={strings.PeriodPickerLabel}
          options={options}
          selectedKey={props.selectedId === undefined ? null : props.selectedId}
          onChange={(_e, option) => {
            if (option) {
              setCopied(undefined);
              props.onChange(Number(option.key));
            }
          }}
          styles={{ root: { width: '100%', maxWidth: 320 } }}
        />
      ) : (
        <div style={{ width: '100%', maxWidth: 320 }}>
          <span id={labelId} className={classNames.pickerLabel}>
            {strings.PeriodPickerLabel}
          </span>
          <div
            role="combobox"
            tabIndex={0}
            aria-labelledby={labelId}
            aria-haspopup="listbox"
            aria-expanded={false}
            aria-busy={!failed}
            className={classNames.pickerField}
            onFocus={() => want('focus')}
            onBlur={() => {
              if (handOff.current === 'focus') {
                handOff.current = undefined;
              }
            }}
            onClick={() => want('open')}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                want('open');
              }
            }}
          >
            {selected ? selected.text : ''}
          </div>
          {failed ? (
            <span role="alert" className={classNames.muted}>
              {strings.PartLoadFailed}
            </span>
          ) : undefined}
        </div>
      )}
      {props.link ? (
        <Button text={strings.CopyLink} ariaLabel={strings.CopyLinkLabel} iconName="Link" onClick={() => void copy()} />
      ) : undefined}
      {/* Announced when it changes: that the link was copied, or that it must be copied by hand. */}
      <div role="status" style={{ flexBasis: '100%' }}>
        {copied === 'yes' ? <span>{strings.LinkCopied}</span> : undefined}
        {copied === 'manual' ? <span>{strings.LinkCopyManual}</span> : undefined}
      </div>
      {copied === 'manual' ? (
        <TextFieldLoader
          label={strings.LinkFieldLabel}
          value={manualLink}
          readOnly={true}
          onFocus={(e) => (e.target as HTMLInputElement).select()}
          styles={{ root: { width: '100%' } }}
        />
      ) : undefined}
    </div>
  );
}
