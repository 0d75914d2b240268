// The size of a GIF before it is encoded. The file is a header (the global palette, the loop
// block) and one compressed image per frame; frames of one run compress alike, so a few of them,
// encoded as the file will be, give the bytes per frame. Within ESTIMATE_FACTOR of the real size
// (tests/browser/over-time.test.mjs checks it on a GIF).

export const ESTIMATE_FACTOR = 1.5;
const SAMPLES = 4;

/** @returns {number[]} up to SAMPLES indices into `count` frames: the first, the last, between */
export function sampleIndices(count) {
  const n = Math.min(SAMPLES, count);
  if (n <= 1) return n ? [0] : [];
  return [...new Set(Array.from({length: n}, (_, i) => Math.round((i * (count - 1)) / (n - 1))))];
}

/**
 * @param {{header: number, frameBytes: number[]}} measured the export worker's answer to
 *     'measure': the bytes before the first frame and each sampled frame's own bytes
 * @returns {number} the estimated bytes of a GIF of `frames` frames
 */
export function estimateGifBytes({header, frameBytes}, frames) {
  const mean = frameBytes.reduce((a, b) => a + b, 0) / frameBytes.length;
  return Math.round(header + frames * mean + 1);  // + the trailer byte
}

/** @returns {string} "840 kB", "2.1 MB" */
export function sizeText(bytes) {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` :
                       `${(bytes / 1e6).toFixed(1)} MB`;
}
