import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { UpdateMeDto, UserDto } from '@cloudvault/contracts';
import { AllowMfaEnrolment } from '../../common/decorators/allow-mfa-enrolment.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiUnauthorizedResponse({ type: ErrorDto, description: 'Missing or invalid access token' })
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  /** The signed-in account. */
  @AllowMfaEnrolment()
  @Get()
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'The account no longer exists' })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.getMe(user);
  }

  /**
   * Changes the display name and preferences (only the fields sent; `timeZone` must be an IANA name), and for
   * doctors the specialty and biography (an empty bio clears it).
   */
  @Patch()
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({
    type: ErrorDto,
    description: 'Invalid or unknown fields (e.g. an unknown time zone), or doctor-only fields from a patient',
  })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'The account no longer exists' })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<UserDto> {
    return this.users.updateMe(user, dto);
  }
}
