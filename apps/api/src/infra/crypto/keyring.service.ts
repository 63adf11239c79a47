import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfigService } from '../../config/app-config.service';

export type KeyPurpose = 'files' | 'mfa' | 'password-reset';

/**
 * The data-encryption master key: `FILE_ENCRYPTION_KEY` when configured, otherwise generated once into
 * `DATA_DIR/keys/master.key` (mode 0600). Each purpose gets its own 256-bit subkey (HKDF-SHA256), so a
 * key is never reused across files and TOTP secrets. An unwritable data dir fails start-up clearly.
 */
@Injectable()
export class KeyringService implements OnModuleInit {
  private master!: Buffer;
  private readonly subkeys = new Map<KeyPurpose, Buffer>();

  constructor(private readonly config: AppConfigService) {}

  onModuleInit(): void {
    const configured = this.config.fileEncryptionKey;
    this.master = configured ? Buffer.from(configured, 'hex') : this.loadOrCreate();
  }

  key(purpose: KeyPurpose): Buffer {
    let k = this.subkeys.get(purpose);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', this.master, Buffer.alloc(0), `cloudvault/${purpose}/v1`, 32));
      this.subkeys.set(purpose, k);
    }
    return k;
  }

  private loadOrCreate(): Buffer {
    const dir = join(this.config.dataDir, 'keys');
    const file = join(dir, 'master.key');
    try {
      if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const key = randomBytes(32);
      writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
      return key;
    } catch (e) {
      throw new Error(
        `Cannot read or create the encryption key in ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'}): ` +
          'set FILE_ENCRYPTION_KEY or make DATA_DIR writable',
      );
    }
  }
}
