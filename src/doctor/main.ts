/** `npm run doctor -- <public callback URL>`: checks the deployment and explains what is wrong. */
import { ConfigError, loadConfig } from '../config.js';
import { runChecks } from './checks.js';

try {
  const checks = await runChecks(loadConfig(), process.argv[2]);
  for (const check of checks) console.log(`${check.ok ? '✓' : '✗'} ${check.name}: ${check.detail}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`);
  process.exitCode = failed === 0 ? 0 : 1;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.log(`✗ settings: ${error.message}`);
  process.exitCode = 1;
}
