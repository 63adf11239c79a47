import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status!: 'up' | 'down';
}

/** 200 `{status: "ok", checks}`; a 503 also carries the error shape (`statusCode`, `error`, `message`). */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'], example: 'ok' })
  status!: 'ok' | 'error';

  @ApiPropertyOptional({ description: '503 only.', example: 503 })
  statusCode?: number;

  @ApiPropertyOptional({ description: '503 only.', example: 'Service Unavailable' })
  error?: string;

  @ApiPropertyOptional({ description: '503 only: the checks that are down.', example: 'Unavailable: database' })
  message?: string;

  @ApiProperty({
    description: 'One entry per dependency: `database`, `storage`.',
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(HealthCheckDto) },
    example: { database: { status: 'up' }, storage: { status: 'up' } },
  })
  checks!: Record<string, HealthCheckDto>;
}
