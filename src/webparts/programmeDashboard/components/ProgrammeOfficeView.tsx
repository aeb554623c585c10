import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { reportingOptionsOf, tableTitle, type IPeriod, type IStatusReport, type IWorkstreamHeading, type StatusReportState } from '../../../domain/model';
import { latestPeriod } from '../../../domain/periods';
import { checkReadiness, type IReadinessFinding, mustFixBeforeApproval } from '../../../domain/readiness';
import { isDataError } from '../../../data/errors';
import { isProgrammeOffice, type IEditablePeriodPicture, type IProgrammeRepository, type IProgrammeSummary, type Saved, type UserRights } from '../../../data/repository';
import { useAction } from '../hooks/useAction';
import { type IFocusReturn, useFocusAfterRead, useFocusReturn } from '../hooks/useFocusReturn';
import { usePeriodPicture } from '../hooks/usePeriodPicture';
import type { SaveOutcome } from '../hooks/useSave';
import { ActionPanel } from './ActionPanel';
import { Button } from './Button';
import { ApprovePanel } from './ApprovePanel';
import { describeActionError } from './errorText';
import { format } from './format';
import { LoadError } from './LoadError';
import { LoadPending } from './LoadPending';
import { Loading } from './Loading';
import { type IOutcome, OutcomeMessage } from './OutcomeMessage';
import { LockPanel } from './LockPanel';
import { NewPeriodPanel } from './NewPeriodPanel';
import { WorkstreamSetUp } from './WorkstreamSetUp';
import { ExportToExcel } from './ExportToExcel';
import { ProgrammeDetailsPanel } from './ProgrammeDetailsPanel';
import { mayAcknowledgeFindings, maySetUpProgramme, mayWritePeriodSections, STEP_KEYS } from '../../../data/rules';
import { SectionSetUp } from './SectionSetUp';
import { ReadinessList } from './ReadinessList';
import { OverviewEditor } from './OverviewEditor';
import { countedFindings, findingCountWords, hasSponsorComments, type IFindingCounts, type IReadinessSummary, reportOf, reportStateWords, summariseReadiness } from './reportCycle';
import { type IRowAction, RowActions } from './RowActions';
import { DataTable } from './ScrollRegion';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link ProgrammeOfficeView}. */
export interface IProgrammeOfficeViewProps {
  repository: IProgrammeRepository;
  rights: UserRights;
  /** Every period, earliest first (the programme summary's). */
  periods: IPeriod[];
  /**
   * The programme summary the view lands with: where each workstream's report stands in the open
   * period (its ratings' report states, small columns read with the landing) and the programme's
   * reporting options. The period's whole picture — every report's text, milestones and risks,
   * which readiness needs — is read only when the office checks readiness, approves or locks, or
   * when the summary does not hold the chosen period's report states.
   */
  summary?: IProgrammeSummary;
  /** Opens a workstream's view on the given period. */
  onOpenWorkstream: (workstream: IWorkstreamHeading, periodId: number) => void;
  /** Something changed that the programme view shows (a period locked or set up): reload it. */
  onChanged: () => void;
}

type Dialog =
  | { kind: 'return' | 'approve'; workstream: IWorkstreamHeading; report: Saved<IStatusReport> }
  | { kind: 'lock' }
  | { kind: 'newPeriod' }
  | { kind: 'workstreams' }
  | { kind: 'programme' }
  | { kind: 'sections' };

/** What was asked for before the period's picture was read: done once it is, on the real findings. */
type Pending = { kind: 'lock' } | { kind: 'approve' | 'return'; workstreamId: number };

/** Where each workstream's report stands in a period, from the summary's small columns: undefined when the summary does not hold that period's. */
function lightFacts(summary: IProgrammeSummary | undefined, period: IPeriod | undefined): { workstreams: IWorkstreamHeading[]; states: Map<number, StatusReportState | undefined> } | undefined {
  if (!summary || !period || (summary.ratingsOf !== undefined && summary.ratingsOf.indexOf(period.id) < 0) || summary.ratingsLeftOut) {
    return undefined;
  }
  const states: Map<number, StatusReportState | undefined> = new Map();
  for (const entry of summary.history) {
    if (entry.periodId === period.id) {
      states.set(entry.workstreamId, entry.state);
    }
  }
  return { workstreams: summary.workstreams.slice().sort((a, b) => a.order - b.order), states };
}

/** A row of the office's table: a workstream, where its report stands and, once the period's picture is read, the report. */
interface IOfficeRow {
  workstream: IWorkstreamHeading;
  state: StatusReportState | undefined;
  report?: Saved<IStatusReport>;
}

/** The table's rows, in the workstreams' order: from the period's picture once read, else from the summary's report states. */
function officeRows(data: IEditablePeriodPicture | undefined, light: ReturnType<typeof lightFacts>): IOfficeRow[] | undefined {
  if (data) {
    return data.workstreams
      .slice()
      .sort((a, b) => a.order - b.order)
      .map((w) => {
        const report: Saved<IStatusReport> | undefined = reportOf(data, w.id);
        return { workstream: w, state: report ? report.state : undefined, report };
      });
  }
  return light ? light.workstreams.map((w) => ({ workstream: w, state: light.states.get(w.id) })) : undefined;
}

/** What the readiness rules find on the period as read, worked out once a read. */
interface IOfficeReadiness {
  /** Every finding, acknowledged or not (the whole report's list sets the acknowledged apart). */
  findings: IReadinessFinding[];
  /** The findings that count (not acknowledged), per workstream and about the report as a whole. */
  counts: IReadinessSummary;
  /** The findings that count, in all. */
  inAll: IFindingCounts;
}

function officeReadiness(data: IEditablePeriodPicture): IOfficeReadiness {
  const findings: IReadinessFinding[] = checkReadiness(data);
  const counted: IReadinessFinding[] = countedFindings(data, findings);
  return { findings, counts: summariseReadiness(data, counted), inAll: { all: counted.length, errors: counted.filter((f) => f.severity === 'error').length } };
}

/**
 * The programme office's place in the reporting cycle: for an open period (the latest open one
 * unless another is chosen), where each workstream's report stands, whether its sponsor has
 * commented and what the readiness rules find — with approving and sending back reports,
 * locking the period and setting up the next one. Shown to those with SharePoint's Approve Items
 * right on status reports or Manage Lists on periods; each action to those whose rights allow it.
 */
export function ProgrammeOfficeView(props: IProgrammeOfficeViewProps): JSX.Element {
  const classNames = useClassNames();
  const headingId: string = useUniqueId('ph-office');
  const { repository, rights } = props;
  const openPeriods: IPeriod[] = props.periods.filter((p) => p.state !== 'Locked');
  const [chosenId, setChosenId] = React.useState<number | undefined>();
  const period: IPeriod | undefined = openPeriods.filter((p) => p.id === chosenId)[0] || latestPeriod(openPeriods);
  // The landing shows where each report stands from the summary; the picture (every report's
  // text, for readiness) is read when asked for, or when the summary has not the period's states.
  const light = React.useMemo(() => lightFacts(props.summary, period), [props.summary, period]);
  const [readinessWanted, setReadinessWanted] = React.useState<boolean>(false);
  const [pending, setPending] = React.useState<Pending | undefined>();
  const readPicture: boolean = !!period && (readinessWanted || !light);
  const picture = usePeriodPicture(repository, readPicture && period ? period.id : undefined);
  const runner = useAction();
  const [message, setMessage] = React.useState<IOutcome | undefined>();
  const [dialog, setDialog] = React.useState<Dialog | undefined>();
  const headingRef: React.RefObject<HTMLHeadingElement> = React.useRef<HTMLHeadingElement>(null);
  // Focus goes back to the control that opened a panel, or to the section's heading if it is gone.
  const returnFocus: IFocusReturn = useFocusReturn(dialog !== undefined, headingRef);

  // After approving, focus goes back to the row's "More actions" (the menu it was chosen from closed), or the heading.
  const focusAfterReload: React.MutableRefObject<string | undefined> = useFocusAfterRead(picture, headingRef);

  const data: IEditablePeriodPicture | undefined = picture.data && period && picture.data.period.id === period.id ? picture.data : undefined;
  const checked: IOfficeReadiness | undefined = React.useMemo(() => (data ? officeReadiness(data) : undefined), [data]);
  const readiness: IReadinessSummary | undefined = checked ? checked.counts : undefined;
  const rows: IOfficeRow[] | undefined = officeRows(data, light);

  const open = (next: Dialog): void => {
    returnFocus.remember();
    setMessage(undefined);
    setDialog(next);
  };
  const close = (): void => setDialog(undefined);
  const finished = (text: string, programmeChanged: boolean = false, triggerStays: boolean = false): void => {
    if (!triggerStays) {
      // The button that opened the panel goes with the step (the report or period moved on).
      returnFocus.forget();
    }
    setDialog(undefined);
    setMessage({ kind: 'success', text });
    picture.reload();
    if (programmeChanged) {
      props.onChanged();
    }
  };

  const approve = async (workstream: IWorkstreamHeading, report: Saved<IStatusReport>): Promise<void> => {
    if (!period) {
      return;
    }
    // Faults that must be fixed first: approving needs a reason (the repository's own rule).
    if (data && mustFixBeforeApproval(data, workstream.id, checked && checked.findings).length > 0) {
      open({ kind: 'approve', workstream, report });
      return;
    }
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await runner.run(() => repository.transitionReport(report.id, 'approve', report.etag));
    if (outcome.ok) {
      focusAfterReload.current = `actions-${workstream.id}`;
      setMessage({ kind: 'success', text: format(strings.ReportApprovedMessage, tableTitle(workstream), period.title) });
      picture.reload();
    } else {
      setMessage({ kind: 'error', text: describeActionError(outcome.error, 'review', period.title) });
      if (isDataError(outcome.error, 'conflict') || isDataError(outcome.error, 'notFound')) {
        picture.reload();
      }
    }
  };

  // What was asked for before the picture was read, done on the picture as read: the report as it
  // stands now (it may have moved on since the landing), the findings as readiness finds them.
  React.useEffect(() => {
    if (!pending || !period) {
      return;
    }
    if (picture.error !== undefined && !picture.loading) {
      // The picture could not be read: nothing is done on what it would have said (LoadError below).
      setPending(undefined);
      return;
    }
    if (!data) {
      return;
    }
    setPending(undefined);
    if (pending.kind === 'lock') {
      setDialog({ kind: 'lock' });
      return;
    }
    const workstream: IWorkstreamHeading | undefined = data.workstreams.filter((w) => w.id === pending.workstreamId)[0];
    const report: Saved<IStatusReport> | undefined = workstream ? reportOf(data, workstream.id) : undefined;
    if (!workstream || !report) {
      return;
    }
    const stillOpen: boolean = pending.kind === 'approve' ? report.state === 'Submitted' : report.state === 'Submitted' || report.state === 'Approved';
    if (!stillOpen) {
      setMessage({ kind: 'error', text: format(strings.OfficeReportMovedOn, tableTitle(workstream), period.title, reportStateWords(report.state)) });
    } else if (pending.kind === 'approve') {
      void approve(workstream, report);
    } else {
      setDialog({ kind: 'return', workstream, report });
    }
  }, [pending, data, picture.error, picture.loading]);

  /** Reads the period's picture first (its readiness), then does what was asked on it. */
  const afterReading = (next: Pending): void => {
    returnFocus.remember();
    setMessage(undefined);
    setReadinessWanted(true);
    setPending(next);
  };

  const options: IDropdownOption[] = openPeriods
    .slice()
    .reverse()
    .map((p) => ({ key: p.id, text: p.title }));

  /** Approves or sends back a row's report: the one read, or (before the picture is read) the one read first. */
  const review = (kind: 'approve' | 'return', w: IWorkstreamHeading, report: Saved<IStatusReport> | undefined): void => {
    if (!data) {
      afterReading({ kind, workstreamId: w.id });
    } else if (report && kind === 'approve') {
      void approve(w, report);
    } else if (report) {
      open({ kind: 'return', workstream: w, report });
    }
  };
  const reviewActions = (row: IOfficeRow): IRowAction[] => {
    const w: IWorkstreamHeading = row.workstream;
    // Before the picture is read, one step waits for it at a time.
    const held: boolean = runner.busy || (!data && pending !== undefined);
    return [
      {
        key: 'approve',
        text: strings.ApproveReport,
        ariaLabel: format(strings.ApproveReportAria, tableTitle(w)),
        disabled: held || row.state !== 'Submitted',
        onClick: () => review('approve', w, row.report)
      },
      {
        key: 'return',
        text: strings.ReturnReport,
        ariaLabel: format(strings.ReturnReportAria, tableTitle(w)),
        disabled: held || (row.state !== 'Submitted' && row.state !== 'Approved'),
        onClick: () => review('return', w, row.report)
      }
    ];
  };

  let body: JSX.Element | undefined;
  if (!period) {
    body = <p>{strings.OfficeNoOpenPeriod}</p>;
  } else if (rows) {
    // Before readiness is read, where each report stands comes from the summary's small columns;
    // the columns of sponsor comments and readiness join once the period's picture is read.
    const approved: number = rows.filter((r) => r.state === 'Approved').length;
    const waiting: number = rows.filter((r) => r.state === 'Submitted').length;
    // A programme without sponsor comments has no column of them to chase.
    const sponsorColumn: boolean = !!data && reportingOptionsOf(data.programme).sponsorComments;
    // Approving and sending back are SharePoint's Approve Items on Status Reports: no column of actions without it.
    const reviews: boolean = rights.statusReports.approve;
    body = (
      <>
        <p>{format(strings.OfficeProgress, approved, rows.length, waiting)}</p>
        <DataTable
          label={format(strings.OfficeCaption, period.title)}
          columns={
            <>
              <th scope="col">{strings.WorkstreamColumn}</th>
              <th scope="col">{strings.OfficeReportColumn}</th>
              {sponsorColumn ? <th scope="col">{strings.OfficeSponsorColumn}</th> : undefined}
              {readiness ? <th scope="col">{strings.OfficeReadinessColumn}</th> : undefined}
              {reviews ? <th scope="col">{strings.ActionsColumn}</th> : undefined}
            </>
          }
        >
          {rows.map((row) => {
            const w: IWorkstreamHeading = row.workstream;
            const sponsor: string | undefined = w.sponsor ? w.sponsor.name : undefined;
            return (
              <tr key={w.id}>
                <th scope="row">
                  {/* Named "Open …" (the visible title within it): the programme table above links the same title to the period shown there. */}
                  <Link aria-label={format(strings.OpenWorkstreamAria, tableTitle(w))} onClick={() => props.onOpenWorkstream(w, period.id)}>
                    {tableTitle(w)}
                  </Link>
                </th>
                <td>{reportStateWords(row.state)}</td>
                {sponsorColumn && data ? (
                  <td>
                    {hasSponsorComments(data, w.id)
                      ? strings.SponsorCommentsPresent
                      : sponsor
                        ? format(strings.SponsorCommentsMissingFrom, sponsor)
                        : strings.SponsorCommentsMissing}
                  </td>
                ) : undefined}
                {readiness ? <td>{findingCountWords(readiness.byWorkstream[w.id])}</td> : undefined}
                {reviews ? (
                  <td className={classNames.officeActions}>
                    {/* One "More actions" menu a row, as the workstream view's tables have: a phone-width card carries one control. */}
                    <RowActions rowLabel={tableTitle(w)} focusKey={`actions-${w.id}`} actions={reviewActions(row)} />
                  </td>
                ) : undefined}
              </tr>
            );
          })}
        </DataTable>
        {readiness && readiness.programme.all > 0 ? <p className={classNames.muted}>{format(strings.OfficeWholeReport, findingCountWords(readiness.programme))}</p> : undefined}
        {/* Findings about the report as a whole (the overview), to put right or acknowledge here. */}
        {data && checked && checked.findings.some((f) => f.where.workstreamId === undefined) ? (
          <ReadinessList
            picture={data}
            workstreamId={undefined}
            heading={strings.OfficeWholeReportHeading}
            mayAcknowledge={mayAcknowledgeFindings(rights)}
            onChanged={picture.reload}
            findings={checked.findings}
          />
        ) : undefined}
      </>
    );
  } else {
    body = <LoadPending load={picture} label={strings.LoadingPeriod} />;
  }

  // Readiness: read when asked for (every report's text), said in a live region as it is read.
  const readingReadiness: boolean = readPicture && picture.loading;
  const readinessStatus: string =
    period && readingReadiness
      ? format(strings.OfficeReadingReadiness, period.title)
      : period && data && checked && readinessWanted
        ? format(strings.OfficeReadinessRead, period.title, checked.inAll.all === 0 ? strings.OfficeReadinessNothing : findingCountWords(checked.inAll))
        : '';
  const readinessControls: JSX.Element | undefined = period ? (
    <div>
      {!data ? <p className={classNames.muted}>{strings.OfficeReadinessNotRead}</p> : undefined}
      <Button
        text={data ? strings.OfficeCheckReadinessAgain : strings.OfficeCheckReadiness}
        // The name starts with the words shown (WCAG 2.5.3), then says which period.
        ariaLabel={format(data ? strings.OfficeCheckReadinessAgainAria : strings.OfficeCheckReadinessAria, period.title)}
        disabled={readingReadiness || runner.busy}
        // Focus stays on it while the reports are read (a disabled native button would drop it).
        allowDisabledFocus
        onClick={() => {
          setMessage(undefined);
          if (data) {
            picture.reload();
          } else {
            setReadinessWanted(true);
          }
        }}
      />
      <p role="status" aria-live="polite" className={classNames.muted}>
        {readinessStatus}
      </p>
      {/* Readiness could not be read: said here, where each report stands still shown below. */}
      {light && !data && readPicture && picture.error !== undefined && !picture.loading ? <LoadError error={picture.error} onRetry={picture.reload} /> : undefined}
    </div>
  ) : undefined;

  // Something the programme view shows changed (the programme, its sections or workstreams set up, the overview saved): both read again.
  const readAgain = (): void => {
    picture.reload();
    props.onChanged();
  };

  const someNotApproved: boolean = !!data && !!rows && rows.some((r) => r.state !== 'Approved');

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className={classNames.sectionHeading}>
        {strings.OfficeHeading}
      </h3>
      <p className={classNames.muted}>{strings.OfficeIntro}</p>
      <div className={classNames.toolbar}>
        {options.length > 0 ? (
          <Dropdown
            label={strings.OfficePeriodLabel}
            options={options}
            selectedKey={period ? period.id : undefined}
            onChange={(_e, option) => {
              if (option) {
                setMessage(undefined);
                setPending(undefined);
                setChosenId(Number(option.key));
              }
            }}
            styles={{ root: { width: '100%', maxWidth: 320 } }}
          />
        ) : undefined}
      </div>
      <div className={classNames.toolbar}>
        {/* Locking reads readiness first when it has not been read: never a lock on unread findings. */}
        {period && isProgrammeOffice(rights) ? (
          <DefaultButton text={strings.LockPeriod} onClick={() => (data ? open({ kind: 'lock' }) : afterReading({ kind: 'lock' }))} disabled={runner.busy || pending !== undefined} />
        ) : undefined}
        {rights.periods.add ? <DefaultButton text={strings.NewPeriod} onClick={() => open({ kind: 'newPeriod' })} disabled={runner.busy} /> : undefined}
        {maySetUpProgramme(rights) ? <DefaultButton text={strings.ProgrammeDetailsButton} onClick={() => open({ kind: 'programme' })} disabled={runner.busy} /> : undefined}
        {maySetUpProgramme(rights) ? <DefaultButton text={strings.SetUpWorkstreams} onClick={() => open({ kind: 'workstreams' })} disabled={runner.busy} /> : undefined}
        {mayWritePeriodSections(rights) ? <DefaultButton text={strings.SetUpSections} onClick={() => open({ kind: 'sections' })} disabled={runner.busy} /> : undefined}
        {period && isProgrammeOffice(rights) ? (
          <ExportToExcel
            text={format(strings.ExportPeriodButton, period.title)}
            description={format(strings.ExportPeriodDescription, period.title)}
            make={(excel) => excel.periodWorkbook(repository, period)}
          />
        ) : undefined}
        {/* The lead executive director's overview: the first section of every paper. */}
        {period && isProgrammeOffice(rights) ? (
          <OverviewEditor
            repository={repository}
            period={data ? data.period : period}
            reporting={data ? reportingOptionsOf(data.programme) : props.summary ? reportingOptionsOf(props.summary.programme) : undefined}
            disabled={(!data && !props.summary) || runner.busy}
            onSaved={(text) => {
              setMessage({ kind: 'success', text });
              readAgain();
            }}
          />
        ) : undefined}
      </div>
      <OutcomeMessage outcome={message} onDismiss={() => setMessage(undefined)} />
      {runner.busy && !dialog ? <Loading label={strings.Approving} /> : undefined}
      {readinessControls}
      {body}
      {dialog && dialog.kind === 'return' && period ? (
        <ActionPanel
          title={strings.ReturnReportTitle}
          confirmText={strings.ReturnReport}
          busyText={strings.Returning}
          reason={{ key: STEP_KEYS.returnReason, label: strings.ReturnReasonLabel, description: strings.ReturnReasonHint }}
          run={(reason) => repository.transitionReport(dialog.report.id, 'return', dialog.report.etag, reason)}
          describeError={(e) => describeActionError(e, 'review', period.title)}
          onDone={() => finished(format(strings.ReportReturnedMessage, tableTitle(dialog.workstream), period.title))}
          onStale={picture.reload}
          onClose={close}
        >
          <p>{format(strings.ReturnReportText, tableTitle(dialog.workstream), period.title)}</p>
        </ActionPanel>
      ) : undefined}
      {dialog && dialog.kind === 'approve' && period && data ? (
        <ApprovePanel
          workstream={dialog.workstream}
          report={dialog.report}
          periodTitle={period.title}
          findings={mustFixBeforeApproval(data, dialog.workstream.id, checked && checked.findings)}
          onDone={(text) => {
            focusAfterReload.current = `actions-${dialog.workstream.id}`;
            finished(text);
          }}
          onStale={picture.reload}
          onClose={close}
        />
      ) : undefined}
      {dialog && dialog.kind === 'lock' && period ? (
        <LockPanel
          repository={repository}
          period={period}
          someNotApproved={someNotApproved}
          reporting={data ? reportingOptionsOf(data.programme) : undefined}
          onDone={(text) => finished(text, true)}
          onStale={picture.reload}
          onClose={close}
        />
      ) : undefined}
      {dialog && dialog.kind === 'newPeriod' ? (
        <NewPeriodPanel
          repository={repository}
          onCreated={(created) => {
            setChosenId(created.id);
            finished(format(strings.PeriodCreatedMessage, created.title), true, true);
          }}
          onClose={close}
        />
      ) : undefined}
      {dialog && dialog.kind === 'programme' ? <ProgrammeDetailsPanel repository={repository} onChanged={readAgain} onClose={close} /> : undefined}
      {dialog && dialog.kind === 'sections' ? <SectionSetUp repository={repository} onChanged={readAgain} onClose={close} /> : undefined}
      {dialog && dialog.kind === 'workstreams' ? <WorkstreamSetUp repository={repository} onChanged={readAgain} onClose={close} /> : undefined}
    </section>
  );
}
