import * as React from 'react';
import { strings } from '../loc/programmeStrings';
import type { IPeriod } from '../../../domain/model';
import type { IProgrammeRepository } from '../../../data/repository';
import { useProgrammePart } from '../hooks/usePeriodPicture';
import { format } from './format';
import { LoadPending } from './LoadPending';
import { RagBadge } from './RagBadge';
import { RichText } from './RichText';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link OverviewCard}. */
export interface IOverviewCardProps {
  /** The period shown, as the Periods list holds it. */
  period: IPeriod;
  /** Where a locked period's snapshot is read; without it, the period as given is shown. */
  repository?: IProgrammeRepository;
  /** The viewer sees drafts (an open period's overview is withheld from those who do not). */
  draftsVisible: boolean;
}

/**
 * The lead executive director's overview of the period shown, with the overall rating and who
 * wrote it. A locked period's comes from its snapshot (the programme part its lock stored, read
 * with the landing), so that what the Board was shown is what is shown, whatever the Periods list
 * says since; an open period's is the list's own, marked as a draft.
 */
export function OverviewCard(props: IOverviewCardProps): JSX.Element {
  const classNames = useClassNames();
  const headingId: string = useUniqueId('ph-overview');
  const locked: boolean = props.period.state === 'Locked';
  const part = useProgrammePart(props.repository, locked ? props.period.id : undefined);
  const reported: IPeriod | undefined = !locked || !props.repository ? props.period : part.data && part.data.period.id === props.period.id ? part.data.period : undefined;
  const open: boolean = !locked;
  let body: JSX.Element;
  if (!reported) {
    body = <LoadPending load={part} label={strings.LoadingPeriod} />;
  } else {
    body = (
      <>
        {reported.overallRag && !(open && !props.draftsVisible) ? (
          <p>
            {strings.OverallRating} <RagBadge rag={reported.overallRag} />
          </p>
        ) : undefined}
        {open && !props.draftsVisible ? (
          <p>{format(strings.OverviewWithheld, props.period.title)}</p>
        ) : reported.overview ? (
          <>
            {open ? <p className={classNames.stateLine}>{strings.DraftMark}</p> : undefined}
            <RichText text={reported.overview} />
          </>
        ) : (
          <p>{format(strings.NoOverview, props.period.title)}</p>
        )}
        {reported.overviewAuthor ? <p className={classNames.muted}>{reported.overviewAuthor}</p> : undefined}
      </>
    );
  }
  return (
    <section className={`${classNames.column} ${classNames.card}`} aria-labelledby={headingId}>
      <h3 id={headingId} className={classNames.sectionHeading} style={{ marginTop: 0 }}>
        {strings.OverviewHeading}
      </h3>
      <p className={classNames.muted}>{props.period.title}</p>
      {body}
    </section>
  );
}
