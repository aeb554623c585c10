import * as React from 'react';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link LabelledSection}. */
export interface ILabelledSectionProps {
  /** The start of the heading's id, unique on the page with a number after it. */
  idPrefix: string;
  heading: React.ReactNode;
  /** The heading's level: 3 for a section of a view, 4 for one inside such a section. */
  level?: 3 | 4;
  children?: React.ReactNode;
}

/**
 * A section of a view named by its heading, so that screen readers list it among the page's
 * regions by that name: the dashboard's sections all take their name and look from here.
 */
export function LabelledSection(props: ILabelledSectionProps): JSX.Element {
  const classNames = useClassNames();
  const headingId: string = useUniqueId(props.idPrefix);
  const Heading: 'h3' | 'h4' = props.level === 4 ? 'h4' : 'h3';
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId} className={classNames.sectionHeading}>
        {props.heading}
      </Heading>
      {props.children}
    </section>
  );
}
