import * as React from 'react';
import type { IPeriodPicture } from '../../domain';
import { isDraft } from '../../report';
import { format, plural } from '../loc/format';
import { STRINGS } from '../loc/en-gb';
import type { IPaneClassNames } from './styles';

/**
 * What the officer is about to insert or download, said before they do: a locked period is the
 * report as it went to the Board; an open one is a draft, and the pane says how many workstream
 * sections are not yet approved (each is marked Draft in what it writes, as is the page header).
 */
export function PeriodState(props: { picture: IPeriodPicture; classNames: IPaneClassNames }): JSX.Element {
  const { picture } = props;
  if (picture.period.state === 'Locked') {
    return (
      <p className={props.classNames.intro} role="status" data-period-state="locked">
        {format(STRINGS.PeriodStateLocked, picture.period.title)}
      </p>
    );
  }
  const unapproved: number = picture.workstreams.filter((w) => isDraft(picture, w.id)).length;
  return (
    <p className={props.classNames.intro} role="status" data-period-state="draft">
      <strong>{STRINGS.PeriodStateDraftMark}</strong>{' '}
      {format(
        unapproved === 0 ? STRINGS.PeriodStateOpenAllApproved : STRINGS.PeriodStateOpen,
        picture.period.title,
        plural(unapproved, STRINGS.PeriodStateSectionsOne, STRINGS.PeriodStateSectionsMany)
      )}
    </p>
  );
}
