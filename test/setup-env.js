// n8n reads its user folder at import time; every test process gets a private one.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
if (!process.env.N8N_USER_FOLDER_FIXED) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'consortium-n8n-'));
}
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.TZ = process.env.TZ || 'UTC';
