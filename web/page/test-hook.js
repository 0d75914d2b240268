// The page's test hook, window.reluLabTest: everything the browser tests and the benches read or
// call beyond the DOM, so that none of them reaches into the page's modules. What the page shows
// is read from the DOM instead (data-* of <html> and of every .panel), never from here.
//
// Read (plain data, kept current by page/main.js):
//   frames         frames drawn so far
//   firstFrameMs   when the first frame was drawn, in ms since navigation (null until then)
//   compute        the last 300 to 600 frames drawn: {computeMs, trainMs, fieldMs, paintMs (the
//                  worker's drawing, where it draws), workerMs (one per worker), arriveMs (the
//                  worker's post to the page's handler), drawMs (the page's drawing), resolution,
//                  panels}
//   events         the last 200 to 400 'created' and 'frame' messages of any arena: {type,
//                  generation, epoch, steps (a frame's optimizer steps), panelEpochs (a frame's
//                  distinct panel epochs), t (ms, as performance.now())}
//   arenaSettings  the current arena's settings as the trainer read them (clamped, own data in)
//   lastFrame      the last frame drawn: the trainer's 'frame' message (epochs, steps, metrics,
//                  fields (null where a worker painted them), resolution, workerMs, ...)
//   workers        how many trainer workers share the panels
//   schema         lab.schema as the trainer sent it
//   table          the URL settings table built from it (rows, parse(hash))
// Call:
//   setPlaying(playing)  plays or pauses, as the Play button does
//   step(epochs)         trains every panel `epochs` epochs more in one request, one frame
//   holdResolution()     stops playing frames from trading field resolution for time, so that a
//                        bench measures the resolution it asked for
//   paceInPool()         paces play from the page's thread even where one worker could pace
//                        itself (the way of several workers): a bench compares the two; it takes
//                        effect at the next Play
//   lossChart()          the loss chart as drawn on its canvas: {series: [{label, stroke, dash}],
//                        axes: [{stroke, labels}]}
//   metricsAt(epochs)    a promise of every panel's metrics at the kept epochs nearest `epochs`
//                        (every whole epoch of the first ones is kept): [{epoch, metrics}], to
//                        compare runs epoch by epoch whenever they were read
//   fieldsAt(epochs, resolution)  likewise every panel's field ('final': the live networks):
//                        [{epoch, fields}] (a frame whose fields a worker painted carries none)
import {currentEpoch} from '../time/metric-history.js';
import {MSG, request} from '../trainer/protocol.js';

const MAX_COMPUTE = 600;
const MAX_EVENTS = 400;

/** Records what window.reluLabTest exposes; page/main.js hands it the page's pieces. */
export class TestHook {
  constructor() {
    this.pool = null;
    this.chart = null;
    this.exposed = {
      frames: 0,
      firstFrameMs: null,
      compute: [],
      events: [],
      arenaSettings: null,
      lastFrame: null,
      workers: 0,
      schema: null,
      table: null,
      setPlaying: null,
      step: (epochs) => this.pool.step({epochs}),
      holdResolution: () => {
        this.pool.quality.budgetMs = Infinity;
      },
      paceInPool: () => {
        this.pool.paceInWorker = false;
      },
      // null until uPlot, fetched with the first frame, has drawn the chart.
      lossChart: () => (this.chart.chart ? describeChart(this.chart.chart) : null),
      metricsAt: async (epochs) => {
        const resolution = this.exposed.schema.limits.minFieldResolution;
        const {columns} = await request(this.pool, MSG.fieldsAt, {epochs, resolution});
        return columns.map(({epoch, metrics}) => ({epoch, metrics}));
      },
      fieldsAt: async (epochs, resolution) => {
        const {columns} = await request(this.pool, MSG.fieldsAt, {epochs, resolution});
        return columns.map(({epoch, fields}) => ({epoch, fields}));
      },
    };
    window.reluLabTest = this.exposed;
  }

  /** The page's controls: its play/pause, its trainer (a WorkerPool) and its loss chart. */
  connect({setPlaying, pool, lossChart}) {
    this.exposed.setPlaying = setPlaying;
    this.pool = pool;
    this.chart = lossChart;
  }

  /** The trainer is ready: its schema, the settings table and the pool's size. */
  loaded({schema, table, workers}) {
    Object.assign(this.exposed, {schema, table, workers});
  }

  /** A new arena's first frame is about to be drawn with these settings. */
  created(settings) {
    this.exposed.arenaSettings = settings;
  }

  /** Every message of the trainer, of whichever arena. */
  received(message) {
    if (message.type !== 'created' && message.type !== 'frame') return;
    const frame = message.type === 'frame';
    const events = this.exposed.events;
    events.push({
      type: message.type,
      generation: message.generation,
      epoch: frame ? currentEpoch(message.metrics) : 0,
      steps: frame ? message.steps : 0,
      panelEpochs: frame ? [...new Set(message.metrics.map((m) => m.epoch))] : [],
      t: performance.now(),
    });
    if (events.length > MAX_EVENTS) events.splice(0, MAX_EVENTS / 2);
  }

  /** A frame was drawn; its drawing began at `drawStart` (performance.now()). */
  drawn(frame, drawStart) {
    const exposed = this.exposed;
    exposed.lastFrame = frame;
    exposed.frames += 1;
    exposed.compute.push({
      drawMs: performance.now() - drawStart,
      computeMs: frame.computeMs,
      trainMs: frame.trainMs,
      fieldMs: frame.fieldMs,
      paintMs: frame.paintMs ?? 0,
      resolution: frame.resolution,
      panels: frame.fields.length,
      workerMs: frame.workerMs,
      arriveMs: performance.timeOrigin + drawStart - frame.postedAt,
    });
    if (exposed.compute.length > MAX_COMPUTE) exposed.compute.splice(0, MAX_COMPUTE / 2);
    exposed.firstFrameMs ??= performance.now();
  }
}

// uPlot keeps series and axes as options whose colours may be functions of the chart.
function describeChart(u) {
  const resolve = (stroke) => (typeof stroke === 'function' ? stroke(u, 1) : stroke);
  return {
    series: u.series.slice(1).map(
        (s) => ({label: s.label, stroke: resolve(s.stroke), dash: s.dash ?? null})),
    axes: u.axes.map((a) => ({stroke: resolve(a.stroke), labels: a._values})),
  };
}
