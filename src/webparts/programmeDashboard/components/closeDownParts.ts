/** A phase's close-down table and a workstream's journey across phases, as one part loaded on first use (lazy.tsx). */
export { CloseDownView } from './CloseDownView';
export { JourneyView } from './JourneyView';
