// The element bundle's esbuild settings and size budget, shared by the build and the size
// benchmark so both measure the same thing.
export const bundleOptions = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
};

/** min+gzip bytes the build allows. */
export const budgetBytes = 5 * 1024;
