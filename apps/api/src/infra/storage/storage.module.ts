import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfigService } from '../../config/app-config.service';
import { KeyringService } from '../crypto/keyring.service';
import { LocalEncryptedStorage } from './local-encrypted.storage';
import { OBJECT_STORAGE, type ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3.storage';

/** Provides OBJECT_STORAGE: the driver chosen by STORAGE_DRIVER (local by default, or s3). */
@Module({
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [AppConfigService, KeyringService],
      useFactory: (config: AppConfigService, keyring: KeyringService): ObjectStorage => {
        if (config.storageDriver === 's3') {
          const { bucket, ...s3 } = config.s3;
          if (!bucket) throw new Error('Invalid configuration: S3_BUCKET is required when STORAGE_DRIVER=s3');
          return new S3ObjectStorage({
            bucket,
            ...s3,
            key: () => keyring.key('files'),
            readKeys: () => keyring.keys('files'),
          });
        }
        return new LocalEncryptedStorage(
          join(config.dataDir, 'files'),
          () => keyring.key('files'),
          () => keyring.keys('files'),
        );
      },
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
