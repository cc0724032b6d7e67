import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthResponse, PublicUser } from '@agora/shared';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { AuthService } from './auth.service';
import { LoginDto, RegisterDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @WriteThrottle()
  register(@Body() body: RegisterDto): Promise<AuthResponse> {
    return this.auth.register(body);
  }

  @Post('login')
  @HttpCode(200)
  @WriteThrottle()
  login(@Body() body: LoginDto): Promise<AuthResponse> {
    return this.auth.login(body.username, body.password);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  me(@CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.auth.me(user.id);
  }
}
