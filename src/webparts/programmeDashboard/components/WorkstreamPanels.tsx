import * as React from 'react';
import type { IWorkstreamHeading } from '../../../domain/model';
import type { IEditablePeriodPicture } from '../../../data/repository';
import type { IFormContext } from './formSpecs';
import { CyclePanelLoader as CyclePanel, DeletePanelLoader as DeletePanel, FormPanelLoader as FormPanel } from './lazy';
import type { IPermissions } from './permissions';
import type { IWorkstreamController } from './useWorkstreamController';

/** Props of {@link WorkstreamPanels}. */
export interface IWorkstreamPanelsProps {
  controller: IWorkstreamController;
  picture: IEditablePeriodPicture;
  ctx: IFormContext;
  can: IPermissions;
  workstream: IWorkstreamHeading;
}

/**
 * The workstream view's one open panel, if any: a form, a delete confirmation, or a step of the
 * cycle — each loaded with the editing panels when first opened (lazy.tsx).
 */
export function WorkstreamPanels(props: IWorkstreamPanelsProps): JSX.Element | null {
  const { controller } = props;
  const panel = controller.panel;
  if (!panel) {
    return null;
  }
  if (panel.kind === 'edit') {
    return <FormPanel key={panel.key} make={panel.make} onSaved={controller.stored} onChanged={controller.refresh} onClose={controller.closePanel} />;
  }
  if (panel.kind === 'delete') {
    return <DeletePanel request={panel.request} onDeleted={controller.stored} onChanged={controller.refresh} onClose={controller.closePanel} />;
  }
  return <CyclePanel {...props} request={panel.request} />;
}
