import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// The console SPA: built into dist/console/ and served under /console/ (server/routes/console.ts on Node,
// the assets binding on Workers). Hashed file names let the server cache assets for a year.
export default defineConfig({
  root: fileURLToPath(new URL("survey-ui/console", import.meta.url)),
  base: "/console/",
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL("dist/console", import.meta.url)),
    emptyOutDir: true,
    target: "es2020",
    // The server sends index.html with a CSP whose script-src is 'self' and a nonce: no inline scripts.
    modulePreload: { polyfill: false },
    // .vite/manifest.json: which chunks each screen loads (bench/console-size.ts); never served.
    manifest: true,
    reportCompressedSize: true,
  },
  server: {
    // `npx vite -c vite.console.config.ts` next to `npm run dev`: the API comes from the Node server.
    proxy: {
      "/api": "http://127.0.0.1:8787",
      "/posters": "http://127.0.0.1:8787",
      "/links": "http://127.0.0.1:8787",
      "/qr": "http://127.0.0.1:8787",
    },
  },
});
