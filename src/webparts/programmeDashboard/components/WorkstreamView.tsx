import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { type IMilestone, type IPeriod, type IRisk, type IWorkstream, latestPeriod } from '../../../domain';
import { isDataError } from '../../../data/errors';
import type { ICurrentUser, IEditablePeriodPicture, IProgrammeRepository, Saved, UserRights } from '../../../data/repository';
import { usePeriodPicture } from '../hooks/usePeriodPicture';
import { useRagHistory } from '../hooks/useRagHistory';
import { type IBatchUpdate, type SaveOutcome, useSave } from '../hooks/useSave';
import { DeletePanel, type IDeleteRequest } from './DeletePanel';
import { EditPanel } from './EditPanel';
import { describeSaveError } from './errorText';
import { FeedbackSection } from './FeedbackSection';
import { format } from './format';
import type { IFormContext } from './formSpecs';
import type { IFormRequest } from './forms';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { MilestonesTable } from './MilestonesTable';
import { type IPermissions, permissionsFor } from './permissions';
import { RagHistoryTable } from './RagHistoryTable';
import { ReadinessList } from './ReadinessList';
import { RisksTable } from './RisksTable';
import type { ISectionProps } from './sections';
import { SponsorCommentsSection } from './SponsorCommentsSection';
import { StatusSection } from './StatusSection';
import { useClassNames } from './useClassNames';

/** Props of {@link WorkstreamView}. */
export interface IWorkstreamViewProps {
  repository: IProgrammeRepository;
  workstream: IWorkstream;
  /** Every period, earliest first. */
  periods: IPeriod[];
  rights: UserRights;
  user: ICurrentUser;
  /** Returns to the programme view; absent when the view was opened on one workstream (a Teams tab). */
  onBack?: () => void;
  /** Called after anything was stored, so the programme view can refresh its counts. */
  onChanged?: () => void;
}

/** A message about the last change, shown at the top of the view. */
interface IStatusMessage {
  kind: 'success' | 'error';
  text: string;
}

/**
 * One workstream in one period: its status and update beside the IIB's feedback, the sponsor's
 * comments, milestones, risks, the rating over time and what must be put right before the
 * paper goes to the Board — with the changes the user's SharePoint rights allow.
 */
export function WorkstreamView(props: IWorkstreamViewProps): JSX.Element {
  const classNames = useClassNames();
  const { repository, workstream, periods } = props;
  const latest: IPeriod | undefined = latestPeriod(periods);
  const [periodId, setPeriodId] = React.useState<number | undefined>(latest ? latest.id : undefined);
  const picture = usePeriodPicture(repository, periodId, workstream.id);
  const history = useRagHistory(repository, workstream.id);
  const actions = useSave(repository);
  const [editing, setEditing] = React.useState<IFormRequest | undefined>();
  const [deleting, setDeleting] = React.useState<IDeleteRequest | undefined>();
  const [message, setMessage] = React.useState<IStatusMessage | undefined>();
  const [panelKey, setPanelKey] = React.useState<number>(0);
  const returnFocus: React.MutableRefObject<HTMLElement | null> = React.useRef<HTMLElement | null>(null);
  const focusAfterReload: React.MutableRefObject<string | undefined> = React.useRef<string | undefined>();
  const headingRef: React.RefObject<HTMLHeadingElement> = React.useRef<HTMLHeadingElement>(null);
  const panelOpen: boolean = editing !== undefined || deleting !== undefined;
  const wasOpen: React.MutableRefObject<boolean> = React.useRef<boolean>(false);

  // Focus goes back to the control that opened a panel; if that control is gone (the item was
  // deleted, or "Start" became "Edit"), to the workstream's heading.
  React.useEffect(() => {
    if (wasOpen.current && !panelOpen) {
      const target: HTMLElement | null = returnFocus.current;
      if (target && target.isConnected) {
        target.focus();
      } else {
        headingRef.current?.focus();
      }
    }
    wasOpen.current = panelOpen;
  }, [panelOpen]);

  // A reordered row moves; put focus back on the button that moved it.
  React.useEffect(() => {
    const key: string | undefined = focusAfterReload.current;
    if (key && !picture.loading) {
      focusAfterReload.current = undefined;
      const button: HTMLElement | null = document.querySelector<HTMLElement>(`[data-focus-key="${key}"]`);
      if (button) {
        button.focus();
      }
    }
  }, [picture.data, picture.loading]);

  const refresh = (): void => {
    picture.reload();
    history.reload();
    if (props.onChanged) {
      props.onChanged();
    }
  };

  const remember = (): void => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const openForm = (request: IFormRequest): void => {
    remember();
    setMessage(undefined);
    setPanelKey((k) => k + 1);
    setEditing(request);
  };
  const openDelete = (request: IDeleteRequest): void => {
    remember();
    setMessage(undefined);
    setDeleting(request);
  };
  const closePanels = (): void => {
    setEditing(undefined);
    setDeleting(undefined);
  };
  const onStored = (text: string): void => {
    closePanels();
    setMessage({ kind: 'success', text });
    refresh();
  };

  const data: IEditablePeriodPicture | undefined = picture.data;
  const period: IPeriod | undefined = data ? data.period : undefined;

  const reportActionFailure = (error: unknown, kind: 'milestone' | 'risk'): void => {
    setMessage({ kind: 'error', text: describeSaveError(error, kind, period ? period.title : '') });
    if (isDataError(error, 'conflict') || isDataError(error, 'notFound')) {
      refresh();
    }
  };

  const move = async (milestone: Saved<IMilestone>, delta: -1 | 1, rows: Array<Saved<IMilestone>>): Promise<void> => {
    const from: number = rows.indexOf(milestone);
    const to: number = from + delta;
    if (from < 0 || to < 0 || to >= rows.length) {
      return;
    }
    const reordered: Array<Saved<IMilestone>> = rows.slice();
    reordered.splice(from, 1);
    reordered.splice(to, 0, milestone);
    // Renumber the order 1..n and store only the rows whose place changed.
    const updates: Array<IBatchUpdate<'milestone'>> = reordered
      .map((m, i) => ({ m, order: i + 1 }))
      .filter((x) => x.m.order !== x.order)
      .map((x) => ({ id: x.m.id, changes: { order: x.order }, etag: x.m.etag }));
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await actions.updateMany('milestone', updates);
    if (outcome.ok) {
      focusAfterReload.current = `milestone-${milestone.id}-${delta < 0 ? 'up' : 'down'}`;
      setMessage({ kind: 'success', text: strings.Saved });
      refresh();
    } else {
      reportActionFailure(outcome.error, 'milestone');
    }
  };

  const closeRisk = async (risk: Saved<IRisk>): Promise<void> => {
    if (!period) {
      return;
    }
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await actions.update('risk', risk.id, { state: 'Closed', closedPeriodId: period.id }, risk.etag);
    if (outcome.ok) {
      // The risk leaves this period's report, so focus cannot stay on its row.
      headingRef.current?.focus();
      setMessage({ kind: 'success', text: format(strings.RiskClosedMessage, period.title) });
      refresh();
    } else {
      reportActionFailure(outcome.error, 'risk');
    }
  };

  const options: IDropdownOption[] = periods
    .slice()
    .reverse()
    .map((p) => ({ key: p.id, text: p.title }));

  let body: JSX.Element;
  if (periods.length === 0) {
    body = <p>{strings.NoPeriods}</p>;
  } else if (data && period) {
    const ctx: IFormContext = { workstream, period, user: props.user };
    const can: IPermissions = permissionsFor(props.rights, period);
    const section: ISectionProps = { picture: data, ctx, can, onEdit: openForm, onDelete: openDelete };
    body = (
      <>
        {period.state === 'Locked' ? (
          <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
            {format(strings.PeriodLocked, period.title)}
          </MessageBar>
        ) : undefined}
        <div className={classNames.columns}>
          <div className={classNames.wideColumn}>
            <StatusSection {...section} />
          </div>
          <div className={`${classNames.column} ${classNames.card}`}>
            <FeedbackSection {...section} />
          </div>
        </div>
        <SponsorCommentsSection {...section} />
        <MilestonesTable {...section} timing="ThisPeriod" onMove={(m, d, rows) => void move(m, d, rows)} busy={actions.saving} />
        <MilestonesTable {...section} timing="NextPeriod" onMove={(m, d, rows) => void move(m, d, rows)} busy={actions.saving} />
        <RisksTable {...section} onCloseRisk={(r) => void closeRisk(r)} busy={actions.saving} />
        <div className={classNames.columns}>
          <div className={classNames.column}>
            <RagHistoryTable workstream={workstream} periods={periods} history={history} />
          </div>
          <div className={classNames.wideColumn}>
            <ReadinessList picture={data} ctx={ctx} />
          </div>
        </div>
        {editing ? (
          <EditPanel
            key={panelKey}
            repository={repository}
            request={editing}
            onSaved={onStored}
            onChanged={refresh}
            onClose={closePanels}
          />
        ) : undefined}
        {deleting ? (
          <DeletePanel repository={repository} request={deleting} onDeleted={onStored} onChanged={refresh} onClose={closePanels} />
        ) : undefined}
      </>
    );
  } else if (picture.error !== undefined) {
    body = <LoadError error={picture.error} onRetry={picture.reload} />;
  } else {
    body = <Loading label={strings.LoadingPeriod} />;
  }

  const sponsor: string | undefined = workstream.sponsor ? workstream.sponsor.name : undefined;
  const managers: string = workstream.projectManagers.map((p) => p.name).join(strings.ListSeparator);

  return (
    <div>
      {props.onBack ? (
        <div className={classNames.toolbar}>
          <DefaultButton text={strings.BackToProgramme} onClick={props.onBack} />
        </div>
      ) : undefined}
      <h2 ref={headingRef} tabIndex={-1} className={classNames.heading}>
        {workstream.title}
      </h2>
      <p className={classNames.subHeading}>
        {sponsor ? format(strings.SponsorLine, sponsor) : undefined}
        {sponsor && managers ? strings.ListSeparator : undefined}
        {managers ? format(strings.ProjectManagersLine, managers) : undefined}
      </p>
      {periods.length > 0 ? (
        <div className={classNames.toolbar}>
          <Dropdown
            label={strings.PeriodPickerLabel}
            options={options}
            selectedKey={periodId}
            onChange={(_e, option) => {
              if (option) {
                setMessage(undefined);
                setPeriodId(Number(option.key));
              }
            }}
            styles={{ root: { width: '100%', maxWidth: 320 } }}
          />
        </div>
      ) : undefined}
      <div>
        {message ? (
          <MessageBar
            messageBarType={message.kind === 'success' ? MessageBarType.success : MessageBarType.error}
            role={message.kind === 'success' ? 'status' : 'alert'}
            isMultiline={true}
            onDismiss={() => setMessage(undefined)}
            dismissButtonAriaLabel={strings.Dismiss}
          >
            {message.text}
          </MessageBar>
        ) : undefined}
      </div>
      {actions.saving && !panelOpen ? <Loading label={strings.Saving} /> : undefined}
      {body}
    </div>
  );
}
