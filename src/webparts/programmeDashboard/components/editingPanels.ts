/**
 * The panels that edit and confirm, as one part loaded on first use (lazy.tsx): one module, so that
 * every bundler makes one chunk of them (as SPFx's webpack does for one `webpackChunkName`) and
 * none of what they share is split into pieces fetched with the first view.
 */
export { ActionPanel } from './ActionPanel';
export { ApprovePanel } from './ApprovePanel';
export { DeletePanel } from './DeletePanel';
export { EditPanel } from './EditPanel';
