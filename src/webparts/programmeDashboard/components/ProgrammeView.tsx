import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import { Link } from '@fluentui/react/lib/Link';
import { latestPeriod, ragLevels, reportingOptionsOf, tableTitle, type IPeriod, type IReportingOptions, type IWorkstream } from '../../../domain';
import type { IProgrammeRepository, IProgrammeSummary, UserRights } from '../../../data/repository';
import { format } from './format';
import { KeyRisksSection } from './KeyRisksSection';
import { offersCycleView } from './permissions';
import { ProgrammeOfficeViewLoader as ProgrammeOfficeView } from './lazy';
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
  // What the programme reports: a programme that does not rate has no ratings to tabulate and
  // no RAG key; one without milestones no column of milestones due.
  const reporting: IReportingOptions = reportingOptionsOf(summary.programme);
  const levels = ragLevels(reporting.ragScale);
  const ragKey = summary.programme.ragDefinitions.filter((d) => levels.indexOf(d.rag) >= 0);

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
            {reporting.rated ? strings.MatrixHeading : strings.MatrixHeadingUnrated}
          </h3>
          <ScrollRegion label={reporting.rated ? strings.MatrixHeading : strings.MatrixHeadingUnrated}>
            <table className={classNames.table}>
              <caption>{reporting.rated ? strings.MatrixCaption : strings.MatrixCaptionUnrated}</caption>
              <thead>
                <tr>
                  <th scope="col">{strings.WorkstreamColumn}</th>
                  {reporting.rated
                    ? summary.periods.map((p) => (
                        <th key={p.id} scope="col">
                          {p.title}
                        </th>
                      ))
                    : undefined}
                  <th scope="col">{strings.OpenRisksColumn}</th>
                  {reporting.milestones ? (
                    <th scope="col">{latest ? format(strings.MilestonesDueColumn, latest.title) : strings.MilestonesDueColumnNoPeriod}</th>
                  ) : undefined}
                </tr>
              </thead>
              <tbody>
                {workstreams.map((ws) => (
                  <tr key={ws.id}>
                    <th scope="row">
                      <Link onClick={() => props.onOpenWorkstream(ws)}>{tableTitle(ws)}</Link>
                    </th>
                    {reporting.rated
                      ? ratedPeriods(summary.periods, summary.history, ws.id).map((rated) => (
                          <td key={rated.period.id}>
                            <RagWithDirection rag={rated.rag} direction={rated.direction} />
                          </td>
                        ))
                      : undefined}
                    <td>{summary.openRisks[ws.id] || 0}</td>
                    {reporting.milestones ? <td>{summary.milestonesDue[ws.id] || 0}</td> : undefined}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {reporting.keyRisks && latest && props.repository ? <KeyRisksSection repository={props.repository} period={latest} /> : undefined}
          {reporting.rated && ragKey.length > 0 ? (
            <>
              <h3 className={classNames.sectionHeading}>{strings.RagKeyHeading}</h3>
              <dl className={classNames.detailsList}>
                {ragKey.map((d) => (
                  <React.Fragment key={d.rag}>
                    <dt>
                      <RagBadge rag={d.rag} />
                    </dt>
                    <dd>{d.definition}</dd>
                  </React.Fragment>
                ))}
              </dl>
            </>
          ) : undefined}
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
      </div>
    </div>
  );
}
