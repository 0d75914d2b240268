// WebM (VP9, else VP8) or MP4 (H.264) through WebCodecs and mediabunny, for export-worker.js.
// Which exist depends on the browser: videoFormats() says, and the page offers only those.
import {BufferTarget, canEncodeVideo, CanvasSource, Mp4OutputFormat, Output, QUALITY_HIGH, WebMOutputFormat} from '../../../node_modules/mediabunny/dist/bundles/mediabunny.mjs';

const CODECS = {
  webm: ['vp9', 'vp8'],
  mp4: ['avc']
};

async function codecFor(format, width, height) {
  for (const codec of CODECS[format]) {
    if (await canEncodeVideo(codec, {width, height})) return codec;
  }
  return null;
}

/** @returns {Promise<string[]>} the video formats this browser can encode at this size */
export async function videoFormats(width, height) {
  if (typeof VideoEncoder === 'undefined') return [];
  const out = [];
  for (const format of Object.keys(CODECS)) {
    if (await codecFor(format, width, height)) out.push(format);
  }
  return out;
}

export async function startVideo({format, width, height, fps}) {
  const codec = await codecFor(format, width, height);
  if (!codec) throw new Error(`this browser cannot encode ${format} video`);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const output = new Output({
    format: format === 'mp4' ? new Mp4OutputFormat() : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(canvas, {codec, quality: QUALITY_HIGH});
  output.addVideoTrack(source, {frameRate: fps});
  await output.start();
  return {
    async frame(pixels, index) {
      ctx.putImageData(new ImageData(pixels, width, height), 0, 0);
      await source.add(index / fps, 1 / fps);
    },
    async finish() {
      await output.finalize();
      return new Uint8Array(output.target.buffer);
    },
  };
}
