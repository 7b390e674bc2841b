import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromSource, type Env } from '../platform/config/config.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseCollectionStrategies, type CollectionStrategy } from './collection-strategy.ts';

/**
 * `CREDENCE_COLLECTIONS_FILE=<path>`: a JSON list of dated strategies (the form of
 * `DEFAULT_COLLECTION_STRATEGY`, oldest first). Read once at start-up; a file that breaks a rule stops the
 * start naming the file's field and the rule (e.g. `CREDENCE_COLLECTIONS_FILE[0].caps.perDay` / `range`).
 * Undefined when the variable is not set (the default strategy applies).
 */
export function collectionStrategiesFromEnv(env: Env): readonly CollectionStrategy[] | undefined {
  const file = env.CREDENCE_COLLECTIONS_FILE;
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw AppError.invalid(
      'CREDENCE_COLLECTIONS_FILE',
      'readable-file',
      `cannot read ${file}: ${(error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw AppError.invalid(
      'CREDENCE_COLLECTIONS_FILE',
      'json',
      `${file} is not JSON: ${(error as Error).message}`,
    );
  }
  try {
    return parseCollectionStrategies(json);
  } catch (error) {
    return fromSource(error, 'strategies', 'CREDENCE_COLLECTIONS_FILE');
  }
}
