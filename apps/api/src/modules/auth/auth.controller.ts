import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthResponse, PublicUser } from '@agora/shared';
import type { Request, Response } from 'express';
import { Authenticated } from '../../common/decorators/authenticated.decorator';
import { CurrentUser, type RequestUser } from '../../common/decorators/current-user.decorator';
import { WriteThrottle } from '../../common/decorators/write-throttle.decorator';
import { AuthService, type SignedIn } from './auth.service';
import { SESSION_COOKIE, SESSION_PATH, sessionOf } from './session-cookie';

/** Sets the session cookie and answers with the access token. */
function signedIn(req: Request, res: Response, { body, session }: SignedIn): AuthResponse {
  res.cookie(SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: SESSION_PATH, expires: session.expiresAt });
  return body;
}

const signedOut = (res: Response): void => void res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: SESSION_PATH });
import { LoginDto, PasswordChangeDto, RegisterDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @WriteThrottle('register')
  async register(@Body() body: RegisterDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    return signedIn(req, res, await this.auth.register(body));
  }

  @Post('login')
  @HttpCode(200)
  @WriteThrottle('auth')
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    return signedIn(req, res, await this.auth.login(body.username, body.password));
  }

  /** A fresh access token for the session cookie, which is renewed with it (a page calls it when it opens and before its token runs out). */
  @Post('refresh')
  @HttpCode(200)
  @WriteThrottle('session')
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    try {
      return signedIn(req, res, await this.auth.refresh(sessionOf(req)));
    } catch (error) {
      signedOut(res);
      throw error;
    }
  }

  /** Signs out this device: its session cookie is ended and cleared (its access token runs out within JWT_TTL). */
  @Delete('session')
  @HttpCode(204)
  @WriteThrottle('session')
  async endSession(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.endSession(sessionOf(req));
    signedOut(res);
  }

  /** Logs the account out everywhere: every token it holds is revoked (open sockets are closed). */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle('auth')
  async logout(@CurrentUser() user: RequestUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user.id);
    signedOut(res);
  }

  @Post('password')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  @WriteThrottle('auth')
  async changePassword(@Body() body: PasswordChangeDto, @CurrentUser() user: RequestUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    return signedIn(req, res, await this.auth.changePassword(user.id, body));
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  me(@CurrentUser() user: RequestUser): Promise<PublicUser> {
    return this.auth.me(user.id);
  }
}
