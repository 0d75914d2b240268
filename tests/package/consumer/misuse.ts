// Calls the declarations must reject: each line after @ts-expect-error has to fail to compile
// (tsc reports an unused directive otherwise), so a loosened type fails the test.
import {loadReluLab} from 'relu-lab';
import {RunHistory} from 'relu-lab/history';
import {compareSeeds} from 'relu-lab/studies';
import {mount} from 'relu-lab/figure';

const lab = await loadReluLab();
// @ts-expect-error: no such backend
await loadReluLab({backend: 'webgpu'});
// @ts-expect-error: no such activation
lab.activate('swish', undefined, new Float32Array(2));
// @ts-expect-error: relu has no parameters
lab.activate('relu', {slope: 0.1}, new Float32Array(2));
// @ts-expect-error: x must be a Float32Array
lab.activate('tanh', undefined, [1, 2]);
// @ts-expect-error: leaky_relu's slope is a number
lab.activate('leaky_relu', {slope: '0.1'}, new Float32Array(2));
// @ts-expect-error: only prelu returns dalpha
lab.activate('elu', {}, new Float32Array(2)).dalpha;
// @ts-expect-error: no such dataset
lab.createArena({dataset: 'circles'});
// @ts-expect-error: layers is a list of unit counts
lab.createArena({layers: 8});
// @ts-expect-error: an unknown setting
lab.createArena({learningRate: 0.1});
// @ts-expect-error: an activation entry's params are checked per activation
lab.createArena({activations: [{activation: 'relu', params: {slope: 0.2}}]});
// @ts-expect-error: own data holds labels or targets, not both
lab.createArena({data: {points: [[0, 0]], labels: [0], targets: [1]}});
const arena = lab.createArena();
// @ts-expect-error: epochs is a number
arena.train('10');
// @ts-expect-error: epochs or steps, not both
arena.train({epochs: 1, steps: 2});
// @ts-expect-error: without a target there is no reached
arena.train(5).reached;
// @ts-expect-error: field() may be null (a diverged network)
arena.field(0, 64).length;
// @ts-expect-error: no such field kind
arena.field(0, 64, 'class');
// @ts-expect-error: testAccuracy is a number
const text: string = arena.metrics()[0].testAccuracy;
// @ts-expect-error: a model file needs its format
lab.networkFromJSON({version: 1, inputs: 2, layers: []});
// @ts-expect-error: recordArena takes an arena
new RunHistory().recordArena(lab, 0);
// @ts-expect-error: no such outcome
await compareSeeds(lab, {}, {seeds: 5}).then((c) => c.records[0][0].accuracy);
// @ts-expect-error: mount takes an element
mount('#figure');
// @ts-expect-error: the figure's state is one of five
const state: 'running' = document.createElement('relu-lab-figure').state;
// @ts-expect-error: step takes a number
document.createElement('relu-lab-figure').step('5');

export {text, state};
