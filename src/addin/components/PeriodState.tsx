import * as React from 'react';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import type { IPeriodPicture } from '../../domain';
import { isDraft } from '../../report/build';
import { format, plural } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';
import type { IPaneClassNames } from './styles';

/**
 * What the officer is about to insert or download, said before they do: a locked period is the
 * report as it went to the Board; an open one is a draft, and the pane says how many workstream
 * sections are not yet approved (each is marked Draft in what it writes, as is the page header, or
 * left out of the preview and the .docx when the Board's version is chosen).
 */
export function PeriodState(props: {
  picture: IPeriodPicture;
  classNames: IPaneClassNames;
  /** Whether the preview and the .docx are the Board's version (approved reports only); no choice offered without `onBoardVersion`. */
  boardVersion?: boolean;
  onBoardVersion?: (on: boolean) => void;
}): JSX.Element {
  const { picture } = props;
  if (picture.period.state === 'Locked') {
    return (
      <div className={props.classNames.aside}>
        <p className={props.classNames.intro} role="status" data-period-state="locked">
          {format(STRINGS.PeriodStateLocked, picture.period.title)}
        </p>
      </div>
    );
  }
  const unapproved: number = picture.workstreams.filter((w) => isDraft(picture, w.id)).length;
  const onBoardVersion = props.onBoardVersion;
  return (
    <div className={props.classNames.aside}>
      <p className={props.classNames.intro} role="status" data-period-state="draft">
        <strong>{STRINGS.PeriodStateDraftMark}</strong>{' '}
        {format(
          unapproved === 0 ? STRINGS.PeriodStateOpenAllApproved : props.boardVersion ? STRINGS.PeriodStateOpenBoard : STRINGS.PeriodStateOpen,
          picture.period.title,
          plural(unapproved, STRINGS.PeriodStateSectionsOne, STRINGS.PeriodStateSectionsMany)
        )}
      </p>
      {onBoardVersion && unapproved > 0 ? (
        // The Board's version leaves the reports not yet approved out (domain/visibility.ts), as IIB members see them on the dashboard.
        <Checkbox
          className={props.classNames.intro}
          label={format(STRINGS.BoardVersion, plural(unapproved, STRINGS.BoardVersionOne, STRINGS.BoardVersionMany))}
          checked={!!props.boardVersion}
          onChange={(_e, checked) => onBoardVersion(!!checked)}
        />
      ) : null}
    </div>
  );
}
