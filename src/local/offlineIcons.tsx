/**
 * The few Fluent UI icons our pages show (message bars, dropdowns, panels, checkboxes), as inline
 * SVG: Fluent's icon font comes from a CDN that the local stack and locked-down networks cannot
 * reach. SharePoint pages load the font themselves; these pages register these instead.
 */
import * as React from 'react';
import { registerIcons } from '@fluentui/react/lib/Styling';

function svg(path: string): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false" style={{ verticalAlign: '-0.125em' }}>
      <path d={path} fill="currentColor" />
    </svg>
  );
}

const CROSS: string = 'M3.3 2.6 8 7.3l4.7-4.7.7.7L8.7 8l4.7 4.7-.7.7L8 8.7l-4.7 4.7-.7-.7L7.3 8 2.6 3.3z';
const CIRCLE: string = 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 1a6 6 0 1 0 0 12A6 6 0 0 0 8 2z';

let registered: boolean = false;

/** Registers the icons once per page. */
export function registerOfflineIcons(): void {
  if (registered) {
    return;
  }
  registered = true;
  registerIcons({
    icons: {
      Cancel: svg(CROSS),
      Clear: svg(CROSS),
      ChevronDown: svg('M2.1 5.1 8 11l5.9-5.9.7.7L8 12.4 1.4 5.8z'),
      ChevronUp: svg('M2.1 10.9 8 5l5.9 5.9.7-.7L8 3.6 1.4 10.2z'),
      CheckMark: svg('M6 11.6 2.4 8l.7-.7L6 10.2l7-7 .7.7z'),
      Info: svg(`${CIRCLE}M7.5 7h1v5h-1zm0-3h1v1.5h-1z`),
      Completed: svg(`${CIRCLE}M7 10.6 4.4 8l.7-.7L7 9.2l4-4 .7.7z`),
      Warning: svg('M8 1.5 15 14.5H1zm0 2.1L2.7 13.5h10.6zM7.5 6h1v4.5h-1zm0 5.5h1V13h-1z'),
      SevereWarning: svg('M8 1.5 15 14.5H1zm-.5 4.5v4.5h1V6zm0 5.5V13h1v-1.5z'),
      ErrorBadge: svg(`${CIRCLE}M5.4 4.7 8 7.3l2.6-2.6.7.7L8.7 8l2.6 2.6-.7.7L8 8.7l-2.6 2.6-.7-.7L7.3 8 4.7 5.4z`),
      Blocked2: svg(`${CIRCLE}M3.8 11.5l7.7-7.7.7.7-7.7 7.7z`),
      CircleRing: svg(CIRCLE),
      More: svg('M3 7a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm5 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2z'),
      StatusCircleCheckmark: svg('M6.5 10.6 4 8l.7-.7 1.8 1.9 4-4 .7.7z')
    }
  });
}
