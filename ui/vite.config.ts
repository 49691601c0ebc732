import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves the built files; the dev server is for working on the UI alone.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { target: 'safari15', outDir: 'dist', emptyOutDir: true },
  // Svelte 5 components must resolve to their browser build under Vitest's jsdom.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // Vitest hands CSS over empty unless told; the theme test reads app.css's palettes.
    css: { include: [/app\.css/] },
  },
}));
