import { IsOptional, IsString, Length } from 'class-validator';

/** Refresh or logout: the refresh token in the body, or (for the SPA) in the `cv_refresh` cookie. */
export class RefreshTokenDto {
  /** Opaque refresh token from login; omit it to use the cookie. */
  @IsOptional()
  @IsString()
  @Length(1, 512)
  refreshToken?: string;
}
