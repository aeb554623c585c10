import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { TextField } from '@fluentui/react/lib/TextField';
import { DEFAULT_REPORTING_OPTIONS, type IProgramme, type IReportingOptions } from '../../../domain/model';
import type { IFieldError } from '../../../domain/validation';
import { reportingOptionsOf } from '../../../domain/model';
import { isDataError } from '../../../data/errors';
import { checkFields, PROGRAMME_FIELDS } from '../../../data/fields';
import type { IProgrammeRepository, Saved } from '../../../data/repository';
import { describeLoadError } from './errorText';
import { Notice } from './Notice';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link ProgrammeSetUp}. */
export interface IProgrammeSetUpProps {
  repository: IProgrammeRepository;
  /** Called once the programme is stored, to load the dashboard again. */
  onDone: () => void;
  /**
   * The programme as stored, to change it after set-up: the form starts from it and is saved
   * with {@link etag}, so that a change someone else saved first is shown, not overwritten.
   */
  programme?: IProgramme;
  /** The Programme item's ETag (IProgrammeSummary.programmeEtag); with {@link programme}. */
  etag?: string;
}

type Rating = 'five' | 'three' | 'none';

/**
 * A new programme starts with only what it has: a first phase often has no ratings, sponsor
 * comments, milestones or sign-off yet, and keeps its risks in one table.
 */
const NEW_PROGRAMME: IReportingOptions = { ...DEFAULT_REPORTING_OPTIONS, printEmpty: false };

/**
 * The programme office's first step on a site with no programme (an empty start): the
 * programme's title, organisation and board, and what it reports — whether it rates its
 * workstreams and on which scale, whether it has sponsor comments, milestones and sign-off,
 * whether its risks go in one table, and whether empty parts are printed. Each field is checked
 * as typed with the domain's rules; a refusal by the repository is shown in words.
 */
export function ProgrammeSetUp(props: IProgrammeSetUpProps): JSX.Element {
  const classNames = useClassNames();
  const headingId: string = useUniqueId('ph-setup');
  const existing: IProgramme | undefined = props.programme;
  const initialOptions: IReportingOptions = existing ? reportingOptionsOf(existing) : NEW_PROGRAMME;
  const [title, setTitle] = React.useState<string>(existing ? existing.title : '');
  const [organisation, setOrganisation] = React.useState<string>(existing ? existing.organisation : '');
  const [board, setBoard] = React.useState<string>(existing ? existing.board : '');
  const [rating, setRating] = React.useState<Rating>(!initialOptions.rated ? 'none' : initialOptions.ragScale === 'three' ? 'three' : 'five');
  const [options, setOptions] = React.useState<IReportingOptions>(initialOptions);
  const [ragIntro, setRagIntro] = React.useState<string>(existing ? existing.ragKeyIntroduction || '' : '');
  const [touched, setTouched] = React.useState<boolean>(false);
  const [saving, setSaving] = React.useState<boolean>(false);
  const [failure, setFailure] = React.useState<string | undefined>();
  // The ETag saved with: after a conflict, theirs, so that saving again replaces theirs knowingly.
  const [etag, setEtag] = React.useState<string | undefined>(props.etag);
  const [theirs, setTheirs] = React.useState<Saved<IProgramme> | undefined>(undefined);

  // Checked as the repository checks them, by the Programme list's field table; each fault names its field by key.
  // Only a rated programme prints a RAG key: an unrated one keeps what is stored, unchecked and unchanged.
  const faults: IFieldError[] = checkFields(PROGRAMME_FIELDS, { title, organisation, board, ...(rating !== 'none' ? { ragKeyIntroduction: ragIntro } : {}) }, true);
  const errors: { [key: string]: IFieldError | undefined } = {};
  for (const f of faults) {
    errors[f.key as string] = errors[f.key as string] || f;
  }
  const invalid: boolean = Object.keys(errors).some((k) => errors[k] !== undefined);
  const shown = (key: string): string | undefined => {
    const e: IFieldError | undefined = errors[key];
    return e && (touched || key !== 'title') ? e.message : undefined;
  };
  const ratingOptions: IDropdownOption[] = [
    { key: 'five', text: strings.RatingFiveLevels },
    { key: 'three', text: strings.RatingThreeLevels },
    { key: 'none', text: strings.RatingNotYet }
  ];
  const toggle =
    (key: keyof IReportingOptions): ((_e?: unknown, checked?: boolean) => void) =>
    (_e?: unknown, checked?: boolean): void =>
      setOptions((o) => ({ ...o, [key]: !!checked }));

  const save = (): void => {
    setTouched(true);
    if (invalid || saving) {
      return;
    }
    setSaving(true);
    setFailure(undefined);
    props.repository
      .saveProgramme({
        title,
        organisation,
        board,
        ragKeyIntroduction: rating !== 'none' ? ragIntro : existing ? existing.ragKeyIntroduction : '',
        reporting: { ...options, rated: rating !== 'none', ragScale: rating === 'three' ? 'three' : 'five' }
      }, etag)
      .then(
        () => props.onDone(),
        (e: unknown) => {
          setSaving(false);
          if (isDataError(e, 'conflict') && e.current) {
            const current = e.current as Saved<IProgramme>;
            setTheirs(current);
            setEtag(current.etag);
            setFailure(strings.ProgrammeConflict);
            return;
          }
          setFailure(isDataError(e, 'conflict') ? strings.ProgrammeConflict : isDataError(e) && e.kind === 'validation' ? e.message : describeLoadError(e));
        }
      );
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={classNames.heading}>
        {existing ? strings.ProgrammeDetailsHeading : strings.ProgrammeSetUpHeading}
      </h2>
      {existing ? undefined : <p>{strings.ProgrammeSetUpIntro}</p>}
      <form
        className={classNames.form}
        noValidate={true}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <TextField
          label={strings.FieldProgrammeTitle}
          required={true}
          value={title}
          onChange={(_e, v) => setTitle(v || '')}
          onBlur={() => setTouched(true)}
          errorMessage={shown('title')}
          description={strings.FieldProgrammeTitleHint}
        />
        <TextField label={strings.FieldOrganisation} value={organisation} onChange={(_e, v) => setOrganisation(v || '')} errorMessage={shown('organisation')} />
        <TextField label={strings.FieldBoard} value={board} onChange={(_e, v) => setBoard(v || '')} errorMessage={shown('board')} />
        <fieldset className={classNames.form} style={{ border: 'none', margin: 0, padding: 0, minWidth: 0 }}>
          <legend className={classNames.sectionHeading}>{strings.ReportingOptionsHeading}</legend>
          <Dropdown label={strings.FieldRatingScale} options={ratingOptions} selectedKey={rating} onChange={(_e, o) => o && setRating(o.key as Rating)} />
          {rating !== 'none' ? (
            <TextField
              label={strings.FieldRagKeyIntroduction}
              multiline={true}
              autoAdjustHeight={true}
              rows={4}
              value={ragIntro}
              onChange={(_e, v) => setRagIntro(v || '')}
              errorMessage={shown('ragKeyIntroduction')}
              description={strings.FieldRagKeyIntroductionHint}
            />
          ) : undefined}
          <Checkbox label={strings.FieldUsesSponsorComments} checked={options.sponsorComments} onChange={toggle('sponsorComments')} />
          <Checkbox label={strings.FieldUsesMilestones} checked={options.milestones} onChange={toggle('milestones')} />
          <Checkbox label={strings.FieldUsesSignOff} checked={options.signOff} onChange={toggle('signOff')} />
          <Checkbox label={strings.FieldKeyRisksTable} checked={options.keyRisks} onChange={toggle('keyRisks')} />
          <Checkbox label={strings.FieldPrintEmpty} checked={options.printEmpty} onChange={toggle('printEmpty')} />
        </fieldset>
        {failure ? <Notice kind="error">{failure}</Notice> : undefined}
        {theirs ? (
          <div role="group" aria-label={strings.ProgrammeTheirsHeading}>
            <h3 className={classNames.sectionHeading}>{strings.ProgrammeTheirsHeading}</h3>
            <dl className={classNames.detailsList}>
              <dt>{strings.FieldProgrammeTitle}</dt>
              <dd>{theirs.title}</dd>
              <dt>{strings.FieldOrganisation}</dt>
              <dd>{theirs.organisation || strings.NotGiven}</dd>
              <dt>{strings.FieldBoard}</dt>
              <dd>{theirs.board || strings.NotGiven}</dd>
              <dt>{strings.ReportingOptionsHeading}</dt>
              <dd>{optionWords(reportingOptionsOf(theirs))}</dd>
            </dl>
          </div>
        ) : undefined}
        <div className={classNames.actions}>
          <PrimaryButton
            type="submit"
            text={existing ? (saving ? strings.SavingProgrammeDetails : theirs ? strings.SaveProgrammeOverTheirs : strings.SaveProgrammeDetails) : saving ? strings.SavingProgramme : strings.SaveProgramme}
            disabled={saving}
          />
        </div>
      </form>
    </section>
  );
}

/** What a programme reports, in words, for showing another person's saved version. */
function optionWords(o: IReportingOptions): string {
  const parts: string[] = [!o.rated ? strings.RatingNotYet : o.ragScale === 'three' ? strings.RatingThreeLevels : strings.RatingFiveLevels];
  if (o.sponsorComments) {
    parts.push(strings.FieldUsesSponsorComments);
  }
  if (o.milestones) {
    parts.push(strings.FieldUsesMilestones);
  }
  if (o.signOff) {
    parts.push(strings.FieldUsesSignOff);
  }
  if (o.keyRisks) {
    parts.push(strings.FieldKeyRisksTable);
  }
  if (o.printEmpty) {
    parts.push(strings.FieldPrintEmpty);
  }
  return parts.join('; ');
}
