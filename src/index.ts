/** The core's public entry: adapters import only from here. */
export { digestArticle, tryDigestArticle, articleText, MAX_FIGURES, MAX_RISKS, type DigestInput, type DigestResult } from './engine/digest.ts';
export { formatFigure, formatFigureValue, type LabelLanguage } from './format/figure.ts';
export { prepareInput, looksLikeHtml } from './engine/input.ts';
export {
  digestSchema, figureSchema, riskSchema, batchInputSchema,
  type Digest, type Figure, type Risk, type BatchInput,
} from './engine/schema.ts';
export { fetchPage, DEFAULT_FETCH_LIMITS, type FetchPageOptions, type FetchedPage } from './sources/fetch-page.ts';
export { DigestError, toDigestError, type DigestErrorCode, type Result } from './errors.ts';
export {
  digestDefinitionSchema, sourceDefinitionSchema, isPlausibleCron, isTimeZone,
  type DigestDefinition, type SourceDefinition,
} from './digests/definition.ts';
export { loadDigestDefinitions, type LoadedDefinition } from './digests/load-definitions.ts';
export { loadConfig, configSchema, type Config } from './config.ts';
