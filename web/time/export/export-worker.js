// Encodes an animation off the page's thread: RGBA frames in, a GIF (gifenc, one global palette
// made for the field's colours, see gif-palette.js) or a WebM / MP4 (WebCodecs through
// mediabunny, loaded only for video) out. Bundled by scripts/build-web.mjs.
import {GIFEncoder} from '../../../node_modules/gifenc/dist/gifenc.esm.js';

import {indexPixels} from './gif-palette.js';

let job = null;

const encoders = {
  gif: {
    start(o) {
      return {...o, gif: GIFEncoder(), cache: new Map()};
    },
    async frame(j, pixels) {
      const index = indexPixels(pixels, j.palette, j.cache);
      // The palette goes with the first frame only: it is the file's global colour table.
      j.gif.writeFrame(
          index, j.width, j.height,
          {palette: j.frames === 0 ? j.palette : undefined, delay: 1000 / j.fps});
    },
    async finish(j) {
      j.gif.finish();
      return j.gif.bytes();
    },
  },
  video: {
    async start(o) {
      const {startVideo} = await import('./export-video.js');
      return {...o, video: await startVideo(o)};
    },
    frame: (j, pixels) => j.video.frame(pixels, j.frames),
    finish: (j) => j.video.finish(),
  },
};

// The bytes a GIF of these frames spends before its first image and on each image: frames
// encoded as the file would encode them, for the dialog's size estimate (size-estimate.js).
function measureGif({width, height, palette, frames}) {
  const gif = GIFEncoder();
  const cache = new Map();
  const write = (pixels, first) => {
    const before = gif.bytesView().length;
    gif.writeFrame(
        indexPixels(new Uint8ClampedArray(pixels), palette, cache), width, height,
        {palette: first ? palette : undefined});
    return gif.bytesView().length - before;
  };
  const withHeader = write(frames[0], true);
  const frameBytes = frames.map((pixels) => write(pixels, false));
  return {header: withHeader - frameBytes[0], frameBytes};
}

onmessage = async ({data: message}) => {
  try {
    if (message.type === 'measure') {
      postMessage({type: 'measured', id: message.id, ...measureGif(message)});
    } else if (message.type === 'start') {
      const encoder = encoders[message.format === 'gif' ? 'gif' : 'video'];
      job = {encoder, frames: 0, ...(await encoder.start(message))};
      postMessage({type: 'started'});
    } else if (message.type === 'frame') {
      await job.encoder.frame(job, new Uint8ClampedArray(message.pixels));
      job.frames += 1;
      postMessage({type: 'progress', frames: job.frames});
    } else if (message.type === 'finish') {
      const bytes = await job.encoder.finish(job);
      postMessage({type: 'done', bytes}, [bytes.buffer]);
    }
  } catch (error) {
    postMessage({type: 'error', id: message.id, message: String(error && error.message)});
  }
};
