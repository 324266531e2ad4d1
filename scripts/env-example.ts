/** Writes config/.env.example from the configuration schema (src/config-example.ts). */
import { writeFileSync } from 'node:fs';
import { renderEnvExample } from '../src/config-example.js';

writeFileSync(new URL('../config/.env.example', import.meta.url), renderEnvExample());
console.log('wrote config/.env.example');
