import type { TestProject } from 'vitest/node';
import { credentials } from './sim-data.js';
import { sharedEnvironment, startTestEnvironment } from './test-environment.js';

declare module 'vitest' {
  export interface ProvidedContext {
    relaySrc: string;
    brokenRelaySrc: string;
    unreachableSrc: string;
    tokenRelaySrc: string;
    singleViewerRelaySrc: string;
    hangingRelaySrc: string;
    drippingRelaySrc: string;
    bufferingRelaySrc: string;
    /** Only so tests can assert it never reaches the page. */
    whmcsSecret: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const environment = await startTestEnvironment();
  sharedEnvironment.set(environment);
  project.provide('relaySrc', environment.healthy.src);
  project.provide('brokenRelaySrc', environment.broken.src);
  project.provide('unreachableSrc', environment.unreachableSrc);
  project.provide('tokenRelaySrc', environment.tokenRelaySrc);
  project.provide('singleViewerRelaySrc', environment.singleViewerRelaySrc);
  project.provide('hangingRelaySrc', environment.stalling.hangingSrc);
  project.provide('drippingRelaySrc', environment.stalling.drippingSrc);
  project.provide('bufferingRelaySrc', environment.stalling.bufferingSrc);
  project.provide('whmcsSecret', credentials.secret);
  return async () => {
    sharedEnvironment.set(undefined);
    await environment.close();
  };
}
