// The size of an export before it is encoded. A GIF is a header (the global palette, the loop
// block) and one compressed image per frame; frames of one run compress alike, so a few of them,
// encoded as the file will be, give the bytes per frame. Within ESTIMATE_FACTOR of the real size
// (tests/browser/over-time.test.mjs checks it on a GIF and a WebM).

export const ESTIMATE_FACTOR = 1.5;
const SAMPLES = 4;
// A video compresses between frames, which a few frames apart cannot show: its size is modelled
// from the GIF's, fitted to files encoded in headless Chromium (VP9 / H.264 at mediabunny's high
// quality; the same frames both ways, 2 to 10 panels, 96 to 256 px, 4 to 121 frames; each within
// 1.4x): `perFrame` of a GIF frame for every frame, plus `first` of one for the first (the key
// frame, which short videos feel most). Another browser's encoder may differ.
const VIDEO = {
  webm: {perFrame: 0.13, first: 1.2},
  mp4: {perFrame: 0.1, first: 0.25}
};

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

/** @returns {number} the estimated bytes of a video of `frames` frames, from its GIF's frames */
export function estimateVideoBytes({frameBytes}, frames, format) {
  const mean = frameBytes.reduce((a, b) => a + b, 0) / frameBytes.length;
  const {perFrame, first} = VIDEO[format];
  return Math.round(mean * (perFrame * frames + first));
}

/** @returns {string} "840 kB", "2.1 MB" */
export function sizeText(bytes) {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` :
                       `${(bytes / 1e6).toFixed(1)} MB`;
}
