// Saving what the page made as a file: a Blob, or a canvas as PNG, offered as a download through
// a short-lived object URL. What goes into the file is the caller's business.

/** Offers `blob` to the reader as a file named `filename`. */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The click hands the URL to the download; revoking it at once could cancel that.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers a canvas as a PNG file. */
export function downloadPng(canvas, filename) {
  canvas.toBlob((blob) => download(blob, filename), 'image/png');
}
