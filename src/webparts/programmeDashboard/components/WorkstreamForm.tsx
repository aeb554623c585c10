import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ComboBox, type IComboBoxOption } from '@fluentui/react/lib/ComboBox';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import type { IPerson, IWorkstream } from '../../../domain/model';
import { formatOutcomes } from '../../../domain/richText';
import type { IFieldError } from '../../../domain/validation';
import { isDataError } from '../../../data/errors';
import { WORKSTREAM_FIELDS, type WorkstreamRow } from '../../../data/fields';
import type { IProgrammeRepository, IWorkstreamInput, Saved } from '../../../data/repository';
import { workstreamFaults } from '../../../data/rules';
import { useAction } from '../hooks/useAction';
import { useFormEdits } from '../hooks/useFormEdits';
import type { SaveOutcome } from '../hooks/useSave';
import { ConflictView } from './ConflictView';
import { messagesByField, tableField, type FormValues, type IFieldSpec } from './forms';
import { describeSetUpError } from './setUpErrorText';
import { useClassNames } from './useClassNames';

/** Props of {@link WorkstreamForm}. */
export interface IWorkstreamFormProps {
  repository: IProgrammeRepository;
  /** The workstream to change; none to add one. */
  workstream?: Saved<IWorkstream>;
  /** The programme's other workstreams, for the unique code. */
  others: ReadonlyArray<IWorkstream>;
  /** The site's people to choose from. */
  people: ReadonlyArray<IPerson>;
  onSaved: (saved: Saved<IWorkstream>) => void;
  onCancel: () => void;
}

/**
 * The form's fields, from the Workstreams list's field table (src/data/fields.ts): the rules'
 * messages (workstreamFaults) and the repository's refusals name them by key.
 */
export function workstreamFields(people: ReadonlyArray<IPerson>): IFieldSpec[] {
  const options = people.map((p) => ({ key: String(p.id), text: p.name }));
  const field = (key: Extract<keyof WorkstreamRow, string>, extra: Partial<IFieldSpec> = {}): IFieldSpec => tableField(WORKSTREAM_FIELDS, key, extra);
  return [
    field('code', { description: strings.WorkstreamCodeHint }),
    // The title may be of any length: the list keeps a long one whole beside the Workstream column's 255 characters.
    field('title', { kind: 'multiline', description: strings.WorkstreamTitleHint }),
    field('shortTitle', { description: strings.WorkstreamShortTitleHint }),
    field('description'),
    field('outcomes', { description: strings.WorkstreamOutcomesHint }),
    field('sponsor', { kind: 'choice', options }),
    field('projectManagers', { kind: 'choice', options }),
    field('pmoSupport', { kind: 'choice', options })
  ];
}

const ids = (people: IPerson[]): string => people.map((p) => String(p.id)).join(',');

/** A workstream as the form's values: people as comma-separated ids. */
export function workstreamValues(w: IWorkstream | undefined): FormValues {
  return {
    code: w ? w.code : '',
    title: w ? w.title : '',
    shortTitle: (w && w.shortTitle) || '',
    description: w ? w.description : '',
    outcomes: w ? formatOutcomes(w.outcomes) : '',
    sponsor: w && w.sponsor ? String(w.sponsor.id) : '',
    projectManagers: w ? ids(w.projectManagers) : '',
    pmoSupport: w ? ids(w.pmoSupport) : ''
  };
}

const idList = (value: string): number[] => (value ? value.split(',').map(Number) : []);

function inputOf(values: FormValues): IWorkstreamInput {
  return {
    code: values.code,
    title: values.title,
    shortTitle: values.shortTitle,
    description: values.description,
    outcomes: values.outcomes,
    sponsorId: values.sponsor ? Number(values.sponsor) : undefined,
    projectManagerIds: idList(values.projectManagers),
    pmoSupportIds: idList(values.pmoSupport)
  };
}

/**
 * Adds or changes a workstream (the programme office): its code (unique, checked as typed and
 * by the list), its full title of any length and a short title for tables, description,
 * outcomes, and its sponsor, project managers and PMO support chosen from the site's people in
 * labelled combo boxes (type to narrow, arrow keys to choose). Every field is checked as typed
 * with the repository's own rules and the message goes beside the field. If someone else changed
 * the workstream meanwhile, both versions are shown side by side and nothing typed is lost.
 */
export function WorkstreamForm(props: IWorkstreamFormProps): JSX.Element {
  const classNames = useClassNames();
  const runner = useAction();
  const specs: IFieldSpec[] = React.useMemo(() => workstreamFields(props.people), [props.people]);
  const form = useFormEdits(specs, () => workstreamValues(props.workstream));
  const { values, touched, refused } = form;
  const [etag, setEtag] = React.useState<string | undefined>(props.workstream ? props.workstream.etag : undefined);
  const [conflict, setConflict] = React.useState<Saved<IWorkstream> | undefined>();
  const [yours, setYours] = React.useState<FormValues | undefined>();
  const [tried, setTried] = React.useState<boolean>(false);
  const formRef: React.RefObject<HTMLFormElement> = React.useRef<HTMLFormElement>(null);

  // The form replaces the button that opened it in the same panel: focus goes to its first field,
  // not to the page (where a keyboard user's typing would be lost).
  React.useEffect(() => {
    const first: HTMLElement | null | undefined = formRef.current?.querySelector<HTMLElement>('[data-autofocus] input, [data-autofocus] textarea');
    if (first) {
      first.focus();
    }
  }, []);

  const faults: IFieldError[] = workstreamFaults(inputOf(values), props.others);
  const { byKey } = messagesByField(specs, faults, refused);
  const shown = (key: string): string | undefined => (touched[key] || tried || (refused && refused.key === key) ? byKey[key] : undefined);

  const change = form.change;

  const save = async (): Promise<void> => {
    setTried(true);
    if (faults.length > 0 || runner.busy) {
      return;
    }
    form.clearRefusal();
    const outcome: SaveOutcome<Saved<IWorkstream>> = await runner.run(() =>
      props.repository.saveWorkstream(inputOf(values), props.workstream ? props.workstream.id : undefined, etag)
    );
    if (outcome.ok) {
      props.onSaved(outcome.value);
      return;
    }
    const error: unknown = outcome.error;
    if (isDataError(error, 'conflict') && error.current) {
      setConflict(error.current as Saved<IWorkstream>);
      return;
    }
    form.refuse(error, describeSetUpError(error, 'saveWorkstream'));
  };

  const personText = (value: string): string =>
    idList(value)
      .map((id) => (props.people.filter((p) => p.id === id)[0] || { name: String(id) }).name)
      .join('; ');

  if (conflict) {
    const peopleFields: string[] = ['sponsor', 'projectManagers', 'pmoSupport'];
    const asText = (v: FormValues): FormValues => {
      const out: { [key: string]: string } = { ...v };
      for (const k of peopleFields) {
        out[k] = personText(v[k]);
      }
      return out;
    };
    return (
      <div>
        <MessageBar messageBarType={MessageBarType.warning} isMultiline={true} role="alert">
          {strings.WorkstreamConflict}
        </MessageBar>
        <ConflictView
          fields={specs.map((s) => ({ ...s, kind: s.kind === 'choice' ? 'text' : s.kind }))}
          mine={asText(values)}
          current={asText(workstreamValues(conflict))}
        />
        <div className={classNames.footer}>
          <PrimaryButton
            text={strings.ConflictEditFromCurrent}
            onClick={() => {
              // Theirs to edit from, yours shown under each field: nothing typed is lost.
              setYours(values);
              form.setValues(workstreamValues(conflict));
              setEtag(conflict.etag);
              setConflict(undefined);
            }}
          />
          <DefaultButton text={strings.Cancel} onClick={props.onCancel} />
        </div>
      </div>
    );
  }

  const yourVersion = (key: string): JSX.Element | undefined =>
    yours && yours[key] !== values[key] ? (
      <div className={classNames.yourVersion}>
        <strong>{strings.YourVersionLabel}</strong> {(specs.filter((s) => s.key === key)[0].kind === 'choice' ? personText(yours[key]) : yours[key]) || strings.EmptyValue}
      </div>
    ) : undefined;

  return (
    <form
      ref={formRef}
      className={classNames.form}
      noValidate={true}
      aria-label={props.workstream ? strings.EditWorkstreamTitle : strings.AddWorkstreamTitle}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {refused && !refused.key ? (
        <MessageBar messageBarType={MessageBarType.error} isMultiline={true} role="alert">
          {refused.text}
        </MessageBar>
      ) : undefined}
      {specs.map((spec, i) => {
        if (spec.kind === 'choice') {
          const multi: boolean = spec.key !== 'sponsor';
          const selected: string[] = idList(values[spec.key]).map(String);
          const options: IComboBoxOption[] = (spec.options || []).map((o) => ({ key: o.key, text: o.text }));
          return (
            <div key={spec.key}>
              <ComboBox
                label={spec.label}
                options={options}
                multiSelect={multi}
                selectedKey={multi ? selected : selected[0] || null}
                allowFreeform={false}
                autoComplete="on"
                useComboBoxAsMenuWidth={true}
                placeholder={strings.ChoosePeoplePlaceholder}
                errorMessage={shown(spec.key)}
                onChange={(_e, option) => {
                  if (!option) {
                    return;
                  }
                  const key: string = String(option.key);
                  if (!multi) {
                    change(spec.key, key);
                    return;
                  }
                  const next: string[] = option.selected ? [...selected.filter((k) => k !== key), key] : selected.filter((k) => k !== key);
                  change(spec.key, next.join(','));
                }}
              />
              {!multi && values.sponsor ? <DefaultButton text={strings.ClearSponsor} onClick={() => change('sponsor', '')} styles={{ root: { marginTop: 4 } }} /> : undefined}
              {yourVersion(spec.key)}
            </div>
          );
        }
        return (
          <div key={spec.key} data-autofocus={i === 0 ? 'true' : undefined}>
            <TextField
              label={spec.label}
              value={values[spec.key]}
              onChange={(_e, v) => change(spec.key, v || '')}
              errorMessage={shown(spec.key)}
              required={spec.required}
              multiline={spec.kind === 'multiline'}
              autoAdjustHeight={spec.kind === 'multiline'}
              rows={spec.kind === 'multiline' ? 3 : undefined}
              description={spec.description}
              autoComplete="off"
            />
            {yourVersion(spec.key)}
          </div>
        );
      })}
      <div className={classNames.footer}>
        <PrimaryButton type="submit" text={props.workstream ? strings.Save : strings.AddWorkstream} disabled={runner.busy} />
        <DefaultButton text={strings.Cancel} onClick={props.onCancel} disabled={runner.busy} />
        {runner.busy ? <Spinner size={SpinnerSize.small} label={strings.Saving} ariaLive="polite" labelPosition="right" /> : undefined}
      </div>
    </form>
  );
}
