import * as React from 'react';
import { strings } from '../loc/cycleStrings';
import { Button } from './Button';
import {
  applyAcknowledgements,
  checkReadiness,
  findingKey,
  mayAcknowledge,
  type FindingSeverity,
  type IReadinessAcknowledgement,
  type IReadinessFinding
} from '../../../domain/readiness';
import { isDataError } from '../../../data/errors';
import { severityClassName } from '../../../ui/severity';
import type { IEditablePeriodPicture, Saved } from '../../../data/repository';
import { ActionPanelLoader as ActionPanel } from './lazy';
import { OutcomeMessage } from './OutcomeMessage';
import { describeActionError } from './errorText';
import { format } from './format';
import { formatUkDateTime } from './ukTime';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';
import { useRepository } from './RepositoryContext';

/** Props of {@link ReadinessList}. */
export interface IReadinessListProps {
  picture: IEditablePeriodPicture;
  /** Whose findings: a workstream's, or (undefined) the period's own — those about the report as a whole. */
  workstreamId: number | undefined;
  /** The programme office, on an open period: offers Acknowledge… and Withdraw (rules.ts, mayAcknowledgeFindings). */
  mayAcknowledge?: boolean;
  /** An acknowledgement was made or withdrawn: reload the period. */
  onChanged?: () => void;
  /** The heading's level and words (the workstream view's "Ready for the Board?" by default). */
  heading?: string;
  /** The readiness rules' findings on `picture`, when the caller has them already (so the rules run once). */
  findings?: IReadinessFinding[];
}

type Acknowledged = Saved<IReadinessAcknowledgement>;

/** A value for a quoted attribute selector. */
function attributeValue(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/**
 * What must be put right in a report before the period's paper goes to the Board: the domain's
 * readiness rules run on the period's picture, one workstream's findings (or the period's own),
 * each with its severity as a symbol and in words. Findings the programme office has
 * acknowledged as not applying are set apart in a collapsed "Acknowledged (n)" group with the
 * reason, who and when, and do not count; the programme office acknowledges a finding that need
 * not be fixed (Acknowledge…, with a reason) and withdraws an acknowledgement.
 */
export function ReadinessList(props: IReadinessListProps): JSX.Element {
  const classNames = useClassNames();
  const headingId: string = useUniqueId('ph-readiness');
  const groupId: string = useUniqueId('ph-acknowledged');
  const messageId: string = useUniqueId('ph-finding');
  const repository = useRepository();
  const { picture, workstreamId, findings } = props;
  const period = picture.period;
  // A locked period's report has gone to the Board: its findings are a record, not a to-do list.
  const locked: boolean = picture.snapshot !== undefined || period.state === 'Locked';
  const may: boolean = !!props.mayAcknowledge && !locked;
  const { open, acknowledged } = React.useMemo(
    () => applyAcknowledgements<Acknowledged>((findings || checkReadiness(picture)).filter((f) => f.where.workstreamId === workstreamId), picture.acknowledgements),
    [picture, workstreamId, findings]
  );
  const [expanded, setExpanded] = React.useState<boolean>(false);
  const [acknowledging, setAcknowledging] = React.useState<IReadinessFinding | undefined>();
  const [withdrawing, setWithdrawing] = React.useState<{ a: Acknowledged; f: IReadinessFinding; i: number } | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const toggleRef: React.RefObject<HTMLButtonElement> = React.useRef<HTMLButtonElement>(null);
  const listRef: React.RefObject<HTMLElement> = React.useRef<HTMLElement>(null);
  // Where focus goes once the period has been read again: the finding's button, or the group's toggle.
  const focusAfter: React.MutableRefObject<string | undefined> = React.useRef<string | undefined>();

  /** The control of the list that has the focus key. */
  const withFocusKey = (key: string): HTMLElement | null => (listRef.current ? listRef.current.querySelector<HTMLElement>(`[data-focus-key="${attributeValue(key)}"]`) : null);

  React.useEffect(() => {
    const key: string | undefined = focusAfter.current;
    if (!key) {
      return;
    }
    const target: HTMLElement | null = withFocusKey(key);
    if (target) {
      focusAfter.current = undefined;
      target.focus();
    }
  }, [picture, expanded]);

  /** A panel made its change: the period is read again, then focus goes to the control with the key. */
  const changed = (key: string): void => {
    focusAfter.current = key;
    if (props.onChanged) {
      props.onChanged();
    }
  };
  /** A panel closed with nothing changed: nothing reloads, so focus goes back to the control with the key now. */
  const closedUnchanged = (key: string): void => {
    focusAfter.current = key;
    window.setTimeout(() => {
      const target: HTMLElement | null = withFocusKey(key);
      if (target && focusAfter.current === key) {
        focusAfter.current = undefined;
        target.focus();
      }
    }, 0);
  };

  // Each severity as a symbol for the eye and words for everyone, so that colour is never the only sign.
  const marks: { [severity in FindingSeverity]: { glyph: string; words: string } } = {
    error: { glyph: strings.GlyphError, words: strings.SeverityError },
    warning: { glyph: strings.GlyphWarning, words: strings.SeverityWarning },
    info: { glyph: strings.GlyphInfo, words: strings.SeverityInfo }
  };
  const describe = (e: unknown): string =>
    isDataError(e) && e.message && (e.kind === 'validation' || e.kind === 'locked' || e.kind === 'notFound' || e.kind === 'forbidden') ? e.message : describeActionError(e, 'review', period.title);

  // Withdrawing deletes the acknowledgement and its reason, so it is asked first, as deleting is.
  const withdrawn = async (w: { a: Acknowledged }): Promise<void> => {
    try {
      await repository.withdrawAcknowledgement(w.a.id, w.a.etag);
    } catch (e) {
      // Someone withdrew it already: what was asked for is done.
      if (!isDataError(e, 'notFound')) {
        throw e;
      }
    }
  };

  const line = (f: IReadinessFinding, id: string): JSX.Element => {
    const s = marks[f.severity];
    return (
      <>
        <span className={severityClassName(classNames, f.severity)}>
          <span aria-hidden="true">{s.glyph}</span> {s.words}
        </span>
        <span id={id} style={{ flex: '1 1 12em', minWidth: 0 }}>
          {f.message}
        </span>
      </>
    );
  };

  return (
    <section aria-labelledby={headingId} ref={listRef}>
      <h3 id={headingId} className={classNames.sectionHeading}>
        {props.heading || strings.ReadinessHeading}
      </h3>
      {open.length === 0 ? (
        <p>{format(locked ? strings.ReadinessNoneLocked : strings.ReadinessNone, period.title)}</p>
      ) : (
        <>
          <p>{format(locked ? strings.ReadinessIntroLocked : strings.ReadinessIntro, period.title)}</p>
          {may && open.some(mayAcknowledge) ? <p className={classNames.muted}>{strings.AcknowledgeHint}</p> : undefined}
          <ul className={classNames.findings}>
            {open.map((f, i) => (
              <li key={`${findingKey(f)}#${i}`} className={classNames.finding} style={{ flexWrap: 'wrap' }}>
                {line(f, `${messageId}-open-${i}`)}
                {may && mayAcknowledge(f) ? (
                  <Button
                    text={strings.AcknowledgeFinding}
                    aria-describedby={`${messageId}-open-${i}`}
                    data-focus-key={`acknowledge-${findingKey(f)}`}
                    onClick={() => {
                      setError(undefined);
                      setAcknowledging(f);
                    }}
                  />
                ) : undefined}
              </li>
            ))}
          </ul>
        </>
      )}
      <OutcomeMessage outcome={error ? { kind: 'error', text: error } : undefined} onDismiss={() => setError(undefined)} />
      {acknowledged.length > 0 ? (
        <div>
          <Button
            ref={toggleRef}
            text={format(strings.AcknowledgedGroup, acknowledged.length)}
            aria-expanded={expanded}
            aria-controls={groupId}
            data-focus-key="acknowledged-toggle"
            iconName={expanded ? 'ChevronDown' : 'ChevronRight'}
            onClick={() => setExpanded(!expanded)}
          />
          <ul id={groupId} className={classNames.findings} hidden={!expanded}>
            {acknowledged.map(({ finding: f, acknowledgement: a }, i) => (
              <li key={a.id} className={classNames.finding} style={{ flexWrap: 'wrap' }}>
                {line(f, `${messageId}-ack-${i}`)}
                <span style={{ flex: '1 1 100%' }}>{format(strings.AcknowledgedReason, a.reason)}</span>
                <span style={{ flex: '1 1 100%' }} className={classNames.muted}>
                  {format(strings.AcknowledgedBy, a.by ? a.by.name : strings.SomeoneUnknown, formatUkDateTime(a.at))}
                </span>
                {may ? (
                  <Button
                    text={strings.WithdrawAcknowledgement}
                    aria-describedby={`${messageId}-ack-${i}`}
                    data-focus-key={`withdraw-${i}`}
                    onClick={() => {
                      setError(undefined);
                      setWithdrawing({ a, f, i });
                    }}
                  />
                ) : undefined}
              </li>
            ))}
          </ul>
        </div>
      ) : undefined}
      {withdrawing ? (
        <ActionPanel
          title={strings.WithdrawTitle}
          confirmText={strings.WithdrawAcknowledgement}
          busyText={strings.Withdrawing}
          run={() => withdrawn(withdrawing)}
          describeError={describe}
          onDone={() => {
            setWithdrawing(undefined);
            changed(`acknowledge-${findingKey(withdrawing.f)}`);
          }}
          onStale={props.onChanged}
          onClose={() => {
            setWithdrawing(undefined);
            closedUnchanged(`withdraw-${withdrawing.i}`);
          }}
        >
          <p>{format(strings.WithdrawText, period.title)}</p>
          <blockquote style={{ margin: '8px 0', paddingLeft: 12, borderLeft: '3px solid currentColor' }}>{withdrawing.f.message}</blockquote>
          <p>{format(strings.AcknowledgedReason, withdrawing.a.reason)}</p>
        </ActionPanel>
      ) : undefined}
      {acknowledging ? (
        <ActionPanel
          title={strings.AcknowledgeTitle}
          confirmText={strings.Acknowledge}
          busyText={strings.Acknowledging}
          reason={{ key: 'reason', label: strings.AcknowledgeReasonLabel, description: strings.AcknowledgeReasonHint }}
          run={(reason) => repository.acknowledgeFinding(period.id, findingKey(acknowledging), reason || '')}
          describeError={describe}
          onDone={() => {
            setAcknowledging(undefined);
            changed('acknowledged-toggle');
          }}
          onStale={props.onChanged}
          onClose={() => {
            setAcknowledging(undefined);
            closedUnchanged(`acknowledge-${findingKey(acknowledging)}`);
          }}
        >
          <p>{format(strings.AcknowledgeText, period.title)}</p>
          <blockquote style={{ margin: '8px 0', paddingLeft: 12, borderLeft: '3px solid currentColor' }}>{acknowledging.message}</blockquote>
        </ActionPanel>
      ) : undefined}
    </section>
  );
}
