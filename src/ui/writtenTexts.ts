/**
 * What the product writes into SharePoint's lists as content, in en-GB (src/domain/messages.ts:
 * IWrittenTexts): a new programme's RAG key, snapshots' titles, a close-down's draft and the notes
 * carrying it into the next phase writes. Installed with the writes' words (src/ui/writeWords.ts),
 * so that a first load, which only reads, does not carry them. Word for word as written before the
 * words moved out of the core (issue 15, item 4).
 */
import type { IWrittenTexts, SnapshotTitleOf } from '../domain/messages';
import type { IRagDefinition } from '../domain/model';

/** The definitions of the levels in the methodology the product began with: a new programme's RAG key until it sets its own. */
export const DEFAULT_RAG_DEFINITIONS: readonly IRagDefinition[] = [
  {
    rag: 'Green',
    definition: 'Successful delivery of the improvement theme to time, cost and quality appears to be highly likely.'
  },
  {
    rag: 'Green/Amber',
    definition:
      'Successful delivery of the improvement theme within timescale appears probable. However, constant attention will be needed to ensure risks do not materialise into issues threatening delivery.'
  },
  {
    rag: 'Amber',
    definition:
      'Successful delivery of the improvement theme appears feasible, but issues exist requiring attention. These appear resolvable at this stage, and if addressed properly, should not represent a schedule overrun.'
  },
  {
    rag: 'Amber/Red',
    definition:
      'Successful delivery of the improvement theme is in doubt with major risks or issues apparent some key areas. Action is underway to ensure these are addressed and establish whether resolution is feasible.'
  },
  {
    rag: 'Red',
    definition:
      'Successful delivery of the improvement theme within the agreed timescale and/or budget appears to be unachievable as issues have been identified which officers conclude are at present not manageable or resolvable. The theme will therefore need re-profiling.'
  }
];

/** What a snapshot's part is of, as its title begins. */
function snapshotOf(of: SnapshotTitleOf): string {
  if ('period' in of) {
    return of.period;
  }
  if ('programmeOf' in of) {
    return `${of.programmeOf} programme`;
  }
  return 'workstreamsOf' in of ? `${of.workstreamsOf} workstreams ${of.group} of ${of.groups}` : `${of.closeDownOf} close-down`;
}

/** The texts the writes write, in en-GB. */
export const WRITTEN_TEXTS: IWrittenTexts = {
  defaultRagDefinitions: DEFAULT_RAG_DEFINITIONS,
  snapshotPartTitle: ({ of, part, parts }) => `${snapshotOf(of)} – part ${part} of ${parts}`,
  reportedComplete: ({ period, number, status }) => `Reported complete in ${period}${number ? ` (milestone ${number})` : ''}${status ? `: ${status}` : ''}`,
  riskTask: ({ number, description }) => `Risk${number ? ` ${number}` : ''}: ${description}`,
  riskMitigation: ({ mitigation }) => `Mitigation: ${mitigation}`,
  carriedMilestoneStatus: ({ phase, outstanding }) => [`From the close-down of ${phase}.`, outstanding ? `Outstanding: ${outstanding}` : ''].filter((x) => x !== '').join(' '),
  riskClosedNote: (p) => ('carriedInto' in p ? `Carried into ${p.carriedInto} as a risk of its theme.` : `Closed at the close-down of ${p.closedIn}: ${p.reason}`)
};
