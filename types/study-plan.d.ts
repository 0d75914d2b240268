// A study request as plain data turned into tasks and the function that assembles their records
// (dist/js/study-plan.mjs), so one process or a pool of workers can run them in any order.
import type {ArenaSettings} from './generated.js';
import type {Schema} from './relu-lab.js';
import type {Comparison, ResolvedStudyOptions, SeedRecord, StudyTask} from './seed-study.js';
import type {SweepKey, SweepResult, SweepValue} from './seed-sweep.js';

export type StudyRequest = {
  kind: 'compare',
  settings: ArenaSettings,
  seeds?: number,
  epochs?: number,
  target?: number,
}|{
  kind: 'sweep',
  settings: ArenaSettings,
  key: SweepKey,
  values?: readonly SweepValue[],
  /** How many values along the axis when `values` is not given. */
  points?: number,
  seeds?: number,
  epochs?: number,
  target?: number,
};

export interface StudyPlan<R> {
  tasks: StudyTask[];
  /** records[k]: task k's records. */
  assemble(records: SeedRecord[][]): R;
  options: ResolvedStudyOptions & {values?: SweepValue[]};
}

export declare function planStudy(schema: Schema, request: StudyRequest & {kind: 'compare'}): StudyPlan<Comparison>;
export declare function planStudy(schema: Schema, request: StudyRequest & {kind: 'sweep'}): StudyPlan<SweepResult>;
