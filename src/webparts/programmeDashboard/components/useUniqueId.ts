import * as React from 'react';
import { getId } from '@fluentui/react/lib/Utilities';

/** An id unique on the page, stable for the component's life (two dashboards may share a page). */
export function useUniqueId(prefix: string): string {
  const [id] = React.useState<string>(() => getId(prefix));
  return id;
}
