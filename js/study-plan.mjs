// A study request as plain data (what a URL or a claim describes) turned into its tasks and the
// function that assembles their records, so that one process or a pool of workers can run the
// tasks in any order and get the same result.
import {assembleComparison, compareTasks, outcomeOf, studyOptions} from './seed-study.mjs';
import {assembleSweep, axisValues, sweepAxes, sweepTasks} from './seed-sweep.mjs';

/**
 * @param {object} schema lab.schema (for a sweep's default values)
 * @param {{kind: 'compare'|'sweep', settings: object, key?: string, values?: Array,
 *     points?: number, seeds?: number, epochs?: number, target?: number, unitLife?: boolean,
 *     outcome?: string}} request (an outcome such as revivals asks for unit life by itself)
 * @returns {{tasks: object[], assemble: (records: object[][]) => object, options: object}}
 */
export function planStudy(schema, request) {
  const what = request.kind === 'sweep' ? 'sweep' : 'compareSeeds';
  const given = ['seeds', 'epochs', 'target', 'unitLife'].filter((k) => request[k] !== undefined);
  const o = studyOptions(Object.fromEntries(given.map((k) => [k, request[k]])), what);
  // An outcome that only unit life measures turns it on.
  if (request.outcome !== undefined && outcomeOf(request.outcome).unitLife) o.unitLife = true;
  if (request.kind === 'compare') {
    return {
      tasks: compareTasks(request.settings, o),
      assemble: (records) => assembleComparison(request.settings, o, records),
      options: o,
    };
  }
  if (request.kind !== 'sweep') {
    throw new Error(
        `planStudy: kind must be 'compare' or 'sweep', got ${JSON.stringify(request.kind)}`);
  }
  const axis = sweepAxes(schema).find((a) => a.key === request.key);
  const values = request.values ?? (axis ? axisValues(axis, request.points) : null);
  if (!values) throw new Error(`planStudy: sweep key ${JSON.stringify(request.key)} needs values`);
  return {
    tasks: sweepTasks(request.settings, {key: request.key, values, ...o}),
    assemble: (records) =>
        assembleSweep(request.settings, {key: request.key, values, ...o}, records),
    options: {...o, values},
  };
}
