import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { LabelledSection } from './LabelledSection';
import { Button } from './Button';
import type { IIibFeedback, IPeriod } from '../../../domain/model';
import { formatUkDate } from '../../../domain/dates';
import type { Saved } from '../../../data/repository';
import { feedbackTarget, isChallengeClosed, isFeedbackOnRecord, mayClose, mayEditFeedback, mayRespond } from '../../../data/rights';
import { FeedbackHistory } from './FeedbackHistory';
import { format } from './format';
import { formatUkDateTime } from './ukTime';
import { RichText } from './RichText';
import { importedMark, type ISectionProps, shorten } from './sections';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

function kindLabel(feedback: IIibFeedback): string {
  return feedback.kind === 'Challenge' ? strings.FeedbackKindChallenge : strings.FeedbackKindFeedback;
}

function recordedLine(feedback: IIibFeedback): string | undefined {
  // An imported item says who recorded it and when on the site it came from, and that it was imported.
  const recorded = feedback.recorded;
  const at: string | undefined = recorded && recorded.on ? recorded.on : feedback.created;
  let when: string | undefined;
  try {
    when = at ? formatUkDate(at) : undefined;
  } catch {
    when = undefined;
  }
  const writer = recorded && recorded.by ? recorded.by : feedback.author;
  const who: string | undefined = writer ? writer.name : undefined;
  let line: string | undefined;
  if (who && when) {
    line = format(strings.FeedbackRecordedByOn, who, when);
  } else if (who) {
    line = format(strings.FeedbackRecordedBy, who);
  } else if (when) {
    line = format(strings.FeedbackRecordedOn, when);
  }
  return line && recorded ? importedMark(line, feedback.author) : line;
}

/** Where a challenge stands, in words: open, responded to, or closed. Challenges only. */
function challengeState(feedback: IIibFeedback): string | undefined {
  if (feedback.kind !== 'Challenge') {
    return undefined;
  }
  return isChallengeClosed(feedback) ? strings.ChallengeStateClosed : feedback.response ? strings.ChallengeStateResponded : strings.ChallengeStateOpen;
}

function titleOf(periods: readonly IPeriod[], id: number | undefined): string {
  const p: IPeriod | undefined = periods.filter((x) => x.id === id)[0];
  return p ? p.title : '';
}

/** Props of one item of the log. */
interface IFeedbackItemProps extends ISectionProps {
  item: Saved<IIibFeedback>;
}

/** One challenge or feedback: what it says, where it stands, its response and closing, and what the user may do. */
function FeedbackItem(props: IFeedbackItemProps): JSX.Element {
  const classNames = useClassNames();
  const { item: f, picture, ctx, rights } = props;
  const historyId: string = useUniqueId('ph-feedback-history');
  const [showHistory, setShowHistory] = React.useState<boolean>(false);
  const workstream = picture.workstreams.filter((w) => w.id === f.workstreamId)[0] || ctx.workstream;
  const recorded: string | undefined = recordedLine(f);
  const state: string | undefined = challengeState(f);
  const short: string = shorten(f.text, 40);
  // Offered by the same rules the repository enforces; SharePoint's right to write the list first.
  const canWrite: boolean = rights.feedback.edit;
  return (
    <article className={classNames.feedbackItem}>
      <h4>{state ? format(strings.ChallengeHeadingWithState, kindLabel(f), state) : kindLabel(f)}</h4>
      {f.aboutPeriodId !== undefined && f.aboutPeriodId !== ctx.period.id ? <p className={classNames.muted}>{format(strings.FeedbackAboutPeriod, titleOf(picture.periods, f.aboutPeriodId))}</p> : undefined}
      {f.periodId !== ctx.period.id ? <p className={classNames.muted}>{format(strings.FeedbackRaisedIn, titleOf(picture.periods, f.periodId))}</p> : undefined}
      <RichText text={f.text} />
      {recorded ? <p className={classNames.muted}>{recorded}</p> : undefined}
      {f.response ? (
        <div>
          <p className={classNames.muted}>{format(strings.ResponseByOn, f.respondedBy ? f.respondedBy.name : strings.SomeoneUnknown, formatUkDateTime(f.respondedAt))}</p>
          <RichText text={f.response} />
        </div>
      ) : undefined}
      {f.closedAt ? (
        <p className={classNames.muted}>
          {format(strings.ClosedByOn, f.closedBy ? f.closedBy.name : strings.SomeoneUnknown, formatUkDateTime(f.closedAt))}
          {f.closingNote ? ` ${format(strings.ClosingNoteThen, f.closingNote)}` : ''}
        </p>
      ) : undefined}
      <div className={classNames.actions}>
        {props.can.editFeedback && mayEditFeedback(ctx.user, f, rights) && !isFeedbackOnRecord(picture.periods.filter((p) => p.id === f.periodId)[0]) ? (
          <Button action text={strings.Edit} ariaLabel={format(strings.EditFeedbackAria, kindLabel(f), short)} onClick={() => props.onEdit((specs) => specs.feedbackForm(ctx, f))} />
        ) : undefined}
        {canWrite && mayRespond(ctx.user, f, workstream) ? (
          <Button action
            text={f.response ? strings.EditResponse : strings.Respond}
            ariaLabel={format(f.response ? strings.EditResponseAria : strings.RespondAria, short)}
            onClick={() => props.onEdit((specs) => specs.respondForm(ctx, f))}
          />
        ) : undefined}
        {canWrite && mayClose(f, rights) ? (
          <Button action text={strings.CloseChallenge} ariaLabel={format(strings.CloseChallengeAria, short)} onClick={() => props.onEdit((specs) => specs.closeChallengeForm(ctx, f))} />
        ) : undefined}
        <Button action
          text={showHistory ? strings.HideHistory : strings.ShowHistory}
          ariaLabel={format(showHistory ? strings.HideHistoryAria : strings.ShowHistoryAria, kindLabel(f), short)}
          aria-expanded={showHistory}
          aria-controls={showHistory ? historyId : undefined}
          onClick={() => setShowHistory((s) => !s)}
        />
      </div>
      {showHistory ? <FeedbackHistory feedback={f} id={historyId} /> : undefined}
    </article>
  );
}

/**
 * The IIB's challenge and feedback on this workstream in this period, beside the status it
 * concerns: what was recorded in the period and what was raised later about it, each with its
 * response, its closing and its history. A locked period's log is not added to: new challenges
 * about it go to the open period, referring back, and show here as well as there.
 */
export function FeedbackSection(props: ISectionProps): JSX.Element {
  const classNames = useClassNames();
  const { picture, ctx, can } = props;
  const items: Array<Saved<IIibFeedback>> = picture.feedback.filter(
    (f) => f.workstreamId === ctx.workstream.id && (f.periodId === ctx.period.id || f.aboutPeriodId === ctx.period.id)
  );
  const period: IPeriod = picture.periods.filter((p) => p.id === ctx.period.id)[0] || ctx.period;
  const locked: boolean = period.state === 'Locked' || picture.snapshot !== undefined;
  const target = feedbackTarget(picture.periods, locked ? { ...period, state: 'Locked' } : period);
  const targetPeriod: IPeriod | undefined = target ? picture.periods.filter((p) => p.id === target.periodId)[0] : undefined;
  return (
    <LabelledSection idPrefix="ph-feedback" heading={strings.FeedbackHeading}>
      {items.length === 0 ? <p>{strings.NoFeedback}</p> : undefined}
      {items.map((f) => (
        <FeedbackItem key={f.id} {...props} item={f} />
      ))}
      {can.addFeedback && locked && !targetPeriod ? <p className={classNames.muted}>{format(strings.FeedbackNoOpenPeriod, period.title)}</p> : undefined}
      {can.addFeedback && targetPeriod && target ? (
        <Button
          text={target.aboutPeriodId !== undefined ? format(strings.AddFeedbackAbout, period.title) : strings.AddFeedback}
          onClick={() => props.onEdit((specs) => specs.feedbackForm(ctx, undefined, target.aboutPeriodId !== undefined ? { period: targetPeriod, aboutPeriodId: target.aboutPeriodId } : undefined))}
        />
      ) : undefined}
    </LabelledSection>
  );
}
