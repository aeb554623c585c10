import * as React from 'react';
import { strings } from '../loc/programmeStrings';
import { Link } from '@fluentui/react/lib/Link';
import type { IPhase } from '../../../domain/phases';
import { isProgrammeOffice, type IProgrammeRepository, type UserRights } from '../../../data/repository';
import { useAsync } from '../../../ui/useAsync';
import { format } from './format';
import { useClassNames } from './useClassNames';

/** Props of {@link PhaseLinks}. */
export interface IPhaseLinksProps {
  repository: IProgrammeRepository;
  rights?: UserRights;
  /** Opens a phase's close-down table. */
  onOpenCloseDown: (phaseId: number) => void;
}

/** A phase's state in a link's words. */
function stateWord(phase: IPhase): string {
  return phase.state === 'Closed' ? strings.PhaseClosedShort : phase.state === 'Closing' ? strings.PhaseClosing : strings.PhaseOpen;
}

/**
 * Links from the programme view to the close-down table of each phase that is closing or closed
 * (issue 16); the programme office, who drafts a close-down, also sees the open phases'. Says
 * nothing when the programme has no such phase, or its phases cannot be read (a site provisioned
 * before phases): the rest of the programme view does not depend on them.
 */
export function PhaseLinks(props: IPhaseLinksProps): JSX.Element | null {
  const classNames = useClassNames();
  const { repository } = props;
  const phases = useAsync(() => repository.phases().getPhases(), [repository]);
  const office: boolean = !!props.rights && isProgrammeOffice(props.rights);
  const shown: IPhase[] = phases.data ? phases.data.phases.filter((p) => office || p.state !== 'Open') : [];
  if (shown.length === 0) {
    return null;
  }
  return (
    <nav aria-label={strings.PhasesNavLabel}>
      <ul className={classNames.keyList}>
        {shown.map((p) => (
          <li key={p.id}>
            <Link onClick={() => props.onOpenCloseDown(p.id)}>{format(strings.PhaseCloseDownLink, p.title)}</Link>{' '}
            <span className={classNames.muted}>{format(strings.PhaseLinkState, stateWord(p))}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
