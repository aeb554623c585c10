import * as React from 'react';
import { strings } from '../loc/strings';
import { checkReadiness, type FindingSeverity, type IReadinessFinding } from '../../../domain';
import type { IEditablePeriodPicture } from '../../../data/repository';
import { format } from './format';
import type { IFormContext } from './formSpecs';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link ReadinessList}. */
export interface IReadinessListProps {
  picture: IEditablePeriodPicture;
  ctx: IFormContext;
}

/**
 * What must be put right in this workstream's report before the period's paper goes to the
 * Board: the domain's readiness rules run on the period's picture, this workstream's findings
 * only, each with its severity as a symbol and in words.
 */
export function ReadinessList(props: IReadinessListProps): JSX.Element {
  const classNames = useClassNames();
  const headingId: string = useUniqueId('ph-readiness');
  const { picture, ctx } = props;
  // A locked period's report has gone to the Board: its findings are a record, not a to-do list.
  const locked: boolean = picture.snapshot !== undefined || picture.period.state === 'Locked';
  const findings: IReadinessFinding[] = React.useMemo(
    () => checkReadiness(picture).filter((f) => f.where.workstreamId === ctx.workstream.id),
    [picture, ctx.workstream.id]
  );
  const severity = (s: FindingSeverity): { glyph: string; words: string; className: string } => {
    switch (s) {
      case 'error':
        return { glyph: strings.GlyphError, words: strings.SeverityError, className: classNames.severityError };
      case 'warning':
        return { glyph: strings.GlyphWarning, words: strings.SeverityWarning, className: classNames.severityWarning };
      default:
        return { glyph: strings.GlyphInfo, words: strings.SeverityInfo, className: classNames.severityInfo };
    }
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={classNames.sectionHeading}>
        {strings.ReadinessHeading}
      </h3>
      {findings.length === 0 ? (
        <p>{format(locked ? strings.ReadinessNoneLocked : strings.ReadinessNone, ctx.period.title)}</p>
      ) : (
        <>
          <p>{format(locked ? strings.ReadinessIntroLocked : strings.ReadinessIntro, ctx.period.title)}</p>
          <ul className={classNames.findings}>
            {findings.map((f, i) => {
              const s = severity(f.severity);
              return (
                <li key={i} className={classNames.finding}>
                  <span className={`${classNames.severity} ${s.className}`}>
                    <span aria-hidden="true">{s.glyph}</span> {s.words}
                  </span>
                  <span>{f.message}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
