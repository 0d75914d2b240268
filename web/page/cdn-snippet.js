// Where the element of the running build is on the npm CDN: the package's name, version and the
// element's path come from package.json, which the build defines as RELU_LAB_PACKAGE, their JSON
// text (undefined when the source tree is served as it is: there is then no published build to
// point to).

/** The CDN authors load published files from: /npm/<name>@<version>/<path>, CORS enabled. */
export const NPM_CDN = 'https://cdn.jsdelivr.net/npm/';

const PACKAGE = typeof RELU_LAB_PACKAGE === 'string' ? JSON.parse(RELU_LAB_PACKAGE) : null;

/**
 * @param {{name: string, version: string, figure: string}|null} [pkg] the package
 * @returns {string|null} the running build's element on the CDN, pinned to its exact version
 */
export function cdnFigureUrl(pkg = PACKAGE) {
  return pkg ? `${NPM_CDN}${pkg.name}@${pkg.version}/${pkg.figure}` : null;
}
