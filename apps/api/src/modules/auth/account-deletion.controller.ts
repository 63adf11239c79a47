import { Body, Controller, Delete, HttpCode, HttpStatus, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DeleteAccountDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { AuthFailuresInterceptor } from './auth-failures.interceptor';
import { AccountDeletionService } from './account-deletion.service';
import { IpFailureLimitGuard } from './ip-failure-limit.guard';

@ApiTags('me')
@UseGuards(IpFailureLimitGuard)
@UseInterceptors(AuthFailuresInterceptor)
@Controller('me')
export class AccountDeletionController {
  constructor(private readonly deletion: AccountDeletionService) {}

  /**
   * Deletes my account: every session signed out, consultations ended (the other party is told), every
   * record and file erased; what remains is a tombstone (id, role, deletion time). The email can register again.
   */
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Account deleted' })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid fields, or no code while two-factor is on' })
  @ApiUnauthorizedResponse({ type: ErrorDto, description: 'Missing or invalid access token, wrong password or code' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'The account no longer exists' })
  @ApiTooManyRequestsResponse({ type: ErrorDto, description: 'Too many failed attempts; see Retry-After' })
  @ApiServiceUnavailableResponse({ type: ErrorDto, description: 'Database or storage unavailable; repeat the request' })
  delete(@CurrentUser() user: AuthUser, @Body() dto: DeleteAccountDto): Promise<void> {
    return this.deletion.delete(user, dto);
  }
}
