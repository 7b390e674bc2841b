import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { createProgress } from '../cli/progress.ts';
import { globalOptions, output } from '../cli/runtime.ts';
import { counted } from '../cli/plural.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { systemClock } from '../platform/time/system-clock.node.ts';
import { csvRecords, loadDataset, loadSplit } from './csv-source.node.ts';
import {
  checkFieldCount,
  checkHeader,
  fingerprintDataset,
  isMissingText,
  parseNumberAt,
  parseNumberText,
  subsetDataset,
  type ColumnKind,
  type TargetInfo,
} from './dataset.ts';
import { binCounts, sampleMetrics, scoreDataset, stabilityAgainstTraining } from './evaluation.ts';
import { renderScorecardReport, type ReportSample } from './report-html.ts';
import { parseScorecard, serializeScorecard, type Scorecard } from './scorecard.ts';
import { createScorer, type FeatureValue } from './scorer.ts';
import {
  DEFAULT_TRAINING,
  parseTrainingConfig,
  trainScorecard,
  type TrainingConfig,
  type TrainingProgress,
} from './train.ts';
import { DIMENSIONS } from './dimensions.ts';

/**
 * `credence train | evaluate | score | report`: the scorecard toolkit on files. These commands need no
 * database; models go into the registry with `POST /v1/models`.
 */

function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  ];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--special col=v1,v2` (repeatable) as numbers per column. */
export function parseSpecials(values: readonly string[]): Record<string, number[]> {
  const result: Record<string, number[]> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const column = value.slice(0, at).trim();
    if (at <= 0 || column === '') {
      throw AppError.invalid('--special', 'column=values', `"${value}" must look like column=v1,v2`);
    }
    const numbers = value
      .slice(at + 1)
      .split(',')
      .map((text) => {
        const number = parseNumberText(text);
        if (number === undefined || Number.isNaN(number)) {
          throw AppError.invalid('--special', 'number', `"${text}" in --special ${column} is not a number`);
        }
        return number;
      });
    result[column] = [...(Object.hasOwn(result, column) ? (result[column] ?? []) : []), ...numbers];
  }
  return result;
}

function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read ${what} ${path}: ${(error as Error).message}`, {
      issues: [{ field: path, rule: 'readable-file', message: 'the file cannot be read' }],
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('BAD_REQUEST', `${what} ${path} is not JSON: ${(error as Error).message}`, {
      issues: [{ field: path, rule: 'json', message: 'the file is not valid JSON' }],
    });
  }
}

/** Reads and validates a scorecard artefact file. */
export function readScorecardFile(path: string): Scorecard {
  return parseScorecard(readJsonFile(path, 'model'));
}

/** Writes a file atomically: a temporary file renamed into place, so a failure never leaves half a file. */
function writeAtomically(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new AppError('BAD_REQUEST', `cannot write ${path}: ${(error as Error).message}`);
  }
}

function describeTarget(target: TargetInfo): string {
  return target.chosen === 'given'
    ? `bad = "${target.bad}" (as given)`
    : `bad = "${target.bad}" (chosen by default from ${target.good
        .concat(target.bad)
        .map((l) => `"${l}"`)
        .join(', ')}; use --bad to change)`;
}

function kindsOf(categorical: readonly string[], numeric: readonly string[]): Record<string, ColumnKind> {
  const kinds: Record<string, ColumnKind> = {};
  for (const name of categorical) kinds[name] = 'categorical';
  for (const name of numeric) kinds[name] = 'numeric';
  return kinds;
}

function timestampVersion(prefix: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '');
  const clean = prefix.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'scorecard';
  return `${clean.slice(0, 40)}-${stamp}`;
}

interface TrainOptions {
  data: string;
  target: string;
  bad?: string;
  id?: string;
  exclude?: string[];
  special?: string[];
  out?: string;
  config?: string;
  split?: string;
  holdout?: string;
  version?: string;
  categorical?: string[];
  numeric?: string[];
  l2?: string;
}

function mergeSpecials(config: TrainingConfig, specials: Record<string, number[]>): TrainingConfig {
  if (Object.keys(specials).length === 0) return config;
  const features = { ...config.features };
  for (const [column, values] of Object.entries(specials)) {
    const current = Object.hasOwn(features, column) ? features[column] : undefined;
    features[column] = { ...current, special: [...(current?.special ?? []), ...values] };
  }
  return { ...config, features };
}

export function registerScoringCommands(program: Command): void {
  program
    .command('train')
    .description('Train a scorecard from a CSV file and write the artefact (JSON).')
    .requiredOption('--data <file>', 'training data (CSV with a header)')
    .requiredOption('--target <column>', 'the column that says good or bad')
    .option(
      '--bad <value>',
      `the target value meaning bad (default: the first of bad, 1, yes, default, true)`,
    )
    .option('--id <column>', 'a column of row ids (never a feature)')
    .option('--exclude <columns>', 'columns to leave out, comma-separated', list)
    .option(
      '--special <column=values>',
      'special values of a column, each binned apart (repeatable)',
      collect,
    )
    .option('--out <file>', 'where to write the artefact (default: <version>.json)')
    .option(
      '--config <file>',
      'training configuration (JSON: binning, selection, regression, scaling, dimensions, features)',
    )
    .option('--split <file>', 'a split file (row,split): train on "train" rows, measure on "test" rows')
    .option('--holdout <file>', 'a separate labelled CSV to measure the model on')
    .option('--version <version>', 'the model version (default: data file name and time)')
    .option('--categorical <columns>', 'treat these columns as categories', list)
    .option('--numeric <columns>', 'treat these columns as numbers', list)
    .option('--l2 <lambda>', 'L2 penalty on the coefficients (default 0)')
    .action(async (options: TrainOptions, command: Command) => {
      const global = globalOptions(command);
      const quiet = Boolean(global.json);
      const note = (line: string): void => {
        if (!quiet) process.stderr.write(`${line}\n`);
      };
      let config = options.config
        ? parseTrainingConfig(readJsonFile(options.config, 'configuration'))
        : DEFAULT_TRAINING;
      config = mergeSpecials(config, parseSpecials(options.special ?? []));
      if (options.l2 !== undefined) {
        const l2 = parseNumberText(options.l2);
        if (l2 === undefined || !(l2 >= 0))
          throw AppError.invalid('--l2', 'non-negative', 'the L2 penalty is a number ≥ 0');
        config = { ...config, regression: { ...config.regression, l2 } };
      }
      const datasetOptions = {
        target: options.target,
        ...(options.bad !== undefined ? { bad: options.bad } : {}),
        ...(options.id !== undefined ? { id: options.id } : {}),
        exclude: options.exclude ?? [],
        kinds: kindsOf(options.categorical ?? [], options.numeric ?? []),
      };
      const reading = createProgress('reading', 0, { quiet });
      const loaded = await loadDataset(options.data, datasetOptions, (rows) => {
        reading.setTotal(rows);
        reading.update(rows);
      });
      reading.stop();
      note(
        `read ${loaded.dataset.rows} rows, ${loaded.dataset.columns.length} candidate features from ${options.data}`,
      );
      note(`target ${options.target}: ${describeTarget(loaded.target)}`);

      let train = loaded.dataset;
      let holdout;
      if (options.split) {
        const split = await loadSplit(options.split);
        const outside = [...split.train, ...split.test].find((row) => row >= loaded.dataset.rows);
        if (outside !== undefined) {
          throw AppError.invalid(
            'split',
            'row-in-data',
            `the split names row ${outside}, the data has ${loaded.dataset.rows} rows`,
          );
        }
        train = subsetDataset(loaded.dataset, split.train);
        holdout = subsetDataset(loaded.dataset, split.test);
        note(`split: ${train.rows} training rows, ${holdout.rows} holdout rows`);
      }
      if (options.holdout) {
        const other = await loadDataset(options.holdout, {
          target: options.target,
          bad: loaded.target.bad,
          only: loaded.dataset.columns.map((column) => column.name),
          kinds: Object.fromEntries(loaded.dataset.columns.map((column) => [column.name, column.kind])),
        });
        holdout = other.dataset;
        note(`holdout: ${holdout.rows} rows from ${options.holdout}`);
      }

      const trainedAt = systemClock.now();
      const version =
        options.version ?? timestampVersion(basename(options.data, extname(options.data)), trainedAt);
      const stages: Record<TrainingProgress['stage'], ReturnType<typeof createProgress> | undefined> = {
        binning: undefined,
        selection: undefined,
        regression: undefined,
        scaling: undefined,
        evaluation: undefined,
      };
      const result = trainScorecard(
        {
          train,
          ...(holdout ? { holdout } : {}),
          target: loaded.target,
          version,
          trainedAt: trainedAt.toISOString(),
          excluded: options.exclude ?? [],
          fingerprint: fingerprintDataset(loaded.dataset),
          recordedOptions: {
            source: basename(options.data),
            ...(options.split ? { split: basename(options.split) } : {}),
            ...(options.holdout ? { holdout: basename(options.holdout) } : {}),
          },
        },
        config,
        (progress) => {
          let bar = stages[progress.stage];
          if (bar === undefined) {
            bar = createProgress(progress.stage, progress.total, { quiet });
            stages[progress.stage] = bar;
          }
          bar.setTotal(progress.total);
          bar.update(progress.done, progress.detail);
          if (progress.done >= progress.total) bar.stop();
        },
      );
      for (const bar of Object.values(stages)) bar?.stop();
      const card = result.card;
      const out = options.out ?? `${version}.json`;
      writeAtomically(out, serializeScorecard(card));
      const summary = {
        version: card.version,
        out,
        contentHash: card.contentHash,
        target: { column: loaded.target.column, bad: loaded.target.bad, chosen: loaded.target.chosen },
        features: card.features.map((feature) => ({
          name: feature.name,
          dimension: feature.dimension,
          iv: feature.iv,
          bins: feature.bins.length,
        })),
        dropped: card.dropped,
        train: { auc: card.metrics.train.auc, ks: card.metrics.train.ks },
        holdout: card.metrics.holdout ? { auc: card.metrics.holdout.auc, ks: card.metrics.holdout.ks } : null,
        rounding: card.rounding,
        warnings: result.warnings,
      };
      output(global, summary, () =>
        [
          `scorecard ${card.version}: ${card.features.length} characteristics, base ${card.basePoints} points`,
          ...card.features.map(
            (feature) =>
              `  ${feature.name.padEnd(24)} ${feature.dimension.padEnd(13)} IV ${feature.iv.toFixed(3)}  ${feature.bins.length} bins`,
          ),
          ...(card.dropped.length
            ? ['left out:', ...card.dropped.map((d) => `  ${d.feature.padEnd(24)} ${d.reason}: ${d.detail}`)]
            : []),
          `regression: ${card.training.regression.converged ? 'converged' : 'did NOT converge'} in ${card.training.regression.iterations} iterations, log-likelihood ${card.training.regression.logLikelihood.toFixed(3)}, |gradient| ${card.training.regression.gradientNorm.toExponential(1)}, ${counted(card.training.regression.refits, 'refit')}`,
          `rounding: integer total within ${card.rounding.worstCase.toFixed(2)} points of the unrounded score for any applicant (${card.rounding.trainingMax.toFixed(2)} in training)`,
          `training AUC ${card.metrics.train.auc?.toFixed(4)}, KS ${card.metrics.train.ks?.toFixed(4)}`,
          ...(card.metrics.holdout
            ? [
                `holdout  AUC ${card.metrics.holdout.auc?.toFixed(4)}, KS ${card.metrics.holdout.ks?.toFixed(4)}`,
              ]
            : []),
          ...result.warnings.map((warning) => `warning: ${warning}`),
          `wrote ${out} (${card.contentHash})`,
        ].join('\n'),
      );
    });

  program
    .command('evaluate')
    .description(
      'Measure a scorecard on labelled data: AUC, KS, Gini, Brier, log-loss, PSI/CSI against training.',
    )
    .requiredOption('--model <file>', 'the scorecard artefact (JSON)')
    .requiredOption('--data <file>', 'labelled data (CSV with a header)')
    .requiredOption('--target <column>', 'the column that says good or bad')
    .option(
      '--bad <value>',
      'the target value meaning bad (default: the first of bad, 1, yes, default, true)',
    )
    .option('--epsilon <e>', 'ε standing in for an empty share in PSI/CSI (default 0.0001)')
    .action(
      async (
        options: { model: string; data: string; target: string; bad?: string; epsilon?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const card = readScorecardFile(options.model);
        const epsilon = options.epsilon === undefined ? undefined : parseNumberText(options.epsilon);
        if (epsilon !== undefined && !(epsilon > 0 && epsilon < 1))
          throw AppError.invalid('--epsilon', 'range', 'ε must be in (0, 1)');
        const scorer = createScorer(card);
        const loaded = await loadDataset(options.data, {
          target: options.target,
          ...(options.bad !== undefined ? { bad: options.bad } : {}),
          only: card.features.map((feature) => feature.name),
          kinds: Object.fromEntries(card.features.map((feature) => [feature.name, feature.kind])),
        });
        if (!global.json)
          process.stderr.write(`target ${options.target}: ${describeTarget(loaded.target)}\n`);
        const scored = scoreDataset(scorer, loaded.dataset);
        const metrics = sampleMetrics(card, scored, loaded.dataset.target);
        const stability = stabilityAgainstTraining(scorer, loaded.dataset, scored, epsilon);
        const result = {
          model: card.version,
          n: metrics.n,
          bads: metrics.bads,
          bad_rate: metrics.badRate,
          bad_label: loaded.target.bad,
          bad_label_chosen: loaded.target.chosen,
          auc: metrics.auc,
          ks: metrics.ks,
          gini: metrics.gini,
          brier: metrics.brier,
          log_loss: metrics.logLoss,
          psi: {
            value: stability.score.value,
            verdict: stability.score.verdict,
            epsilon: stability.score.epsilon,
          },
          csi: Object.fromEntries(
            stability.features.map((f) => [
              f.feature,
              { value: f.stability.value, verdict: f.stability.verdict },
            ]),
          ),
          calibration: metrics.calibration.filter((band) => band.count > 0),
        };
        output(global, result, () =>
          [
            `model ${card.version} on ${metrics.n} rows (bad rate ${(metrics.badRate * 100).toFixed(2)}%)`,
            `AUC ${metrics.auc?.toFixed(4)}  Gini ${metrics.gini?.toFixed(4)}  KS ${metrics.ks?.toFixed(4)}  Brier ${metrics.brier?.toFixed(4)}  log-loss ${metrics.logLoss?.toFixed(4)}`,
            `PSI of the score against training: ${stability.score.value.toFixed(4)} (${stability.score.verdict})`,
            ...stability.features.map(
              (f) => `  CSI ${f.feature.padEnd(24)} ${f.stability.value.toFixed(4)} (${f.stability.verdict})`,
            ),
          ].join('\n'),
        );
      },
    );

  program
    .command('score')
    .description('Score every row of a CSV file: id, score, pd, five sub-scores and up to four reasons.')
    .requiredOption('--model <file>', 'the scorecard artefact (JSON)')
    .requiredOption('--data <file>', 'applicants (CSV with a header)')
    .option('--id <column>', 'a column of row ids (default: the row number)')
    .option('--out <file>', 'where to write the scores (default: standard output)')
    .option('--reasons <form>', 'reason columns hold the code, or the text in "en" or "zh"', 'code')
    .action(
      async (
        options: { model: string; data: string; id?: string; out?: string; reasons: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        if (!['code', 'en', 'zh'].includes(options.reasons))
          throw AppError.invalid('--reasons', 'enum', 'must be code, en or zh');
        const card = readScorecardFile(options.model);
        const scorer = createScorer(card);
        const records = csvRecords(options.data);
        const first = await records.next();
        if (first.done) throw AppError.invalid(options.data, 'non-empty', 'the file is empty (no header)');
        const header = checkHeader(first.value.record);
        const idIndex = options.id === undefined ? -1 : header.indexOf(options.id);
        if (options.id !== undefined && idIndex < 0)
          throw AppError.invalid('id', 'column-exists', `no column "${options.id}" in the header`);
        const features = card.features.map((feature) => {
          const index = header.indexOf(feature.name);
          if (index < 0)
            throw AppError.invalid(
              feature.name,
              'column-exists',
              `the data has no column "${feature.name}", which the model uses`,
            );
          return { name: feature.name, numeric: feature.kind === 'numeric', index };
        });
        const target = options.out
          ? join(dirname(options.out), `.${basename(options.out)}.${process.pid}.tmp`)
          : undefined;
        const fd = target ? openSync(target, 'w') : 1;
        const chunks: string[] = [];
        const flush = (): void => {
          if (chunks.length === 0) return;
          writeSync(fd, chunks.join(''));
          chunks.length = 0;
        };
        const csvField = (text: string): string =>
          /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
        chunks.push(
          `${['id', 'score', 'pd', ...DIMENSIONS, 'reason_1', 'reason_2', 'reason_3', 'reason_4'].join(',')}\n`,
        );
        const progress = createProgress('scoring', 0, { quiet: Boolean(global.json) || !options.out });
        let rows = 0;
        try {
          const row = Object.create(null) as Record<string, FeatureValue>;
          for await (const { record, line } of records) {
            checkFieldCount(record, header.length, line);
            for (const feature of features) {
              const text = record[feature.index] ?? '';
              if (feature.numeric) {
                const value = parseNumberAt(text, feature.name, line);
                row[feature.name] = Number.isNaN(value) ? null : value;
              } else row[feature.name] = isMissingText(text) ? null : text.trim();
            }
            const result = scorer(row);
            rows += 1;
            const reasons = result.reasons.map((reason) =>
              options.reasons === 'code'
                ? reason.code
                : options.reasons === 'zh'
                  ? reason.text.zh
                  : reason.text.en,
            );
            while (reasons.length < 4) reasons.push('');
            chunks.push(
              `${[
                csvField(idIndex >= 0 ? (record[idIndex] ?? '') : String(rows)),
                String(result.score),
                result.pd.toPrecision(6),
                ...DIMENSIONS.map((dimension) => String(result.subScores[dimension])),
                ...reasons.map(csvField),
              ].join(',')}\n`,
            );
            if (chunks.length >= 2000) {
              flush();
              progress.setTotal(rows);
              progress.update(rows);
            }
          }
          flush();
          // The bar moves every 2,000 rows; its last line says how many rows there were in all.
          progress.setTotal(rows);
          progress.update(rows);
          progress.stop();
          if (target && options.out) {
            closeSync(fd);
            renameSync(target, options.out);
          }
        } catch (error) {
          if (target) {
            closeSync(fd);
            rmSync(target, { force: true });
          }
          throw error;
        }
        if (options.out)
          output(
            global,
            { rows, out: options.out, model: card.version },
            () => `scored ${rows} rows with ${card.version} into ${options.out}`,
          );
      },
    );

  program
    .command('report')
    .description(
      'Write a self-contained HTML report of a scorecard: bins, WoE, ROC, KS, distribution, calibration, the table.',
    )
    .requiredOption('--model <file>', 'the scorecard artefact (JSON)')
    .requiredOption('--out <file>', 'the HTML file to write')
    .option(
      '--data <file>',
      'labelled data to draw the curves from (default: the holdout recorded in the model)',
    )
    .option('--target <column>', "the target column of --data (default: the model's)")
    .option('--bad <value>', "the target value meaning bad (default: the model's)")
    .action(
      async (
        options: { model: string; out: string; data?: string; target?: string; bad?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const card = readScorecardFile(options.model);
        let sample: ReportSample | undefined;
        if (options.data) {
          const scorer = createScorer(card);
          const loaded = await loadDataset(options.data, {
            target: options.target ?? card.target.column,
            bad: options.bad ?? card.target.bad,
            only: card.features.map((feature) => feature.name),
            kinds: Object.fromEntries(card.features.map((feature) => [feature.name, feature.kind])),
          });
          const scored = scoreDataset(scorer, loaded.dataset);
          sample = {
            label: basename(options.data),
            metrics: sampleMetrics(card, scored, loaded.dataset.target),
            stability: stabilityAgainstTraining(scorer, loaded.dataset, scored),
            binCounts: binCounts(scorer, loaded.dataset),
          };
        }
        writeAtomically(options.out, renderScorecardReport(card, sample));
        output(global, { out: options.out, model: card.version }, () => `wrote ${options.out}`);
      },
    );
}
