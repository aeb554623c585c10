/** The programme view's trends and risk matrix, as one part fetched once the view is on screen (lazy.tsx). */
export { RagTrends } from './RagTrends';
export { RiskMatrix } from './RiskMatrix';
