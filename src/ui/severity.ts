import type { FindingSeverity } from '../domain/readiness';

/** The class names a finding's severity is shown with: a common look, and one colour a severity. */
export interface ISeverityClassNames {
  severity: string;
  severityError: string;
  severityWarning: string;
  severityInfo: string;
}

/**
 * The class names a list of readiness findings needs, in the dashboard and in the task pane
 * alike: each host styles them in its own way, under the same names.
 */
export interface IFindingClassNames extends ISeverityClassNames {
  findings: string;
  finding: string;
}

/** The classes of a severity's mark: the common look with the severity's colour. */
export function severityClassName(classNames: ISeverityClassNames, severity: FindingSeverity): string {
  const colour: string = severity === 'error' ? classNames.severityError : severity === 'warning' ? classNames.severityWarning : classNames.severityInfo;
  return `${classNames.severity} ${colour}`;
}
