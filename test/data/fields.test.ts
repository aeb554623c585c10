/**
 * The entities' field tables (src/data/fields.ts) against what they must agree with: the
 * provisioning XML that makes the lists, the columns and selects the transports read with, the
 * data layer's refusals (each names its field by key), and the dashboard's forms (each field of a
 * form made from a table has its table entry, label and key). A table and any of these drifting
 * apart fails here.
 */
import * as path from 'path';
import { DataError } from '../../src/data/errors';
import {
  ACKNOWLEDGEMENT_FIELDS,
  checkFields,
  CLOSE_DOWN_FIELDS,
  columnsOf,
  FEEDBACK_FIELDS,
  graphName,
  HISTORY_FIELDS,
  MILESTONE_FIELDS,
  PERIOD_FIELDS,
  PHASE_FIELDS,
  PROGRAMME_FIELDS,
  RAG_DEFINITION_FIELDS,
  readFields,
  restColumnName,
  readRow,
  RISK_FIELDS,
  SECTION_FIELDS,
  SNAPSHOT_FIELDS,
  SPONSOR_COMMENT_FIELDS,
  STATUS_REPORT_FIELDS,
  WORKSTREAM_FIELDS,
  writeAll,
  writeFields,
  type IField
} from '../../src/data/fields';
import { COLUMNS, REQUEST_KEY } from '../../src/data/lists';
import { acknowledgementRecord, toAcknowledgement } from '../../src/data/acknowledgements';
import { phaseRecord, toPhase } from '../../src/data/PhaseRepository';
import { definitionValues, sectionTextRecord, toSectionDefinition, toSectionText } from '../../src/data/sections';
import { documentParts, snapshotRecords } from '../../src/data/snapshotWrites';
import { WRITTEN_TEXTS } from '../../src/ui/writtenTexts';
import { graphSelectFor, selectFor, toHistoryEntry } from '../../src/data/mapping';
import type { Row } from '../../src/data/transport';
import { LIST_TITLES, type EntityKind, type ListKey } from '../../src/data/repository';
import { validateEntity } from '../../src/data/validation';
import {
  checkStatedLastPeriod,
  validateClosingNoteInput,
  validateFeedbackInput,
  validateMilestoneInput,
  validateOverviewInput,
  validatePeriodInput,
  validateResponseInput,
  validateRiskInput,
  validateSponsorCommentInput,
  validateStatusReportInput,
  type IIibFeedback,
  type IMilestone,
  type IPeriod,
  type IRisk,
  type IStatusReport,
  type IWorkstream
} from '../../src/domain';
import { workstreamFaults } from '../../src/data/rules';
import { FIELD_NAME_WORDS } from '../../src/ui/messages';
import { loadListDefinitions, type IFieldDefinition, type IListDefinition } from '../../src/emulator/schema';
import {
  closeChallengeForm,
  feedbackForm,
  labelText,
  milestoneForm,
  milestoneStatusForm,
  overviewForm,
  respondForm,
  riskForm,
  sponsorCommentForm,
  statusReportForm,
  type IFormContext
} from '../../src/webparts/programmeDashboard/components/formSpecs';
import { closeDownForm, validateCloseDownRow } from '../../src/webparts/programmeDashboard/components/closeDownForm';
import { newPeriodFields } from '../../src/webparts/programmeDashboard/components/NewPeriodPanel';
import { workstreamFields } from '../../src/webparts/programmeDashboard/components/WorkstreamForm';
import type { IFieldSpec } from '../../src/webparts/programmeDashboard/components/forms';

const definitions: IListDefinition[] = loadListDefinitions(path.resolve(__dirname, '../../sharepoint/assets'));

interface ITableCase {
  /** The entity the repository checks by the table's rules, if any (a programme's and a period's are checked by their own operations). */
  kind?: EntityKind;
  list: ListKey;
  table: ReadonlyArray<IField>;
  /** The list's columns that are not the table's, such as a workstream's phase. */
  besides: string[];
}

const TABLES: ITableCase[] = [
  { kind: 'statusReport', list: 'statusReports', table: STATUS_REPORT_FIELDS, besides: [REQUEST_KEY] },
  { kind: 'milestone', list: 'milestones', table: MILESTONE_FIELDS, besides: [REQUEST_KEY] },
  { kind: 'risk', list: 'risks', table: RISK_FIELDS, besides: [REQUEST_KEY] },
  { kind: 'sponsorComment', list: 'sponsorComments', table: SPONSOR_COMMENT_FIELDS, besides: [REQUEST_KEY] },
  { kind: 'feedback', list: 'feedback', table: FEEDBACK_FIELDS, besides: [REQUEST_KEY] },
  { list: 'periods', table: PERIOD_FIELDS, besides: ['Phase'] },
  { list: 'workstreams', table: WORKSTREAM_FIELDS, besides: ['Phase'] },
  { list: 'programme', table: PROGRAMME_FIELDS, besides: [] },
  { list: 'ragDefinitions', table: RAG_DEFINITION_FIELDS, besides: [] },
  { list: 'closeDown', table: CLOSE_DOWN_FIELDS, besides: [REQUEST_KEY] },
  { list: 'phases', table: PHASE_FIELDS, besides: [REQUEST_KEY] },
  { list: 'periodSections', table: SECTION_FIELDS, besides: [REQUEST_KEY] },
  { list: 'acknowledgements', table: ACKNOWLEDGEMENT_FIELDS, besides: [REQUEST_KEY] },
  { list: 'history', table: HISTORY_FIELDS, besides: [] },
  { list: 'snapshots', table: SNAPSHOT_FIELDS, besides: [] }
];

const XML_TYPES: { [kind: string]: string } = { text: 'Text', note: 'Note', choice: 'Choice', number: 'Number', date: 'DateTime', dateTime: 'DateTime', lookup: 'Lookup', user: 'User', userMulti: 'UserMulti', boolean: 'Boolean' };

function xmlField(list: ListKey, column: string): IFieldDefinition | undefined {
  const definition: IListDefinition | undefined = definitions.filter((d) => d.title === LIST_TITLES[list])[0];
  return definition ? definition.fields.filter((f) => f.internalName === column)[0] : undefined;
}

/** A value each field's rules refuse, of the wrong shape for what it is. */
function refusedValue(f: IField): unknown {
  const rules = f.rules || {};
  if (rules.choices) {
    return 'Nonsense';
  }
  if (f.kind === 'lookup') {
    return 0;
  }
  if (rules.range) {
    return rules.range.max + 1;
  }
  if (rules.date) {
    return '31/06/2023';
  }
  return 'x'.repeat((rules.maxLength || 63999) + 1);
}

it('covers every list the product writes items of with a field table', () => {
  const tabled: string[] = TABLES.map((t) => t.list);
  expect((Object.keys(COLUMNS) as ListKey[]).filter((l) => tabled.indexOf(l) < 0)).toEqual([]);
});

it('gives every column of the XML a list has a field of its table, but the columns SharePoint keeps and those named besides it', () => {
  for (const { list, table, besides } of TABLES) {
    const definition: IListDefinition = definitions.filter((d) => d.title === LIST_TITLES[list])[0];
    const ours: string[] = [...table.map((f) => f.column), ...besides];
    const missing: string[] = definition.fields.filter((x) => !x.readOnly && x.internalName !== 'Title' && ours.indexOf(x.internalName) < 0).map((x) => x.internalName);
    expect({ list, missing }).toEqual({ list, missing: [] });
  }
});

describe.each(TABLES)('the $list field table', ({ kind, list, table, besides }) => {
  it('is a column of the provisioning XML for every field, of the same kind, indexed where the client filters on it', () => {
    for (const f of table) {
      const x: IFieldDefinition | undefined = xmlField(list, f.column);
      expect({ key: f.key, column: f.column, type: x && x.type }).toEqual({ key: f.key, column: f.column, type: XML_TYPES[f.kind] });
      if (f.indexed) {
        expect({ key: f.key, indexed: x && x.indexed }).toEqual({ key: f.key, indexed: true });
      }
    }
  });

  it("checks what the XML makes SharePoint refuse: required columns, a text's length, a number's range, a choice's choices", () => {
    for (const f of table) {
      const x = xmlField(list, f.column) as IFieldDefinition;
      const rules = f.rules || {};
      if (x.required) {
        expect({ key: f.key, required: rules.required }).toEqual({ key: f.key, required: true });
      }
      if (x.type === 'Text' && f.rules) {
        expect({ key: f.key, maxLength: rules.maxLength }).toEqual({ key: f.key, maxLength: x.maxLength });
      }
      if (x.min !== undefined || x.max !== undefined) {
        expect({ key: f.key, range: rules.range }).toEqual({ key: f.key, range: { min: x.min, max: x.max } });
      }
      if (x.type === 'Choice') {
        expect({ key: f.key, choices: [...(f.codec.choices || [])].sort() }).toEqual({ key: f.key, choices: [...(x.choices || [])].sort() });
      }
    }
  });

  it('gives the list its columns, and the REST and Graph selects every field', () => {
    expect(COLUMNS[list].filter((c) => besides.indexOf(c.name) < 0)).toEqual(columnsOf(table));
    const rest: string[] = selectFor(list);
    const graph: string[] = graphSelectFor(list);
    for (const f of table) {
      expect(rest).toContain(restColumnName(f.column, f.kind));
      expect(graph).toContain(graphName(f));
    }
  });

  it('reads back what it writes, field by field', () => {
    // Values of the shape the domain gives each field (names as written: one a line).
    const person = { id: 7, name: 'Louisa Simpson' };
    const shaped: { [key: string]: unknown } = {
      namesAsWritten: ['Louisa Simpson', 'Nick Bell'],
      sources: ['Board minutes, March 2023', 'Risk log'],
      outcomes: [{ heading: 'Better care', items: ['Fewer delays', 'More time'] }],
      recordedOn: '2023-06-01T09:30:00Z',
      respondedAt: '2023-06-02T09:30:00Z',
      closedAt: '2023-06-03T09:30:00Z'
    };
    const sample: { [key: string]: unknown } = {};
    for (const f of table) {
      if (f.key in shaped) {
        sample[f.key] = shaped[f.key];
        continue;
      }
      const rules = f.rules || {};
      sample[f.key] =
        rules.choices ? rules.choices[rules.choices.length - 1]
        : f.kind === 'lookup' ? 7
        : f.kind === 'user' ? person
        : f.kind === 'userMulti' ? [person]
        : f.kind === 'boolean' ? true
        : f.kind === 'number' ? 3
        : f.kind === 'date' ? '2024-02-29'
        : `${f.key} text`;
    }
    const row: Row = { id: 12, etag: '"1"', values: writeFields(table, sample) };
    expect(readFields<{ [key: string]: unknown }>(table, row, (n) => (n === person.id ? person : undefined))).toEqual({ id: 12, ...sample });
    expect(checkFields(table, sample, false)).toEqual([]);
  });

});

describe.each(TABLES.filter((t) => t.kind))('the $list field table as the repository checks it', ({ kind, table }) => {
  it('refuses each field it checks with a DataError naming the field by its key', () => {
    const checked: IField[] = table.filter((f) => f.rules);
    expect(checked.length).toBeGreaterThan(0);
    for (const f of checked) {
      let refusal: unknown;
      try {
        validateEntity(kind as EntityKind, { [f.key]: refusedValue(f) } as never, true);
      } catch (e) {
        refusal = e;
      }
      expect(refusal).toBeInstanceOf(DataError);
      expect({ key: f.key, kind: (refusal as DataError).kind, field: (refusal as DataError).field }).toEqual({ key: f.key, kind: 'validation', field: f.key });
      // The words still name the field as users know it: the table names it by code, worded at the edge.
      expect((refusal as DataError).message.startsWith(`${FIELD_NAME_WORDS[f.name as keyof typeof FIELD_NAME_WORDS]}: `)).toBe(true);
    }
  });
});

describe("the dashboard's forms made from the field tables", () => {
  const ctx: IFormContext = {
    workstream: { id: 1, code: 'A', title: 'Procurement', description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: 1 } as IWorkstream,
    period: { id: 3, title: 'January 2024', start: '2024-01-01', end: '2024-01-31', state: 'Open' } as IPeriod,
    user: { id: 9, name: 'Louisa Simpson', login: 'louisa.simpson@improvement.example' } as IFormContext['user']
  };
  const milestone = { id: 5, workstreamId: 1, periodId: 3, timing: 'ThisPeriod', title: 'Launch', order: 1, etag: '"1"' } as IMilestone & { etag: string };
  const risk = { id: 6, workstreamId: 1, description: 'd', mitigation: 'm', state: 'Open', raisedPeriodId: 3, order: 1, etag: '"1"' } as IRisk & { etag: string };
  const report = { id: 4, workstreamId: 1, periodId: 3, state: 'Draft', managerUpdate: 'Early style.', keyActivities: 'And the split.', etag: '"1"' } as IStatusReport & { etag: string };
  const challenge = { id: 7, workstreamId: 1, periodId: 3, kind: 'Challenge', text: 'Why the delay?', etag: '"1"' } as IIibFeedback & { etag: string };
  const previous = { id: 2, workstreamId: 1, periodId: 2, state: 'Approved', rag: 'Amber', agreedCompletionAsWritten: '31/03/2024' } as IStatusReport;
  const forms: Array<[string, ReadonlyArray<IField>, IFieldSpec[]]> = [
    ['a new status report', STATUS_REPORT_FIELDS, statusReportForm(ctx, undefined, previous).fields],
    ['a status report in both styles', STATUS_REPORT_FIELDS, statusReportForm(ctx, report, previous).fields],
    ['a milestone this period', MILESTONE_FIELDS, milestoneForm(ctx, 'ThisPeriod', undefined, 1, '1').fields],
    ['a milestone next period', MILESTONE_FIELDS, milestoneForm(ctx, 'NextPeriod', milestone, 1, '1').fields],
    ["a milestone's status", MILESTONE_FIELDS, milestoneStatusForm(ctx, milestone).fields],
    ['a risk', RISK_FIELDS, riskForm(ctx, risk, 1, '1').fields],
    ["a sponsor's comments", SPONSOR_COMMENT_FIELDS, sponsorCommentForm(ctx, undefined).fields],
    ['IIB feedback', FEEDBACK_FIELDS, feedbackForm(ctx, undefined).fields],
    ["a challenge's response", FEEDBACK_FIELDS, respondForm(ctx, challenge).fields],
    ["a challenge's closing", FEEDBACK_FIELDS, closeChallengeForm(ctx, challenge).fields],
    ["a period's overview", PERIOD_FIELDS, overviewForm({ ...ctx.period, etag: '"1"' }).fields],
    ['a new period', PERIOD_FIELDS, newPeriodFields()],
    ['a workstream', WORKSTREAM_FIELDS, workstreamFields([{ id: 9, name: 'Louisa Simpson' }])],
    ["a phase's close-down row", CLOSE_DOWN_FIELDS, closeDownForm('Phase 1', { id: 3, phaseId: 1, task: 'Survey depots', sources: [], order: 1, etag: '"1"' }, 'Theme A', []).fields]
  ];

  it.each(forms)('%s: every field has its table entry, its label from the table and no English name to match messages by', (_name, table, fields) => {
    for (const spec of fields) {
      const f: IField | undefined = table.filter((t) => t.key === spec.key)[0];
      expect({ key: spec.key, inTable: !!f }).toEqual({ key: spec.key, inTable: true });
      expect(spec.label).toBe(labelText((f as IField).labelKey as string));
      expect(spec.validationName).toBeUndefined();
      // What the list requires, the form requires (a form may ask for more: a response to respond).
      if ((f as IField).rules?.required) {
        expect({ key: spec.key, required: spec.required }).toEqual({ key: spec.key, required: true });
      }
    }
  });

  it("puts the messages as typed about comments, feedback, periods, workstreams and close-down rows beside their fields by the tables' keys", () => {
    const cases: Array<[ReadonlyArray<IField>, Array<{ key?: string }>, string[]]> = [
      [SPONSOR_COMMENT_FIELDS, validateSponsorCommentInput(' '), ['text']],
      [FEEDBACK_FIELDS, validateFeedbackInput('Praise', ''), ['text', 'kind']],
      [FEEDBACK_FIELDS, [...validateResponseInput(''), ...validateClosingNoteInput('\u0007')], ['response', 'closingNote']],
      [PERIOD_FIELDS, validateOverviewInput({ overview: '', overviewAuthor: 'x'.repeat(256), overallRag: 'Purple' }), ['overview', 'overviewAuthor', 'overallRag']],
      [PERIOD_FIELDS, [...validatePeriodInput({ title: '', start: '31/02/2025', end: '' }), ...validatePeriodInput({ title: 'May', start: '31/05/2025', end: '01/05/2025' })], ['title', 'start', 'end', 'end']],
      [
        WORKSTREAM_FIELDS,
        [...workstreamFaults({ code: 'A B', title: '', shortTitle: 'x'.repeat(256), description: '\u0007', outcomes: '\u0007' }, []), ...workstreamFaults({ code: 'est', title: 'Parks' }, [{ code: 'EST', title: 'Estates' }])],
        ['code', 'title', 'shortTitle', 'description', 'outcomes', 'code']
      ],
      [
        CLOSE_DOWN_FIELDS,
        [
          ...validateCloseDownRow({ task: ' ', undertaken: '', evidence: '', outstanding: '', destination: 'Completed', destinationWorkstreamId: '', destinationAsWritten: 'x'.repeat(256) }),
          ...validateCloseDownRow({ task: 'Survey', undertaken: '', evidence: '', outstanding: '', destination: 'NextPhaseTheme', destinationWorkstreamId: '', destinationAsWritten: '' })
        ],
        ['task', 'destinationAsWritten', 'evidence', 'destinationWorkstreamId']
      ]
    ];
    for (const [table, errors, expected] of cases) {
      expect(errors.map((e) => e.key)).toEqual(expected);
      for (const key of expected) {
        expect({ key, inTable: table.some((f) => f.key === key) }).toEqual({ key, inTable: true });
      }
    }
  });

  it("has every table's label in the words the forms look labels up in (a key is named, not typed)", () => {
    const keys: string[] = [STATUS_REPORT_FIELDS, MILESTONE_FIELDS, RISK_FIELDS].reduce((all: string[], table) => all.concat(table.filter((f) => f.labelKey).map((f) => f.labelKey as string)), []);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      expect({ key, label: labelText(key).length > 0 }).toEqual({ key, label: true });
    }
  });

  it("puts the domain's messages as typed beside their fields by key", () => {
    const keys = (errors: Array<{ key?: string }>): Array<string | undefined> => errors.map((e) => e.key);
    expect(keys(validateMilestoneInput({ title: '', number: 'x'.repeat(17), timing: 'Later' as 'ThisPeriod', statusCategory: 'Done', dueDate: '31/11/2023' }))).toEqual(['title', 'number', 'dueDate', 'timing', 'statusCategory']);
    expect(keys(validateRiskInput({ description: '', mitigation: '', number: 'x'.repeat(17), likelihood: 6, impact: 0, owner: 'x'.repeat(256) }))).toEqual(['description', 'mitigation', 'number', 'likelihood', 'impact', 'owner']);
    const reportKeys: Array<string | undefined> = keys([
      ...validateStatusReportInput(
        { rag: 'Purple', previousRag: 'Mauve', keyActivities: '\u0007', agreedCompletionAsWritten: '31/06/2023', forecastCompletionAsWritten: '32/01/2024', completedBy: '', completionDateAsWritten: '' },
        true
      ),
      checkStatedLastPeriod('Green', '', 'Amber') as { key?: string }
    ]);
    expect(reportKeys).toEqual(['rag', 'previousRag', 'keyActivities', 'agreedCompletionAsWritten', 'forecastCompletionAsWritten', 'completedBy', 'completionDateAsWritten', 'previousRagReason']);
    for (const key of reportKeys) {
      expect(STATUS_REPORT_FIELDS.some((f) => f.key === key)).toBe(true);
    }
    for (const key of ['title', 'number', 'dueDate', 'timing', 'statusCategory']) {
      expect(MILESTONE_FIELDS.some((f) => f.key === key)).toBe(true);
    }
    for (const key of ['description', 'mitigation', 'number', 'likelihood', 'impact', 'owner']) {
      expect(RISK_FIELDS.some((f) => f.key === key)).toBe(true);
    }
  });
});

describe("the lists the cycle's own modules write, through their field tables", () => {
  it('writes a phase and reads it back as the domain has it, its close-down snapshot left for the lock to write', () => {
    const phase = { title: 'Phase 2', start: '2024-04-01', end: '2025-03-31', state: 'Closing' as const, closeDownNote: 'Themes carried on.', boardMeetingDate: '2025-04-10' };
    const record = phaseRecord(phase);
    expect(Object.keys(record)).not.toContain('CloseDownSnapshotId');
    expect(toPhase({ id: 4, etag: '"1"', values: { ...record, CloseDownSnapshotId: 'abc' } })).toEqual({ id: 4, ...phase });
    // A phase whose list holds no state or a state the list does not know reads as open.
    expect(toPhase({ id: 5, etag: '"1"', values: { Title: 'Phase 3', PhaseStart: '2025-04-01', PhaseState: 'Paused' } }).state).toBe('Open');
    // Written whole: what is not given is cleared.
    expect(phaseRecord({ title: 'Phase 3', start: '2025-04-01', state: 'Open' })).toEqual({ Title: 'Phase 3', PhaseStart: '2025-04-01', PhaseEnd: null, PhaseState: 'Open', CloseDownNote: null, BoardMeetingDate: null });
  });

  it("writes a programme's section and a period's text of one in the one list, told apart by scope", () => {
    const definition = definitionValues({ key: 'finance', name: ' Finance ', order: 2 });
    expect(definition).toEqual({ Title: 'Finance', SectionScope: 'Programme', SectionKey: 'finance', SortOrder: 2 });
    expect(definitionValues({ order: 3 })).toEqual({ SortOrder: 3 });
    expect(toSectionDefinition({ id: 8, values: definition, etag: '"2"' })).toEqual({ id: 8, key: 'finance', name: 'Finance', order: 2, etag: '"2"' });
    const textRecord = sectionTextRecord({ key: 'finance', periodId: 3, name: 'Finance', text: 'On budget.', author: ' Nick Bell ' });
    expect(toSectionText({ id: 9, values: textRecord, etag: '"1"' })).toEqual({ id: 9, key: 'finance', periodId: 3, text: 'On budget.', name: 'Finance', author: 'Nick Bell', etag: '"1"' });
    expect(sectionTextRecord({ key: 'finance', periodId: 3, name: 'Finance', text: '', author: '  ' }).SectionAuthor).toBeNull();
  });

  it("writes an acknowledgement with the finding's message on one line as its title, and reads who made it from SharePoint's author", () => {
    const record = acknowledgementRecord(3, 'missingRag:ws:1', ' Reported orally. ', `Procurement has no RAG status\nfor ${'June 2023 '.repeat(40)}`);
    expect((record.Title as string).length).toBe(255);
    expect(record.Title).not.toMatch(/\n/);
    expect(record).toMatchObject({ ReportingPeriod: 3, FindingKey: 'missingRag:ws:1', Reason: 'Reported orally.' });
    const person = { id: 7, name: 'Louisa Simpson' };
    expect(toAcknowledgement({ id: 2, etag: '"1"', values: record, author: { id: 7 }, created: '2023-06-01T09:00:00Z' }, (n) => (n === 7 ? person : undefined))).toEqual({
      id: 2,
      periodId: 3,
      findingKey: 'missingRag:ws:1',
      reason: 'Reported orally.',
      by: person,
      at: '2023-06-01T09:00:00Z'
    });
  });

  it("reads a history entry by its table: an import's recorder and time before SharePoint's own author and Created", () => {
    const people = (n: number): { id: number; name: string } | undefined => ({ 7: { id: 7, name: 'Louisa Simpson' }, 8: { id: 8, name: 'Nick Bell' } })[n];
    const record: Row = { id: 5, etag: '"1"', values: writeAll(HISTORY_FIELDS, { title: 'June 2023 locked', periodId: 3, action: 'Locked', snapshotId: 'abc', boardMeetingDate: '2023-07-12' }), author: { id: 8 }, created: '2023-07-01T10:00:00Z' };
    expect(toHistoryEntry(record, people)).toEqual({ id: 5, periodId: 3, action: 'Locked', reason: undefined, snapshotId: 'abc', boardMeetingDate: '2023-07-12', by: people(8), at: '2023-07-01T10:00:00Z' });
    const imported: Row = { ...record, values: { ...record.values, RecordedBy: 7, RecordedOn: '2023-06-30T16:00:00Z' } };
    expect(toHistoryEntry(imported, people)).toMatchObject({ by: people(7), at: '2023-06-30T16:00:00Z' });
    expect(toHistoryEntry({ ...record, values: { ...record.values, PeriodAction: 'Reopened' } }, people).action).toBe('Reopened');
  });

  it("has a snapshot's parts as snapshot.ts writes them read and written back by the table unchanged", async () => {
    const parts = await documentParts({ schemaVersion: 2, text: 'é'.repeat(70000) }, 'period-3-programme');
    const records = snapshotRecords(parts, 3, { period: 'June 2023' }, WRITTEN_TEXTS);
    expect(records.length).toBe(2);
    for (const r of records) {
      expect(writeAll(SNAPSHOT_FIELDS, readRow(SNAPSHOT_FIELDS, r))).toEqual({ ...r, Phase: null });
      expect(checkFields(SNAPSHOT_FIELDS, readRow(SNAPSHOT_FIELDS, r), false)).toEqual([]);
    }
  });
});
