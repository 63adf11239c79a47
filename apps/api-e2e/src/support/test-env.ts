// Runs before each e2e test file: a fresh in-memory embedded database and a temporary data directory.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env['NODE_ENV'] = 'test';
process.env['DB_IN_MEMORY'] = 'true';
process.env['DATA_DIR'] = mkdtempSync(join(tmpdir(), 'cloudvault-e2e-'));
process.env['LOG_LEVEL'] = process.env['E2E_LOG_LEVEL'] ?? 'silent';
delete process.env['MONGO_URI'];
delete process.env['MISTRAL_API_KEY'];
// Many sign-ups per file: the per-IP auth limit is lifted here; a dedicated auth test sets it low.
process.env['AUTH_RATE_LIMIT_PER_MINUTE'] = '100000';
// Likewise the per-address sign-up limit; a dedicated auth test sets it low.
process.env['REGISTRATION_LIMIT_PER_HOUR'] = '100000';
