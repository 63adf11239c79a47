import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RefreshToken, RefreshTokenSchema } from './refresh-token.schema';
import { RefreshTokensService } from './refresh-tokens.service';
import { SessionRevocationService } from './session-revocation.service';

/**
 * Sign-in sessions (refresh-token families) and their revocation. Other modules (account deletion, password
 * reset) import this module for SessionRevocationService without depending on the whole AuthModule.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: RefreshToken.name, schema: RefreshTokenSchema }])],
  providers: [RefreshTokensService, SessionRevocationService],
  exports: [RefreshTokensService, SessionRevocationService],
})
export class SessionsModule {}
