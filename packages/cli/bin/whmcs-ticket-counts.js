#!/usr/bin/env node
// Committed launcher: pnpm links bins at install time, before `dist/` exists on a fresh clone.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
