import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import { Link } from '@fluentui/react/lib/Link';
import { latestPeriod, type IPeriod, type IWorkstream } from '../../../domain';
import type { IProgrammeRepository, IProgrammeSummary, UserRights } from '../../../data/repository';
import { format } from './format';
import { offersCycleView } from './permissions';
import { ProgrammeOfficeViewLoader as ProgrammeOfficeView } from './lazy';
import { PeriodSections } from './PeriodSections';
import { RagBadge, RagWithDirection } from './RagBadge';
import { ratedPeriods } from './ragHistory';
import { RichText } from './RichText';
import { ScrollRegion } from './ScrollRegion';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link ProgrammeView}. */
export interface IProgrammeViewProps {
  summary: IProgrammeSummary;
  /** Opens a workstream's view (on the given period, else the latest). */
  onOpenWorkstream: (workstream: IWorkstream, periodId?: number) => void;
  /** For the programme office view: where to read and write, and what the user may do. */
  repository?: IProgrammeRepository;
  rights?: UserRights;
  /** Something the programme view shows changed (a period locked or set up): reload it. */
  onChanged?: () => void;
}

/**
 * The programme at a glance: every workstream's rating in every period with its direction of
 * travel, open risks and milestones due, and the latest lead executive director overview — and,
 * for those whose SharePoint rights let them approve reports or manage periods, the programme
 * office's view of the open period's reporting cycle.
 */
export function ProgrammeView(props: IProgrammeViewProps): JSX.Element {
  const classNames = useClassNames();
  const { summary } = props;
  const workstreams: IWorkstream[] = summary.workstreams.slice().sort((a, b) => a.order - b.order);
  const latest: IPeriod | undefined = latestPeriod(summary.periods);
  const matrixHeadingId: string = useUniqueId('ph-matrix');
  const overviewHeadingId: string = useUniqueId('ph-overview');

  return (
    <div>
      <h2 className={classNames.heading}>{summary.programme.title}</h2>
      <p className={classNames.subHeading}>{format(strings.ProgrammeSubtitle, summary.programme.organisation, summary.programme.board)}</p>
      {summary.periods.length === 0 ? <p>{strings.NoPeriods}</p> : undefined}
      {workstreams.length === 0 ? <p>{strings.NoWorkstreams}</p> : undefined}
      {/* The programme office's cycle first for those who run it: it is what they come to do. */}
      {props.repository && props.rights && offersCycleView(props.rights) ? (
        <ProgrammeOfficeView
          repository={props.repository}
          rights={props.rights}
          periods={summary.periods}
          onOpenWorkstream={props.onOpenWorkstream}
          onChanged={props.onChanged || (() => undefined)}
        />
      ) : undefined}
      <div className={classNames.columns}>
        <section className={classNames.wideColumn} aria-labelledby={matrixHeadingId}>
          <h3 id={matrixHeadingId} className={classNames.sectionHeading}>
            {strings.MatrixHeading}
          </h3>
          <ScrollRegion label={strings.MatrixHeading}>
            <table className={classNames.table}>
              <caption>{strings.MatrixCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{strings.WorkstreamColumn}</th>
                  {summary.periods.map((p) => (
                    <th key={p.id} scope="col">
                      {p.title}
                    </th>
                  ))}
                  <th scope="col">{strings.OpenRisksColumn}</th>
                  <th scope="col">{latest ? format(strings.MilestonesDueColumn, latest.title) : strings.MilestonesDueColumnNoPeriod}</th>
                </tr>
              </thead>
              <tbody>
                {workstreams.map((ws) => (
                  <tr key={ws.id}>
                    <th scope="row">
                      <Link onClick={() => props.onOpenWorkstream(ws)}>{ws.title}</Link>
                    </th>
                    {ratedPeriods(summary.periods, summary.history, ws.id).map((rated) => (
                      <td key={rated.period.id}>
                        <RagWithDirection rag={rated.rag} direction={rated.direction} />
                      </td>
                    ))}
                    <td>{summary.openRisks[ws.id] || 0}</td>
                    <td>{summary.milestonesDue[ws.id] || 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <h3 className={classNames.sectionHeading}>{strings.RagKeyHeading}</h3>
          <dl className={classNames.detailsList}>
            {summary.programme.ragDefinitions.map((d) => (
              <React.Fragment key={d.rag}>
                <dt>
                  <RagBadge rag={d.rag} />
                </dt>
                <dd>{d.definition}</dd>
              </React.Fragment>
            ))}
          </dl>
        </section>
        {latest ? (
          <section className={`${classNames.column} ${classNames.card}`} aria-labelledby={overviewHeadingId}>
            <h3 id={overviewHeadingId} className={classNames.sectionHeading} style={{ marginTop: 0 }}>
              {strings.OverviewHeading}
            </h3>
            <p className={classNames.muted}>{latest.title}</p>
            {latest.overallRag ? (
              <p>
                {strings.OverallRating} <RagBadge rag={latest.overallRag} />
              </p>
            ) : undefined}
            {latest.overview ? <RichText text={latest.overview} /> : <p>{format(strings.NoOverview, latest.title)}</p>}
            {latest.overviewAuthor ? <p className={classNames.muted}>{latest.overviewAuthor}</p> : undefined}
          </section>
        ) : undefined}
        {latest && props.repository ? <PeriodSections repository={props.repository} rights={props.rights} period={latest} /> : undefined}
      </div>
    </div>
  );
}
