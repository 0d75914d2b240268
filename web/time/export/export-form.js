// The export form: its markup, built from frame-schedule.js's table of fields, and the video
// formats this browser's WebCodecs can encode (GIF is always there).
import {EXPORT_FIELDS, SCHEDULES} from './frame-schedule.js';

// Video codecs WebCodecs may offer, by container; probed without loading mediabunny.
const VIDEO_PROBES = {
  webm: ['vp09.00.10.08', 'vp8'],
  mp4: ['avc1.42001f']
};
/** @returns {Promise<string[]>} the video containers this browser can encode ('webm', 'mp4') */
export async function videoFormats() {
  if (typeof VideoEncoder === 'undefined') return [];
  const out = [];
  for (const [format, codecs] of Object.entries(VIDEO_PROBES)) {
    for (const codec of codecs) {
      const {supported} = await VideoEncoder.isConfigSupported({codec, width: 256, height: 256})
                              .catch(() => ({supported: false}));
      if (supported) {
        out.push(format);
        break;
      }
    }
  }
  return out;
}

/** The form's markup, from frame-schedule.js's table. */
export function formHtml() {
  const {schedule, frames, fps, size} = EXPORT_FIELDS;
  const option = (value, label, chosen) =>
      `<option value="${value}"${value === chosen ? ' selected' : ''}>${label}</option>`;
  const number = (name, {label, default: value, min, max}) => `<label>${label} <input name="${
      name}" type="number" min="${min}" max="${max}" step="1" value="${value}"></label>`;
  return `
        <fieldset class="export-panels"><legend>Panels</legend></fieldset>
        <label>${schedule.label} <select name="schedule">${
      SCHEDULES.map((s) => option(s.key, s.label, schedule.default)).join('')}</select></label>
        <label>From epoch <input name="from" type="number" min="0" step="1" value="0"></label>
        <label>to <input name="to" type="number" min="0" step="1"></label>
        ${number('frames', frames)}
        ${number('fps', fps)}
        <label>${size.label} <select name="size">${
      size.options.map((px) => option(String(px), String(px), String(size.default)))
          .join('')}</select> px</label>
        <label>Format <select name="format"><option value="gif">GIF</option></select></label>
        <p class="hint export-schedule-note"></p>
        <p class="hint export-video-note"></p>`;
}
