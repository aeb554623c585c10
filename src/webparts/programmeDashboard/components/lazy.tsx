/**
 * The parts of the dashboard that not every visit needs, loaded when first wanted so that the
 * page's first load stays small: the programme view, a workstream in depth, the programme
 * office's view, a phase's close-down table, and the
 * panels that edit and confirm (with Fluent's Panel, TextField and the forms behind them).
 * SPFx's webpack puts each `import()` in its own chunk, fetched from the same place as the bundle.
 */
import * as React from 'react';
import { strings } from '../loc/strings';
import type { IActionPanelProps } from './ActionPanel';
import type { IApprovePanelProps } from './ApprovePanel';
import type { ICyclePanelProps } from './CyclePanel';
import type { ICloseDownViewProps } from './CloseDownView';
import type { IDeletePanelProps } from './DeletePanel';
import type { IEditPanelProps } from './EditPanel';
import type { IFormPanelProps } from './FormPanel';
import type { IJourneyViewProps } from './JourneyView';
import { preloadWrites } from '../../../data/ProgrammeRepository';
import { Loading } from './Loading';
import { Notice } from './Notice';
import type { IProgrammeOfficeViewProps } from './ProgrammeOfficeView';
import type { IProgrammeViewProps } from './ProgrammeView';
import type { IRagTrendsProps } from './RagTrends';
import type { IRiskMatrixProps } from './RiskMatrix';
import type { IProgrammeSetUpProps } from './ProgrammeSetUp';
import type { IWorkstreamViewProps } from './WorkstreamView';
import type { ITextFieldProps } from '@fluentui/react/lib/TextField';

/** A module loaded once, however often it is asked for; a failed load can be tried again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = load().catch((e: unknown) => {
        loading = undefined;
        throw e;
      });
    }
    return loading;
  };
}

// Parts fetched together are one module each, so that each is one chunk whatever the bundler.
const loadGlance = once(() => import(/* webpackChunkName: 'ph-glance' */ './glanceParts'));
const loadEditing = once(() => import(/* webpackChunkName: 'ph-editing' */ './editingPanels'));
const loadCloseDown = once(() => import(/* webpackChunkName: 'ph-closedown' */ './closeDownParts'));
const loadProgrammeView = once(() => import(/* webpackChunkName: 'ph-programme' */ './ProgrammeView'));
const loadWorkstreamView = once(() => import(/* webpackChunkName: 'ph-workstream' */ './WorkstreamView'));
const loadProgrammeOfficeView = once(() => import(/* webpackChunkName: 'ph-programme-office' */ './ProgrammeOfficeView'));
const loadProgrammeSetUp = once(() => import(/* webpackChunkName: 'ph-setup' */ './ProgrammeSetUp'));
// Fluent's drop-down, text field and menu (with the Button, callouts and focus zones they share).
export const loadControls: () => Promise<typeof import('./fluentControls')> = once(() => import(/* webpackChunkName: 'ph-controls' */ './fluentControls'));

/**
 * Starts loading Fluent's drop-down, text field and menu once a view is on screen, so that the
 * period picker and the rows' "More actions" are Fluent's own by the time anyone reaches them.
 */
export function preloadControls(): void {
  loadControls().catch(() => {
    // The control that needs it loads it again when used, and says so if it cannot.
  });
}

/** Starts loading the programme view as the page lands on it, alongside the programme's data. */
export function preloadProgrammeView(): void {
  loadProgrammeView().catch(() => {
    // Shown, with a retry, when the view is rendered.
  });
}

/** Starts loading a workstream's view before it is opened (a Teams tab opens on one). */
export function preloadWorkstreamView(): void {
  loadWorkstreamView().catch(() => {
    // Shown, with a retry, when the view is actually opened.
  });
}

/** Starts loading the editing panels and the repository's writes, once a view that offers editing is on screen. */
export function preloadEditing(): void {
  preloadWrites();
  loadEditing().catch(() => {
    // As above: the panel that is opened says so.
  });
}

/**
 * A part loaded on first use. While it loads, a spinner (saying `loadingLabel`, else the
 * dashboard's words for loading); if it cannot be fetched (the connection dropped), words saying
 * so and a retry that fetches it again.
 */
export function lazyPart<P extends object>(load: () => Promise<React.ComponentType<P>>, loadingLabel?: string): (props: P) => JSX.Element {
  // One React.lazy per attempt: React keeps a lazy component's failure, so a retry needs a new one.
  const make = (): React.LazyExoticComponent<React.ComponentType<P>> => React.lazy(() => load().then((c) => ({ default: c })));
  let current: React.LazyExoticComponent<React.ComponentType<P>> = make();
  let failedWith: React.LazyExoticComponent<React.ComponentType<P>> | undefined;
  return function Part(props: P): JSX.Element {
    const [, setAttempt] = React.useState<number>(0);
    const retry = (): void => {
      if (failedWith === current) {
        current = make();
      }
      setAttempt((a) => a + 1);
    };
    const Lazy = current;
    return (
      <LoadBoundary onRetry={retry} onFail={() => (failedWith = Lazy)} loadingLabel={loadingLabel}>
        {React.createElement(Lazy as unknown as React.ComponentType<P>, props)}
      </LoadBoundary>
    );
  };
}

interface ILoadBoundaryProps {
  children: React.ReactNode;
  loadingLabel?: string;
  onRetry: () => void;
  onFail: () => void;
}

interface ILoadBoundaryState {
  failed: boolean;
}

class LoadBoundary extends React.Component<ILoadBoundaryProps, ILoadBoundaryState> {
  public state: ILoadBoundaryState = { failed: false };

  public static getDerivedStateFromError(): ILoadBoundaryState {
    return { failed: true };
  }

  public componentDidCatch(): void {
    this.props.onFail();
  }

  public render(): React.ReactNode {
    if (this.state.failed) {
      return (
        <Notice
          kind="error"
          action={{
            text: strings.Retry,
            onClick: () => {
              this.setState({ failed: false });
              this.props.onRetry();
            }
          }}
        >
          {strings.PartLoadFailed}
        </Notice>
      );
    }
    return <React.Suspense fallback={<Loading label={this.props.loadingLabel || strings.Loading} />}>{this.props.children}</React.Suspense>;
  }
}

/** Fluent's TextField, loaded with the other controls (see fluentControls); a spinner until then. */
export const TextFieldLoader: (props: ITextFieldProps) => JSX.Element = lazyPart(() => loadControls().then((m) => m.TextField));

/** The programme at a glance, where the page lands (see ProgrammeView). */
export const ProgrammeViewLoader: (props: IProgrammeViewProps) => JSX.Element = lazyPart(() => loadProgrammeView().then((m) => m.ProgrammeView));

/** A workstream in depth (see WorkstreamView). */
export const WorkstreamViewLoader: (props: IWorkstreamViewProps) => JSX.Element = lazyPart(() => loadWorkstreamView().then((m) => m.WorkstreamView));

/** The programme office's view of the reporting cycle (see ProgrammeOfficeView). */
export const ProgrammeOfficeViewLoader: (props: IProgrammeOfficeViewProps) => JSX.Element = lazyPart(() => loadProgrammeOfficeView().then((m) => m.ProgrammeOfficeView));

/** The editing panel (see EditPanel). */
export const EditPanelLoader: (props: IEditPanelProps) => JSX.Element = lazyPart(() => loadEditing().then((m) => m.EditPanel));

/** The editing panel for a form asked for by its maker, made once formSpecs.ts is in (see FormPanel). */
export const FormPanelLoader: (props: IFormPanelProps) => JSX.Element = lazyPart(() => loadEditing().then((m) => m.FormPanel));

/** The delete confirmation (see DeletePanel). */
export const DeletePanelLoader: (props: IDeletePanelProps) => JSX.Element = lazyPart(() => loadEditing().then((m) => m.DeletePanel));

/** A confirmation with an optional reason (see ActionPanel). */
export const ActionPanelLoader: (props: IActionPanelProps) => JSX.Element = lazyPart(() => loadEditing().then((m) => m.ActionPanel));

/** A step of the reporting cycle that asks first, with its checks (see CyclePanel). */
export const CyclePanelLoader: (props: ICyclePanelProps) => JSX.Element = lazyPart(() => loadEditing().then((m) => m.CyclePanel));

/** Approving over must-fix findings, with a reason (see ApprovePanel). */
export const ApprovePanelLoader: (props: IApprovePanelProps) => JSX.Element = lazyPart(() => loadEditing().then((m) => m.ApprovePanel));

/** Each workstream's ratings over time as a compact trend (see RagTrends). */
export const RagTrendsLoader: (props: IRagTrendsProps) => JSX.Element = lazyPart(() => loadGlance().then((m) => m.RagTrends));

/** The programme's 5 × 5 matrix of open risks (see RiskMatrix). */
export const RiskMatrixLoader: (props: IRiskMatrixProps) => JSX.Element = lazyPart(() => loadGlance().then((m) => m.RiskMatrix));

/** Setting up a programme on a site with none (see ProgrammeSetUp). */
export const ProgrammeSetUpLoader: (props: IProgrammeSetUpProps) => JSX.Element = lazyPart(() => loadProgrammeSetUp().then((m) => m.ProgrammeSetUp));

/** A phase's close-down table (see CloseDownView). */
export const CloseDownViewLoader: (props: ICloseDownViewProps) => JSX.Element = lazyPart(() => loadCloseDown().then((m) => m.CloseDownView));

/** A workstream's journey across phases (see JourneyView). */
export const JourneyViewLoader: (props: IJourneyViewProps) => JSX.Element = lazyPart(() => loadCloseDown().then((m) => m.JourneyView));
