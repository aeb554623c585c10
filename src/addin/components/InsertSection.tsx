import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import type { IPeriodPicture, IPeriodSection, IPhase, IWorkstream } from '../../domain';
import { orderedSections } from '../../report/build';
import { choiceLabel, isOffered, orderedWorkstreams, PROGRAMME_CHOICES, WORKSTREAM_CHOICES, workstreamName, type InsertChoice } from '../flows/insert';
import { format } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';
import type { IPaneClassNames } from './styles';

/** Props of {@link InsertSection}. */
export interface IInsertSectionProps {
  picture?: IPeriodPicture;
  /** Another operation is under way: the buttons wait. */
  disabled: boolean;
  classNames: IPaneClassNames;
  headingId: string;
  onInsert: (choice: InsertChoice, workstream?: IWorkstream) => void;
  /** Inserts one of the period's sections (purpose, background …), by its key. */
  onInsertSection?: (section: IPeriodSection) => void;
  /** Phases whose close-down the officer can insert (closing or closed); none offered when absent. */
  phases?: IPhase[];
  /** Inserts a phase's close-down table with its colour key. */
  onInsertCloseDown?: (phase: IPhase) => void;
  /** Opens the whole report as a new Word document. */
  onNewDocument?: () => void;
  /** Progress and results of inserting, shown under the buttons. */
  status?: React.ReactNode;
}

/** The buttons that insert the period's blocks at the cursor: programme-level, then one workstream's. */
export function InsertSection(props: IInsertSectionProps): JSX.Element {
  const { picture, classNames } = props;
  const workstreams: IWorkstream[] = React.useMemo(() => (picture ? orderedWorkstreams(picture) : []), [picture]);
  const [workstreamId, setWorkstreamId] = React.useState<number | undefined>(undefined);
  const chosen: IWorkstream | undefined = workstreams.filter((w) => w.id === workstreamId)[0] || workstreams[0];
  const options: IDropdownOption[] = workstreams.map((w) => ({ key: w.id, text: workstreamName(w) }));
  const disabled: boolean = props.disabled || !picture;
  const period: string = picture ? picture.period.title : '';
  // The paper's own sections the programme names (none on a programme without them).
  const sections: IPeriodSection[] = React.useMemo(() => (picture ? orderedSections(picture) : []), [picture]);
  const [sectionKey, setSectionKey] = React.useState<string | undefined>(undefined);
  const section: IPeriodSection | undefined = sections.filter((x) => x.key === sectionKey)[0] || sections[0];
  const onInsertSection = props.onInsertSection;

  return (
    <section className={classNames.section} aria-labelledby={props.headingId}>
      <h2 id={props.headingId} className={classNames.sectionHeading}>
        {STRINGS.InsertHeading}
      </h2>
      <p className={classNames.intro}>{STRINGS.InsertIntro}</p>
      <h3 className={classNames.groupHeading}>{STRINGS.InsertProgrammeGroup}</h3>
      <div className={classNames.buttons}>
        {PROGRAMME_CHOICES.filter((c) => isOffered(picture, c)).map((choice: InsertChoice) => {
          const Button = choice === 'wholeReport' ? PrimaryButton : DefaultButton;
          return (
            <Button
              key={choice}
              className={classNames.button}
              text={choiceLabel(choice)}
              ariaDescription={period ? format(STRINGS.InsertButtonAria, `${choiceLabel(choice)} – ${period}`) : undefined}
              disabled={disabled}
              onClick={() => props.onInsert(choice)}
            />
          );
        })}
      </div>
      <h3 className={classNames.groupHeading}>{STRINGS.InsertWorkstreamGroup}</h3>
      <Dropdown
        label={STRINGS.WorkstreamLabel}
        options={options}
        selectedKey={chosen ? chosen.id : undefined}
        disabled={!picture}
        onChange={(_e, o) => o && setWorkstreamId(Number(o.key))}
        styles={{ root: { marginBottom: 8 } }}
      />
      <div className={classNames.buttons}>
        {WORKSTREAM_CHOICES.filter((c) => isOffered(picture, c)).map((choice: InsertChoice) => (
          <DefaultButton
            key={choice}
            className={classNames.button}
            text={choiceLabel(choice)}
            ariaDescription={chosen ? format(STRINGS.InsertButtonAria, `${choiceLabel(choice)} – ${workstreamName(chosen)}, ${period}`) : undefined}
            disabled={disabled || !chosen}
            onClick={() => props.onInsert(choice, chosen)}
          />
        ))}
      </div>
      {onInsertSection && sections.length > 0 ? (
        <>
          <h3 className={classNames.groupHeading}>{STRINGS.InsertSectionGroup}</h3>
          <Dropdown
            label={STRINGS.SectionLabel}
            options={sections.map((x) => ({ key: x.key, text: x.name }))}
            selectedKey={section ? section.key : undefined}
            onChange={(_e, o) => o && setSectionKey(String(o.key))}
            styles={{ root: { marginBottom: 8 } }}
          />
          <div className={classNames.buttons}>
            <DefaultButton
              className={classNames.button}
              text={STRINGS.InsertSectionButton}
              ariaDescription={section ? format(STRINGS.InsertButtonAria, `${section.name} – ${period}`) : undefined}
              disabled={disabled || !section}
              onClick={() => section && onInsertSection(section)}
            />
          </div>
        </>
      ) : null}
      {props.onInsertCloseDown && props.phases && props.phases.length > 0 ? (
        <>
          <h3 className={classNames.groupHeading}>{STRINGS.InsertPhaseGroup}</h3>
          <div className={classNames.buttons}>
            {props.phases.map((phase) => (
              <DefaultButton
                key={phase.id}
                className={classNames.button}
                text={format(STRINGS.KindCloseDown, phase.title)}
                ariaDescription={format(STRINGS.CloseDownButtonAria, phase.title)}
                disabled={props.disabled}
                onClick={() => props.onInsertCloseDown && props.onInsertCloseDown(phase)}
              />
            ))}
          </div>
        </>
      ) : null}
      {props.onNewDocument ? (
        <>
          <h3 className={classNames.groupHeading}>{STRINGS.NewDocumentGroup}</h3>
          <div className={classNames.buttons}>
            <DefaultButton
              className={classNames.button}
              text={STRINGS.NewDocument}
              ariaDescription={period ? format(STRINGS.DownloadDescription, period) : undefined}
              disabled={disabled}
              onClick={props.onNewDocument}
            />
          </div>
        </>
      ) : null}
      {props.status}
    </section>
  );
}
