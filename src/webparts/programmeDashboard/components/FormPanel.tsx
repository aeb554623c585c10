import * as React from 'react';
import { EditPanel, type IEditPanelProps } from './EditPanel';
import * as formSpecs from './formSpecs';
import type { FormMaker, IFormRequest } from './forms';

/** Props of {@link FormPanel}. */
export interface IFormPanelProps extends Omit<IEditPanelProps, 'request'> {
  /** Makes the form from formSpecs.ts, which comes in this part, with the panels. */
  make: FormMaker;
}

/**
 * The editing panel for a form a view's button asked for by its maker: the form is made once, as
 * the panel opens (a new form is a new panel: its view gives it a new key).
 */
export function FormPanel(props: IFormPanelProps): JSX.Element {
  const { make, ...rest } = props;
  const [request] = React.useState<IFormRequest>(() => make(formSpecs));
  return <EditPanel {...rest} request={request} />;
}
