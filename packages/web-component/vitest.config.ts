import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { choosePagePort } from './test/page-origin.js';
import { testCommands } from './test/test-commands.js';

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const pagePort = await choosePagePort();
  return {
    test: {
      projects: [
        {
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts'],
            exclude: ['src/**/*.browser.test.ts'],
            environment: 'node',
          },
        },
        {
          test: {
            name: 'browser',
            include: ['src/**/*.browser.test.ts'],
            globalSetup: ['test/global-setup.ts'],
            testTimeout: 20_000,
            hookTimeout: 30_000,
            fileParallelism: false,
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              // The relay under test allows exactly this origin (CORS).
              api: { host: '127.0.0.1', port: pagePort, strictPort: true },
              commands: testCommands,
              provider: playwright({
                launchOptions: {
                  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
                  args: [
                    '--no-sandbox',
                    '--disable-gpu',
                    '--disable-quic',
                    '--no-first-run',
                    '--disable-background-networking',
                    '--disable-component-update',
                    '--disable-sync',
                  ],
                },
              }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
      ],
    },
  };
});
