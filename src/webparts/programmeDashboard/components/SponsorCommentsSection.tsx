import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { LabelledSection } from './LabelledSection';
import { Button } from './Button';
import type { ISponsorComment } from '../../../domain/model';
import type { Saved } from '../../../data/repository';
import { format } from './format';
import { RichText } from './RichText';
import { importedMark, type ISectionProps } from './sections';
import { useClassNames } from './useClassNames';

/** The workstream sponsor's comments on the period. */
export function SponsorCommentsSection(props: ISectionProps): JSX.Element {
  const classNames = useClassNames();
  const { picture, ctx, can } = props;
  const comments: Array<Saved<ISponsorComment>> = picture.sponsorComments.filter(
    (c) => c.workstreamId === ctx.workstream.id && c.periodId === ctx.period.id
  );
  const first: Saved<ISponsorComment> | undefined = comments[0];
  return (
    <LabelledSection idPrefix="ph-sponsor" heading={strings.SponsorCommentsHeading}>
      {comments.length === 0 ? <p>{strings.NoSponsorComments}</p> : undefined}
      {comments.map((c) => (
        <div key={c.id}>
          <RichText text={c.text} />
          {c.recorded && c.recorded.by ? (
            // Imported: the sponsor who wrote it on the site it came from; SharePoint's author is the importer.
            <p className={classNames.muted}>{importedMark(format(strings.WrittenBy, c.recorded.by.name), c.author)}</p>
          ) : c.author ? (
            <p className={classNames.muted}>{format(strings.WrittenBy, c.author.name)}</p>
          ) : undefined}
        </div>
      ))}
      {first && can.editSponsorComment ? (
        <Button text={strings.EditSponsorComments} onClick={() => props.onEdit((specs) => specs.sponsorCommentForm(ctx, first))} />
      ) : undefined}
      {!first && can.addSponsorComment ? (
        <Button text={strings.AddSponsorComments} onClick={() => props.onEdit((specs) => specs.sponsorCommentForm(ctx, undefined))} />
      ) : undefined}
    </LabelledSection>
  );
}
