import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DoctorPageDto, ListDoctorsQueryDto } from '@cloudvault/contracts';
import { ErrorDto } from '../../common/http/error.dto';
import { DoctorDirectoryService } from './doctor-directory.service';

@ApiTags('doctors')
@Controller('doctors')
export class DoctorsController {
  constructor(private readonly directory: DoctorDirectoryService) {}

  @Get()
  @ApiOperation({ summary: 'Doctor directory: search by name or specialty (no emails or private fields)' })
  @ApiOkResponse({ type: DoctorPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto })
  search(@Query() query: ListDoctorsQueryDto): Promise<DoctorPageDto> {
    return this.directory.search(query);
  }
}
