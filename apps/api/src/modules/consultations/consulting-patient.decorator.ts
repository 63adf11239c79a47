import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Roles } from '../../common/decorators/roles.decorator';
import { ErrorDto } from '../../common/http/error.dto';
import { ConsultingPatientGuard } from './consulting-patient.guard';
import { RecordAccessInterceptor } from './record-access.interceptor';

/**
 * The whole access rule of the doctor workspace in one decorator, for a controller or a handler whose path
 * has `:patientId`: doctors only, with an active consultation with that patient (else 403); a read tells the
 * patient (`record.accessed`, once per doctor and day).
 */
export const ConsultingPatient = () =>
  applyDecorators(
    Roles('doctor'),
    UseGuards(ConsultingPatientGuard),
    UseInterceptors(RecordAccessInterceptor),
    ApiUnauthorizedResponse({ type: ErrorDto, description: 'Not signed in' }),
    ApiForbiddenResponse({ type: ErrorDto, description: 'Not a doctor, or no active consultation with this patient' }),
    ApiBadRequestResponse({ type: ErrorDto, description: 'Malformed id or input' }),
  );
