// `node --import ./trace-imports.mjs …`: appends the URL of every module the process imports to the file
// named by NTM_TRACE_FILE, so a test can tell which packages a command loaded.
import { register } from 'node:module';

register(new URL('./trace-hooks.mjs', import.meta.url));
