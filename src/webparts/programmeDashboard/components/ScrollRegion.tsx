import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import { format } from './format';
import { useClassNames } from './useClassNames';

/** Props of {@link ScrollRegion}. */
export interface IScrollRegionProps {
  /** What the region holds, for screen readers (it is a landmark they can scroll). */
  label: string;
  children: React.ReactNode;
}

/**
 * Holds a table that may be wider than a narrow Teams tab or a phone: it scrolls sideways
 * instead of clipping, and takes keyboard focus so it can be scrolled without a mouse.
 */
export function ScrollRegion(props: IScrollRegionProps): JSX.Element {
  const classNames = useClassNames();
  return (
    <div className={classNames.scrollRegion} role="region" aria-label={format(strings.ScrollableTable, props.label)} tabIndex={0}>
      {props.children}
    </div>
  );
}
