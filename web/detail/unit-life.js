// Per-unit life over training, drawn as one strip per unit in the detail view: for each hidden
// unit, the epochs at which it became dead on the training data or came back (kept as
// transitions by time/metric-history.js's recordLife).

const ROW = 9;
const LABEL_W = 52;
const DEAD = '#d00000';
const ALIVE = '#cfe8d5';

/** @returns {string} e.g. "layer 1 unit 3: died in epoch 12, revived in 30" or '' if never dead. */
function lifeText({layer, unit, events}) {
  const changes = events.filter(([, dead], i) => dead || i > 0);
  if (!changes.length) return '';
  const parts = changes.map(
      ([epoch, dead]) => epoch === 0 && dead ? 'dead from the start' :
                                               `${dead ? 'died' : 'revived'} in epoch ${epoch}`);
  return `layer ${layer + 1} unit ${unit + 1}: ${parts.join(', ')}`;
}

/**
 * Draws every unit's life as a strip (red while dead) from epoch 0 to `epoch`, and lists the
 * units that ever died.
 * @param {HTMLCanvasElement} canvas
 * @param {HTMLElement} list its textContent is set
 */
export function drawLife(canvas, list, life, epoch) {
  const width = Math.max(240, canvas.clientWidth || 480);
  canvas.width = width;
  canvas.height = Math.max(ROW, life.length * ROW);
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const span = Math.max(1, epoch);
  const xOf = (e) => LABEL_W + ((width - LABEL_W) * e) / span;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  life.forEach(({layer, unit, events}, k) => {
    const y = k * ROW;
    if (unit === 0) {
      ctx.fillStyle = '#5a6270';
      ctx.fillText(`layer ${layer + 1}`, 0, y - 1);
    }
    events.forEach(([start, dead], i) => {
      const end = i + 1 < events.length ? events[i + 1][0] : epoch;
      ctx.fillStyle = dead ? DEAD : ALIVE;
      ctx.fillRect(xOf(start), y + 1, Math.max(1, xOf(end) - xOf(start)), ROW - 2);
    });
  });
  const lines = life.map(lifeText).filter(Boolean);
  list.textContent = lines.length ? lines.join('; ') + '.' : 'No unit has died so far.';
  canvas.dataset.deadEver = String(lines.length);
}
