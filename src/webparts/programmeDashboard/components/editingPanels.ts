/**
 * The panels that edit and confirm, as one part loaded on first use (lazy.tsx): one module, so that
 * every bundler makes one chunk of them (as SPFx's webpack does for one `webpackChunkName`) and
 * none of what they share is split into pieces fetched with the first view. The forms' specifications
 * (formSpecs.ts) come with them: a view's buttons ask for a form by its maker (forms.ts, FormMaker).
 */
export { ActionPanel } from './ActionPanel';
export { ApprovePanel } from './ApprovePanel';
export { CyclePanel } from './CyclePanel';
export { DeletePanel } from './DeletePanel';
export { EditPanel } from './EditPanel';
export { FormPanel } from './FormPanel';
