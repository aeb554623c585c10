import * as React from 'react';
import { strings } from '../loc/strings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { TextField } from '@fluentui/react/lib/TextField';
import type { IPeriod } from '../../../domain';
import { useClassNames } from './useClassNames';
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

/**
 * The reporting period to show (a labelled drop-down, latest first) and "Copy link", which puts
 * the address of the view on screen on the clipboard and says so to screen readers; where the
 * browser refuses, the link is shown in a field to copy by hand. Wraps at phone width.
 */
export function PeriodPicker(props: IPeriodPickerProps): JSX.Element {
  const classNames = useClassNames();
  const [copied, setCopied] = React.useState<'yes' | 'manual' | undefined>();
  const [manualLink, setManualLink] = React.useState<string>('');
  const options: IDropdownOption[] = props.periods
    .slice()
    .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : b.id - a.id))
    .map((p) => ({ key: p.id, text: p.title }));
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
      <Dropdown
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
      {props.link ? (
        <DefaultButton text={strings.CopyLink} ariaLabel={strings.CopyLinkLabel} iconProps={{ iconName: 'Link' }} onClick={() => void copy()} />
      ) : undefined}
      {/* Announced when it changes: that the link was copied, or that it must be copied by hand. */}
      <div role="status" style={{ flexBasis: '100%' }}>
        {copied === 'yes' ? <span>{strings.LinkCopied}</span> : undefined}
        {copied === 'manual' ? <span>{strings.LinkCopyManual}</span> : undefined}
      </div>
      {copied === 'manual' ? (
        <TextField
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
