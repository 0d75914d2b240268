// The buttons beside the timeline (index.html) that open the "over time" figure and the animated
// export. Both modules load only when first used (the page's first load does not carry them);
// they ask the trainer for fields at chosen epochs through `fieldsAt`, which this module adds.
import {MSG, request} from '../trainer/protocol.js';

/**
 * @param {{pool: object, root: HTMLElement, state: function(): object,
 *     change: function(string, *, string[]), pause: function()}} page the trainer (WorkerPool), the
 *     timeline's element, the page's current {panels, names, data, settings, lastFrame}, its
 *     setting changer and its pause
 */
export function initTimeTools(options) {
  const page = {
    ...options,
    /** Every panel's field and metrics at `epochs` (kept ones), at `resolution`. */
    fieldsAt: (epochs, resolution) => request(options.pool, MSG.fieldsAt, {epochs, resolution}),
  };
  const tools = {figure: null, exporter: null, frame: null, opened: false};
  const figureButton = page.root.querySelector('#open-over-time');
  const exportButton = page.root.querySelector('#open-export');

  async function openFigure() {
    const {OverTimeFigure} = await import('./over-time-figure.js');
    tools.figure ??= new OverTimeFigure(page);
    tools.figure.open();
  }
  figureButton.addEventListener('click', () => {
    // A figure is of one moment: the run holds still while it is made.
    page.pause();
    page.change('fig', true, []);
    openFigure();
  });
  exportButton.addEventListener('click', async () => {
    const {ExportDialog} = await import('./export/export-dialog.js');
    tools.exporter ??= new ExportDialog(page);
    tools.exporter.open();
  });

  return {
    /** Follows the page's frames: a link with fig=true opens the figure on the first one. */
    onFrame(frame) {
      tools.frame = frame;
      if (!tools.opened && page.state().settings.fig) openFigure();
      tools.opened = true;
      tools.figure?.onFrame(frame);
    },
  };
}
