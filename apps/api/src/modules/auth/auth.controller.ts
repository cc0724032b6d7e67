import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthResponse, PublicUser } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { AuthService } from './auth.service';
import { LoginDto, PasswordChangeDto, RegisterDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @WriteThrottle('register')
  register(@Body() body: RegisterDto): Promise<AuthResponse> {
    return this.auth.register(body);
  }

  @Post('login')
  @HttpCode(200)
  @WriteThrottle('auth')
  login(@Body() body: LoginDto): Promise<AuthResponse> {
    return this.auth.login(body.username, body.password);
  }

  /** Logs the account out everywhere: every token it holds is revoked (open sockets are closed). */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle('auth')
  logout(@CurrentUser() user: RequestUser): Promise<void> {
    return this.auth.logout(user.id);
  }

  @Post('password')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle('auth')
  changePassword(@Body() body: PasswordChangeDto, @CurrentUser() user: RequestUser): Promise<AuthResponse> {
    return this.auth.changePassword(user.id, body);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  me(@CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.auth.me(user.id);
  }
}
