/**
 * A static export: every page is plain files and all work happens in the browser, so there is no
 * server that could ever receive a key. scripts/csp.mjs adds the Content-Security-Policy after build.
 * @type {import('next').NextConfig}
 */
module.exports = {
  output: "export",
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  productionBrowserSourceMaps: false,
};
