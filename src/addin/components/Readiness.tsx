import * as React from 'react';
import { applyAcknowledgements, checkReadiness, type FindingSeverity, type IPeriodPicture, type IReadinessAcknowledgement, type IReadinessFinding } from '../../domain';
import { format, plural } from '../../ui/format';
import { severityClassName } from '../../ui/severity';
import { STRINGS } from '../loc/en-gb';
import type { IPaneClassNames } from './styles';

/** Props of {@link Readiness}. */
export interface IReadinessProps {
  /** The period's picture, with the findings the programme office acknowledged (the repository's picture carries them). */
  picture: IPeriodPicture & { acknowledgements?: IReadinessAcknowledgement[] };
  classNames: IPaneClassNames;
  headingId: string;
}

const SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'info'];

function severityWords(s: FindingSeverity): string {
  return s === 'error' ? STRINGS.SeverityError : s === 'warning' ? STRINGS.SeverityWarning : STRINGS.SeverityInfo;
}

function groupTitle(s: FindingSeverity): string {
  return s === 'error' ? STRINGS.ReadinessGroupError : s === 'warning' ? STRINGS.ReadinessGroupWarning : STRINGS.ReadinessGroupInfo;
}

function countText(s: FindingSeverity, n: number): string {
  return s === 'error'
    ? plural(n, STRINGS.ReadinessErrorsOne, STRINGS.ReadinessErrorsMany)
    : s === 'warning'
      ? plural(n, STRINGS.ReadinessWarningsOne, STRINGS.ReadinessWarningsMany)
      : plural(n, STRINGS.ReadinessInfoOne, STRINGS.ReadinessInfoMany);
}

/** A finding's message, led by its workstream unless the message already names it. */
function findingText(f: IReadinessFinding): string {
  const where: string = f.where.workstreamTitle || STRINGS.ProgrammeLevel;
  return f.message.indexOf(where) >= 0 ? f.message : `${where} – ${f.message}`;
}

/**
 * What must be put right before the period's paper goes to the Board: the domain's readiness
 * rules on the period's picture, grouped by severity (errors open), each with its severity in
 * words and the workstream it concerns.
 */
export function Readiness(props: IReadinessProps): JSX.Element {
  const { picture, classNames } = props;
  // Findings the programme office acknowledged as not applying do not count here either.
  const applied = React.useMemo(() => applyAcknowledgements(checkReadiness(picture), picture.acknowledgements), [picture]);
  const findings: IReadinessFinding[] = applied.open;
  const groups = SEVERITIES.map((severity) => ({ severity, items: findings.filter((f) => f.severity === severity) })).filter((g) => g.items.length > 0);
  return (
    <section className={classNames.section} aria-labelledby={props.headingId}>
      <h2 id={props.headingId} className={classNames.sectionHeading}>
        {STRINGS.ReadinessHeading}
      </h2>
      {groups.length === 0 ? (
        <p className={classNames.intro}>{format(STRINGS.ReadinessNone, picture.period.title)}</p>
      ) : (
        <>
          <p className={classNames.intro}>{format(STRINGS.ReadinessSummary, picture.period.title, groups.map((g) => countText(g.severity, g.items.length)).join(', '))}</p>
          {groups.map((g) => (
            <details key={g.severity} className={classNames.findingGroup} open={g.severity === 'error'}>
              <summary className={classNames.findingSummary}>
                {groupTitle(g.severity)} ({g.items.length})
              </summary>
              <ul className={classNames.findings}>
                {g.items.map((f, i) => (
                  <li key={i} className={classNames.finding}>
                    <span className={severityClassName(classNames, f.severity)}>{severityWords(f.severity)}:</span>{' '}
                    <span>{findingText(f)}</span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </>
      )}
      {applied.acknowledged.length > 0 ? (
        <p className={classNames.intro}>{plural(applied.acknowledged.length, STRINGS.ReadinessAcknowledgedOne, STRINGS.ReadinessAcknowledgedMany)}</p>
      ) : null}
    </section>
  );
}
