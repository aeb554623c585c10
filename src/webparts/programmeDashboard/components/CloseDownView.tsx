import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import { TextField } from '@fluentui/react/lib/TextField';
import type { IWorkstreamHeading } from '../../../domain/model';
import { formatUkDate } from '../../../domain/dates';
import { isBlank } from '../../../domain/text';
import {
  CLOSE_DOWN_DESTINATIONS,
  DESTINATION_STYLES,
  themeOf,
  type ICloseDownFinding,
  type ICloseDownItem,
  type IPhase,
  type ThemeName
} from '../../../domain/phases';
import { DESTINATION_LABELS, destinationText } from '../../../ui/destinationWords';
import { isDataError } from '../../../data/errors';
import { closeDownThemes, type ICloseDown } from '../../../data/PhaseRepository';
import { isProgrammeOffice, type IProgrammeRepository, type Saved, type UserRights } from '../../../data/repository';
import { useAsync } from '../../../ui/useAsync';
import { closeDownForm } from './closeDownForm';
import { describeLoadError, describeSaveError } from './errorText';
import type { IFormRequest } from './forms';
import { EditPanelLoader as EditPanel } from './lazy';
import { format } from './format';
import { LabelledSection } from './LabelledSection';
import { Loading } from './Loading';
import { RichText } from './RichText';
import { DataTable } from './ScrollRegion';
import { StartNextPhase } from './StartNextPhase';
import { installCloseDownWords } from '../../../ui/closeDownWords';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

// The words of the close-down's writes' messages come with this view, not with the first load.
installCloseDownWords();

/** Props of {@link CloseDownView}. */
export interface ICloseDownViewProps {
  repository: IProgrammeRepository;
  /** The phase whose close-down is shown. */
  phaseId: number;
  /** Every workstream of the programme: the closing phase's themes and the next phase's they move into. */
  workstreams: IWorkstreamHeading[];
  rights?: UserRights;
  /** Back to the programme view. */
  onBack: () => void;
  /** Something the programme view shows changed (a phase started, with its themes and period). */
  onChanged?: () => void;
  /** Opens a theme's journey across phases (a link in each row that names a workstream). */
  onOpenJourney?: (workstreamId: number) => void;
}

/** A phase's state in words. */
export function phaseStateText(phase: Pick<IPhase, 'state'>): string {
  switch (phase.state) {
    case 'Closed':
      return strings.PhaseClosed;
    case 'Closing':
      return strings.PhaseClosing;
    default:
      return strings.PhaseOpen;
  }
}

/** A destination as shown: its label on its colour, never the colour alone. */
function DestinationMark(props: { item: ICloseDownItem; workstreams: readonly ThemeName[] }): JSX.Element {
  const classNames = useClassNames();
  const { label, detail } = destinationText(props.item, props.workstreams);
  const style = props.item.destination ? DESTINATION_STYLES[props.item.destination] : undefined;
  return (
    <>
      <span
        className={classNames.badge}
        data-destination={props.item.destination || 'none'}
        style={style ? { background: `#${style.fill}`, color: `#${style.text}`, whiteSpace: 'normal' } : { whiteSpace: 'normal' }}
      >
        {label}
      </span>
      {detail ? <div>{detail}</div> : undefined}
    </>
  );
}

/** What was done, then its evidence, as the paper's "Activity Undertaken / Evidence" column. */
function Undertaken(props: { item: ICloseDownItem }): JSX.Element {
  const classNames = useClassNames();
  const { undertaken, evidence } = props.item;
  if (isBlank(undertaken) && isBlank(evidence)) {
    return <span className={classNames.muted}>{strings.CloseDownNothing}</span>;
  }
  return (
    <>
      {isBlank(undertaken) ? undefined : <RichText text={undertaken as string} />}
      {isBlank(evidence) ? undefined : (
        <p>
          <strong>{strings.CloseDownEvidence}</strong> {(evidence as string).trim()}
        </p>
      )}
    </>
  );
}

/**
 * A close-down item's cells after its task, as the paper's table has them: what was done with its
 * evidence, what is outstanding, and where it went. The close-down table and a workstream's
 * journey show an item alike.
 */
export function CloseDownItemCells(props: { item: ICloseDownItem; workstreams: readonly ThemeName[] }): JSX.Element {
  const classNames = useClassNames();
  const { item } = props;
  return (
    <>
      <td>
        <Undertaken item={item} />
      </td>
      <td>{isBlank(item.outstanding) ? <span className={classNames.muted}>{strings.CloseDownNothing}</span> : <RichText text={item.outstanding as string} />}</td>
      <td>
        <DestinationMark item={item} workstreams={props.workstreams} />
      </td>
    </>
  );
}

/** The colour key: each destination's colour with its label. */
export function CloseDownKey(): JSX.Element {
  const classNames = useClassNames();
  return (
    <ul className={classNames.keyList} aria-label={strings.CloseDownKeyHeading}>
      {CLOSE_DOWN_DESTINATIONS.map((d) => (
        <li key={d}>
          <span className={classNames.badge} data-destination={d} style={{ background: `#${DESTINATION_STYLES[d].fill}`, color: `#${DESTINATION_STYLES[d].text}`, whiteSpace: 'normal' }}>
            {DESTINATION_LABELS[d]}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A row's task, short enough for a button's name. */
function shortTask(task: string): string {
  const t: string = task.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** What the readiness check found, each with its severity in words as well as a symbol. */
function CloseDownReadiness(props: { phase: IPhase; findings: ICloseDownFinding[] }): JSX.Element {
  const classNames = useClassNames();
  return (
    <LabelledSection idPrefix="ph-closedown-ready" heading={strings.CloseDownReadinessHeading}>
      {props.findings.length === 0 ? (
        <p>{strings.CloseDownReady}</p>
      ) : (
        <>
          <p>{format(strings.CloseDownNotReady, props.phase.title)}</p>
          <ul className={classNames.findings}>
            {props.findings.map((f, i) => (
              <li key={i} className={classNames.finding} data-rule={f.rule}>
                <span className={`${classNames.severity} ${f.severity === 'error' ? classNames.severityError : classNames.severityWarning}`}>
                  <span aria-hidden="true">{f.severity === 'error' ? strings.GlyphError : strings.GlyphWarning}</span> {f.severity === 'error' ? strings.SeverityError : strings.SeverityWarning}
                </span>
                <span>{f.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </LabelledSection>
  );
}

/** Props of {@link CloseDownTable}. */
export interface ICloseDownTableProps {
  closeDown: ICloseDown;
  workstreams: readonly ThemeName[];
  /** Edits a row (the programme office, while the phase is not closed); no actions column without it. */
  onEditRow?: (item: Saved<ICloseDownItem>) => void;
  /** Opens the journey across phases of a row's theme; no link without it. */
  onOpenJourney?: (workstreamId: number) => void;
}

/**
 * The close-down table in the paper's column order: theme; the phase's tasks/actions; activity
 * undertaken with its evidence; activity outstanding; where it goes next. Each row names its theme
 * (a card, below 600 px, stands on its own).
 */
export function CloseDownTable(props: ICloseDownTableProps): JSX.Element {
  const classNames = useClassNames();
  const { phase, items } = props.closeDown;
  const label: string = format(strings.CloseDownTableCaption, phase.title);
  if (items.length === 0) {
    return <p>{format(strings.CloseDownEmpty, phase.title)}</p>;
  }
  return (
    <DataTable
      label={label}
      hideCaption
      columns={
        <>
          <th scope="col">{strings.CloseDownThemeColumn}</th>
          <th scope="col">{format(strings.CloseDownTaskColumn, phase.title)}</th>
          <th scope="col">{strings.CloseDownUndertakenColumn}</th>
          <th scope="col">{strings.CloseDownOutstandingColumn}</th>
          <th scope="col">{strings.CloseDownDestinationColumn}</th>
          {props.onEditRow ? <th scope="col">{strings.ActionsColumn}</th> : undefined}
        </>
      }
    >
      {items.map((item) => (
        <tr key={item.id}>
          <th scope="row">
            <span data-theme="">{themeOf(item, props.workstreams) || <span className={classNames.muted}>{strings.NotGiven}</span>}</span>
            {props.onOpenJourney && item.workstreamId !== undefined ? (
              <div className={classNames.journeyLink}>
                <Link onClick={() => props.onOpenJourney && item.workstreamId !== undefined && props.onOpenJourney(item.workstreamId)}>{format(strings.JourneyOfRow, themeOf(item, props.workstreams))}</Link>
              </div>
            ) : undefined}
          </th>
          <td>
            <RichText text={item.task} />
          </td>
          <CloseDownItemCells item={item} workstreams={props.workstreams} />
          {props.onEditRow ? (
            <td className={classNames.actionsCell}>
              <DefaultButton text={strings.Edit} ariaLabel={format(strings.CloseDownEditRowAria, shortTask(item.task))} onClick={() => props.onEditRow && props.onEditRow(item)} />
            </td>
          ) : undefined}
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * A phase's close-down as the Board reads it (issue 16): the phase's note, the colour key and the
 * table. Loaded on first use (lazy.tsx): most visits never open it.
 */
export function CloseDownView(props: ICloseDownViewProps): JSX.Element {
  const classNames = useClassNames();
  const keyHeadingId: string = useUniqueId('ph-closedown-key');
  const tableHeadingId: string = useUniqueId('ph-closedown-table');
  const headingRef: React.RefObject<HTMLHeadingElement> = React.useRef<HTMLHeadingElement>(null);
  const { repository, phaseId } = props;
  const closeDown = useAsync<ICloseDown>(() => repository.phases().getCloseDown(phaseId), [repository, phaseId]);
  const office: boolean = !!props.rights && isProgrammeOffice(props.rights);
  const [editing, setEditing] = React.useState<IFormRequest | undefined>(undefined);
  const [busy, setBusy] = React.useState<boolean>(false);
  // Once the next phase is started from this close-down, the form is not offered again here.
  const [started, setStarted] = React.useState<boolean>(false);
  const [boardDate, setBoardDate] = React.useState<string>('');
  const [outcome, setOutcome] = React.useState<{ kind: 'status' | 'alert'; text: string } | undefined>(undefined);

  /** Runs one of the programme office's actions, saying how it went. */
  const act = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ kind: 'status', text: await work() });
    } catch (e) {
      setOutcome({ kind: 'alert', text: describeSaveError(e, 'closeDownItem', closeDown.data ? closeDown.data.phase.title : '') });
    } finally {
      setBusy(false);
      closeDown.reload();
    }
  };
  const loaded: boolean = !!closeDown.data;
  // Arriving on the view moves focus to its heading, as opening a workstream does.
  React.useEffect(() => {
    if (loaded && headingRef.current) {
      headingRef.current.focus();
    }
  }, [loaded]);

  let body: JSX.Element;
  if (closeDown.data) {
    const data: ICloseDown = closeDown.data;
    const { phase } = data;
    const editable: boolean = office && phase.state !== 'Closed';
    const own: number[] = data.records.workstreams.map((w) => w.id);
    // The themes an item can move into: the programme's workstreams outside the closing phase.
    const themes: IWorkstreamHeading[] = props.workstreams.filter((w) => own.indexOf(w.id) < 0);
    const editRow = (item: Saved<ICloseDownItem>): void => {
      setOutcome(undefined);
      setEditing(closeDownForm(phase.title, item, themeOf(item, props.workstreams), themes));
    };
    body = (
      <>
        <h2 ref={headingRef} tabIndex={-1} className={classNames.heading}>
          {format(strings.CloseDownHeading, phase.title)}
        </h2>
        <p className={classNames.stateLine}>{format(strings.PhaseStateLine, phase.title, phaseStateText(phase))}</p>
        {isBlank(phase.closeDownNote) ? undefined : <RichText text={phase.closeDownNote as string} />}
        <section aria-labelledby={keyHeadingId}>
          <h3 id={keyHeadingId} className={classNames.sectionHeading}>
            {strings.CloseDownKeyHeading}
          </h3>
          <CloseDownKey />
        </section>
        <section aria-labelledby={tableHeadingId}>
          <h3 id={tableHeadingId} className={classNames.sectionHeading}>
            {strings.CloseDownTableHeading}
          </h3>
          {editable && data.items.length === 0 ? (
            <>
              <p>{format(strings.CloseDownDraftIntro, phase.title)}</p>
              <PrimaryButton
                text={strings.CloseDownDraft}
                disabled={busy}
                onClick={() => void act(async () => format(strings.CloseDownDrafted, (await repository.phases().draftCloseDown(phase.id)).items.length, phase.title))}
              />
            </>
          ) : (
            <CloseDownTable closeDown={data} workstreams={closeDownThemes(data, props.workstreams)} onEditRow={editable ? editRow : undefined} onOpenJourney={props.onOpenJourney} />
          )}
        </section>
        {phase.state === 'Closed' ? (
          <p>
            {strings.CloseDownLockedNote}
            {data.snapshot ? ` ${format(strings.CloseDownBoardMeeting, formatUkDate(data.snapshot.boardMeetingDate))}` : ''}
          </p>
        ) : undefined}
        {office && phase.state === 'Closed' && !started ? (
          <StartNextPhase
            repository={repository}
            closeDown={data}
            candidates={themes}
            onStarted={(message) => {
              setStarted(true);
              setOutcome({ kind: 'status', text: message });
              closeDown.reload();
              if (props.onChanged) {
                props.onChanged();
              }
            }}
          />
        ) : undefined}
        {editable && data.items.length > 0 ? (
          <>
            <CloseDownReadiness phase={phase} findings={data.findings} />
            <TextField
              label={strings.BoardMeetingDateLabel}
              value={boardDate}
              onChange={(_e, v) => setBoardDate(v || '')}
              description={strings.CloseDownBoardDateHint}
              placeholder={strings.DateFormatHint}
              inputMode="numeric"
              autoComplete="off"
            />
            <div className={classNames.toolbar}>
              <PrimaryButton
                text={strings.CloseDownLock}
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await repository.phases().lockCloseDown(phase.id, { boardMeetingDate: boardDate });
                    return format(strings.CloseDownLockedMessage, phase.title);
                  })
                }
              />
            </div>
          </>
        ) : undefined}
        {/* The live region is there before anything is said in it, so the news is announced. */}
        <p role="status">{outcome && outcome.kind === 'status' ? outcome.text : ''}</p>
        {outcome && outcome.kind === 'alert' ? <p role="alert">{outcome.text}</p> : undefined}
        {editing ? (
          <EditPanel
            request={editing}
            onSaved={(message) => {
              setEditing(undefined);
              setOutcome({ kind: 'status', text: message });
              closeDown.reload();
            }}
            onChanged={closeDown.reload}
            onClose={() => setEditing(undefined)}
          />
        ) : undefined}
      </>
    );
  } else if (closeDown.error !== undefined) {
    body = (
      <div role="alert">
        <p>{isDataError(closeDown.error, 'notFound') ? format(strings.CloseDownNotFound, String(phaseId)) : describeLoadError(closeDown.error)}</p>
        <DefaultButton text={strings.Retry} onClick={closeDown.reload} />
      </div>
    );
  } else {
    body = <Loading label={strings.Loading} />;
  }
  return (
    <div>
      <div className={classNames.toolbar}>
        <DefaultButton text={strings.BackToProgramme} onClick={props.onBack} />
      </div>
      {body}
    </div>
  );
}
