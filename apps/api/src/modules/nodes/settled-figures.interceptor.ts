import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';
import { StrengthService } from './strength.service';

/**
 * On reads of strengths: waits until the strengths carried by writes already acknowledged are stored
 * up to the root (see StrengthService.settledForReaders), so that whoever voted or replied and then
 * reads sees what they did everywhere it counts. Without Redis this is a few milliseconds at most.
 */
@Injectable()
export class SettledFiguresInterceptor implements NestInterceptor {
  constructor(private readonly strength: StrengthService) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.strength.settledForReaders()).pipe(switchMap(() => next.handle()));
  }
}
