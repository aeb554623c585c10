import * as React from 'react';
import { useTheme } from '@fluentui/react/lib/Theme';
import { getClassNames, type IDashboardClassNames } from './styles';

/** The dashboard's class names for the theme in force; rebuilt only when the theme changes. */
export function useClassNames(): IDashboardClassNames {
  const theme = useTheme();
  return React.useMemo(() => getClassNames(theme), [theme]);
}
