import * as React from 'react';
import { DefaultButton, PrimaryButton, type IButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import type { IRefreshItem } from '../word/types';
import { blocksText, changesShown, countByStatus, itemTitle, moreText, refreshCount, statusText, wouldLose } from '../flows/refresh';
import { format } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';
import type { IPaneClassNames } from './styles';

/** Props of {@link RefreshSection}. */
export interface IRefreshSectionProps {
  /** The plan to review, once the officer has checked for changes. */
  plan?: IRefreshItem[];
  /** What the officer should know before refreshing (Track Changes); '' for nothing. */
  notice?: string;
  disabled: boolean;
  classNames: IPaneClassNames;
  headingId: string;
  onCheck: () => void;
  /** Applies the plan; edited blocks are replaced only if their control ids are in `overwrite`. */
  onApply: (overwrite: ReadonlySet<number>) => void;
  onCancel: () => void;
  status?: React.ReactNode;
}

function ReviewItem(props: {
  item: IRefreshItem;
  classNames: IPaneClassNames;
  overwrite: boolean;
  disabled: boolean;
  onOverwrite: (checked: boolean) => void;
}): JSX.Element {
  const { item, classNames } = props;
  const id: number = item.found.control.id;
  const title: string = itemTitle(item);
  const { lines, more } = changesShown(item);
  const lost: string = item.status === 'edited' ? wouldLose(item) : '';
  const lostId: string = `ph-lost-${id}`;
  return (
    <li className={classNames.reviewItem}>
      <p className={classNames.reviewTitle}>{title}</p>
      <p className={classNames.reviewStatus}>{statusText(item.status)}</p>
      {item.status === 'changed' || item.status === 'edited' ? (
        lines.length > 0 ? (
          <ul className={classNames.changes} aria-label={format(STRINGS.ChangesLabel, title)}>
            {lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {more > 0 ? <li>{moreText(more)}</li> : null}
          </ul>
        ) : (
          <p className={classNames.muted}>{STRINGS.ChangesNone}</p>
        )
      ) : null}
      {item.status === 'edited' ? (
        <>
          <p className={classNames.muted}>{STRINGS.EditedExplain}</p>
          <Checkbox
            label={`${STRINGS.EditedOverwrite}: ${title}`}
            checked={props.overwrite}
            disabled={props.disabled}
            ariaDescribedBy={lostId}
            onChange={(_e, checked) => props.onOverwrite(!!checked)}
          />
          <p id={lostId} className={classNames.lost}>
            {lost ? format(STRINGS.EditedWouldLose, lost) : STRINGS.EditedNothingLost}
          </p>
        </>
      ) : null}
    </li>
  );
}

/**
 * Refreshing the paper: check what would change, review it block by block — an edited block is
 * replaced only when its box is ticked, and each box starts unticked — then apply.
 */
export function RefreshSection(props: IRefreshSectionProps): JSX.Element {
  const { plan, classNames } = props;
  const [overwrite, setOverwrite] = React.useState<ReadonlySet<number>>(new Set<number>());
  const summaryRef: React.RefObject<HTMLParagraphElement> = React.useRef<HTMLParagraphElement>(null);
  const checkRef: React.RefObject<IButton> = React.useRef<IButton>(null);
  const hadPlan: React.MutableRefObject<boolean> = React.useRef<boolean>(false);
  const focusCheck: React.MutableRefObject<boolean> = React.useRef<boolean>(false);
  React.useEffect(() => {
    setOverwrite(new Set<number>());
    // Focus follows the work: to the plan when it arrives (it may be far down the pane), and
    // back to "Check for changes" once the plan is applied or put away.
    if (plan && summaryRef.current) {
      const section: HTMLElement | null = summaryRef.current.closest('section');
      if (section && typeof section.scrollIntoView === 'function') {
        section.scrollIntoView({ block: 'start' });
      }
      summaryRef.current.focus({ preventScroll: true });
    } else if (!plan && hadPlan.current) {
      focusCheck.current = true;
    }
    hadPlan.current = !!plan;
  }, [plan]);
  React.useEffect(() => {
    // The button can take focus only once the refresh has finished and it is enabled again.
    if (focusCheck.current && !props.disabled && checkRef.current) {
      focusCheck.current = false;
      checkRef.current.focus();
    }
  });

  const toggle = (id: number, checked: boolean): void => {
    const next: Set<number> = new Set<number>(overwrite);
    if (checked) {
      next.add(id);
    } else {
      next.delete(id);
    }
    setOverwrite(next);
  };

  let review: JSX.Element | undefined;
  if (plan) {
    const counts = countByStatus(plan);
    const toReview: IRefreshItem[] = plan.filter((i) => i.status !== 'unchanged');
    const count: number = refreshCount(plan, overwrite);
    const nothingPending: boolean = counts.changed === 0 && counts.edited === 0;
    review =
      plan.length === 0 ? (
        <>
          <p className={`${classNames.intro} ${classNames.summary}`} ref={summaryRef} tabIndex={-1}>
            {STRINGS.RefreshNoBlocks}
          </p>
          <DefaultButton text={STRINGS.RefreshDone} onClick={props.onCancel} />
        </>
      ) : (
        <>
          <p className={`${classNames.intro} ${classNames.summary}`} ref={summaryRef} tabIndex={-1}>
            {format(STRINGS.RefreshSummary, blocksText(plan.length))}
          </p>
          {nothingPending && counts.missing === 0 ? <p className={classNames.intro}>{STRINGS.RefreshAllUpToDate}</p> : null}
          {toReview.length > 0 ? (
            <ul className={classNames.reviewList} aria-label={STRINGS.RefreshHeading}>
              {toReview.map((item) => (
                <ReviewItem
                  key={item.found.control.id}
                  item={item}
                  classNames={classNames}
                  overwrite={overwrite.has(item.found.control.id)}
                  disabled={props.disabled}
                  onOverwrite={(checked) => toggle(item.found.control.id, checked)}
                />
              ))}
            </ul>
          ) : null}
          {!nothingPending && props.notice ? <p className={classNames.intro}>{props.notice}</p> : null}
          {counts.unchanged > 0 && toReview.length > 0 ? (
            <p className={classNames.muted}>{format(STRINGS.RefreshUpToDateCount, blocksText(counts.unchanged))}</p>
          ) : null}
          <div className={classNames.previewTools}>
            {nothingPending ? (
              <PrimaryButton text={STRINGS.RefreshDone} disabled={props.disabled} onClick={props.onCancel} />
            ) : (
              <>
                <PrimaryButton
                  text={count > 0 ? format(STRINGS.RefreshApply, blocksText(count)) : STRINGS.RefreshNothingToApply}
                  disabled={props.disabled || count === 0}
                  onClick={() => props.onApply(overwrite)}
                />
                <DefaultButton text={STRINGS.RefreshCancel} disabled={props.disabled} onClick={props.onCancel} />
              </>
            )}
          </div>
        </>
      );
  }

  return (
    <section className={classNames.section} aria-labelledby={props.headingId}>
      <h2 id={props.headingId} className={classNames.sectionHeading}>
        {STRINGS.RefreshHeading}
      </h2>
      {review || (
        <>
          <p className={classNames.intro}>{STRINGS.RefreshIntro}</p>
          <DefaultButton componentRef={checkRef} text={STRINGS.RefreshCheck} disabled={props.disabled} onClick={props.onCheck} />
        </>
      )}
      {props.status}
    </section>
  );
}
