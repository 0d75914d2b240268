// A classic script (it runs where module scripts cannot): in a sandboxed iframe without
// allow-same-origin the document's origin is opaque, the browser blocks the page's module scripts
// and its worker, and this says so instead of leaving a blank frame.
if (self.origin === 'null') {
  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('frame-blocked').hidden = false;
    const loading = document.querySelector('#panels .loading');
    if (loading) loading.remove();
  });
}
