import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { tableTitle, type IPerson, type IWorkstream } from '../../../domain/model';
import { isDataError } from '../../../data/errors';
import type { IProgrammeRepository, Saved } from '../../../data/repository';
import { useAction } from '../hooks/useAction';
import { format } from './format';
import { MoveButtons } from './MoveButtons';
import { OutcomeMessage, type IOutcome } from './OutcomeMessage';
import { describeSetUpError } from './setUpErrorText';
import { SetUpPanel } from './SetUpPanel';
import { useClassNames } from './useClassNames';
import { WorkstreamForm } from './WorkstreamForm';
import { closeUnlessBusy } from './ActionPanel';

/** Props of {@link WorkstreamSetUp}. */
export interface IWorkstreamSetUpProps {
  repository: IProgrammeRepository;
  /** Called when the panel closes after something changed, to load the dashboard again. */
  onChanged: () => void;
  onClose: () => void;
}

type Editing = { kind: 'add' } | { kind: 'edit'; workstream: Saved<IWorkstream> };

/**
 * The programme office sets up the programme's workstreams: adds them, changes them, moves each
 * one place up or down with buttons (keyboard and screen reader friendly, no dragging), retires
 * one that no longer reports (it stays in the periods it reported in) and restores it. Each
 * change is announced; focus stays on the workstream that moved.
 */
export function WorkstreamSetUp(props: IWorkstreamSetUpProps): JSX.Element {
  const classNames = useClassNames();
  const runner = useAction();
  const [workstreams, setWorkstreams] = React.useState<Array<Saved<IWorkstream>> | undefined>();
  const [people, setPeople] = React.useState<IPerson[]>([]);
  const [failure, setFailure] = React.useState<string | undefined>();
  const [message, setMessage] = React.useState<IOutcome | undefined>();
  const [editing, setEditing] = React.useState<Editing | undefined>();
  const changed: React.MutableRefObject<boolean> = React.useRef<boolean>(false);
  const focusNext: React.MutableRefObject<string | undefined> = React.useRef<string | undefined>();

  const load = React.useCallback((): void => {
    setFailure(undefined);
    Promise.all([props.repository.getWorkstreams(), props.repository.getPeople()]).then(
      ([w, p]) => {
        setWorkstreams(w);
        setPeople(p);
      },
      (e: unknown) => setFailure(describeSetUpError(e, 'loadWorkstreams'))
    );
  }, [props.repository]);
  React.useEffect(load, [load]);

  React.useEffect(() => {
    const key: string | undefined = focusNext.current;
    if (key) {
      focusNext.current = undefined;
      const target: HTMLElement | null = document.querySelector<HTMLElement>(`[data-setup-focus="${key}"]`);
      if (target) {
        target.focus();
      }
    }
  });

  const done = (text: string, focus?: string): void => {
    changed.current = true;
    focusNext.current = focus;
    setMessage({ kind: 'success', text });
  };

  const move = async (w: Saved<IWorkstream>, direction: 'up' | 'down'): Promise<void> => {
    setMessage(undefined);
    const outcome = await runner.run(() => props.repository.moveWorkstream(w.id, direction));
    if (!outcome.ok) {
      setMessage({ kind: 'error', text: describeSetUpError(outcome.error, 'moveWorkstream') });
      load();
      return;
    }
    setWorkstreams(outcome.value);
    const at: number = outcome.value.map((x) => x.id).indexOf(w.id);
    // At the top or bottom the button pressed is disabled: focus the other one.
    const edge: boolean = direction === 'up' ? at === 0 : at === outcome.value.length - 1;
    done(format(strings.WorkstreamMovedMessage, w.code, at + 1, outcome.value.length), `${edge ? (direction === 'up' ? 'down' : 'up') : direction}-${w.id}`);
  };

  const retire = async (w: Saved<IWorkstream>, retired: boolean): Promise<void> => {
    setMessage(undefined);
    const outcome = await runner.run(() => props.repository.setWorkstreamRetired(w.id, retired, w.etag));
    if (!outcome.ok) {
      const text: string = describeSetUpError(outcome.error, 'retireWorkstream');
      setMessage({ kind: 'error', text: isDataError(outcome.error, 'conflict') ? `${text} ${strings.WorkstreamReloaded}` : text });
      load();
      return;
    }
    setWorkstreams((all) => (all || []).map((x) => (x.id === w.id ? outcome.value : x)));
    done(format(retired ? strings.WorkstreamRetiredMessage : strings.WorkstreamRestoredMessage, w.code), `${retired ? 'restore' : 'retire'}-${w.id}`);
  };

  // The dashboard reloads on closing only when something was changed here.
  const close: (ev?: { preventDefault(): void }) => void = closeUnlessBusy(runner.busy, () => {
    if (changed.current) {
      props.onChanged();
    }
    props.onClose();
  });

  const loaded: Array<Saved<IWorkstream>> = workstreams || [];
  const content = (): JSX.Element => {
    if (editing) {
      const current: Saved<IWorkstream> | undefined = editing.kind === 'edit' ? editing.workstream : undefined;
      return (
        <WorkstreamForm
          repository={props.repository}
          workstream={current}
          others={loaded.filter((w) => !current || w.id !== current.id)}
          people={people}
          onSaved={(saved) => {
            setEditing(undefined);
            setWorkstreams((all) => {
              const list = all || [];
              return list.some((w) => w.id === saved.id) ? list.map((w) => (w.id === saved.id ? saved : w)) : [...list, saved];
            });
            done(format(current ? strings.WorkstreamSavedMessage : strings.WorkstreamAddedMessage, saved.code), `edit-${saved.id}`);
          }}
          onCancel={() => {
            setEditing(undefined);
            focusNext.current = current ? `edit-${current.id}` : 'add';
          }}
        />
      );
    }
    return (
      <div>
        <OutcomeMessage outcome={message} onDismiss={() => setMessage(undefined)} />
        <div className={classNames.toolbar}>
          <PrimaryButton text={strings.AddWorkstream} onClick={() => setEditing({ kind: 'add' })} disabled={runner.busy} data-setup-focus="add" />
        </div>
        {loaded.length === 0 ? <p>{strings.NoWorkstreamsYet}</p> : undefined}
        <ol aria-label={strings.WorkstreamOrderLabel} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {loaded.map((w, i) => {
            const short: string = tableTitle(w);
            return (
              <li key={w.id} style={{ borderBottom: '1px solid', borderColor: 'inherit', padding: '8px 0' }} data-workstream={w.code}>
                <h3 style={{ margin: '0 0 4px', fontSize: 16, overflowWrap: 'anywhere' }}>
                  {format(strings.WorkstreamPlace, i + 1, w.code, short)}
                  {w.retired ? <span className={classNames.muted}> {strings.RetiredMarker}</span> : undefined}
                </h3>
                {short !== w.title ? <p style={{ margin: '0 0 4px', overflowWrap: 'anywhere' }}>{w.title}</p> : undefined}
                <div className={classNames.footer}>
                  <MoveButtons name={w.code} index={i} count={loaded.length} busy={runner.busy} onMove={(direction) => void move(w, direction)} focusAttribute="data-setup-focus" id={w.id} />
                  <DefaultButton
                    text={strings.Edit}
                    ariaLabel={format(strings.EditWorkstreamLabel, w.code)}
                    onClick={() => setEditing({ kind: 'edit', workstream: w })}
                    disabled={runner.busy}
                    data-setup-focus={`edit-${w.id}`}
                  />
                  {/* One button retires a workstream and restores a retired one. */}
                  <DefaultButton
                    text={w.retired ? strings.RestoreWorkstream : strings.RetireWorkstream}
                    ariaLabel={format(w.retired ? strings.RestoreWorkstreamLabel : strings.RetireWorkstreamLabel, w.code)}
                    onClick={() => void retire(w, !w.retired)}
                    disabled={runner.busy}
                    data-setup-focus={`${w.retired ? 'restore' : 'retire'}-${w.id}`}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    );
  };

  return (
    <SetUpPanel
      title={editing ? (editing.kind === 'add' ? strings.AddWorkstreamTitle : format(strings.EditWorkstreamHeading, editing.workstream.code)) : strings.WorkstreamSetUpTitle}
      text={editing ? undefined : strings.WorkstreamSetUpText}
      firstFocus="[data-autofocus] input, [data-autofocus] textarea"
      onDismiss={close}
      failure={failure}
      onDismissFailure={() => setFailure(undefined)}
      onRetry={load}
      loading={workstreams ? undefined : strings.LoadingWorkstreams}
    >
      {content}
    </SetUpPanel>
  );
}
