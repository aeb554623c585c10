import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { createTheme, type ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { BOARD_READER, latestPeriod, pictureSeenBy, type IPeriod, type IPeriodPicture, type IPeriodSection, type IPhase, type IWorkstream, type IWorkstreamHeading } from '../../domain';
import type { IEditablePeriodPicture, IProgrammeRepository } from '../../data/repository';
import { buildProgrammeReport, buildSectionBlock, draftHeader } from '../../report/build';
import { buildCloseDownBlock } from '../../report/closeDown';
import { closeDownThemes } from '../../data/PhaseRepository';
import type { IBlock } from '../../report/model';
import type { ISiteAccess } from '../data/connect';
import { checkSiteUrl, type ISiteAddress } from '../data/site';
import { describeFailure } from '../flows/failures';
import { blocksFor, choiceLabel, type InsertChoice } from '../flows/insert';
import { outcomeLines, outcomeTroubled, prepareRefresh, trackingNotice, type RefreshPlanner } from '../flows/refresh';
import { format } from '../../ui/format';
import { useAsync } from '../../ui/useAsync';
import { STRINGS } from '../loc/en-gb';
import type { HostKind } from '../office/host';
import type { ChangeTracking, IDocumentSource, IInsertOutcome, IRefreshItem, IRefreshOutcome, IWordDocument } from '../word/types';
import { deliverDocx, downloadFile, openInWord, reportFileName, type DocumentOpener, type FileSaver, type IDeliveryPlace } from './download';
import { wordApiSupported } from '../word/wordDocument';
import { InsertSection } from './InsertSection';
import { OperationStatus } from './OperationStatus';
import { PreviewSection } from './PreviewSection';
import { PeriodState } from './PeriodState';
import { Readiness } from './Readiness';
import { RefreshSection } from './RefreshSection';
import { SourceSection } from './SourceSection';
import { paneClassNames, type IPaneClassNames } from './styles';
import { useOperations, type IOperations, type OperationPlace } from './useOperation';

/** Props of {@link TaskPane}. */
export interface ITaskPaneProps {
  /** Where the pane runs. */
  host: HostKind;
  /** The Word document; only in Word. */
  word?: IWordDocument;
  /** How to reach the programme's site. */
  access: ISiteAccess;
  /** Plans refreshes; the Word adapter's planner unless a test gives another. */
  planner?: RefreshPlanner;
  /** Offers the .docx to the officer; the browser's download unless a test gives another. */
  saveFile?: FileSaver;
  /** Opens the .docx in Word as a new document; Word's createDocument unless a test gives another. */
  openDocument?: DocumentOpener;
  theme?: ITheme;
}

const DEFAULT_THEME: ITheme = createTheme({});

function readSource(word: IWordDocument | undefined): IDocumentSource | undefined {
  try {
    return word ? word.getSource() : undefined;
  } catch {
    // A document whose settings cannot be read starts without a source: the officer chooses one.
    return undefined;
  }
}

function initialSite(access: ISiteAccess, source: IDocumentSource | undefined): ISiteAddress | undefined {
  const url: string | undefined = access.fixedSiteUrl || (source ? source.siteUrl : undefined);
  if (!url) {
    return undefined;
  }
  const check = checkSiteUrl(url);
  return check.ok ? check.site : undefined;
}

/**
 * The Word add-in's task pane. In Word: choose the period, see its readiness findings, insert
 * the report's blocks at the cursor and refresh the ones already in the paper. Outside Word: say
 * so, preview the report and download it as a .docx.
 */
export function TaskPane(props: ITaskPaneProps): JSX.Element {
  const theme: ITheme = props.theme || DEFAULT_THEME;
  const classNames: IPaneClassNames = React.useMemo(() => paneClassNames(theme), [theme]);
  const { access } = props;
  const word: IWordDocument | undefined = props.host === 'word' ? props.word : undefined;
  const source: IDocumentSource | undefined = React.useMemo(() => readSource(word), [word]);

  const [site, setSite] = React.useState<ISiteAddress | undefined>(() => initialSite(access, source));
  const [periodId, setPeriodId] = React.useState<number | undefined>(source ? source.periodId : undefined);
  const [reloads, setReloads] = React.useState<number>(0);
  const [plan, setPlan] = React.useState<IRefreshItem[] | undefined>(undefined);
  const [tracking, setTracking] = React.useState<ChangeTracking>('unknown');
  // The Board's version (approved reports only) for the preview and the .docx, when the officer asks for it.
  const [boardVersion, setBoardVersion] = React.useState<boolean>(false);
  const ops: IOperations = useOperations();

  const repository: IProgrammeRepository | undefined = React.useMemo(() => (site ? access.connect(site) : undefined), [access, site]);
  const periodsLoad = useAsync<IPeriod[]>(repository ? () => repository.getPeriods() : undefined, [repository, reloads]);
  const periods: IPeriod[] | undefined = periodsLoad.data;
  // The saved or chosen period when the site has it; else the latest.
  const chosenPeriod: IPeriod | undefined = periods
    ? periods.filter((p) => p.id === periodId)[0] || latestPeriod(periods)
    : undefined;
  const chosenId: number | undefined = chosenPeriod ? chosenPeriod.id : undefined;
  const pictureLoad = useAsync<IEditablePeriodPicture>(
    repository && chosenId !== undefined ? () => repository.getPeriodPicture(chosenId) : undefined,
    [repository, chosenId, reloads]
  );
  const picture: IPeriodPicture | undefined = pictureLoad.data && pictureLoad.data.period.id === chosenId ? pictureLoad.data : undefined;
  // What the preview shows and the .docx holds: the Board's version when asked for (domain/visibility.ts).
  const forDocx: IPeriodPicture | undefined = React.useMemo(() => (picture && boardVersion ? pictureSeenBy(BOARD_READER, picture) : picture), [picture, boardVersion]);
  // Phases whose close-down can be inserted: closing or closed. A site without phases offers none.
  const phasesLoad = useAsync<IPhase[]>(
    repository
      ? () =>
          repository
            .phases()
            .getPhases()
            .then(
              (m) => m.phases.filter((p) => p.state !== 'Open'),
              () => []
            )
      : undefined,
    [repository, reloads]
  );
  const busy: boolean = !!ops.state.busy;

  const reload = (): void => {
    ops.clear();
    setReloads((n) => n + 1);
  };
  const signIn = (): void => {
    if (!site || !access.signIn) {
      return;
    }
    const signInTo: (s: ISiteAddress) => Promise<void> = access.signIn;
    void ops.run('source', STRINGS.SigningIn, async () => {
      await signInTo(site);
      setReloads((n) => n + 1);
    });
  };
  const statusAt = (place: OperationPlace): JSX.Element | undefined =>
    ops.state.place === place ? (
      <OperationStatus
        className={classNames.status}
        busy={ops.state.busy}
        result={ops.state.result}
        failure={ops.state.failure}
        onSignIn={access.signIn ? signIn : undefined}
        onDismiss={ops.clear}
      />
    ) : undefined;

  // Loading the periods and the period's data: progress, or a failure with its way out.
  const loadError: unknown = periodsLoad.error !== undefined ? periodsLoad.error : pictureLoad.error;
  const sourceStatus: JSX.Element = (
    <>
      <OperationStatus
        className={classNames.status}
        busy={periodsLoad.loading ? STRINGS.LoadingPeriods : pictureLoad.loading && chosenPeriod ? format(STRINGS.LoadingPicture, chosenPeriod.title) : undefined}
        failure={loadError !== undefined ? describeFailure(loadError) : undefined}
        onSignIn={access.signIn ? signIn : undefined}
        onRetry={reload}
      />
      {statusAt('source')}
    </>
  );

  /** Inserts blocks at the cursor, saying what was inserted and where, and records the document's source. */
  const insertBlocks = (label: string, make: (picture: IPeriodPicture) => IBlock[], inserted: (periodTitle: string) => string): void => {
    if (!word || !picture || !site) {
      return;
    }
    const target: IPeriodPicture = picture;
    const siteUrl: string = site.siteUrl;
    void ops.run('insert', format(STRINGS.Inserting, label), async () => {
      const where: IInsertOutcome = await word.insert(make(target));
      const lines: string[] = [inserted(target.period.title), ...placementLines(where)];
      try {
        await word.setSource({ siteUrl, periodId: target.period.id, periodTitle: target.period.title });
      } catch {
        return { kind: 'warning', lines: [...lines, STRINGS.ErrorSaveSource] };
      }
      return { kind: 'success', lines };
    });
  };

  const insert = (choice: InsertChoice, workstream?: IWorkstream): void => {
    const label: string = choiceLabel(choice);
    insertBlocks(
      label,
      (target) => blocksFor(target, choice, workstream ? workstream.id : undefined),
      (period) => (workstream ? format(STRINGS.InsertedWorkstream, label, workstream.title, period) : format(STRINGS.Inserted, label, period))
    );
  };

  const insertSection = (section: IPeriodSection): void => {
    insertBlocks(section.name, (target) => [buildSectionBlock(target, section.key)], (period) => format(STRINGS.Inserted, section.name, period));
  };

  const insertCloseDown = (phase: IPhase): void => {
    if (!word || !repository) {
      return;
    }
    const label: string = format(STRINGS.KindCloseDown, phase.title);
    const source: IProgrammeRepository = repository;
    void ops.run('insert', format(STRINGS.Inserting, label), async () => {
      const closeDown = await source.phases().getCloseDown(phase.id);
      // Destination themes may be the next phase's: every workstream is named from the whole list.
      const workstreams: IWorkstreamHeading[] = (await source.getProgrammeSummary()).workstreams;
      const where: IInsertOutcome = await word.insert([buildCloseDownBlock({ phase: closeDown.phase, items: closeDown.items, workstreams: closeDownThemes(closeDown, workstreams) })]);
      return { kind: 'success', lines: [format(STRINGS.InsertedCloseDown, label, closeDown.items.length), ...placementLines(where)] };
    });
  };

  const checkForChanges = (): void => {
    if (!word || !repository) {
      return;
    }
    void ops.run('refresh', STRINGS.RefreshFinding, async (progress) => {
      const planned: IRefreshItem[] = await prepareRefresh(word, repository, progress, props.planner);
      setTracking(word.changeTracking());
      setPlan(planned);
    });
  };

  const applyRefresh = (overwrite: ReadonlySet<number>): void => {
    if (!word || !plan) {
      return;
    }
    const planned: IRefreshItem[] = plan;
    void ops.run('refresh', STRINGS.RefreshApplying, async () => {
      const outcome: IRefreshOutcome = await word.applyRefresh(planned, overwrite);
      setPlan(undefined);
      return { kind: outcomeTroubled(outcome) ? 'warning' : 'success', lines: outcomeLines(outcome) };
    });
  };

  const download = (): void => {
    if (!picture) {
      return;
    }
    const target: IPeriodPicture = forDocx || picture;
    const save: FileSaver = props.saveFile || downloadFile;
    const open: DocumentOpener = props.openDocument || openInWord;
    // Inside Office (Word, even one too old to insert) a download link may do nothing (a Mac).
    const place: IDeliveryPlace = { insideOffice: props.host !== 'outside', canCreateDocument: props.host !== 'outside' && wordApiSupported('1.3') };
    void ops.run(word ? 'insert' : 'preview', STRINGS.Downloading, async () => {
      // The .docx writer (and its zip library) loads only when an officer downloads.
      const { buildDocx } = await import(/* webpackChunkName: 'docx' */ '../../report/docx');
      const bytes: Uint8Array = await buildDocx(buildProgrammeReport(target), { header: draftHeader(target) });
      return deliverDocx(bytes, reportFileName(target.period.title), place, save, open);
    });
  };

  const notice: string | undefined = props.host === 'outside' ? STRINGS.OutsideWord : props.host === 'wordTooOld' ? STRINGS.WordTooOld : undefined;

  return (
    <ThemeProvider theme={theme} className={classNames.root}>
      <header className={classNames.header}>
        <h1 className={classNames.title}>{STRINGS.AppTitle}</h1>
        <p className={classNames.subtitle}>{STRINGS.AppSubtitle}</p>
      </header>
      <main>
        {notice ? (
          <div className={classNames.section}>
            <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
              {notice}
            </MessageBar>
          </div>
        ) : null}
        <SourceSection
          fixedSiteUrl={access.fixedSiteUrl}
          site={site}
          onSite={(s) => {
            ops.clear();
            setPlan(undefined);
            setSite(s);
          }}
          periods={periods}
          periodId={chosenId}
          onPeriod={(id) => {
            ops.clear();
            setPeriodId(id);
          }}
          classNames={classNames}
          headingId="ph-source-heading"
          status={sourceStatus}
        />
        {picture ? <PeriodState picture={picture} classNames={classNames} boardVersion={boardVersion} onBoardVersion={setBoardVersion} /> : null}
        {picture ? <Readiness picture={picture} classNames={classNames} headingId="ph-readiness-heading" /> : null}
        {word ? (
          <>
            <InsertSection
              picture={picture}
              disabled={busy || !!plan}
              classNames={classNames}
              headingId="ph-insert-heading"
              onInsert={insert}
              onInsertSection={insertSection}
              phases={phasesLoad.data}
              onInsertCloseDown={insertCloseDown}
              onNewDocument={download}
              status={statusAt('insert')}
            />
            <RefreshSection
              plan={plan}
              notice={trackingNotice(tracking)}
              disabled={busy || !repository}
              classNames={classNames}
              headingId="ph-refresh-heading"
              onCheck={checkForChanges}
              onApply={applyRefresh}
              onCancel={() => {
                ops.clear();
                setPlan(undefined);
              }}
              status={statusAt('refresh')}
            />
          </>
        ) : picture ? (
          <PreviewSection picture={forDocx || picture} disabled={busy} classNames={classNames} headingId="ph-preview-heading" onDownload={download} status={statusAt('preview')} />
        ) : null}
      </main>
    </ThemeProvider>
  );
}

/** What the pane says about where a block went and whether Word tracked it. */
function placementLines(where: IInsertOutcome): string[] {
  const lines: string[] = [];
  if (where.place === 'afterBlock') {
    lines.push(format(STRINGS.InsertedAfterBlock, where.blockTitle || ''));
  } else if (where.place === 'afterTable') {
    lines.push(STRINGS.InsertedAfterTable);
  }
  if (where.tracking === 'on') {
    lines.push(STRINGS.InsertedTracked);
  }
  return lines;
}
