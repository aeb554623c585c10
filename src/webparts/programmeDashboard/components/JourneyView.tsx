import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import type { IPeriod, IWorkstreamHeading } from '../../../domain/model';
import { isBlank } from '../../../domain/text';
import type { IPhase, ThemeName } from '../../../domain/phases';
import type { IJourneyRow, IWorkstreamJourney } from '../../../data/PhaseRepository';
import type { IProgrammeRepository, IRagHistoryEntry } from '../../../data/repository';
import { useAsync } from '../../../ui/useAsync';
import { LabelledSection } from './LabelledSection';
import { CloseDownItemCells } from './CloseDownView';
import { format } from './format';
import { LoadPending } from './LoadPending';
import { RagHistoryTable } from './RagHistoryTable';
import { RichText } from './RichText';
import { DataTable } from './ScrollRegion';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link JourneyView}. */
export interface IJourneyViewProps {
  repository: IProgrammeRepository;
  /** The workstream whose journey is shown. */
  workstream: IWorkstreamHeading;
  /** Every workstream of the programme, to name and open the themes the journey links to. */
  workstreams: IWorkstreamHeading[];
  /** Every period, earliest first. */
  periods: IPeriod[];
  /**
   * Every rating as the viewer may see it (domain's ratingsSeenBy: a draft withheld from readers
   * is marked, its values left out), as the programme view has them.
   */
  history: IRagHistoryEntry[];
  /** Opens another workstream's journey (a theme its items went to or came from). */
  onOpenJourney: (workstreamId: number) => void;
  /** Opens the workstream's own report. */
  onOpenWorkstream?: () => void;
  /** Opens a phase's close-down table. */
  onOpenCloseDown?: (phaseId: number) => void;
  /** Back to the programme view. */
  onBack: () => void;
}

const NO_RELOAD = (): void => undefined;

/** A link to a theme's journey whose name says where it goes: the theme, and the phase it is a theme of. */
function ThemeLink(props: { id: number; themes: readonly ThemeName[]; phases: IPhase[]; workstreamPhase: { [id: number]: number }; onOpen: (id: number) => void }): JSX.Element {
  const theme: ThemeName | undefined = props.themes.filter((t) => t.id === props.id)[0];
  const name: string = theme ? theme.title : String(props.id);
  const phase: IPhase | undefined = props.phases.filter((p) => p.id === props.workstreamPhase[props.id])[0];
  return (
    <Link
      onClick={() => props.onOpen(props.id)}
      aria-label={phase ? format(strings.JourneyThemeLinkAria, name, phase.title) : format(strings.JourneyThemeLinkAriaNoPhase, name)}
    >
      {format(strings.JourneyThemeLink, name)}
    </Link>
  );
}

/** One phase on the journey: the workstream's ratings in its periods, and its rows of its close-down. */
function PhaseStage(props: {
  phase: IPhase;
  workstream: IWorkstreamHeading;
  periods: IPeriod[];
  history: IRagHistoryEntry[];
  rows: IJourneyRow[];
  member: boolean;
  journey: IWorkstreamJourney;
  themes: ThemeName[];
  onOpenJourney: (id: number) => void;
  onOpenCloseDown?: (phaseId: number) => void;
}): JSX.Element {
  const classNames = useClassNames();
  const rowsHeadingId: string = useUniqueId('ph-journey-rows');
  const { phase, workstream } = props;
  const caption: string = format(strings.JourneyRowsCaption, workstream.title, phase.title);
  let rows: JSX.Element;
  if (props.rows.length === 0) {
    rows = <p>{phase.state === 'Open' ? format(strings.JourneyNoCloseDown, phase.title) : format(strings.JourneyNoRows, workstream.title, phase.title)}</p>;
  } else {
    rows = (
      <DataTable
        label={caption}
        hideCaption
        columns={
          <>
            <th scope="col">{format(strings.CloseDownTaskColumn, phase.title)}</th>
            <th scope="col">{strings.CloseDownUndertakenColumn}</th>
            <th scope="col">{strings.CloseDownOutstandingColumn}</th>
            <th scope="col">{strings.CloseDownDestinationColumn}</th>
            <th scope="col">{strings.JourneyWentToColumn}</th>
          </>
        }
      >
        {props.rows.map(({ item, wentTo }) => (
          <tr key={item.id}>
            <th scope="row">
              <RichText text={item.task} />
            </th>
            <CloseDownItemCells item={item} workstreams={props.themes} />
            <td>
              {wentTo.length === 0 ? (
                <span className={classNames.muted}>{item.destination === 'NextPhaseTheme' ? strings.JourneyWentToNone : strings.CloseDownNothing}</span>
              ) : (
                <ul className={classNames.keyList}>
                  {wentTo.map((id) => (
                    <li key={id}>
                      <ThemeLink id={id} themes={props.themes} phases={props.journey.membership.phases} workstreamPhase={props.journey.membership.workstreamPhase} onOpen={props.onOpenJourney} />
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    );
  }
  return (
    <LabelledSection idPrefix="ph-journey-phase" heading={format(strings.JourneyPhaseHeading, phase.title, phase.state === 'Closed' ? strings.PhaseClosedShort : phase.state === 'Closing' ? strings.PhaseClosing : strings.PhaseOpen)}>
      {props.member ? <p>{format(strings.JourneyThemeOf, workstream.title)}</p> : undefined}
      {props.periods.length === 0 ? (
        <p>{format(strings.JourneyNoPeriods, phase.title)}</p>
      ) : (
        <RagHistoryTable
          workstream={workstream}
          periods={props.periods}
          history={{ loading: false, data: props.history, reload: NO_RELOAD }}
          heading={format(strings.JourneyRatingsHeading, phase.title)}
          caption={format(strings.JourneyRatingsCaption, workstream.title, phase.title)}
          level={4}
        />
      )}
      <section aria-labelledby={rowsHeadingId}>
        <h4 id={rowsHeadingId} className={classNames.sectionHeading}>
          {format(strings.JourneyRowsHeading, phase.title)}
        </h4>
        {rows}
        {phase.state === 'Closed' && props.rows.length > 0 ? <p className={classNames.muted}>{strings.JourneyLockedFrom}</p> : undefined}
        {props.onOpenCloseDown && phase.state !== 'Open' ? (
          <p>
            <Link onClick={() => props.onOpenCloseDown && props.onOpenCloseDown(phase.id)}>{format(strings.JourneyCloseDownLink, phase.title)}</Link>
          </p>
        ) : undefined}
      </section>
    </LabelledSection>
  );
}

/**
 * A workstream's journey across the programme's phases (issue 16): in each phase it is part of,
 * its ratings over that phase's periods and its rows of the phase's close-down (a locked one as
 * the Board saw it), with links to the next-phase themes its outstanding items went to; and, for
 * a theme of a later phase, the earlier themes whose items came into it. Loaded on first use.
 */
export function JourneyView(props: IJourneyViewProps): JSX.Element {
  const classNames = useClassNames();
  const headingRef: React.RefObject<HTMLHeadingElement> = React.useRef<HTMLHeadingElement>(null);
  const cameFromId: string = useUniqueId('ph-journey-from');
  const { repository, workstream } = props;
  const journey = useAsync<IWorkstreamJourney>(() => repository.phases().getJourney(workstream.id), [repository, workstream.id]);
  const loaded: boolean = !!journey.data;
  React.useEffect(() => {
    if (loaded && headingRef.current) {
      headingRef.current.focus();
    }
  }, [loaded, workstream.id]);

  let body: JSX.Element;
  if (journey.data) {
    const data: IWorkstreamJourney = journey.data;
    const { phases, periodPhase, workstreamPhase } = data.membership;
    // The themes named as the journey's snapshots name them, then the others as they are now.
    const themes: ThemeName[] = [...data.themes, ...props.workstreams.filter((w) => !data.themes.some((t) => t.id === w.id))];
    const rated: number[] = props.history.filter((h) => h.workstreamId === workstream.id).map((h) => h.periodId);
    const involved: IPhase[] = phases.filter(
      (p) => workstreamPhase[workstream.id] === p.id || data.rows.some((r) => r.phaseId === p.id) || props.periods.some((period) => periodPhase[period.id] === p.id && rated.indexOf(period.id) >= 0)
    );
    const groups: Array<{ phaseId: number; from: number; rows: IJourneyRow[] }> = [];
    for (const r of data.cameFrom) {
      const from: number = r.item.workstreamId as number;
      const group = groups.filter((g) => g.phaseId === r.phaseId && g.from === from)[0];
      if (group) {
        group.rows.push(r);
      } else {
        groups.push({ phaseId: r.phaseId, from, rows: [r] });
      }
    }
    const phaseTitle = (id: number): string => (phases.filter((p) => p.id === id)[0] || { title: '' }).title;
    const ownPhase: number | undefined = workstreamPhase[workstream.id];
    const laterPhase: boolean = ownPhase !== undefined && phases.length > 0 && phases[0].id !== ownPhase;
    body = (
      <>
        {phases.length === 0 ? (
          <>
            <p>{format(strings.JourneyNoPhases, workstream.title)}</p>
            <RagHistoryTable workstream={workstream} periods={props.periods} history={{ loading: false, data: props.history, reload: NO_RELOAD }} />
          </>
        ) : (
          <>
            {phases.length === 1 ? <p>{format(strings.JourneyOnePhase, phases[0].title)}</p> : undefined}
            {involved.length === 0 ? <p>{format(strings.JourneyNotInPhase, workstream.title)}</p> : undefined}
            {groups.length > 0 || laterPhase ? (
              <section aria-labelledby={cameFromId}>
                <h3 id={cameFromId} className={classNames.sectionHeading}>
                  {format(strings.JourneyCameFromHeading, workstream.title)}
                </h3>
                {groups.length === 0 ? (
                  <p>{format(strings.JourneyCameFromNone, workstream.title)}</p>
                ) : (
                  <>
                    <p>{format(strings.JourneyCameFromIntro, workstream.title)}</p>
                    <ul className={classNames.keyList}>
                      {groups.map((g) => (
                        <li key={`${g.phaseId}:${g.from}`}>
                          <p>
                            {format(strings.JourneyCameFromTheme, themes.filter((t) => t.id === g.from).map((t) => t.title)[0] || String(g.from), phaseTitle(g.phaseId))}{' '}
                            <ThemeLink id={g.from} themes={themes} phases={phases} workstreamPhase={workstreamPhase} onOpen={props.onOpenJourney} />
                          </p>
                          <ul>
                            {g.rows.map((r) => (
                              <li key={r.item.id}>
                                <RichText text={r.item.task} />
                                {isBlank(r.item.outstanding) ? undefined : <RichText text={r.item.outstanding as string} />}
                              </li>
                            ))}
                          </ul>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            ) : undefined}
            {involved.map((phase) => (
              <PhaseStage
                key={phase.id}
                phase={phase}
                workstream={workstream}
                periods={props.periods.filter((p) => periodPhase[p.id] === phase.id)}
                history={props.history}
                rows={data.rows.filter((r) => r.phaseId === phase.id)}
                member={ownPhase === phase.id}
                journey={data}
                themes={themes}
                onOpenJourney={props.onOpenJourney}
                onOpenCloseDown={props.onOpenCloseDown}
              />
            ))}
          </>
        )}
      </>
    );
  } else {
    body = <LoadPending load={journey} label={strings.JourneyLoading} />;
  }
  return (
    <div>
      <div className={classNames.toolbar}>
        <DefaultButton text={strings.BackToProgramme} onClick={props.onBack} />
        {props.onOpenWorkstream ? <DefaultButton text={format(strings.JourneyOpenReport, workstream.title)} onClick={props.onOpenWorkstream} /> : undefined}
      </div>
      <h2 ref={headingRef} tabIndex={-1} className={classNames.heading}>
        {format(strings.JourneyHeading, workstream.title)}
      </h2>
      {body}
    </div>
  );
}
