// Writes types/generated.d.ts from what core exports at run time: the activation names and
// parameters, the arena settings (lab.schema.settings) and the metrics record (core's metrics
// layout), so the TypeScript declarations never keep a second copy of core's tables. The
// hand-written declarations (types/*.d.ts) import these. Run after a build:
// node scripts/build-types.mjs [--check]   (--check: exit 1 if the committed file is stale)
import {readFile, writeFile} from 'node:fs/promises';

const ROOT = new URL('..', import.meta.url);
const OUT = new URL('types/generated.d.ts', ROOT);

const literal = (value) => JSON.stringify(value);
const union = (values) => values.map(literal).join(' | ');
// A JSDoc line; core's meanings are plain text ("*/" cannot occur in them, but make sure).
const doc = (text, indent = '  ') => `${indent}/** ${text.replaceAll('*/', '*\\/')} */\n`;

// How each schema row type reads in TypeScript; a new row type must be added here (and the
// generator fails until it is, rather than declaring something wrong).
const SETTING_TYPES = {
  number: () => 'number',
  int: () => 'number',
  seed: () => 'number',
  bool: () => 'boolean',
  enum: (row) => union(row.options),
  list: (row) => `readonly (${union(row.options)})[]`,
  layers: () => 'readonly number[]',
  activations: () => 'readonly (ActivationName | ActivationEntry)[]',
  data: () => 'DataSettings',
};
// The same rows as arena.settings() returns them: resolved, every key present.
const RESOLVED_TYPES = {
  ...SETTING_TYPES,
  layers: () => 'number[]',
  list: (row) => `(${union(row.options)})[]`,
  activations: () => 'ResolvedActivationEntry[]',
};
// How arena.metrics() decodes each kind of core's metrics record (js/relu-lab-trainer.mjs).
const METRIC_KINDS = {
  number: 'number',
  numberOrNull: 'number | null',
  boolean: 'boolean',
  perLayer: 'number[]',
  perLayerAndOutput: 'number[]',
  alphas: 'number[][]',
  unitMask: 'boolean[][]',
  shape: null,  // read by the decoder, not returned
};

function typeOf(table, row) {
  const make = table[row.type];
  if (!make) throw new Error(`build-types: schema row ${row.key} has type ${row.type}, unknown`);
  return make(row);
}

function activationTypes(schema) {
  const names = schema.activations.map((a) => a.name);
  const params = (pick) => schema.activations.map((a) => {
    const rows = a.params.filter(pick);
    if (!rows.length) return `  ${a.name}: Record<string, never>;\n`;
    const fields = rows.map(
        (p) => doc(p.meaning, '    ') +
            `    ${p.key}?: ${p.options ? union(p.options) : 'number'};\n`);
    return `  ${a.name}: {\n${fields.join('')}  };\n`;
  });
  return `/** The activations, in core's order (lab.activationNames). */\n` +
      `export type ActivationName = ${union(names)};\n\n` +
      `/** Each activation's params in settings and model files (absent keys take defaults). */\n` +
      `export interface ActivationParamsByName {\n${params(() => true).join('')}}\n\n` +
      `/** Each activation's number params, as activate() takes them (prelu: see activate). */\n` +
      `export interface ActivationNumberParamsByName {\n${
             params((p) => p.type === 'number').join('')}}\n`;
}

function settingsTypes(schema) {
  const top = schema.settings.filter((row) => !row.key.includes('.'));
  const optimizerRows = schema.settings.filter((row) => row.key.startsWith('optimizer.'));
  const optimizerNames = schema.settings.find((row) => row.key === 'optimizer').options;
  const field = (row, table, optional) =>
      doc(row.meaning) +
      `  ${row.key.replace('optimizer.', '')}${optional ? '?' : ''}: ${
          row.key === 'optimizer' ? 'OptimizerName | OptimizerSettings' : typeOf(table, row)};\n`;
  const resolved = top.map(
      (row) => row.key === 'optimizer' ? doc(row.meaning) + '  optimizer: ResolvedOptimizer;\n' :
                                         field(row, RESOLVED_TYPES, row.type === 'data'));
  return `export type OptimizerName = ${union(optimizerNames)};\n\n` +
      `/** An optimizer with its hyperparameters (lr here wins over settings.lr). */\n` +
      `export interface OptimizerSettings {\n  name?: OptimizerName;\n  lr?: number;\n${
             optimizerRows.map((row) => field(row, SETTING_TYPES, true)).join('')}}\n\n` +
      `/** createArena()'s settings: every key optional; numbers out of range are clamped. */\n` +
      `export interface ArenaSettings {\n${
             top.map((row) => field(row, SETTING_TYPES, true)).join('')}}\n\n` +
      `/** arena.settings(): every key as used (clamped, defaults filled in), and warnings. */\n` +
      `export interface ResolvedSettings {\n${resolved.join('')}` +
      `  /** What was clamped or ignored, one sentence each. */\n  warnings: string[];\n}\n\n` +
      `/** The schema's row keys, createArena() keys and the optimizer's as "optimizer.x". */\n` +
      `export type SettingKey = ${union(schema.settings.map((row) => row.key))};\n\n` +
      `/** The keys of lab.schema.limits. */\n` +
      `export type LimitKey = ${union(Object.keys(schema.limits))};\n`;
}

function metricsTypes(layout) {
  const fields = layout.fields.filter((f) => {
    if (!(f.kind in METRIC_KINDS)) {
      throw new Error(`build-types: metrics field ${f.key} has kind ${f.kind}, unknown`);
    }
    return METRIC_KINDS[f.kind] !== null;
  });
  return `/** One network's metrics after its last epoch (arena.metrics()[i]). */\n` +
      `export interface NetworkMetrics {\n  activation: ActivationName;\n  label: string;\n${
             fields.map((f) => `  ${f.key}: ${METRIC_KINDS[f.kind]};\n`).join('')}}\n`;
}

/** @returns {Promise<string>} the text of types/generated.d.ts for the built library. */
export async function generatedTypes() {
  const {loadReluLab} = await import(new URL('dist/js/relu-lab.mjs', ROOT));
  const lab = await loadReluLab({backend: 'wasm-scalar'});
  const arena = lab.createArena({activations: ['relu']});
  // The layout core writes records by; the library reads it the same way, once per lab.
  const layout = JSON.parse(arena._session.metricsLayoutJson());
  arena.delete();
  return '// Generated by scripts/build-types.mjs from lab.schema and core\'s metrics layout: do ' +
      'not edit.\n' +
      `import type {ActivationEntry, DataSettings, ResolvedActivationEntry, ResolvedOptimizer} ` +
      `from './settings.js';\n\n` +
      `${activationTypes(lab.schema)}\n${settingsTypes(lab.schema)}\n${metricsTypes(layout)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await generatedTypes();
  if (process.argv.includes('--check')) {
    const current = await readFile(OUT, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('build-types: types/generated.d.ts is stale: run node scripts/build-types.mjs');
      process.exit(1);
    }
  } else {
    await writeFile(OUT, text);
  }
}
