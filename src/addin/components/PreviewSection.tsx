import * as React from 'react';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import type { IPeriodPicture, IWorkstream } from '../../domain';
import type { IBlock } from '../../report/model';
import { blocksFor, choiceLabel, isOffered, isWorkstreamChoice, orderedWorkstreams, PROGRAMME_CHOICES, WORKSTREAM_CHOICES, workstreamName, type InsertChoice } from '../flows/insert';
import { format } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';
import { previewHtml, type PreviewHtml } from './previewHtml';
import type { IPaneClassNames } from './styles';

/** Props of {@link PreviewSection}. */
export interface IPreviewSectionProps {
  picture: IPeriodPicture;
  disabled: boolean;
  classNames: IPaneClassNames;
  headingId: string;
  onDownload: () => void;
  status?: React.ReactNode;
}

/** What the preview offers: the whole report first, as it is the default. */
const PREVIEW_CHOICES: readonly InsertChoice[] = ['wholeReport', ...PROGRAMME_CHOICES.filter((c) => c !== 'wholeReport'), ...WORKSTREAM_CHOICES];

/** The preview's HTML in a container; only {@link PreviewHtml} is accepted. */
function PreviewBody(props: { html: PreviewHtml; className: string; label: string }): JSX.Element {
  return <div className={props.className} role="region" aria-label={props.label} dangerouslySetInnerHTML={{ __html: props.html }} />;
}

/**
 * Outside Word: the period's blocks as HTML (the whole report unless the officer picks one block)
 * and the whole report as a .docx to download.
 */
export function PreviewSection(props: IPreviewSectionProps): JSX.Element {
  const { picture, classNames } = props;
  const workstreams: IWorkstream[] = React.useMemo(() => orderedWorkstreams(picture), [picture]);
  const [choice, setChoice] = React.useState<InsertChoice>('wholeReport');
  const [workstreamId, setWorkstreamId] = React.useState<number | undefined>(undefined);
  const chosen: IWorkstream | undefined = workstreams.filter((w) => w.id === workstreamId)[0] || workstreams[0];

  const blocks: IBlock[] | undefined = React.useMemo(() => {
    try {
      return blocksFor(picture, choice, chosen ? chosen.id : undefined);
    } catch {
      return undefined;
    }
  }, [picture, choice, chosen]);
  const html: PreviewHtml | undefined = React.useMemo(() => (blocks ? previewHtml(blocks) : undefined), [blocks]);

  const choiceOptions: IDropdownOption[] = PREVIEW_CHOICES.filter((c) => isOffered(picture, c)).map((c) => ({ key: c, text: choiceLabel(c) }));
  const workstreamOptions: IDropdownOption[] = workstreams.map((w) => ({ key: w.id, text: workstreamName(w) }));
  const label: string = isWorkstreamChoice(choice) && chosen ? `${choiceLabel(choice)} – ${workstreamName(chosen)}` : choiceLabel(choice);

  return (
    <section className={classNames.section} aria-labelledby={props.headingId}>
      <h2 id={props.headingId} className={classNames.sectionHeading}>
        {STRINGS.PreviewHeading}
      </h2>
      <p className={classNames.intro}>{format(STRINGS.DownloadDescription, picture.period.title)}</p>
      <PrimaryButton text={STRINGS.Download} disabled={props.disabled} onClick={props.onDownload} />
      {props.status}
      <div className={classNames.previewTools}>
        <Dropdown
          label={STRINGS.PreviewWhat}
          options={choiceOptions}
          selectedKey={choice}
          onChange={(_e, o) => o && setChoice(o.key as InsertChoice)}
          styles={{ root: { flex: '1 1 200px', minWidth: 0 } }}
        />
        {isWorkstreamChoice(choice) ? (
          <Dropdown
            label={STRINGS.WorkstreamLabel}
            options={workstreamOptions}
            selectedKey={chosen ? chosen.id : undefined}
            onChange={(_e, o) => o && setWorkstreamId(Number(o.key))}
            styles={{ root: { flex: '1 1 200px', minWidth: 0 } }}
          />
        ) : null}
      </div>
      {html ? <PreviewBody html={html} className={classNames.preview} label={format(STRINGS.PreviewRegion, `${label}, ${picture.period.title}`)} /> : null}
    </section>
  );
}
