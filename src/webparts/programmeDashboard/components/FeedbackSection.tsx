import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import { ActionButton, DefaultButton } from '@fluentui/react/lib/Button';
import { formatUkDate, type IIibFeedback } from '../../../domain';
import type { Saved } from '../../../data/repository';
import { mayChangeFeedback } from '../../../data/rules';
import { format } from './format';
import { feedbackForm } from './formSpecs';
import { RichText } from './RichText';
import { type ISectionProps, shorten } from './sections';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

function kindLabel(feedback: IIibFeedback): string {
  return feedback.kind === 'Challenge' ? strings.FeedbackKindChallenge : strings.FeedbackKindFeedback;
}

function recordedLine(feedback: IIibFeedback): string | undefined {
  let when: string | undefined;
  try {
    when = feedback.created ? formatUkDate(feedback.created) : undefined;
  } catch {
    when = undefined;
  }
  const who: string | undefined = feedback.author ? feedback.author.name : undefined;
  if (who && when) {
    return format(strings.FeedbackRecordedByOn, who, when);
  }
  if (who) {
    return format(strings.FeedbackRecordedBy, who);
  }
  return when ? format(strings.FeedbackRecordedOn, when) : undefined;
}

/** The IIB's challenge and feedback on this workstream in this period, beside the status it concerns. */
export function FeedbackSection(props: ISectionProps): JSX.Element {
  const classNames = useClassNames();
  const headingId: string = useUniqueId('ph-feedback');
  const { picture, ctx, can } = props;
  const items: Array<Saved<IIibFeedback>> = picture.feedback.filter((f) => f.workstreamId === ctx.workstream.id && f.periodId === ctx.period.id);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={classNames.sectionHeading}>
        {strings.FeedbackHeading}
      </h3>
      {items.length === 0 ? <p>{strings.NoFeedback}</p> : undefined}
      {items.map((f) => {
        const recorded: string | undefined = recordedLine(f);
        return (
          <article key={f.id} className={classNames.feedbackItem}>
            <h4>{kindLabel(f)}</h4>
            <RichText text={f.text} />
            {recorded ? <p className={classNames.muted}>{recorded}</p> : undefined}
            {can.editFeedback && mayChangeFeedback(ctx.user, f, props.rights) ? (
              <ActionButton
                text={strings.Edit}
                ariaLabel={format(strings.EditFeedbackAria, kindLabel(f), shorten(f.text, 40))}
                onClick={() => props.onEdit(feedbackForm(ctx, f))}
              />
            ) : undefined}
          </article>
        );
      })}
      {can.addFeedback ? <DefaultButton text={strings.AddFeedback} onClick={() => props.onEdit(feedbackForm(ctx, undefined))} /> : undefined}
    </section>
  );
}
