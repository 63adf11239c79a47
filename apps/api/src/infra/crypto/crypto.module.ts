import { Global, Module } from '@nestjs/common';
import { KeyringService } from './keyring.service';

@Global()
@Module({ providers: [KeyringService], exports: [KeyringService] })
export class CryptoModule {}
