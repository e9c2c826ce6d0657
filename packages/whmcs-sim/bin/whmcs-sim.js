#!/usr/bin/env node
// Committed launcher: pnpm links bins at install time, before `dist/` exists on a fresh clone.
import '../dist/bin.js';
