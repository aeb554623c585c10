/**
 * The board report: a document model of blocks built from a period's picture, rendered to
 * OOXML (Word's insertOoxml and the .docx) and HTML (the task pane's preview).
 */
export * from './model';
export { buildBlock, buildProgrammeReport, buildSectionBlock, orderedSections, draftHeader, isDraft, AWAITING_APPROVAL, DRAFT_MARK, lastPeriodRag, thisPeriodRag, ragCell, richTextNodes, HEADER_FILL, LABEL_FILL, NONE_REPORTED, NOT_RATED_LABEL } from './build';
export { blockPlainText, fingerprintText, formatTag, makeTag, parseTag, paragraphPlainText, sectionTagId, tagPrefix, TAG_PREFIX, MAX_TAG_LENGTH, type IBlockTag } from './tag';
export { aliasOf, blockContentToInsertableOoxml, blockToSdtXml, blocksToInsertableOoxml, escapeXml, MAX_ALIAS_LENGTH, TABLE_CLOSING_PARAGRAPH_XML, W_NS, R_NS } from './ooxml';
export { STYLE_IDS, TABLE_STYLE_ID } from './styles';
export { blocksToHtml, blockToHtml, escapeHtml } from './html';
export { buildDocx, PAGE, type IDocxOptions } from './docx';
export { buildCloseDownBlock, closeDownKey, closeDownTable, destinationText, themeOf, DESTINATION_LABELS, DESTINATION_STYLES, NO_DESTINATION_LABEL, type ICloseDownReport } from './closeDown';
