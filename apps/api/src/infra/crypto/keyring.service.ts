import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfigService } from '../../config/app-config.service';

export type KeyPurpose = 'files' | 'mfa' | 'password-reset';

/** A 256-bit key written as hex. */
const KEY_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * The data-encryption master key: `FILE_ENCRYPTION_KEY` when configured, otherwise generated once into
 * `DATA_DIR/keys/master.key` (mode 0600; outside production only, where FILE_ENCRYPTION_KEY is required).
 * Earlier master keys (FILE_ENCRYPTION_KEYS_PREVIOUS) are kept for reading only.
 * A malformed or truncated key file fails start-up with a clear message. Each purpose gets its own 256-bit subkey (HKDF-SHA256), so a
 * key is never reused across files and TOTP secrets. An unwritable data dir fails start-up clearly.
 */
function derive(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `cloudvault/${purpose}/v1`, 32));
}

@Injectable()
export class KeyringService implements OnModuleInit {
  private master!: Buffer;
  private previous: Buffer[] = [];
  private readonly subkeys = new Map<KeyPurpose, Buffer>();

  constructor(private readonly config: AppConfigService) {}

  onModuleInit(): void {
    const configured = this.config.fileEncryptionKey;
    this.master = configured ? Buffer.from(configured, 'hex') : this.loadOrCreate();
    this.previous = this.config.fileEncryptionKeysPrevious.map((hex) => Buffer.from(hex, 'hex'));
  }

  /** The purpose's current key: everything is encrypted under it. */
  key(purpose: KeyPurpose): Buffer {
    let k = this.subkeys.get(purpose);
    if (!k) {
      k = derive(this.master, purpose);
      this.subkeys.set(purpose, k);
    }
    return k;
  }

  /**
   * The keys data of this purpose may be encrypted under: the current key first, then those derived from
   * FILE_ENCRYPTION_KEYS_PREVIOUS (key rotation: data written before it stays readable during the window).
   */
  keys(purpose: KeyPurpose): Buffer[] {
    return [this.key(purpose), ...this.previous.map((master) => derive(master, purpose))];
  }

  private loadOrCreate(): Buffer {
    const dir = join(this.config.dataDir, 'keys');
    const file = join(dir, 'master.key');
    let stored: string | undefined;
    try {
      if (existsSync(file)) stored = readFileSync(file, 'utf8').trim();
    } catch (e) {
      throw new Error(`Cannot read the encryption key ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (stored !== undefined) {
      if (!KEY_HEX.test(stored))
        throw new Error(
          `The encryption key file ${file} is malformed or truncated: it must hold 64 hex characters (32 bytes). ` +
            'Restore it from your backup; files encrypted under it cannot be read without it',
        );
      return Buffer.from(stored, 'hex');
    }
    try {
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
