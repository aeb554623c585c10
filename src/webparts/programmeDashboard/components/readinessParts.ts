/**
 * The readiness rules' part of a workstream's view, fetched as the view opens rather than with its
 * chunk (workstreamParts.tsx): the "Ready for the Board?" list, a workstream's group's summary of
 * what it still owes (which counts the must-fix findings), and the rule that decides whether
 * approving asks for a reason. One module, so that every bundler makes one chunk of them (as
 * SPFx's webpack does for one `webpackChunkName`).
 */
export { mustFixBeforeApproval } from '../../../domain/readiness';
export { OwedSummary } from './OwedSummary';
export { ReadinessList } from './ReadinessList';
