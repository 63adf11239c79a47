import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '@cloudvault/contracts';
import { ErrorDto } from '../http/error.dto';

export const ROLES_KEY = 'roles';

/** Restricts a handler or controller to the given roles (checked by the global RolesGuard). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ type: ErrorDto, description: 'Role not allowed' }),
  );
