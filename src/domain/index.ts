/** The programme's domain: pure TypeScript, shared by every edge of the product. */
export * from './model';
export * from './errors';
export * from './rag';
export * from './dates';
export * from './text';
export * from './richText';
export * from './periods';
export * from './validation';
export * from './readiness';
export * from './picture';
export * from './riskMatrix';
export * from './sections';
export * from './visibility';
export * from './phases';
export * from './messages';
