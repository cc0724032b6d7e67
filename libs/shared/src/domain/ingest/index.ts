export * from './split-article';
export { extractTitle, type TitleSplit } from './title';
export { splitParagraphs, type ParagraphOptions } from './paragraphs';
export { splitSentences, type SentenceSpan } from './sentences';
export { assignRoles, type ClaimStance, type SentenceArgument, type SentenceRole } from './roles';
export { attributeSentences, findAttribution } from './attribution';
export { findHedges } from './hedges';
export { isQuestion } from './question';
export { collapseWhitespace, normalizeLineEndings } from './normalize';
