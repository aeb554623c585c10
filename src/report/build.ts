/**
 * Builds the board report's blocks from one period's picture. Pure: the same picture always
 * gives the same blocks, and nothing here knows about Word or HTML.
 *
 * The layout follows the programme's real highlight reports (June 2023, November/December
 * 2023): title, the lead executive director's overview, the status table, one section per
 * workstream and the RAG key. Text is printed as written (dates, row numbers, repeats and
 * empty rows included) because the readiness rules, not the renderer, flag faults.
 */
import { formatDateRange } from '../domain/dates';
import {
  reportingOptionsOf,
  tableTitle,
  type IMilestone,
  type IPeriodPicture,
  type IPeriodSection,
  type IPerson,
  type IReportingOptions,
  type IRisk,
  type ISponsorComment,
  type IStatusReport,
  type IWorkstream,
  type MilestoneTiming
} from '../domain/model';
import { orderRagDefinitions, RAG_COLOURS, type Rag } from '../domain/rag';
import { lastPeriodRating } from '../domain/periods';
import { isDraftReport } from '../domain/visibility';
import { parseRichText, type RichBlock } from '../domain/richText';
import { stripControlCharacters } from '../domain/text';
import {
  A4_TEXT_WIDTH_TWIPS,
  WORKSTREAM_BLOCK_KINDS,
  type BlockKind,
  type DocNode,
  type IBlock,
  type IParagraph,
  type IRun,
  type ITable,
  type ITableCell,
  type ITableRow,
  type ParagraphStyle
} from './model';
import { sectionTagId } from './tag';

/** Light grey behind header cells, as board papers shade them. */
export const HEADER_FILL: string = 'D9D9D9';
/** A lighter grey behind the label column of the details table. */
export const LABEL_FILL: string = 'F2F2F2';
/** What an unrated RAG cell says. */
export const NOT_RATED_LABEL: string = 'Not rated';
/** What an empty milestone or risk table says, so an empty table is never mistaken for a lost one. */
export const NONE_REPORTED: string = 'None reported.';

/** Width of the "#" column of milestone and risk tables, in twips. */
const NUMBER_COLUMN: number = 680;

function clean(text: string | undefined | null): string {
  return stripControlCharacters(text || '').replace(/\r\n?/g, '\n');
}

function isBlankText(text: string | undefined | null): boolean {
  return clean(text).trim() === '';
}

function run(text: string, bold?: boolean, italic?: boolean): IRun {
  const r: IRun = { text: clean(text) };
  if (bold) {
    r.bold = true;
  }
  if (italic) {
    r.italic = true;
  }
  return r;
}

function paragraph(style: ParagraphStyle, runs: IRun[]): IParagraph {
  return { type: 'paragraph', style, runs };
}

function heading(style: 'Title' | 'Heading1' | 'Heading2' | 'Heading3', text: string): IParagraph {
  // Headings carry no direct run formatting: their look comes from the style alone, so Word's
  // table of contents picks them up and LibreOffice's first-paragraph artefact cannot touch them.
  return paragraph(style, [run(text)]);
}

function labelled(label: string, value: string): IParagraph {
  return paragraph('Normal', [run(`${label}: `, true), run(value)]);
}

/** A long text (paragraphs, "- " lists, "Heading:" lines) as report paragraphs. */
export function richTextNodes(text: string | undefined): IParagraph[] {
  const nodes: IParagraph[] = [];
  const blocks: RichBlock[] = parseRichText(clean(text));
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      nodes.push(paragraph('Normal', [run(block.text)]));
    } else if (block.kind === 'heading') {
      // A sub-heading inside someone's text ("Leadership:") is a bold lead-in, not a document
      // heading: it would otherwise flood the table of contents.
      nodes.push(paragraph('Normal', [run(block.text, true)]));
    } else {
      for (const item of block.items) {
        nodes.push(paragraph('ListBullet', [run(item)]));
      }
    }
  }
  return nodes;
}

/** A cell's text: blank-line-separated paragraphs; single line breaks are kept as breaks. */
function cellParagraphs(text: string | undefined, bold?: boolean): IParagraph[] {
  const body: string = clean(text).trim();
  if (body === '') {
    return [];
  }
  return body
    .split(/\n[ \t]*\n\s*/)
    .map((chunk) => chunk.split('\n').map((line) => line.trim()).join('\n'))
    .filter((chunk) => chunk !== '')
    .map((chunk) => paragraph('Normal', [run(chunk, bold)]));
}

function textCell(text: string | undefined, columnSpan?: number): ITableCell {
  const cell: ITableCell = { paragraphs: cellParagraphs(text) };
  if (columnSpan && columnSpan > 1) {
    cell.columnSpan = columnSpan;
  }
  return cell;
}

function headerCell(text: string): ITableCell {
  return { paragraphs: [paragraph('Normal', [run(text, true)])], fill: HEADER_FILL };
}

function labelCell(text: string): ITableCell {
  return { paragraphs: [paragraph('Normal', [run(text, true)])], fill: LABEL_FILL };
}

/**
 * A RAG status cell: shaded with the level's fill, and always labelled, because colour alone
 * fails colour-blind readers and black-and-white print. An unrated status says so.
 */
export function ragCell(rag: Rag | null | undefined): ITableCell {
  if (!rag) {
    return { paragraphs: [paragraph('Normal', [run(NOT_RATED_LABEL)])], rag: null };
  }
  return {
    paragraphs: [paragraph('Normal', [run(rag, true)])],
    fill: RAG_COLOURS[rag].fill,
    color: RAG_COLOURS[rag].text,
    rag
  };
}

function table(columnWidths: number[], header: string[] | undefined, body: ITableRow[], caption: string, rowHeaders?: boolean): ITable {
  const sum: number = columnWidths.reduce((a, b) => a + b, 0);
  if (sum !== A4_TEXT_WIDTH_TWIPS) {
    // A programming error, caught by the unit tests: tables must span the text width exactly.
    throw new Error(`Table columns sum to ${sum} twips, not ${A4_TEXT_WIDTH_TWIPS}.`);
  }
  const rows: ITableRow[] = header ? [{ cells: header.map(headerCell) }] : [];
  const t: ITable = { type: 'table', columnWidths, headerRows: header ? 1 : 0, rows: rows.concat(body), caption };
  if (rowHeaders) {
    t.rowHeaders = true;
  }
  return t;
}

/** The one row an empty milestone or risk table shows. */
function noneReportedRow(columns: number): ITableRow {
  return { cells: [textCell(NONE_REPORTED, columns)] };
}

function byOrder<T extends { order: number }>(items: readonly T[]): T[] {
  return items.slice().sort((a, b) => a.order - b.order);
}

function names(people: readonly IPerson[] | undefined): string {
  return (people || []).map((p) => p.name).join(', ');
}

function workstreamOf(picture: IPeriodPicture, workstreamId: number | undefined, kind: BlockKind): IWorkstream {
  if (workstreamId === undefined) {
    throw new Error(`A ${kind} block belongs to a workstream: give its id.`);
  }
  const ws: IWorkstream | undefined = picture.workstreams.filter((w) => w.id === workstreamId)[0];
  if (!ws) {
    throw new Error(`Workstream ${workstreamId} is not part of the ${picture.period.title} picture.`);
  }
  return ws;
}

/** Words added to a not-yet-approved workstream section's heading while its period is open. */
export const DRAFT_MARK: string = 'Draft';

/**
 * Whether the report shows a draft: the period is open (not yet locked) and, for one workstream,
 * its report is not approved. A locked period's report is what went to the Board, never a draft.
 */
export function isDraft(picture: IPeriodPicture, workstreamId?: number): boolean {
  if (workstreamId === undefined) {
    return picture.period.state !== 'Locked';
  }
  if (withheldState(picture, workstreamId) !== undefined) {
    // Nothing of the draft is printed: its place says it is awaiting approval.
    return false;
  }
  const report: IStatusReport | undefined = reportOf(picture, workstreamId);
  // The same rule the dashboard and the task pane ask (domain/visibility.ts).
  return isDraftReport(picture.period, report ? report.state : undefined);
}

/** The page header of a report of an open period (the .docx), or undefined once it is locked. */
export function draftHeader(picture: IPeriodPicture): string | undefined {
  if (!isDraft(picture)) {
    return undefined;
  }
  return (picture.withheld || []).length > 0 ? `${DRAFT_MARK} – the period is open: approved reports only, the others await approval` : `${DRAFT_MARK} – not yet approved for the Board`;
}

/** What a withheld report's place says, in the Board's version of an open period. */
export const AWAITING_APPROVAL: string = 'Awaiting approval';

/** Where a report left out of this version stands, in words; undefined when it is not left out. */
function withheldState(picture: IPeriodPicture, workstreamId: number): string | undefined {
  const w = (picture.withheld || []).filter((x) => x.workstreamId === workstreamId)[0];
  if (!w) {
    return undefined;
  }
  return w.state === 'Submitted' ? 'submitted' : w.state === 'Returned' ? 'sent back for changes' : 'in draft';
}

function reportOf(picture: IPeriodPicture, workstreamId: number): IStatusReport | undefined {
  return picture.statusReports.filter((r) => r.workstreamId === workstreamId)[0];
}

/**
 * Last period's rating for a workstream, by {@link lastPeriodRating}: the rating recorded for
 * the previous period when there is one (a report states another only with a reason), else
 * what this period's report states; `null` when nothing rates it.
 */
export function lastPeriodRag(picture: IPeriodPicture, workstreamId: number): Rag | null {
  const previous: IStatusReport | undefined = picture.previousStatusReports.filter((r) => r.workstreamId === workstreamId)[0];
  const last: Rag | null | undefined = lastPeriodRating(reportOf(picture, workstreamId), previous).rag;
  return last === undefined ? null : last;
}

/** This period's rating for a workstream, `null` when it has none. */
export function thisPeriodRag(picture: IPeriodPicture, workstreamId: number): Rag | null {
  const report: IStatusReport | undefined = reportOf(picture, workstreamId);
  return (report && report.rag) || null;
}

function block(picture: IPeriodPicture, kind: BlockKind, title: string, content: DocNode[], workstreamId?: number): IBlock {
  const b: IBlock = { kind, periodId: picture.period.id, title: clean(title), content };
  if (workstreamId !== undefined) {
    b.workstreamId = workstreamId;
  }
  return b;
}

// ---------------------------------------------------------------------------------------------
// Content builders, shared by the standalone blocks and the workstream section.
// ---------------------------------------------------------------------------------------------

function reportTitleContent(picture: IPeriodPicture): DocNode[] {
  return [
    heading('Title', `${picture.programme.title} Programme Level Highlight Report`),
    paragraph('Normal', [run('for the Period: ', true), run(formatDateRange(picture.period.start, picture.period.end), true)])
  ];
}

function overviewContent(picture: IPeriodPicture): DocNode[] {
  const nodes: DocNode[] = [heading('Heading1', 'Lead Executive Director Overview')];
  const text: IParagraph[] = richTextNodes(picture.period.overview);
  if (text.length === 0) {
    nodes.push(paragraph('Normal', [run('No overview has been written for this period.', false, true)]));
  } else {
    nodes.push(...text);
  }
  if (picture.period.overallRag) {
    nodes.push(labelled('Overall programme RAG rating', picture.period.overallRag));
  }
  return nodes;
}

/** The programme's reporting options, from its picture (defaults for an older snapshot). */
function optionsOf(picture: IPeriodPicture): IReportingOptions {
  return reportingOptionsOf(picture.programme);
}

function statusTableContent(picture: IPeriodPicture): DocNode[] {
  if (!optionsOf(picture).rated) {
    // A programme that does not rate yet has no status to tabulate: no column of "Not rated".
    return [
      heading('Heading1', 'Individual Workstream Status'),
      paragraph('Normal', [run('The programme does not rate its workstreams yet.', false, true)])
    ];
  }
  const body: ITableRow[] = byOrder(picture.workstreams).map((ws) => ({
    cells: [
      textCell(tableTitle(ws)),
      withheldState(picture, ws.id) !== undefined ? textCell(AWAITING_APPROVAL) : ragCell(thisPeriodRag(picture, ws.id)),
      ragCell(lastPeriodRag(picture, ws.id))
    ]
  }));
  return [
    heading('Heading1', 'Individual Workstream Status'),
    table(
      [4626, 2200, 2200],
      ['Workstream', 'This Period', 'Last Period'],
      body.length > 0 ? body : [noneReportedRow(3)],
      `RAG status of each workstream for ${picture.period.title} and the period before`,
      true
    )
  ];
}

function sponsorCommentsContent(picture: IPeriodPicture, ws: IWorkstream): DocNode[] {
  const comments: ISponsorComment[] = picture.sponsorComments
    .filter((c) => c.workstreamId === ws.id && !isBlankText(c.text))
    .sort((a, b) => a.id - b.id);
  const nodes: DocNode[] = [heading('Heading3', `${tableTitle(ws)} – Workstream Sponsor Comments`)];
  for (const c of comments) {
    nodes.push(...richTextNodes(c.text));
  }
  return nodes;
}

function milestonesOf(picture: IPeriodPicture, ws: IWorkstream, timing: MilestoneTiming): IMilestone[] {
  return byOrder(picture.milestones.filter((m) => m.workstreamId === ws.id && m.timing === timing));
}

/**
 * Whether a workstream section prints a table with these rows: always when it has rows; empty,
 * saying "None reported.", only when the programme asks for empty parts.
 */
function printsTable(picture: IPeriodPicture, rows: readonly unknown[]): boolean {
  return rows.length > 0 || optionsOf(picture).printEmpty;
}

function milestonesThisPeriodContent(picture: IPeriodPicture, ws: IWorkstream): DocNode[] {
  const rows: ITableRow[] = milestonesOf(picture, ws, 'ThisPeriod').map((m) => ({
    cells: [textCell(m.number), textCell(m.title), textCell(m.status)]
  }));
  return [
    heading('Heading3', `${tableTitle(ws)} – Key Milestones/Activities this Period`),
    table(
      [NUMBER_COLUMN, 5646, 2700],
      ['#', 'Milestone', 'Status'],
      rows.length > 0 ? rows : [noneReportedRow(3)],
      `Key milestones and activities of ${tableTitle(ws)} this period, with their status`
    )
  ];
}

function milestonesNextPeriodContent(picture: IPeriodPicture, ws: IWorkstream): DocNode[] {
  const rows: ITableRow[] = milestonesOf(picture, ws, 'NextPeriod').map((m) => ({
    cells: [textCell(m.number), textCell(m.title)]
  }));
  return [
    heading('Heading3', `${tableTitle(ws)} – Key Milestones/Activities Planned for Next Period`),
    table(
      [NUMBER_COLUMN, A4_TEXT_WIDTH_TWIPS - NUMBER_COLUMN],
      ['#', 'Milestone'],
      rows.length > 0 ? rows : [noneReportedRow(2)],
      `Key milestones and activities of ${tableTitle(ws)} planned for next period`
    )
  ];
}

/**
 * A risk's likelihood × impact as the report prints it: "3 × 4 = 12", or which of the two is
 * missing; blank when neither was given (the paper's own rows often have none).
 */
export function riskScoreText(r: Pick<IRisk, 'likelihood' | 'impact'>): string {
  const l: number | undefined = typeof r.likelihood === 'number' ? r.likelihood : undefined;
  const i: number | undefined = typeof r.impact === 'number' ? r.impact : undefined;
  if (l !== undefined && i !== undefined) {
    return `${l} × ${i} = ${l * i}`;
  }
  if (l === undefined && i === undefined) {
    return '';
  }
  return l !== undefined ? `Likelihood ${l}, impact not given` : `Impact ${i}, likelihood not given`;
}

function risksOf(picture: IPeriodPicture, ws: IWorkstream): IRisk[] {
  return byOrder(picture.risks.filter((r: IRisk) => r.workstreamId === ws.id));
}

function risksContent(picture: IPeriodPicture, ws: IWorkstream): DocNode[] {
  const risks: IRisk[] = risksOf(picture, ws);
  // Likelihood × impact and owner are printed where the workstream's risks have them: a paper
  // whose risks carry neither (as the papers before scoring did) keeps its three columns.
  const scored: boolean = risks.some((r) => riskScoreText(r) !== '' || !isBlankText(r.owner));
  const rows: ITableRow[] = risks.map((r) => ({
    cells: [textCell(r.number), textCell(r.description), textCell(r.mitigation), ...(scored ? [textCell(riskScoreText(r)), textCell(r.owner)] : [])]
  }));
  return [
    heading('Heading3', `${tableTitle(ws)} – Project Risks`),
    scored
      ? table(
          [NUMBER_COLUMN, 2900, 2846, 1500, 1100],
          ['#', 'Risk Description', 'Mitigation', 'Likelihood × Impact', 'Owner'],
          rows,
          `Project risks of ${tableTitle(ws)}: their mitigation, likelihood × impact (each 1 to 5) and owner`
        )
      : table([NUMBER_COLUMN, 4173, 4173], ['#', 'Risk Description', 'Mitigation'], rows.length > 0 ? rows : [noneReportedRow(3)], `Project risks of ${tableTitle(ws)} and their mitigation`)
  ];
}

function detailsTable(picture: IPeriodPicture, ws: IWorkstream, report: IStatusReport | undefined): ITable {
  const asWritten = (fromReport: string | undefined, fromWorkstream: string | undefined): string =>
    !isBlankText(fromReport) ? clean(fromReport) : clean(fromWorkstream);
  const options: IReportingOptions = optionsOf(picture);
  const rows: ITableRow[] = [];
  // A row with nothing in it is printed only when the programme asks for empty parts.
  const row = (label: string, value: ITableCell): void => {
    if (options.printEmpty || value.rag !== undefined || value.paragraphs.length > 0) {
      rows.push({ cells: [labelCell(label), value] });
    }
  };
  row('Workstream Sponsor', textCell(ws.sponsor ? ws.sponsor.name : ''));
  row('Project Manager/s', textCell(names(ws.projectManagers)));
  row('PMO Support', textCell(names(ws.pmoSupport)));
  row('Agreed Completion Date', textCell(asWritten(report && report.agreedCompletionAsWritten, ws.agreedCompletionAsWritten)));
  row('Forecast Completion Date', textCell(asWritten(report && report.forecastCompletionAsWritten, ws.forecastCompletionAsWritten)));
  if (report && !isBlankText(report.completionDateChangeNote)) {
    row('Completion Date Change', textCell(report.completionDateChangeNote));
  }
  row('Reporting Period', textCell(asWritten(report && report.reportingPeriodAsWritten, formatDateRange(picture.period.start, picture.period.end))));
  if (options.rated) {
    row('Project Status This Period', withheldState(picture, ws.id) !== undefined ? textCell(AWAITING_APPROVAL) : ragCell(thisPeriodRag(picture, ws.id)));
    row('Project Status Previous Period', ragCell(lastPeriodRag(picture, ws.id)));
  }
  return table([3900, A4_TEXT_WIDTH_TWIPS - 3900], undefined, rows, `Project details and status of ${tableTitle(ws)}`, true);
}

function updateContent(report: IStatusReport | undefined): DocNode[] {
  if (!report) {
    return [paragraph('Normal', [run('No highlight report has been received for this period.', false, true)])];
  }
  const nodes: DocNode[] = [];
  const section = (title: string, text: string | undefined): void => {
    const body: IParagraph[] = richTextNodes(text);
    if (body.length > 0) {
      nodes.push(heading('Heading3', title), ...body);
    }
  };
  // Early reports have one project manager update; mature ones split it in three. Whatever a
  // report holds is printed: nothing written is dropped.
  section('Project Manager Update', report.managerUpdate);
  section('Key Activities', report.keyActivities);
  section('Engagement', report.engagement);
  section('Concerns/Issues', report.concernsIssues);
  section('RAG Rationale', report.ragRationale);
  return nodes;
}

/**
 * What stands in a withheld report's place (the Board's version of an open period): where the
 * report stands, and that this version shows approved content only. Undefined when the report is
 * not withheld.
 */
function awaitingApproval(picture: IPeriodPicture, ws: IWorkstream): IParagraph | undefined {
  const state: string | undefined = withheldState(picture, ws.id);
  if (state === undefined) {
    return undefined;
  }
  return paragraph('Normal', [
    run(`${AWAITING_APPROVAL}: `, true),
    run(`${tableTitle(ws)}'s report for ${picture.period.title} is ${state} and has not yet been approved by the programme office. This version of the report shows approved content only.`, false, true)
  ]);
}

function workstreamSectionContent(picture: IPeriodPicture, ws: IWorkstream): DocNode[] {
  const report: IStatusReport | undefined = reportOf(picture, ws.id);
  const mark: string | undefined = withheldState(picture, ws.id) !== undefined ? AWAITING_APPROVAL : isDraft(picture, ws.id) ? DRAFT_MARK : undefined;
  const title: string = mark ? `${ws.title} – ${mark}` : ws.title;
  const nodes: DocNode[] = [{ ...heading('Heading2', title), pageBreakBefore: true }];

  const description: IParagraph[] = richTextNodes(ws.description);
  if (description.length > 0) {
    nodes.push(heading('Heading3', 'Project Description'), ...description);
  }

  const outcomes: IParagraph[] = [];
  for (const group of ws.outcomes) {
    const items: string[] = group.items.filter((i) => !isBlankText(i));
    if (items.length === 0) {
      continue;
    }
    if (!isBlankText(group.heading)) {
      outcomes.push(paragraph('Normal', [run(clean(group.heading).trim(), true)]));
    }
    outcomes.push(...items.map((i) => paragraph('ListBullet', [run(i)])));
  }
  if (outcomes.length > 0) {
    nodes.push(heading('Heading3', 'Project Outcomes'), ...outcomes);
  }

  nodes.push(detailsTable(picture, ws, report));
  const awaiting: IParagraph | undefined = awaitingApproval(picture, ws);
  if (awaiting) {
    // The Board's version of an open period: nothing of a report not yet approved, only where it stands.
    nodes.push(awaiting);
    return nodes;
  }
  nodes.push(...updateContent(report));

  const options: IReportingOptions = optionsOf(picture);
  const comments: DocNode[] = sponsorCommentsContent(picture, ws);
  if (comments.length > 1 && options.sponsorComments) {
    nodes.push(...comments);
  }
  if (options.milestones) {
    if (printsTable(picture, milestonesOf(picture, ws, 'ThisPeriod'))) {
      nodes.push(...milestonesThisPeriodContent(picture, ws));
    }
    if (printsTable(picture, milestonesOf(picture, ws, 'NextPeriod'))) {
      nodes.push(...milestonesNextPeriodContent(picture, ws));
    }
  }
  // With a key risks table the risks are printed there, once, not again in each section.
  const risks: DocNode[] = !options.keyRisks && printsTable(picture, risksOf(picture, ws)) ? risksContent(picture, ws) : [];
  const completion: IParagraph[] = [];
  if (options.signOff && report && !isBlankText(report.completedBy)) {
    completion.push(labelled('Report Completed By', clean(report.completedBy).trim()));
  }
  if (options.signOff && report && !isBlankText(report.completionDateAsWritten)) {
    completion.push(labelled('Completion Date', clean(report.completionDateAsWritten).trim()));
  }
  if (completion.length > 0) {
    // The sign-off lines close the section: keep them on the page with the last risk row
    // rather than alone on a page of their own.
    const riskTable: DocNode | undefined = risks[risks.length - 1];
    if (riskTable && riskTable.type === 'table') {
      riskTable.keepWithNext = true;
    }
    completion.slice(0, -1).forEach((p) => (p.keepWithNext = true));
  }
  nodes.push(...risks, ...completion);
  return nodes;
}

/**
 * The key risks by workstream: one table of every workstream's risks open this period, with
 * their mitigations, in workstream order — the first-phase papers' programme-wide table.
 */
function keyRisksContent(picture: IPeriodPicture): DocNode[] {
  const rows: ITableRow[] = [];
  for (const ws of byOrder(picture.workstreams)) {
    if (withheldState(picture, ws.id) !== undefined) {
      rows.push({ cells: [textCell(tableTitle(ws)), textCell(`${AWAITING_APPROVAL}: the workstream's report is not yet approved.`), textCell('')] });
      continue;
    }
    for (const r of risksOf(picture, ws)) {
      rows.push({ cells: [textCell(tableTitle(ws)), textCell(r.description), textCell(r.mitigation)] });
    }
  }
  const nodes: DocNode[] = [heading('Heading1', 'Key Risks by Workstream')];
  if (rows.length === 0 && !optionsOf(picture).printEmpty) {
    nodes.push(paragraph('Normal', [run('No risks are open this period.', false, true)]));
    return nodes;
  }
  nodes.push(
    table(
      [2400, 3313, 3313],
      ['Workstream', 'Risk', 'Mitigation'],
      rows.length > 0 ? rows : [noneReportedRow(3)],
      `Key risks of each workstream open in ${picture.period.title}, with their mitigation`,
      true
    )
  );
  return nodes;
}

/**
 * Whether the report prints the RAG key: the programme rates, something in the report is rated
 * (this period or last), and the key defines each level of its scale.
 */
export function printsRagKey(picture: IPeriodPicture): boolean {
  const options: IReportingOptions = optionsOf(picture);
  if (!options.rated) {
    return false;
  }
  const rated: boolean = picture.workstreams.some((ws) => thisPeriodRag(picture, ws.id) !== null || lastPeriodRag(picture, ws.id) !== null);
  if (!rated) {
    return false;
  }
  try {
    orderRagDefinitions(picture.programme.ragDefinitions, options.ragScale);
    return true;
  } catch {
    return false;
  }
}

function ragKeyContent(picture: IPeriodPicture): DocNode[] {
  const rows: ITableRow[] = orderRagDefinitions(picture.programme.ragDefinitions, optionsOf(picture).ragScale).map((d) => ({
    cells: [ragCell(d.rag), textCell(d.definition)]
  }));
  return [
    // The key closes the paper on a page of its own, as in the seeded reports.
    { ...heading('Heading1', 'RAG Rating Methodology'), pageBreakBefore: true },
    ...richTextNodes(picture.programme.ragKeyIntroduction),
    table([2200, A4_TEXT_WIDTH_TWIPS - 2200], ['Level', 'Definition'], rows, 'What each RAG level means', true)
  ];
}

// ---------------------------------------------------------------------------------------------
// Public builders
// ---------------------------------------------------------------------------------------------

/** The most characters of a block's title: Word's content-control title holds 64. */
const MAX_BLOCK_TITLE: number = 64;

function clip(title: string): string {
  return title.length <= MAX_BLOCK_TITLE ? title : `${title.slice(0, MAX_BLOCK_TITLE - 1).trimEnd()}…`;
}

/** A period's sections in the programme's order (none in a picture made before there were any). */
export function orderedSections(picture: IPeriodPicture): IPeriodSection[] {
  return (picture.sections || []).slice().sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** The section of a period section block, by its tag's section id. */
function sectionOf(picture: IPeriodPicture, sectionId: number | undefined): IPeriodSection {
  if (sectionId === undefined) {
    throw new Error('A period section block belongs to a section: give its id.');
  }
  const section: IPeriodSection | undefined = orderedSections(picture).filter((x) => sectionTagId(x.key) === sectionId)[0];
  if (!section) {
    throw new Error(`${picture.period.title} has no section ${sectionId}.`);
  }
  return section;
}

/** A period section: its name as a heading, then the period's text as the overview is printed. */
function periodSectionContent(section: IPeriodSection): DocNode[] {
  const nodes: DocNode[] = [heading('Heading1', clean(section.name).trim())];
  const text: IParagraph[] = richTextNodes(section.text);
  nodes.push(...(text.length > 0 ? text : [paragraph('Normal', [run('Nothing has been written in this section for this period.', false, true)])]));
  return nodes;
}

/** The block of one of the period's sections, by the section's key. */
export function buildSectionBlock(picture: IPeriodPicture, key: string): IBlock {
  return buildBlock(picture, 'periodSection', undefined, sectionTagId(key));
}

/**
 * Builds one block of a period's report.
 * @param picture - everything the period's report shows.
 * @param kind - which block.
 * @param workstreamId - the workstream, for the workstream blocks (section, sponsor comments,
 *   milestones, risks).
 * @param sectionId - the period section, for a period section block: tag.ts's sectionTagId of its key.
 * @throws Error when a workstream block has no workstream id, or the workstream is unknown; when
 *   a period section block's section is not the period's.
 */
export function buildBlock(picture: IPeriodPicture, kind: BlockKind, workstreamId?: number, sectionId?: number): IBlock {
  const period: string = picture.period.title;
  if (kind === 'periodSection') {
    const section: IPeriodSection = sectionOf(picture, sectionId);
    const b: IBlock = block(picture, kind, clip(`${clean(section.name).trim()} – ${period}`), periodSectionContent(section));
    b.sectionKey = section.key;
    return b;
  }
  if (WORKSTREAM_BLOCK_KINDS.indexOf(kind) >= 0) {
    // Workstream blocks are named by kind and workstream (the period is in the tag), so the
    // name fits Word's 64-character content-control title.
    const ws: IWorkstream = workstreamOf(picture, workstreamId, kind);
    const name: string = tableTitle(ws);
    const awaiting: IParagraph | undefined = kind === 'workstreamSection' ? undefined : awaitingApproval(picture, ws);
    if (awaiting) {
      // A part of a report left out of this version: its heading, and where the report stands.
      const whole: IBlock = buildBlock({ ...picture, withheld: [] }, kind, workstreamId, sectionId);
      return { ...whole, content: [whole.content[0], awaiting] };
    }
    switch (kind) {
      case 'workstreamSection':
        return block(picture, kind, `Workstream section – ${name}`, workstreamSectionContent(picture, ws), ws.id);
      case 'sponsorComments': {
        const content: DocNode[] = sponsorCommentsContent(picture, ws);
        if (content.length === 1) {
          content.push(paragraph('Normal', [run('No sponsor comments have been recorded for this period.', false, true)]));
        }
        return block(picture, kind, `Sponsor comments – ${name}`, content, ws.id);
      }
      case 'milestonesThisPeriod':
        return block(picture, kind, `Milestones this period – ${name}`, milestonesThisPeriodContent(picture, ws), ws.id);
      case 'milestonesNextPeriod':
        return block(picture, kind, `Milestones next period – ${name}`, milestonesNextPeriodContent(picture, ws), ws.id);
      default:
        return block(picture, kind, `Risks – ${name}`, risksContent(picture, ws), ws.id);
    }
  }
  switch (kind) {
    case 'reportTitle':
      return block(picture, kind, `Report title – ${period}`, reportTitleContent(picture));
    case 'overview':
      return block(picture, kind, `Lead Executive Director overview – ${period}`, overviewContent(picture));
    case 'statusTable':
      return block(picture, kind, `Status table – ${period}`, statusTableContent(picture));
    case 'keyRisks':
      return block(picture, kind, `Key risks by workstream – ${period}`, keyRisksContent(picture));
    case 'ragKey':
      return block(picture, kind, `RAG rating methodology – ${period}`, ragKeyContent(picture));
    default:
      throw new Error(`Unknown report block kind: ${String(kind)}.`);
  }
}

/**
 * The whole programme report for a period, as separate blocks: title, overview, status table
 * (where the programme rates), the key risks by workstream (where the programme keeps them in
 * one table), one section per workstream (in the programme's order) and the RAG key (where
 * something is rated). Each block becomes its own content control, so each can be refreshed on
 * its own.
 */
export function buildProgrammeReport(picture: IPeriodPicture): IBlock[] {
  const options: IReportingOptions = optionsOf(picture);
  const blocks: IBlock[] = [
    buildBlock(picture, 'reportTitle'),
    // The paper's own sections (purpose, background …) that have text this period, in order.
    ...orderedSections(picture)
      .filter((x) => !isBlankText(x.text))
      .map((x) => buildSectionBlock(picture, x.key)),
    buildBlock(picture, 'overview')
  ];
  if (options.rated) {
    blocks.push(buildBlock(picture, 'statusTable'));
  }
  if (options.keyRisks) {
    blocks.push(buildBlock(picture, 'keyRisks'));
  }
  blocks.push(...byOrder(picture.workstreams).map((ws) => buildBlock(picture, 'workstreamSection', ws.id)));
  if (printsRagKey(picture)) {
    blocks.push(buildBlock(picture, 'ragKey'));
  }
  return blocks;
}
