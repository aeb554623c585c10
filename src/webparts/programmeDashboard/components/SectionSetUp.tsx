import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import { focusAsync } from '@fluentui/react/lib/Utilities';
import type { IFieldError } from '../../../domain/validation';
import { checkSectionName } from '../../../domain/sections';
import { isDataError } from '../../../data/errors';
import type { IProgrammeRepository } from '../../../data/repository';
import type { ISavedSectionDefinition } from '../../../data/sections';
import { useAction } from '../hooks/useAction';
import { wordsForFailure } from '../../../ui/failureWords';
import { format } from './format';
import { MoveButtons } from './MoveButtons';
import { OutcomeMessage, type IOutcome } from './OutcomeMessage';
import { SetUpPanel } from './SetUpPanel';
import { useClassNames } from './useClassNames';
import { closeUnlessBusy } from './ActionPanel';

/** Props of {@link SectionSetUp}. */
export interface ISectionSetUpProps {
  repository: IProgrammeRepository;
  /** Called when the panel closes after something changed, to load the dashboard again. */
  onChanged: () => void;
  onClose: () => void;
}

/** A section being renamed: the typed name, the ETag it is saved against, and theirs after a conflict. */
interface IRenaming {
  id: number;
  name: string;
  etag: string;
  tried: boolean;
  refused?: string;
  theirs?: string;
}

/** Words the programme office can act on when a change to the sections failed; the server's own words are never shown. */
export function describeSectionError(error: unknown): string {
  return wordsForFailure(
    error,
    {
      validation: (e) => e.message,
      forbidden: strings.ErrorSectionsForbidden,
      conflict: strings.SectionsChangedElsewhere,
      notFound: strings.SectionGone,
      network: strings.LoadErrorNetwork,
      throttled: strings.ErrorThrottledSoon
    },
    strings.ErrorUnknown
  );
}

/**
 * A name's fault in words beside the field: "Section name must not be empty.", "Section name is
 * 256 characters long; …" — the rule's reason after the field's name, without the value echoed
 * back; a name already taken says which section has it.
 */
export function sectionNameWords(fault: IFieldError): string {
  return fault.detail && fault.detail.code === 'sectionNameTaken' ? fault.message : `${fault.field} ${fault.reason}`;
}

/**
 * The new places of the sections after one moves a place up or down: orders 1, 2, 3… in the new
 * order, with only the sections whose order changes to be written (as moveWorkstream does).
 */
export function sectionMoves(all: ReadonlyArray<ISavedSectionDefinition>, id: number, direction: 'up' | 'down'): { order: ISavedSectionDefinition[]; writes: Array<{ section: ISavedSectionDefinition; order: number }> } {
  const order: ISavedSectionDefinition[] = all.slice();
  const at: number = order.map((s) => s.id).indexOf(id);
  const to: number = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= order.length) {
    return { order, writes: [] };
  }
  order.splice(to, 0, order.splice(at, 1)[0]);
  const writes: Array<{ section: ISavedSectionDefinition; order: number }> = [];
  order.forEach((s, i) => {
    if (s.order !== i + 1) {
      writes.push({ section: s, order: i + 1 });
    }
  });
  return { order, writes };
}

/**
 * The programme office names and orders the paper's own sections (purpose, background, "also to
 * note" …): adds one, renames one, moves each one place up or down with buttons (keyboard and
 * screen reader friendly, no dragging) and removes one after asking. Names are checked as typed
 * with the repository's own rule (not empty, not too long, not another section's); nothing is
 * written while a name is wrong. Removing a section deletes no text: a period's text of it stays
 * with the period and a locked period's snapshot still prints it. A rename someone else beat is
 * not lost: the typed name stays in the field with theirs shown beside it.
 */
export function SectionSetUp(props: ISectionSetUpProps): JSX.Element {
  const classNames = useClassNames();
  const runner = useAction();
  const [sections, setSections] = React.useState<ISavedSectionDefinition[] | undefined>();
  const [failure, setFailure] = React.useState<string | undefined>();
  const [message, setMessage] = React.useState<IOutcome | undefined>();
  const [newName, setNewName] = React.useState<string>('');
  const [addTried, setAddTried] = React.useState<boolean>(false);
  const [addRefused, setAddRefused] = React.useState<string | undefined>();
  const [renaming, setRenaming] = React.useState<IRenaming | undefined>();
  const [removing, setRemoving] = React.useState<number | undefined>();
  const changed: React.MutableRefObject<boolean> = React.useRef<boolean>(false);
  const focusNext: React.MutableRefObject<string | undefined> = React.useRef<string | undefined>();
  const loaded: React.MutableRefObject<boolean> = React.useRef<boolean>(false);

  const load = React.useCallback((): Promise<void> => {
    setFailure(undefined);
    return props.repository.getSectionDefinitions().then(
      (all) => {
        // On opening, focus goes to the new section's name (the panel's first field, once loaded).
        if (!loaded.current) {
          loaded.current = true;
          focusNext.current = focusNext.current || 'new-name';
        }
        setSections(all);
      },
      (e: unknown) => setFailure(describeSectionError(e))
    );
  }, [props.repository]);
  React.useEffect(() => {
    void load();
  }, [load]);

  // Focus goes where the last step leaves the user: the moved section's button, the field, the next section.
  // On the next frame, as Fluent's focus trap moves it: the trap, mounted while the list was read, asks
  // for the panel's first control then, and the later request of the two is the one kept.
  React.useEffect(() => {
    const key: string | undefined = focusNext.current;
    if (key) {
      const target: HTMLElement | null = document.querySelector<HTMLElement>(`[data-section-focus="${key}"]`);
      if (target) {
        focusNext.current = undefined;
        focusAsync(target);
      }
    }
  });

  const done = (text: string, focus?: string): void => {
    changed.current = true;
    focusNext.current = focus;
    setMessage({ kind: 'success', text });
  };
  const failed = (error: unknown, focus?: string): void => {
    setMessage({ kind: 'error', text: describeSectionError(error) });
    focusNext.current = focus;
    void load();
  };

  const all: ISavedSectionDefinition[] = sections || [];
  const addFault: IFieldError | undefined = checkSectionName(newName, all);
  const addShown: string | undefined = addRefused || (addFault && (addTried || newName !== '') ? sectionNameWords(addFault) : undefined);

  const add = async (): Promise<void> => {
    setAddTried(true);
    setAddRefused(undefined);
    if (addFault || runner.busy || !sections) {
      focusNext.current = 'new-name';
      setMessage(undefined);
      return;
    }
    setMessage(undefined);
    const outcome = await runner.run(() => props.repository.addSectionDefinition(newName));
    if (!outcome.ok) {
      if (isDataError(outcome.error, 'validation')) {
        setAddRefused(outcome.error.message);
        focusNext.current = 'new-name';
      } else {
        failed(outcome.error, 'new-name');
      }
      return;
    }
    const next: ISavedSectionDefinition[] = [...all, outcome.value];
    setSections(next);
    setNewName('');
    setAddTried(false);
    done(format(strings.SectionAddedMessage, outcome.value.name, next.length, next.length), 'new-name');
  };

  const move = async (s: ISavedSectionDefinition, direction: 'up' | 'down'): Promise<void> => {
    setMessage(undefined);
    const plan = sectionMoves(all, s.id, direction);
    const outcome = await runner.run(async () => {
      const order: ISavedSectionDefinition[] = plan.order.slice();
      for (const w of plan.writes) {
        const written: ISavedSectionDefinition = await props.repository.updateSectionDefinition(w.section.id, { order: w.order }, w.section.etag);
        order[order.indexOf(w.section)] = written;
      }
      return order;
    });
    if (!outcome.ok) {
      failed(outcome.error, `${direction}-${s.id}`);
      return;
    }
    setSections(outcome.value);
    const at: number = outcome.value.map((x) => x.id).indexOf(s.id);
    // At the top or bottom the button pressed is disabled: focus the other one.
    const edge: boolean = direction === 'up' ? at === 0 : at === outcome.value.length - 1;
    done(format(strings.SectionMovedMessage, s.name, at + 1, outcome.value.length), `${edge ? (direction === 'up' ? 'down' : 'up') : direction}-${s.id}`);
  };

  const renameFault = (r: IRenaming): IFieldError | undefined => checkSectionName(r.name, all, (all.filter((s) => s.id === r.id)[0] || { key: undefined }).key);

  const rename = async (r: IRenaming): Promise<void> => {
    if (renameFault(r) || runner.busy) {
      setRenaming({ ...r, tried: true, refused: undefined });
      focusNext.current = `rename-field-${r.id}`;
      return;
    }
    setMessage(undefined);
    const before: ISavedSectionDefinition | undefined = all.filter((s) => s.id === r.id)[0];
    const outcome = await runner.run(() => props.repository.updateSectionDefinition(r.id, { name: r.name }, r.etag));
    if (outcome.ok) {
      setRenaming(undefined);
      setSections((list) => (list || []).map((s) => (s.id === r.id ? outcome.value : s)));
      done(format(strings.SectionRenamedMessage, before ? before.name : r.name, outcome.value.name), `rename-${r.id}`);
      return;
    }
    const error: unknown = outcome.error;
    if (isDataError(error, 'conflict') && error.current) {
      // Theirs is shown beside the typed name, which stays; saving again is against their ETag.
      const theirs: ISavedSectionDefinition = error.current as ISavedSectionDefinition;
      setRenaming({ ...r, etag: theirs.etag, theirs: theirs.name, refused: undefined, tried: true });
      setSections((list) => (list || []).map((s) => (s.id === r.id ? { ...theirs } : s)));
      focusNext.current = `rename-field-${r.id}`;
      return;
    }
    if (isDataError(error, 'validation')) {
      setRenaming({ ...r, tried: true, refused: error.message });
      focusNext.current = `rename-field-${r.id}`;
      return;
    }
    setRenaming(undefined);
    failed(error, 'new-name');
  };

  const remove = async (s: ISavedSectionDefinition): Promise<void> => {
    setMessage(undefined);
    const at: number = all.indexOf(s);
    const outcome = await runner.run(() => props.repository.removeSectionDefinition(s.id, s.etag));
    setRemoving(undefined);
    if (!outcome.ok) {
      const error: unknown = outcome.error;
      if (isDataError(error, 'conflict') && error.current) {
        const theirs: ISavedSectionDefinition = error.current as ISavedSectionDefinition;
        setMessage({ kind: 'error', text: format(strings.SectionRemoveConflict, s.name, theirs.name) });
        focusNext.current = `remove-${s.id}`;
        void load();
        return;
      }
      failed(error, 'new-name');
      return;
    }
    const rest: ISavedSectionDefinition[] = all.filter((x) => x.id !== s.id);
    setSections(rest);
    // Focus goes to the section that took its place, else the one before, else the name field.
    const next: ISavedSectionDefinition | undefined = rest[Math.min(at, rest.length - 1)];
    done(format(strings.SectionRemovedMessage, s.name), next ? `remove-${next.id}` : 'new-name');
  };

  // The dashboard reloads on closing only when something was changed here.
  const close: (ev?: { preventDefault(): void }) => void = closeUnlessBusy(runner.busy, () => {
    if (changed.current) {
      props.onChanged();
    }
    props.onClose();
  });

  const content = (): JSX.Element => (
    <div>
      <OutcomeMessage outcome={message} onDismiss={() => setMessage(undefined)} />
      <form
        className={classNames.form}
        noValidate={true}
        aria-label={strings.AddSection}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div data-autofocus="true">
          <TextField
            label={strings.NewSectionLabel}
            value={newName}
            onChange={(_e, v) => {
              // An empty name is reported when Add is pressed, not while the field is being cleared.
              setNewName(v || '');
              setAddTried(false);
              setAddRefused(undefined);
            }}
            errorMessage={addShown}
            description={strings.NewSectionHint}
            autoComplete="off"
            data-section-focus="new-name"
          />
        </div>
        <div className={classNames.footer}>
          <PrimaryButton type="submit" text={strings.AddSection} disabled={runner.busy} />
          {runner.busy ? <Spinner size={SpinnerSize.small} label={strings.Saving} ariaLive="polite" labelPosition="right" /> : undefined}
        </div>
      </form>
      {all.length === 0 ? <p>{strings.NoSectionsYet}</p> : undefined}
      <ol aria-label={strings.SectionOrderLabel} style={{ listStyle: 'none', padding: 0, margin: '12px 0 0' }}>
        {all.map((s, i) => {
          const editing: IRenaming | undefined = renaming && renaming.id === s.id ? renaming : undefined;
          const fault: IFieldError | undefined = editing ? renameFault(editing) : undefined;
          return (
            <li key={s.id} style={{ borderBottom: '1px solid', borderColor: 'inherit', padding: '8px 0' }} data-section={s.key}>
              <h2 style={{ margin: '0 0 4px', fontSize: 16, overflowWrap: 'anywhere' }}>{format(strings.SectionPlace, i + 1, s.name)}</h2>
              {editing ? (
                <form
                  className={classNames.form}
                  noValidate={true}
                  aria-label={format(strings.RenameSectionLabel, s.name)}
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename(editing);
                  }}
                >
                  {editing.theirs !== undefined ? (
                    <p role="alert" style={{ margin: 0 }}>
                      {strings.SectionConflict}
                    </p>
                  ) : undefined}
                  <TextField
                    label={format(strings.RenameSectionField, s.name)}
                    value={editing.name}
                    onChange={(_e, v) => setRenaming({ ...editing, name: v || '', tried: true, refused: undefined })}
                    errorMessage={editing.refused || (fault && editing.tried ? sectionNameWords(fault) : undefined)}
                    description={strings.NewSectionHint}
                    autoComplete="off"
                    data-section-focus={`rename-field-${s.id}`}
                  />
                  {editing.theirs !== undefined ? <div className={classNames.yourVersion}>{format(strings.SectionTheirs, editing.theirs)}</div> : undefined}
                  <div className={classNames.footer}>
                    <PrimaryButton type="submit" text={strings.SaveSectionName} disabled={runner.busy} />
                    <DefaultButton
                      text={strings.Cancel}
                      disabled={runner.busy}
                      onClick={() => {
                        setRenaming(undefined);
                        focusNext.current = `rename-${s.id}`;
                      }}
                    />
                  </div>
                </form>
              ) : removing === s.id ? (
                <div role="group" aria-label={format(strings.RemoveSectionQuestion, s.name)}>
                  <p style={{ margin: '0 0 4px', fontWeight: 600 }}>{format(strings.RemoveSectionQuestion, s.name)}</p>
                  <p style={{ margin: '0 0 8px' }}>{strings.RemoveSectionText}</p>
                  <div className={classNames.footer}>
                    <PrimaryButton text={strings.ConfirmRemoveSection} onClick={() => void remove(s)} disabled={runner.busy} data-section-focus={`confirm-remove-${s.id}`} />
                    <DefaultButton
                      text={strings.KeepSection}
                      disabled={runner.busy}
                      onClick={() => {
                        setRemoving(undefined);
                        focusNext.current = `remove-${s.id}`;
                      }}
                    />
                  </div>
                </div>
              ) : (
                <div className={classNames.footer}>
                  <MoveButtons name={s.name} index={i} count={all.length} busy={runner.busy} onMove={(direction) => void move(s, direction)} focusAttribute="data-section-focus" id={s.id} />
                  <DefaultButton
                    text={strings.RenameSection}
                    ariaLabel={format(strings.RenameSectionLabel, s.name)}
                    onClick={() => {
                      setMessage(undefined);
                      setRemoving(undefined);
                      setRenaming({ id: s.id, name: s.name, etag: s.etag, tried: false });
                      focusNext.current = `rename-field-${s.id}`;
                    }}
                    disabled={runner.busy}
                    data-section-focus={`rename-${s.id}`}
                  />
                  <DefaultButton
                    text={strings.RemoveSection}
                    ariaLabel={format(strings.RemoveSectionLabel, s.name)}
                    onClick={() => {
                      setMessage(undefined);
                      setRenaming(undefined);
                      setRemoving(s.id);
                      focusNext.current = `confirm-remove-${s.id}`;
                    }}
                    disabled={runner.busy}
                    data-section-focus={`remove-${s.id}`}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );

  return (
    <SetUpPanel
      title={strings.SectionSetUpTitle}
      text={strings.SectionSetUpText}
      firstFocus="[data-autofocus] input"
      onDismiss={close}
      failure={failure}
      onDismissFailure={() => setFailure(undefined)}
      onRetry={() => void load()}
      loading={sections ? undefined : strings.LoadingSections}
    >
      {content}
    </SetUpPanel>
  );
}
