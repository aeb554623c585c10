import * as React from 'react';
import { strings } from '../loc/programmeStrings';
import { Link } from '@fluentui/react/lib/Link';
import { reportingOptionsOf, tableTitle, type IPeriod, type IReportingOptions, type IWorkstreamHeading } from '../../../domain/model';
import { ragLevels } from '../../../domain/rag';
import { latestPeriod } from '../../../domain/periods';
import { isDraftReport, ratingsSeenBy, seesAnyDrafts, type IViewer } from '../../../domain/visibility';
import type { IProgrammeRepository, IProgrammeSummary, IRagHistoryEntry, UserRights } from '../../../data/repository';
import { ExportToExcel } from './ExportToExcel';
import { format } from './format';
import { KeyRisksSection } from './KeyRisksSection';
import { Button } from './Button';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { MilestonesDueCell } from './MilestonesDueCell';
import { OverviewCard } from './OverviewCard';
import { localToday } from './milestoneDue';
import { offersCycleView } from './permissions';
import { ProgrammeOfficeViewLoader as ProgrammeOfficeView, RagTrendsLoader, RiskMatrixLoader } from './lazy';
import { PeriodPicker } from './PeriodPicker';
import { PhaseLinks } from './PhaseLinks';
import { PeriodSections } from './PeriodSections';
import { RagBadge, RagWithDirection } from './RagBadge';
import { ratedPeriods } from './ragHistory';
import { DataTable } from './ScrollRegion';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';
import { useAmberOrWorseFilter } from './WorkstreamFilter';
import { RATINGS_WINDOW } from '../hooks/useProgrammeSummary';

/** Props of {@link ProgrammeView}. */
export interface IProgrammeViewProps {
  summary: IProgrammeSummary;
  /** Opens a workstream's view (on the given period, else the latest). */
  onOpenWorkstream: (workstream: IWorkstreamHeading, periodId?: number) => void;
  /** For the programme office view: where to read and write, and what the user may do. */
  repository?: IProgrammeRepository;
  rights?: UserRights;
  /** Something the programme view shows changed (a period locked or set up): reload it. */
  onChanged?: () => void;
  /** Who is looking: what they may see of reports not yet approved. Everyone sees drafts when absent. */
  viewer?: IViewer;
  /** The period shown (its ratings the last column, its overview beside); the latest when absent. */
  periodId?: number;
  /** Another period chosen; no period selector without it. */
  onPeriodChange?: (periodId: number) => void;
  /** The address of this view, for "Copy link". */
  link?: () => string;
  /** Opens a phase's close-down table; no links to close-downs without it. */
  onOpenCloseDown?: (phaseId: number) => void;
}

/** Whether a workstream's rating in a period is shown to the viewer (the history is already as the viewer sees it), and whether it is a draft. */
function cellVisibility(period: IPeriod, entry: IRagHistoryEntry | undefined): 'final' | 'draft' | 'withheld' {
  if (entry && entry.withheld) {
    return 'withheld';
  }
  return entry && isDraftReport(period, entry.state) ? 'draft' : 'final';
}

/** The summary as the viewer may see it: a reader's not-yet-approved ratings are withheld everywhere the view uses them. */
function summarySeenBy(summary: IProgrammeSummary, viewer: IViewer | undefined): IProgrammeSummary {
  return viewer ? { ...summary, history: ratingsSeenBy(viewer, summary.periods, summary.workstreams, summary.history) } : summary;
}


/** What {@link useRatingsShown} gives: the summary with every rating the view needs, or that some are still on their way. */
interface IRatingsShown {
  summary: IProgrammeSummary;
  /** Ratings of periods the view shows are still being read (or could not be): show none rather than gaps. */
  pending: boolean;
  error?: unknown;
  retry: () => void;
}

/**
 * The summary with the ratings of the given periods: those it holds, and the others read on
 * demand (by period, an indexed column) when it holds only a window of them (`ratingsOf`).
 * What was read is dropped when the summary is read again.
 */
function useRatingsShown(repository: IProgrammeRepository | undefined, summary: IProgrammeSummary, needed: readonly IPeriod[]): IRatingsShown {
  // What was read belongs to the summary's ratings as read (the summary object itself is made anew on each render).
  const of: IRagHistoryEntry[] = summary.history;
  const [read, setRead] = React.useState<{ of: IRagHistoryEntry[]; periodIds: number[]; entries: IRagHistoryEntry[] }>({ of, periodIds: [], entries: [] });
  const [failed, setFailed] = React.useState<{ of: IRagHistoryEntry[]; error: unknown } | undefined>(undefined);
  const [attempt, setAttempt] = React.useState<number>(0);
  const mine = read.of === of ? read : { of, periodIds: [], entries: [] };
  const held: number[] | undefined = summary.ratingsOf;
  const missing: number[] = held === undefined ? [] : needed.map((p) => p.id).filter((id, i, ids) => ids.indexOf(id) === i && held.indexOf(id) < 0 && mine.periodIds.indexOf(id) < 0);
  const missingKey: string = missing.join(',');
  React.useEffect(() => {
    if (missing.length === 0 || !repository) {
      return undefined;
    }
    let current: boolean = true;
    repository.getRatings(missing).then(
      (entries: IRagHistoryEntry[]) => {
        if (current) {
          setRead((before) => {
            const base = before.of === of ? before : { of, periodIds: [], entries: [] };
            return { of, periodIds: base.periodIds.concat(missing), entries: base.entries.concat(entries) };
          });
        }
      },
      (error: unknown) => {
        if (current) {
          setFailed({ of, error });
        }
      }
    );
    return () => {
      current = false;
    };
  }, [repository, of, missingKey, attempt]);
  const error: unknown = failed && failed.of === of && missing.length > 0 ? failed.error : undefined;
  return {
    summary: mine.entries.length > 0 ? { ...summary, history: summary.history.concat(mine.entries) } : summary,
    pending: missing.length > 0,
    error,
    retry: () => {
      setFailed(undefined);
      setAttempt(attempt + 1);
    }
  };
}

/**
 * The programme at a glance: every workstream's rating in every period with its direction of
 * travel, open risks and milestones due, and the latest lead executive director overview — and,
 * for those whose SharePoint rights let them approve reports or manage periods, the programme
 * office's view of the open period's reporting cycle.
 */
export function ProgrammeView(props: IProgrammeViewProps): JSX.Element {
  const classNames = useClassNames();
  const allPeriods: IPeriod[] = props.summary.periods;
  const newest: IPeriod | undefined = latestPeriod(allPeriods);
  const latest: IPeriod | undefined = allPeriods.filter((p) => p.id === props.periodId)[0] || newest;
  // The matrix runs up to the period shown: its last column is "this period".
  const upToShown: IPeriod[] = latest ? allPeriods.slice(0, allPeriods.indexOf(latest) + 1) : allPeriods;
  // Ratings over time: the latest periods at first (all of them once asked for), so the landing
  // does not grow with every past period; earlier ones are read when asked for.
  const [earlier, setEarlier] = React.useState<boolean>(false);
  const held: number[] | undefined = props.summary.ratingsOf;
  const windowed: boolean = held !== undefined && !earlier;
  // The window the summary holds, up to the period shown (a reader's locked period, before the
  // open one); the latest 12 up to it, read now, when it is older than the window.
  const inWindow: IPeriod[] = held && latest && held.indexOf(latest.id) >= 0 ? upToShown.filter((p) => held.indexOf(p.id) >= 0) : [];
  const shownPeriods: IPeriod[] = !windowed ? upToShown : inWindow.length > 0 ? inWindow : upToShown.slice(-RATINGS_WINDOW);
  const trendPeriods: IPeriod[] = windowed ? allPeriods.slice(-RATINGS_WINDOW) : allPeriods;
  const ratings: IRatingsShown = useRatingsShown(props.repository, props.summary, shownPeriods.concat(trendPeriods));
  const summary: IProgrammeSummary = React.useMemo(() => summarySeenBy(ratings.summary, props.viewer), [ratings.summary, props.viewer]);
  const workstreams: IWorkstreamHeading[] = summary.workstreams.slice().sort((a, b) => a.order - b.order);
  const earlierCount: number = upToShown.length - shownPeriods.length;
  const earlierToggle: JSX.Element | undefined =
    props.summary.ratingsOf !== undefined && (earlier || earlierCount > 0) ? (
      <p>
        <Button
          text={earlier ? strings.MatrixLatestOnly : format(strings.MatrixShowEarlier, earlierCount)}
          aria-expanded={earlier}
          onClick={() => setEarlier(!earlier)}
        />
      </p>
    ) : undefined;
  const viewer: IViewer | undefined = props.viewer;
  const draftsVisible: boolean = !viewer || seesAnyDrafts(viewer, workstreams);
  const open: boolean = !!latest && latest.state !== 'Locked';
  const matrixHeadingId: string = useUniqueId('ph-matrix');
  // What the programme reports: a programme that does not rate has no ratings to tabulate and
  // no RAG key; one without milestones no column of milestones due.
  const reporting: IReportingOptions = reportingOptionsOf(summary.programme);
  const levels = ragLevels(reporting.ragScale);
  const ragKey = summary.programme.ragDefinitions.filter((d) => levels.indexOf(d.rag) >= 0);
  // The "Amber or worse" filter, where workstreams are rated.
  const filter = useAmberOrWorseFilter(summary, workstreams, reporting.rated);

  return (
    <div>
      <h2 className={classNames.heading}>{summary.programme.title}</h2>
      <p className={classNames.subHeading}>{format(strings.ProgrammeSubtitle, summary.programme.organisation, summary.programme.board)}</p>
      {props.repository && props.onOpenCloseDown ? <PhaseLinks repository={props.repository} rights={props.rights} onOpenCloseDown={props.onOpenCloseDown} /> : undefined}
      {summary.periods.length === 0 ? <p>{strings.NoPeriods}</p> : undefined}
      {workstreams.length === 0 ? <p>{strings.NoWorkstreams}</p> : undefined}
      {props.onPeriodChange && summary.periods.length > 0 ? (
        <PeriodPicker periods={summary.periods} selectedId={latest ? latest.id : undefined} onChange={props.onPeriodChange} link={props.link} />
      ) : undefined}
      {latest && open ? (
        // The dashboard's counterpart of the report's "Draft" page header.
        <p className={classNames.banner} data-draft="true">
          {format(draftsVisible ? strings.DraftBanner : strings.ReaderOpenBanner, latest.title)}
        </p>
      ) : undefined}
      {/* The programme office's cycle first for those who run it: it is what they come to do. */}
      {props.repository && props.rights && offersCycleView(props.rights) ? (
        <ProgrammeOfficeView
          repository={props.repository}
          rights={props.rights}
          periods={summary.periods}
          summary={props.summary}
          onOpenWorkstream={props.onOpenWorkstream}
          onChanged={props.onChanged || (() => undefined)}
        />
      ) : undefined}
      <div className={classNames.columns}>
        <section className={classNames.wideColumn} aria-labelledby={matrixHeadingId}>
          <h3 id={matrixHeadingId} className={classNames.sectionHeading}>
            {reporting.rated ? strings.MatrixHeading : strings.MatrixHeadingUnrated}
          </h3>
          {reporting.rated && workstreams.length > 0 ? filter.control : undefined}
          {reporting.rated ? earlierToggle : undefined}
          {reporting.rated && ratings.error !== undefined ? (
            <LoadError error={ratings.error} onRetry={ratings.retry} />
          ) : reporting.rated && ratings.pending ? (
            <Loading label={strings.MatrixLoadingEarlier} />
          ) : (
          <DataTable
            label={reporting.rated ? strings.MatrixHeading : strings.MatrixHeadingUnrated}
            caption={reporting.rated ? strings.MatrixCaption : strings.MatrixCaptionUnrated}
            columns={
              <>
                <th scope="col">{strings.WorkstreamColumn}</th>
                {reporting.rated
                  ? shownPeriods.map((p) => (
                      <th key={p.id} scope="col">
                        {p.title}
                      </th>
                    ))
                  : undefined}
                <th scope="col">{strings.OpenRisksColumn}</th>
                {reporting.milestones && latest === newest ? (
                  <th scope="col">{latest ? format(strings.MilestonesDueColumn, latest.title) : strings.MilestonesDueColumnNoPeriod}</th>
                ) : undefined}
              </>
            }
          >
            {filter.shown.map((ws) => (
              <tr key={ws.id}>
                <th scope="row">
                  <Link onClick={() => props.onOpenWorkstream(ws)}>{tableTitle(ws)}</Link>
                </th>
                {(reporting.rated ? ratedPeriods(shownPeriods, summary.history, ws.id) : []).map((rated) => {
                  const entry: IRagHistoryEntry | undefined = summary.history.filter((h) => h.workstreamId === ws.id && h.periodId === rated.period.id)[0];
                  const seen = cellVisibility(rated.period, entry);
                  return (
                    <td key={rated.period.id} data-visibility={seen}>
                      {seen === 'withheld' ? (
                        <span className={classNames.badge} title={strings.AwaitingApprovalSpoken}>
                          {strings.AwaitingApproval}
                        </span>
                      ) : (
                        <>
                          <RagWithDirection rag={rated.rag} direction={rated.direction} />
                          {seen === 'draft' ? <span className={classNames.muted}> {strings.DraftMark}</span> : undefined}
                        </>
                      )}
                    </td>
                  );
                })}
                <td>{summary.openRisks[ws.id] || 0}</td>
                {reporting.milestones && latest === newest ? (
                  <td>
                    <MilestonesDueCell count={summary.milestonesDue[ws.id] || 0} dueDates={summary.milestonesDueDates[ws.id] || []} mutedClass={classNames.muted} overdueClass={classNames.overdue} />
                  </td>
                ) : undefined}
              </tr>
            ))}
          </DataTable>
          )}
          {props.rights && offersCycleView(props.rights) && workstreams.length > 0 ? (
            // The programme office takes the matrix to Excel as it sees it here (the filter aside: every workstream).
            <ExportToExcel
              text={strings.ExportMatrixButton}
              description={strings.ExportMatrixDescription}
              make={(excel) => excel.statusMatrixWorkbook(summary, { periods: shownPeriods, workstreams, rated: reporting.rated, milestones: reporting.milestones && latest === newest, today: localToday() })}
            />
          ) : undefined}
          {reporting.rated && summary.periods.length > 0 && filter.shown.length > 0 && !ratings.pending ? <RagTrendsLoader summary={{ ...summary, periods: trendPeriods }} workstreams={filter.shown} /> : undefined}
          {props.repository ? <RiskMatrixLoader summary={summary} repository={props.repository} onOpenWorkstream={props.onOpenWorkstream} /> : undefined}
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
        {latest ? <OverviewCard period={latest} repository={props.repository} draftsVisible={draftsVisible} /> : undefined}
        {latest && props.repository ? <PeriodSections repository={props.repository} rights={props.rights} period={latest} refreshKey={props.summary.workstreams} /> : undefined}
      </div>
    </div>
  );
}
