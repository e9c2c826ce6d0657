import { describe, expect, it } from 'vitest';
import { repositoryCommand } from './repository-command.js';

const agent = 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64';

describe('repositoryCommand', () => {
  it('is the npx form, with the running pnpm version, when npx fetched pnpm', () => {
    for (const npm_execpath of [
      '/home/reader/.npm/_npx/c80dab5832ec79ce/node_modules/pnpm/bin/pnpm.cjs',
      'C:\\Users\\reader\\AppData\\Local\\npm-cache\\_npx\\c80d\\node_modules\\pnpm\\bin\\pnpm.cjs',
      '/usr/lib/node_modules/npm/bin/npm-cli.js',
    ]) {
      expect(repositoryCommand({ npm_config_user_agent: agent, npm_execpath }), npm_execpath).toBe(
        'npx --yes pnpm@10.34.9 exec whmcs-ticket-counts',
      );
    }
  });

  it('is plain pnpm exec for an installed pnpm (global or Corepack), or when it cannot tell', () => {
    for (const env of [
      { npm_config_user_agent: agent, npm_execpath: '/usr/lib/node_modules/pnpm/bin/pnpm.cjs' },
      {
        npm_config_user_agent: agent,
        npm_execpath: '/home/u/.cache/node/corepack/v1/pnpm/10.34.9/bin/pnpm.cjs',
      },
      { npm_config_user_agent: agent },
      {},
      // A user agent that is not a plain version is never printed.
      {
        npm_config_user_agent: 'pnpm/10.34.9;rm -rf ~ npm/? node/v20',
        npm_execpath: '/home/u/.npm/_npx/1/node_modules/pnpm/bin/pnpm.cjs',
      },
    ]) {
      expect(repositoryCommand(env), JSON.stringify(env)).toBe('pnpm exec whmcs-ticket-counts');
    }
  });
});
