import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status!: 'up' | 'down';
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'], example: 'ok' })
  status!: 'ok' | 'error';

  @ApiProperty({
    description: 'One entry per dependency: `database`, `storage`.',
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(HealthCheckDto) },
    example: { database: { status: 'up' }, storage: { status: 'up' } },
  })
  checks!: Record<string, HealthCheckDto>;
}
