import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MigrationsService } from '../migrations/migrations.service';
import { DatabaseUriService } from './embedded-mongo.service';

@Module({ providers: [DatabaseUriService], exports: [DatabaseUriService] })
class DatabaseUriModule {}

/**
 * Mongoose connection. Commands are not buffered while disconnected, so a database outage fails fast
 * (mapped to 503) instead of hanging requests; the driver reconnects by itself when the server is back.
 * Pending schema migrations run at start-up (MigrationsService).
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      imports: [DatabaseUriModule],
      inject: [DatabaseUriService],
      useFactory: async (db: DatabaseUriService) => ({
        uri: await db.resolveUri(),
        bufferCommands: false,
        serverSelectionTimeoutMS: 3000,
        socketTimeoutMS: 30000,
        maxPoolSize: 20,
      }),
    }),
  ],
  providers: [MigrationsService],
})
export class DatabaseModule {}
